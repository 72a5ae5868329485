import {
  FOCUS_DIMENSIONS,
  OBSERVATION_STATUSES,
  OBSERVER_KINDS,
  REFLECTION_ROLES,
  type CreateObservationGoalInput,
  type CreateObservationInput,
  type FocusDimension,
  type Observation,
  type ObservationGoal,
  type ObservationMgmpGroups,
  type ObservationNote,
  type ObservationStatus,
  type ObservationSummary,
  type PutObservationNoteInput,
  type PutObservationRatingsInput,
  type UpdateObservationInput,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { decideRater } from '../assessment/assessment-cycle.models.ts';
import type { AssessmentCycleRepository } from '../assessment/assessment-cycle.repository.ts';
import { assessmentErrors } from '../assessment/assessment.errors.ts';
import type { InstrumentCatalogue } from '../assessment/instruments.catalogue.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { MadrasahInstrumentsRepository } from '../instruments/instruments.repository.ts';
import { findUsableInstrument } from '../instruments/instruments.usecases.ts';
import { getGroup, listGroups } from '../mgmp/groups.usecases.ts';
import { addAgendaItem, listMeetings } from '../mgmp/meetings.usecases.ts';
import type { MgmpDeps } from '../mgmp/mgmp.context.ts';
import type { MgmpRepository } from '../mgmp/mgmp.repository.ts';
import { createFollowUp } from '../mgmp/musyawarah.usecases.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { canSeeMadrasah, hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import { observationErrors } from './observation.errors.ts';
import {
  afterProblem,
  canTransition,
  evidenceVisible,
  goalAgendaTitle,
  nextPlannedMeeting,
  noteProblem,
  noteStartsObservation,
  observationAccess,
  observationInstrumentOf,
  observationReadScope,
  planProblem,
  ratingProblem,
  reflectionProblem,
  reflectionRoleOf,
  transitionStamp,
  unknownIndicators,
  type ObservationAccess,
  type ObservationInstrument,
} from './observation.models.ts';
import { createObservationRepository, type GoalListRow, type NoteRow, type ObservationListRow, type ObservationRepository } from './observation.repository.ts';

/** What the observation use cases need. */
export interface ObservationDeps {
  db: Database;
  observationRepository: ObservationRepository;
  peopleRepository: PeopleRepository;
  assessmentCycleRepository: AssessmentCycleRepository;
  mgmpRepository: MgmpRepository;
  instrumentCatalogue: InstrumentCatalogue;
  madrasahInstrumentsRepository: MadrasahInstrumentsRepository;
  clock: () => Date;
}

type Page = { limit: number; offset: number };

// ---------- helpers ----------

function oneOf<const T extends readonly string[]>(values: T, text: string): T[number] {
  const found = values.find((v) => v === text);
  if (found === undefined) throw new Error(`unexpected value "${text}"`);
  return found;
}

const statusOf = (text: string): ObservationStatus => oneOf(OBSERVATION_STATUSES, text);
const focusOf = (codes: readonly string[]): FocusDimension[] => codes.map((c) => oneOf(FOCUS_DIMENSIONS, c));

function factsOf(row: ObservationListRow) {
  const o = row.observation;
  return { madrasahId: o.madrasahId, teacherId: o.teacherId, observerUserId: o.observerUserId, status: statusOf(o.status) };
}

function presentSummary(row: ObservationListRow): ObservationSummary {
  const o = row.observation;
  return {
    id: o.id,
    madrasahId: o.madrasahId,
    teacher: { id: o.teacherId, name: row.teacherName },
    observer: { userId: o.observerUserId, name: row.observerName, kind: oneOf(OBSERVER_KINDS, o.observerKind) },
    scheduledAt: o.scheduledAt.toISOString(),
    rombel: o.rombel,
    subjectName: o.subjectName,
    topic: o.topic,
    focus: focusOf(o.focus),
    instrument: { code: o.instrumentCode, version: o.instrumentVersion },
    periodId: o.periodId,
    status: statusOf(o.status),
    noteCount: row.noteCount,
    createdAt: o.createdAt.toISOString(),
  };
}

function presentNote(n: NoteRow): ObservationNote {
  return { id: n.id, notedAt: n.notedAt.toISOString(), text: n.text, indicatorIds: [...n.indicatorIds].sort(), author: { userId: n.authorUserId, name: n.authorName }, updatedAt: n.updatedAt.toISOString() };
}

function presentGoal(r: GoalListRow): ObservationGoal {
  const g = r.goal;
  return {
    id: g.id,
    observationId: g.observationId,
    what: g.what,
    dueDate: g.dueDate,
    createdAt: g.createdAt.toISOString(),
    sent:
      g.mgmpGroupId && g.sentAt
        ? {
            groupId: g.mgmpGroupId,
            groupName: r.groupName ?? '',
            as: g.mgmpAgendaItemId ? 'agenda' : 'follow-up',
            meetingId: g.mgmpMeetingId,
            agendaItemId: g.mgmpAgendaItemId,
            followUpId: g.mgmpFollowUpId,
            sentAt: g.sentAt.toISOString(),
          }
        : null,
  };
}

/**
 * The observation's instrument version: official, or published by the observation's madrasah
 * (a madrasah-built instrument is rated on its own scale, see instruments module).
 */
async function instrumentOf(tx: Tx, tenantId: string, madrasahId: string, code: string, version: number | undefined, deps: ObservationDeps): Promise<ObservationInstrument> {
  const detail = await findUsableInstrument(tx, tenantId, madrasahId, code, version, deps);
  if (!detail) throw assessmentErrors['assessment.instrument_not_found']();
  return observationInstrumentOf(detail);
}

async function audit(tx: Tx, actor: Actor, madrasahId: string, entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown }): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId, ...entry });
}

