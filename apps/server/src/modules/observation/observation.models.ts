/**
 * Pure rules of classroom observation: the status flow, who sees and changes an observation, what
 * may change in which status, which indicators and values are accepted, and which MGMP meeting a
 * goal goes to. No database, no clock: the use cases pass everything in.
 */
import type { InstrumentDetail, ObservationStatus, ReflectionRole } from '@tumbuh/shared';
import { hasRole, type Actor } from '../tenancy/tenancy.models.ts';

type Who = Pick<Actor, 'roles' | 'userId' | 'teacherId'>;

// ---------- status flow ----------

/** The only moves: planned → in_progress → reflected (shared with the teacher) → closed. Nothing leaves closed. */
export const OBSERVATION_TRANSITIONS: Readonly<Record<ObservationStatus, readonly ObservationStatus[]>> = {
  planned: ['in_progress'],
  in_progress: ['reflected'],
  reflected: ['closed'],
  closed: [],
};

export function canTransition(from: ObservationStatus, to: ObservationStatus): boolean {
  return OBSERVATION_TRANSITIONS[from].includes(to);
}

/** The timestamp column a move sets. */
export function transitionStamp(to: ObservationStatus): 'startedAt' | 'reflectedAt' | 'closedAt' | null {
  switch (to) {
    case 'in_progress':
      return 'startedAt';
    case 'reflected':
      return 'reflectedAt';
    case 'closed':
      return 'closedAt';
    case 'planned':
      return null;
    default: {
      const unknown: never = to;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
}

/** The plan (date, class, topic, focus) changes until the lesson is over (shared or closed). */
export function planProblem(status: ObservationStatus): 'closed' | 'invalid_transition' | null {
  if (status === 'closed') return 'closed';
  return status === 'reflected' ? 'invalid_transition' : null;
}

/**
 * Notes are written and edited until the observation is closed. A note on a planned observation
 * starts it (the observer opened the "during" screen in class): see `noteStartsObservation`.
 */
export function noteProblem(status: ObservationStatus): 'closed' | null {
  return status === 'closed' ? 'closed' : null;
}

export function noteStartsObservation(status: ObservationStatus): boolean {
  return status === 'planned';
}

/** Ratings and goals: once the lesson has been observed (in progress or reflected); closed is frozen. */
export function afterProblem(status: ObservationStatus): 'closed' | 'invalid_transition' | null {
  if (status === 'closed') return 'closed';
  return status === 'planned' ? 'invalid_transition' : null;
}

/**
 * The reflection conversation: the observer (or kepala) may write feedback once the lesson is
 * observed; the teacher reflects once the observation is shared with them (reflected). Closed is frozen.
 */
export function reflectionProblem(status: ObservationStatus, role: ReflectionRole): 'closed' | 'not_shared' | 'invalid_transition' | null {
  if (status === 'closed') return 'closed';
  if (role === 'teacher') return status === 'reflected' ? null : 'not_shared';
  return status === 'planned' ? 'invalid_transition' : null;
}

// ---------- access ----------

/** What of an observation decides who sees and changes it. */
export interface ObservationFacts {
  madrasahId: string;
  teacherId: string;
  observerUserId: string;
  status: ObservationStatus;
}

/**
 * - edit: the observer and the kepala madrasah of the observation's madrasah;
 * - read: a pengawas assigned to the madrasah (who edits only observations they make);
 * - teacher: the observed teacher (the plan always; notes and ratings once shared, see `evidenceVisible`);
 * - none: anyone else (other teachers, other madrasahs, other tenants): answered 404.
 */
export type ObservationAccess = 'edit' | 'read' | 'teacher' | 'none';

export function observationAccess(actor: Who, o: Pick<ObservationFacts, 'madrasahId' | 'teacherId' | 'observerUserId'>): ObservationAccess {
  if (actor.userId === o.observerUserId || hasRole(actor, 'kepala_madrasah', o.madrasahId)) return 'edit';
  if (hasRole(actor, 'pengawas', o.madrasahId)) return 'read';
  if (actor.teacherId !== null && actor.teacherId === o.teacherId) return 'teacher';
  return 'none';
}

/** Notes, ratings, feedback and goals reach the observed teacher once the observer shares the observation (reflected, then closed). */
export function evidenceVisible(access: ObservationAccess, status: ObservationStatus): boolean {
  if (access === 'none') return false;
  if (access !== 'teacher') return true;
  return status === 'reflected' || status === 'closed';
}

/** The reflection role of the requester: the teacher writes their reflection, editors write feedback; readers write nothing. */
export function reflectionRoleOf(access: ObservationAccess): ReflectionRole | null {
  if (access === 'teacher') return 'teacher';
  return access === 'edit' ? 'observer' : null;
}

/** The SQL twin of `observationAccess` for lists. */
export interface ObservationReadScope {
  /** Madrasahs whose observations are all visible (kepala, pengawas): 'all' for a tenant-wide grant. */
  leadMadrasahIds: 'all' | string[];
  userId: string;
  teacherId: string | null;
}

export function observationReadScope(actor: Who): ObservationReadScope {
  const grants = actor.roles.filter((g) => g.role === 'kepala_madrasah' || g.role === 'pengawas');
  const leadMadrasahIds = grants.some((g) => g.madrasahId === null) ? 'all' : [...new Set(grants.map((g) => g.madrasahId).filter((id): id is string => id !== null))];
  return { leadMadrasahIds, userId: actor.userId, teacherId: actor.teacherId };
}

// ---------- instrument ----------

/** What an observation needs of its instrument version: its indicators (in order) and the values of its scale. */
export interface ObservationInstrument {
  code: string;
  version: number;
  indicatorIds: readonly string[];
  scaleValues: readonly number[];
}

export function observationInstrumentOf(detail: InstrumentDetail): ObservationInstrument {
  return {
    code: detail.code,
    version: detail.version,
    indicatorIds: detail.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => i.id))),
    scaleValues: detail.scale.levels.map((l) => l.value),
  };
}

