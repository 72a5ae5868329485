import type { MgmpAgendaItem, MgmpDecision, MgmpMeetingStatus } from '@tumbuh/shared';

/** Pure rules of where a follow-up (tindak lanjut) comes from: a decision or an agenda item (no React here). */

/** How many of the group's latest running or held meetings offer their agenda items as a source. */
export const SOURCE_MEETINGS = 6;

interface MeetingLike {
  id: string;
  title: string;
  startsAt: string;
  status: MgmpMeetingStatus;
}

/** The meetings whose agenda items a new follow-up may come from: running or held, newest first, at most `limit`. */
export function sourceMeetings<M extends MeetingLike>(meetings: readonly M[], limit = SOURCE_MEETINGS): M[] {
  return meetings
    .filter((m) => m.status === 'berlangsung' || m.status === 'selesai')
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    .slice(0, limit);
}

/** The one value of the form's source select: `d:<decision id>`, `a:<agenda item id>`, or '' (none). */
export function sourceValue(source: { decisionId: string; agendaItemId: string }): string {
  if (source.decisionId) return `d:${source.decisionId}`;
  if (source.agendaItemId) return `a:${source.agendaItemId}`;
  return '';
}

/** The select's value back as the two ids the API takes (one of them, or neither). */
export function parseSourceValue(value: string): { decisionId: string; agendaItemId: string } {
  if (value.startsWith('d:')) return { decisionId: value.slice(2), agendaItemId: '' };
  if (value.startsWith('a:')) return { decisionId: '', agendaItemId: value.slice(2) };
  return { decisionId: '', agendaItemId: '' };
}

export interface AgendaRef {
  itemId: string;
  itemTitle: string;
  meetingId: string;
  meetingTitle: string;
  startsAt: string;
}

/** Agenda items by id, from meetings with their agenda (items in agenda order). */
export function agendaIndex(meetings: readonly (MeetingLike & { agenda: readonly MgmpAgendaItem[] })[]): Map<string, AgendaRef> {
  const out = new Map<string, AgendaRef>();
  for (const m of meetings) {
    for (const a of [...m.agenda].sort((x, y) => x.ordinal - y.ordinal)) {
      out.set(a.id, { itemId: a.id, itemTitle: a.title, meetingId: m.id, meetingTitle: m.title, startsAt: m.startsAt });
    }
  }
  return out;
}

export type FollowUpSource =
  | { kind: 'decision'; text: string | null }
  | { kind: 'agenda'; ref: AgendaRef | null }
  | null;

/**
 * What a follow-up shows as its origin: the decision's statement (or proposal), or the agenda item
 * with its meeting. A source that is not among the loaded data (an older meeting, a decision not
 * listed) still says what kind of source it is, with `text`/`ref` null.
 */
export function followUpSource(
  followUp: { decisionId: string | null; agendaItemId: string | null },
  decisions: readonly Pick<MgmpDecision, 'id' | 'statement' | 'proposal'>[],
  agenda: ReadonlyMap<string, AgendaRef>,
): FollowUpSource {
  if (followUp.decisionId) {
    const d = decisions.find((x) => x.id === followUp.decisionId);
    return { kind: 'decision', text: d ? (d.statement ?? d.proposal) : null };
  }
  if (followUp.agendaItemId) return { kind: 'agenda', ref: agenda.get(followUp.agendaItemId) ?? null };
  return null;
}