/** An observation the actor may see, with their access; anyone else (other teachers, madrasahs, tenants) gets 404. */
async function loadVisible(tx: Tx, actor: Actor, id: string, deps: ObservationDeps, options: { lock?: boolean } = {}): Promise<{ row: ObservationListRow; access: ObservationAccess }> {
  if (options.lock && !(await deps.observationRepository.lockObservation(tx, actor.tenantId, id))) throw observationErrors['observation.not_found']();
  const row = await deps.observationRepository.findObservation(tx, actor.tenantId, id);
  const access = row ? observationAccess(actor, factsOf(row)) : 'none';
  if (!row || access === 'none') throw observationErrors['observation.not_found']();
  return { row, access };
}

/** An observation the actor edits (observer, kepala): locked for the rest of the transaction. Readers get 403. */
async function loadEditable(tx: Tx, actor: Actor, id: string, deps: ObservationDeps) {
  const loaded = await loadVisible(tx, actor, id, deps, { lock: true });
  if (loaded.access !== 'edit') throw commonErrors['auth.forbidden']();
  return loaded.row;
}

function throwProblem(problem: 'closed' | 'invalid_transition' | 'not_shared' | null): void {
  if (problem) throw observationErrors[`observation.${problem}`]();
}

async function present(tx: Tx, actor: Actor, row: ObservationListRow, access: ObservationAccess, deps: ObservationDeps): Promise<Observation> {
  const o = row.observation;
  const status = statusOf(o.status);
  const visible = evidenceVisible(access, status);
  const repo = deps.observationRepository;
  const notes = visible ? (await repo.listNotes(tx, actor.tenantId, o.id)).map(presentNote) : [];
  const ratings = visible ? await repo.listRatings(tx, actor.tenantId, o.id) : [];
  const reflections = visible
    ? (await repo.listReflections(tx, actor.tenantId, o.id)).map((r) => ({
        id: r.row.id,
        role: oneOf(REFLECTION_ROLES, r.row.authorRole),
        author: { userId: r.row.authorUserId, name: r.authorName },
        text: r.row.text,
        createdAt: r.row.createdAt.toISOString(),
      }))
    : [];
  const goals = visible ? (await repo.listGoals(tx, actor.tenantId, o.id)).map(presentGoal) : [];
  const role = reflectionRoleOf(access);
  return {
    ...presentSummary(row),
    noteCount: visible ? notes.length : 0,
    focusIndicatorIds: o.focusIndicatorIds,
    startedAt: o.startedAt?.toISOString() ?? null,
    reflectedAt: o.reflectedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    updatedAt: o.updatedAt.toISOString(),
    can: { edit: access === 'edit' && status !== 'closed', reflect: role !== null && reflectionProblem(status, role) === null },
    evidenceVisible: visible,
    notes,
    ratings: [...ratings].sort((a, b) => a.indicatorId.localeCompare(b.indicatorId)),
    reflections,
    goals,
  };
}