/** Indicator ids that are not part of the instrument version (in the order given). */
export function unknownIndicators(instrument: ObservationInstrument, ids: readonly string[]): string[] {
  const known = new Set(instrument.indicatorIds);
  return ids.filter((id) => !known.has(id));
}

/** The first problem of a set of ratings: an indicator of another version, or a value off the scale. */
export function ratingProblem(instrument: ObservationInstrument, ratings: readonly { indicatorId: string; value: number }[]): 'unknown_indicator' | 'invalid_rating_value' | null {
  if (unknownIndicators(instrument, ratings.map((r) => r.indicatorId)).length > 0) return 'unknown_indicator';
  return ratings.some((r) => !instrument.scaleValues.includes(r.value)) ? 'invalid_rating_value' : null;
}

/** The notes tagged to each indicator (the evidence shown beside its rating), in note time order. */
export function evidenceByIndicator<N extends { indicatorIds: readonly string[]; notedAt: string }>(notes: readonly N[]): Map<string, N[]> {
  const map = new Map<string, N[]>();
  for (const note of [...notes].sort((a, b) => a.notedAt.localeCompare(b.notedAt))) {
    for (const id of note.indicatorIds) {
      const list = map.get(id);
      if (list) list.push(note);
      else map.set(id, [note]);
    }
  }
  return map;
}

// ---------- MGMP ----------

/**
 * Where a goal goes in the teacher's MGMP group: the next planned meeting (status direncanakan,
 * starting now or later, earliest first) takes it as an agenda item; with no planned meeting it
 * becomes a follow-up of the group (owned by the teacher), which the group's next meeting puts on
 * its agenda by itself when it is planned.
 */
export function nextPlannedMeeting<M extends { status: string; startsAt: string }>(meetings: readonly M[], now: Date): M | undefined {
  const t = now.getTime();
  let best: M | undefined;
  for (const m of meetings) {
    if (m.status !== 'direncanakan' || Date.parse(m.startsAt) < t) continue;
    if (!best || Date.parse(m.startsAt) < Date.parse(best.startsAt)) best = m;
  }
  return best;
}

/** The agenda item / follow-up text of a goal sent to the MGMP. */
export function goalAgendaTitle(goal: { what: string; dueDate: string }, teacherName: string): string {
  const text = `Tindak lanjut observasi kelas (${teacherName}): ${goal.what} — target ${goal.dueDate}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
