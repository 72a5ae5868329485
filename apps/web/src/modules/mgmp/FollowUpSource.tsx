import type { MgmpDecision, MgmpMeeting } from '@tumbuh/shared';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n.tsx';
import { api } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { Field } from '../../shared/ui.tsx';
import { agendaIndex, parseSourceValue, SOURCE_MEETINGS, sourceMeetings, sourceValue, type AgendaRef, type FollowUpSource } from './followups.models.ts';
import { mgmpKeys, useMgmpMeetings } from './mgmp.api.ts';

/**
 * The agenda items a follow-up may come from: those of the group's latest running or held meetings
 * (each meeting read once, shared with its page's cache), indexed by id for showing a follow-up's source.
 */
export function useAgendaSources(groupId: string): { meetings: MgmpMeeting[]; index: Map<string, AgendaRef> } {
  const list = useMgmpMeetings(groupId);
  const recent = sourceMeetings(list.data?.items ?? []);
  const details = useQueries({
    queries: recent.map((m) => ({
      queryKey: mgmpKeys.meeting(m.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<MgmpMeeting>('GET', `/mgmp/meetings/${encodeURIComponent(m.id)}`, { signal }),
    })),
  });
  const meetings = details.flatMap((d) => (d.data ? [d.data] : []));
  // At most a few meetings of at most 50 items: cheap enough to index on every render.
  return { meetings, index: agendaIndex(meetings) };
}

/** One select for where a new follow-up comes from: a closed decision or an agenda item of a recent meeting (or neither). */
export function FollowUpSourceField({
  decisionId,
  agendaItemId,
  decisions,
  meetings,
  error,
  onChange,
}: {
  decisionId: string;
  agendaItemId: string;
  decisions: readonly MgmpDecision[];
  meetings: readonly MgmpMeeting[];
  error?: string | undefined;
  onChange: (source: { decisionId: string; agendaItemId: string }) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const value = sourceValue({ decisionId, agendaItemId });
  const knownAgenda = meetings.some((m) => m.agenda.some((a) => a.id === agendaItemId));
  const knownDecision = decisions.some((d) => d.id === decisionId);
  return (
    <Field label={t('mgmpRecord.source.label')} hint={t('mgmpRecord.source.hint', { n: SOURCE_MEETINGS })} error={error} wide>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(parseSourceValue(e.target.value))}>
          <option value="">{t('mgmpRecord.source.none')}</option>
          {/* A restored draft's choice that is not listed (yet) stays chosen instead of silently turning into "none". */}
          {decisionId !== '' && !knownDecision && <option value={value}>{t('mgmpRecord.source.fromDecisionUnknown')}</option>}
          {decisionId === '' && agendaItemId !== '' && !knownAgenda && <option value={value}>{t('mgmpRecord.source.fromAgendaUnknown')}</option>}
          {decisions.length > 0 && (
            <optgroup label={t('mgmpRecord.source.decisions')}>
              {decisions.map((d) => (
                <option key={d.id} value={sourceValue({ decisionId: d.id, agendaItemId: '' })}>
                  {d.statement ?? d.proposal}
                </option>
              ))}
            </optgroup>
          )}
          {meetings.map((m) => (
            <optgroup key={m.id} label={t('mgmpRecord.source.meeting', { title: m.title, date: formatDate(m.startsAt, locale) })}>
              {[...m.agenda]
                .sort((a, b) => a.ordinal - b.ordinal)
                .map((a) => (
                  <option key={a.id} value={sourceValue({ decisionId: '', agendaItemId: a.id })}>
                    {a.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

/** "Dari agenda: …, <meeting>" (linked to the meeting) or "Dari keputusan: …" under a follow-up. */
export function FollowUpSourceLine({ source }: { source: FollowUpSource }) {
  const t = useT();
  const { locale } = useLocale();
  if (!source) return null;
  if (source.kind === 'decision') {
    return <span className="muted small follow-up-source">{source.text ? t('mgmpRecord.source.fromDecision', { text: source.text }) : t('mgmpRecord.source.fromDecisionUnknown')}</span>;
  }
  if (!source.ref) return <span className="muted small follow-up-source">{t('mgmpRecord.source.fromAgendaUnknown')}</span>;
  return (
    <span className="muted small follow-up-source">
      {t('mgmpRecord.source.fromAgenda', { item: source.ref.itemTitle })} ·{' '}
      <Link to={`/mgmp/rapat/${source.ref.meetingId}`}>{t('mgmpRecord.source.meetingOn', { title: source.ref.meetingTitle, date: formatDate(source.ref.startsAt, locale) })}</Link>
    </span>
  );
}