async function reload(tx: Tx, actor: Actor, id: string, deps: ObservationDeps): Promise<Observation> {
  const { row, access } = await loadVisible(tx, actor, id, deps);
  return present(tx, actor, row, access, deps);
}

/** The audit snapshot of a plan. */
function planSnapshot(o: ObservationListRow['observation']) {
  return {
    teacherId: o.teacherId,
    observerUserId: o.observerUserId,
    observerKind: o.observerKind,
    scheduledAt: o.scheduledAt.toISOString(),
    rombel: o.rombel,
    subjectName: o.subjectName,
    topic: o.topic,
    focus: o.focus,
    focusIndicatorIds: o.focusIndicatorIds,
    instrument: `${o.instrumentCode}@${o.instrumentVersion}`,
    periodId: o.periodId,
    status: o.status,
  };
}

async function checkPeriod(tx: Tx, actor: Actor, periodId: string | null | undefined, madrasahId: string, deps: ObservationDeps): Promise<void> {
  if (!periodId) return;
  const period = await deps.assessmentCycleRepository.findPeriod(tx, actor.tenantId, periodId);
  if (!period || period.madrasahId !== madrasahId) throw assessmentErrors['assessment.period_not_found']();
}

// ---------- observations ----------

/** Observations the actor may see: kepala / pengawas their madrasahs'; an observer theirs; a teacher their own. */
export async function listObservations(actor: Actor, query: Page & { teacherId?: string | undefined; periodId?: string | undefined; status?: string | undefined }, deps: ObservationDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.observationRepository.listObservations(tx, actor.tenantId, observationReadScope(actor), query);
    return {
      items: page.items.map((row) => {
        const summary = presentSummary(row);
        // The observed teacher does not learn how many notes were taken before the observation is shared.
        return evidenceVisible(observationAccess(actor, factsOf(row)), summary.status) ? summary : { ...summary, noteCount: 0 };
      }),
      total: page.total,
    };
  });
}

/** One observation: the plan, and (for editors, readers, and the teacher once shared) notes, ratings, reflection and goals. @throws observation.not_found */
export async function getObservation(actor: Actor, id: string, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => reload(tx, actor, id, deps));
}

/**
 * Plans an observation of a teacher: by the kepala or a pengawas of the madrasah in their own name,
 * or by the kepala for a peer (another guru of the madrasah). The instrument is pmm-2024-observasi
 * unless another published one is named; focus indicators must belong to that version.
 * @throws people.teacher_not_found, assessment.instrument_not_found, observation.unknown_indicator,
 * assessment.period_not_found, observation.observer_not_allowed, observation.invalid_peer_observer
 */
export async function createObservation(actor: Actor, input: CreateObservationInput, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, input.teacherId);
    if (!teacher || !canSeeMadrasah(actor, teacher.madrasahId)) throw peopleErrors['people.teacher_not_found']();
    const instrument = await instrumentOf(tx, actor.tenantId, teacher.madrasahId, input.instrumentCode, input.instrumentVersion, deps);
    if (unknownIndicators(instrument, input.focusIndicatorIds).length > 0) throw observationErrors['observation.unknown_indicator']();
    await checkPeriod(tx, actor, input.periodId, teacher.madrasahId, deps);
    const peer = input.observerKind === 'peer' && input.observerUserId ? await deps.assessmentCycleRepository.findPeerCandidate(tx, actor.tenantId, input.observerUserId) : undefined;
    const decision = decideRater(actor, input.observerKind, { id: teacher.id, madrasahId: teacher.madrasahId }, input.observerUserId, peer);
    if (!decision.ok) throw observationErrors[decision.reason === 'invalid_peer_rater' ? 'observation.invalid_peer_observer' : 'observation.observer_not_allowed']();
    const now = deps.clock();
    const id = uuidv7();
    await deps.observationRepository.insertObservation(tx, {
      tenantId: actor.tenantId,
      id,
      madrasahId: teacher.madrasahId,
      teacherId: teacher.id,
      observerUserId: decision.raterUserId,
      observerKind: input.observerKind,
      scheduledAt: new Date(input.scheduledAt),
      rombel: input.rombel,
      subjectName: input.subjectName,
      topic: input.topic,
      focus: [...input.focus],
      focusIndicatorIds: [...input.focusIndicatorIds],
      instrumentCode: instrument.code,
      instrumentVersion: instrument.version,
      periodId: input.periodId ?? null,
      status: 'planned',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const { row, access } = await loadVisible(tx, actor, id, deps);
    await audit(tx, actor, teacher.madrasahId, { action: 'observation.create', entityType: 'observation', entityId: id, after: planSnapshot(row.observation) });
    return present(tx, actor, row, access, deps);
  });
}

/** Changes the plan until the lesson is over. @throws observation.not_found, auth.forbidden, observation.closed, observation.invalid_transition, observation.unknown_indicator, assessment.period_not_found */
export async function updateObservation(actor: Actor, id: string, patch: UpdateObservationInput, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    const o = row.observation;
    throwProblem(planProblem(statusOf(o.status)));
    if (patch.focusIndicatorIds) {
      const instrument = await instrumentOf(tx, actor.tenantId, o.madrasahId, o.instrumentCode, o.instrumentVersion, deps);
      if (unknownIndicators(instrument, patch.focusIndicatorIds).length > 0) throw observationErrors['observation.unknown_indicator']();
    }
    await checkPeriod(tx, actor, patch.periodId, o.madrasahId, deps);
    await deps.observationRepository.updateObservation(tx, actor.tenantId, id, {
      scheduledAt: patch.scheduledAt ? new Date(patch.scheduledAt) : undefined,
      rombel: patch.rombel,
      subjectName: patch.subjectName,
      topic: patch.topic,
      focus: patch.focus ? [...patch.focus] : undefined,
      focusIndicatorIds: patch.focusIndicatorIds ? [...patch.focusIndicatorIds] : undefined,
      periodId: patch.periodId,
      updatedAt: deps.clock(),
    });
    const after = await loadVisible(tx, actor, id, deps);
    await audit(tx, actor, o.madrasahId, { action: 'observation.update', entityType: 'observation', entityId: id, before: planSnapshot(o), after: planSnapshot(after.row.observation) });
    return present(tx, actor, after.row, after.access, deps);
  });
}

/** Moves an observation along planned → in_progress → reflected (shared with the teacher) → closed. @throws observation.not_found, auth.forbidden, observation.closed, observation.invalid_transition */
export async function transitionObservation(actor: Actor, id: string, to: 'in_progress' | 'reflected' | 'closed', deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    const from = statusOf(row.observation.status);
    if (from === 'closed') throw observationErrors['observation.closed']();
    if (!canTransition(from, to)) throw observationErrors['observation.invalid_transition']();
    await moveTo(tx, actor, row, to, deps);
    return reload(tx, actor, id, deps);
  });
}

async function moveTo(tx: Tx, actor: Actor, row: ObservationListRow, to: ObservationStatus, deps: ObservationDeps): Promise<void> {
  const now = deps.clock();
  const stamp = transitionStamp(to);
  await deps.observationRepository.updateObservation(tx, actor.tenantId, row.observation.id, { status: to, updatedAt: now, ...(stamp ? { [stamp]: now } : {}) });
  await audit(tx, actor, row.observation.madrasahId, { action: `observation.${to}`, entityType: 'observation', entityId: row.observation.id, before: { status: row.observation.status }, after: { status: to, at: now.toISOString() } });
}

// ---------- notes ----------

/**
 * Writes a note with the id generated on the device: the first call creates it, the same call again
 * changes nothing (a queue resent after a dropped network does not double it), a changed text, time
 * or tags edits it. A note on a planned observation starts it. Tags must be indicators of the
 * observation's instrument version.
 * @throws observation.not_found, auth.forbidden, observation.closed, observation.unknown_indicator, observation.note_conflict
 */
export async function putNote(actor: Actor, id: string, noteId: string, input: PutObservationNoteInput, deps: ObservationDeps): Promise<ObservationNote> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    const o = row.observation;
    const status = statusOf(o.status);
    throwProblem(noteProblem(status));
    const instrument = await instrumentOf(tx, actor.tenantId, o.madrasahId, o.instrumentCode, o.instrumentVersion, deps);
    if (unknownIndicators(instrument, input.indicatorIds).length > 0) throw observationErrors['observation.unknown_indicator']();
    const existing = await deps.observationRepository.findNote(tx, actor.tenantId, noteId);
    if (existing && existing.observationId !== id) throw observationErrors['observation.note_conflict']();
    const notedAt = new Date(input.notedAt);
    const tags = [...input.indicatorIds].sort();
    const unchanged = existing !== undefined && existing.text === input.text && existing.notedAt.getTime() === notedAt.getTime() && [...existing.indicatorIds].sort().join() === tags.join();
    if (unchanged) return presentNote(existing);
    if (noteStartsObservation(status)) await moveTo(tx, actor, row, 'in_progress', deps);
    await deps.observationRepository.saveNote(tx, { tenantId: actor.tenantId, id: noteId, observationId: id, notedAt, text: input.text, authorUserId: actor.userId, now: deps.clock() }, tags);
    const saved = await deps.observationRepository.findNote(tx, actor.tenantId, noteId);
    if (!saved) throw new Error('note vanished after saving');
    const after = presentNote(saved);
    await audit(tx, actor, o.madrasahId, {
      action: existing ? 'observation.note.update' : 'observation.note.create',
      entityType: 'observation_note',
      entityId: noteId,
      before: existing ? { observationId: id, ...presentNote(existing) } : undefined,
      after: { observationId: id, ...after },
    });
    return after;
  });
}

/** Deletes a note until the observation is closed. @throws observation.not_found, observation.note_not_found, auth.forbidden, observation.closed */
export async function deleteNote(actor: Actor, id: string, noteId: string, deps: ObservationDeps): Promise<{ ok: true }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    throwProblem(noteProblem(statusOf(row.observation.status)));
    const existing = await deps.observationRepository.findNote(tx, actor.tenantId, noteId);
    if (!existing || existing.observationId !== id) throw observationErrors['observation.note_not_found']();
    await deps.observationRepository.deleteNote(tx, actor.tenantId, noteId);
    await audit(tx, actor, row.observation.madrasahId, { action: 'observation.note.delete', entityType: 'observation_note', entityId: noteId, before: { observationId: id, ...presentNote(existing) } });
    return { ok: true as const };
  });
}

// ---------- after the lesson ----------

/** Rates indicators in bulk, all or nothing, on the instrument's scale. @throws observation.not_found, auth.forbidden, observation.closed, observation.invalid_transition, observation.unknown_indicator, observation.invalid_rating_value */
export async function putRatings(actor: Actor, id: string, input: PutObservationRatingsInput, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    const o = row.observation;
    throwProblem(afterProblem(statusOf(o.status)));
    const problem = ratingProblem(await instrumentOf(tx, actor.tenantId, o.madrasahId, o.instrumentCode, o.instrumentVersion, deps), input.ratings);
    if (problem) throw observationErrors[`observation.${problem}`]();
    const before = await deps.observationRepository.listRatings(tx, actor.tenantId, id);
    const ratings = input.ratings.map((r) => ({ indicatorId: r.indicatorId, value: r.value, comment: r.comment ?? null }));
    const now = deps.clock();
    await deps.observationRepository.upsertRatings(tx, actor.tenantId, id, ratings, now);
    await deps.observationRepository.updateObservation(tx, actor.tenantId, id, { updatedAt: now });
    const changed = new Set(ratings.map((r) => r.indicatorId));
    await audit(tx, actor, o.madrasahId, { action: 'observation.ratings', entityType: 'observation', entityId: id, before: { ratings: before.filter((r) => changed.has(r.indicatorId)) }, after: { ratings } });
    return reload(tx, actor, id, deps);
  });
}

/**
 * Adds a turn to the reflection conversation, attributed: the observed teacher's reflection (once
 * the observation is shared) or the observer's / kepala's feedback. A pengawas who only reads writes nothing.
 * @throws observation.not_found, auth.forbidden, observation.closed, observation.not_shared, observation.invalid_transition
 */
export async function addReflection(actor: Actor, id: string, input: { text: string }, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { row, access } = await loadVisible(tx, actor, id, deps, { lock: true });
    const role = reflectionRoleOf(access);
    if (!role) throw commonErrors['auth.forbidden']();
    throwProblem(reflectionProblem(statusOf(row.observation.status), role));
    const reflectionId = uuidv7();
    const now = deps.clock();
    await deps.observationRepository.insertReflection(tx, { tenantId: actor.tenantId, id: reflectionId, observationId: id, authorRole: role, authorUserId: actor.userId, text: input.text, createdAt: now });
    await deps.observationRepository.updateObservation(tx, actor.tenantId, id, { updatedAt: now });
    await audit(tx, actor, row.observation.madrasahId, { action: 'observation.reflection.create', entityType: 'observation_reflection', entityId: reflectionId, after: { observationId: id, role, text: input.text } });
    return reload(tx, actor, id, deps);
  });
}

/** Adds an agreed follow-up goal (what, by when). @throws observation.not_found, auth.forbidden, observation.closed, observation.invalid_transition */
export async function addGoal(actor: Actor, id: string, input: CreateObservationGoalInput, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    throwProblem(afterProblem(statusOf(row.observation.status)));
    const goalId = uuidv7();
    await deps.observationRepository.insertGoal(tx, { tenantId: actor.tenantId, id: goalId, observationId: id, what: input.what, dueDate: input.dueDate, createdBy: actor.userId, createdAt: deps.clock() });
    await audit(tx, actor, row.observation.madrasahId, { action: 'observation.goal.create', entityType: 'observation_goal', entityId: goalId, after: { observationId: id, ...input } });
    return reload(tx, actor, id, deps);
  });
}

async function loadGoal(tx: Tx, actor: Actor, observationId: string, goalId: string, deps: ObservationDeps) {
  const goal = await deps.observationRepository.findGoal(tx, actor.tenantId, goalId);
  if (!goal || goal.observationId !== observationId) throw observationErrors['observation.goal_not_found']();
  return goal;
}

/** Removes a goal not yet sent to the MGMP. @throws observation.not_found, observation.goal_not_found, auth.forbidden, observation.closed, observation.goal_already_sent */
export async function deleteGoal(actor: Actor, id: string, goalId: string, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    throwProblem(afterProblem(statusOf(row.observation.status)));
    const goal = await loadGoal(tx, actor, id, goalId, deps);
    if (goal.sentAt) throw observationErrors['observation.goal_already_sent']();
    await deps.observationRepository.deleteGoal(tx, actor.tenantId, goalId);
    await audit(tx, actor, row.observation.madrasahId, { action: 'observation.goal.delete', entityType: 'observation_goal', entityId: goalId, before: { observationId: id, what: goal.what, dueDate: goal.dueDate } });
    return reload(tx, actor, id, deps);
  });
}

/** MGMP deps that run the MGMP use cases inside this transaction (each opens a savepoint), so a refusal there rolls back here too. */
function mgmpDepsIn(tx: Tx, deps: ObservationDeps): MgmpDeps {
  return { db: tx as unknown as Database, mgmpRepository: deps.mgmpRepository, peopleRepository: deps.peopleRepository, clock: deps.clock };
}

/**
 * Sends a goal to one of the observed teacher's MGMP groups, through the MGMP use cases (their
 * policies apply: the group's officers and the madrasah's kepala / operator manage it):
 * - the group's next planned meeting (direncanakan, not yet started) gets it as an agenda item;
 * - with no planned meeting it becomes a follow-up of the group owned by the teacher, which the
 *   group's next meeting lists on its agenda by itself when it is planned.
 * @throws observation.not_found, observation.goal_not_found, auth.forbidden, observation.closed,
 * observation.invalid_transition, observation.goal_already_sent, mgmp.group_not_found,
 * observation.teacher_not_in_group, mgmp.group_archived
 */
export async function sendGoalToMgmp(actor: Actor, id: string, goalId: string, input: { groupId: string }, deps: ObservationDeps): Promise<Observation> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadEditable(tx, actor, id, deps);
    const o = row.observation;
    throwProblem(afterProblem(statusOf(o.status)));
    const goal = await loadGoal(tx, actor, id, goalId, deps);
    if (goal.sentAt) throw observationErrors['observation.goal_already_sent']();
    const mgmp = mgmpDepsIn(tx, deps);
    const group = await getGroup(actor, input.groupId, mgmp);
    if (!group.members.some((m) => m.teacherId === o.teacherId)) throw observationErrors['observation.teacher_not_in_group']();
    const now = deps.clock();
    const title = goalAgendaTitle(goal, row.teacherName);
    const meetings = await listMeetings(actor, group.id, { status: 'direncanakan', limit: 200, offset: 0 }, mgmp);
    const next = nextPlannedMeeting(meetings.items, now);
    let link: { mgmpMeetingId: string | null; mgmpAgendaItemId: string | null; mgmpFollowUpId: string | null };
    if (next) {
      const meeting = await addAgendaItem(actor, next.id, { title, kind: 'biasa' }, mgmp);
      const item = [...meeting.agenda].sort((a, b) => b.ordinal - a.ordinal).find((a) => a.title === title);
      if (!item) throw new Error('agenda item not found after adding it');
      link = { mgmpMeetingId: meeting.id, mgmpAgendaItemId: item.id, mgmpFollowUpId: null };
    } else {
      const followUp = await createFollowUp(actor, group.id, { what: title, dueDate: goal.dueDate, ownerIds: [o.teacherId] }, mgmp);
      link = { mgmpMeetingId: null, mgmpAgendaItemId: null, mgmpFollowUpId: followUp.id };
    }
    await deps.observationRepository.updateGoal(tx, actor.tenantId, goalId, { mgmpGroupId: group.id, ...link, sentAt: now, sentBy: actor.userId });
    await audit(tx, actor, o.madrasahId, { action: 'observation.goal.send', entityType: 'observation_goal', entityId: goalId, before: { sentAt: null }, after: { groupId: group.id, ...link, sentAt: now.toISOString() } });
    return reload(tx, actor, id, deps);
  });
}

/**
 * The observed teacher's MGMP groups (that the requester can see), each with its next planned
 * meeting, for choosing where a goal goes. Editors only. @throws observation.not_found, auth.forbidden
 */
export async function listTeacherMgmpGroups(actor: Actor, id: string, deps: ObservationDeps): Promise<ObservationMgmpGroups> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { row, access } = await loadVisible(tx, actor, id, deps);
    if (access !== 'edit') throw commonErrors['auth.forbidden']();
    const mgmp = mgmpDepsIn(tx, deps);
    const groups = await listGroups(actor, { archived: 'false', limit: 200, offset: 0 }, mgmp);
    const now = deps.clock();
    const items: ObservationMgmpGroups['items'] = [];
    for (const summary of groups.items) {
      if (summary.access === 'exists') continue;
      const group = await getGroup(actor, summary.id, mgmp);
      if (!group.members.some((m) => m.teacherId === row.observation.teacherId)) continue;
      const next = nextPlannedMeeting((await listMeetings(actor, group.id, { status: 'direncanakan', limit: 200, offset: 0 }, mgmp)).items, now);
      items.push({ id: group.id, name: group.name, nextMeeting: next ? { id: next.id, title: next.title, startsAt: new Date(next.startsAt).toISOString() } : null });
    }
    return { items, total: items.length };
  });
}

/**
 * A teacher's follow-up goals from observations (for the teacher page): kepala / pengawas of the
 * madrasah and the observers see the goals of the observations they see; the teacher sees their own
 * once each observation is shared. Anyone else gets 404 for the teacher.
 * @throws people.teacher_not_found
 */
export async function listGoalsOfTeacher(actor: Actor, teacherId: string, deps: ObservationDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, teacherId);
    if (!teacher || !canSeeMadrasah(actor, teacher.madrasahId)) throw peopleErrors['people.teacher_not_found']();
    const own = actor.teacherId === teacherId;
    const lead = observationAccess(actor, { madrasahId: teacher.madrasahId, teacherId, observerUserId: '' });
    const rows = await deps.observationRepository.listGoalsOfTeacher(tx, actor.tenantId, teacherId, observationReadScope(actor), own && lead === 'teacher');
    const items = rows.map((r) => ({ ...presentGoal(r), scheduledAt: r.scheduledAt.toISOString(), observerName: r.observerName }));
    return { items, total: items.length };
  });
}

/**
 * Who the kepala may name as peer observer of a teacher: active accounts of the other gurus of the
 * madrasah (the rule of `decideRater`). Kepala of the teacher's madrasah only.
 * @throws people.teacher_not_found, auth.forbidden
 */
export async function listPeerCandidates(actor: Actor, teacherId: string, deps: ObservationDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, teacherId);
    if (!teacher || !canSeeMadrasah(actor, teacher.madrasahId)) throw peopleErrors['people.teacher_not_found']();
    if (!hasRole(actor, 'kepala_madrasah', teacher.madrasahId)) throw commonErrors['auth.forbidden']();
    const items = await deps.observationRepository.listPeerCandidates(tx, actor.tenantId, teacher.madrasahId, teacher.id);
    return { items, total: items.length };
  });
}

/**
 * For the teacher growth page (H8): the notes of a teacher's shared (reflected / closed)
 * observations whose lesson falls in [from, to], each with its indicator tags and observation.
 * System level: takes the tenant, checks no policy (the caller decides who sees the growth page).
 */
export async function listObservationNotesForTeacher(db: Database, tenantId: string, teacherId: string, range: { from?: Date | string | undefined; to?: Date | string | undefined } = {}) {
  const toDate = (v: Date | string | undefined) => (v === undefined ? undefined : v instanceof Date ? v : new Date(v));
  return withTenant(db, tenantId, async (tx) => {
    const rows = await createObservationRepository().listSharedNotesOfTeacher(tx, tenantId, teacherId, { from: toDate(range.from), to: toDate(range.to) });
    return rows.map((r) => ({
      id: r.id,
      observationId: r.observationId,
      scheduledAt: r.scheduledAt.toISOString(),
      periodId: r.periodId,
      instrument: { code: r.instrumentCode, version: r.instrumentVersion },
      notedAt: r.notedAt.toISOString(),
      text: r.text,
      indicatorIds: [...r.indicatorIds].sort(),
    }));
  });
}
