import {
  type AcknowledgeAssessmentInput,
  type Assessment,
  type AssessmentPeriod,
  type AssessmentPeriodSummary,
  type AssessmentRaterKind,
  type AssessmentStatus,
  type AssessmentSummary,
  type CreateAssessmentInput,
  type CreateAssessmentPeriodInput,
  type PutAssessmentRatingsInput,
  type UpdateAssessmentPeriodInput,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { canSeeMadrasah, visibleMadrasahIds, type Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import {
  acknowledgeProblem,
  assessmentReadScope,
  canManagePeriods,
  canReadAssessment,
  decideRater,
  editProblem,
  finaliseProblem,
  indexInstrument,
  isRater,
  levelSummary,
  orderRatings,
  periodDatesProblem,
  ratingProblems,
  scoreAssessment,
  type InstrumentIndex,
} from './assessment-cycle.models.ts';
import type { AssessmentCycleRepository, AssessmentListRow, PeriodRow } from './assessment-cycle.repository.ts';
import { persistAssessmentResult } from './assessment-results.usecases.ts';
import { periodCategorySummary } from './growth.usecases.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';
import { findEntry } from './instruments.models.ts';
import { createMadrasahInstrumentsRepository } from '../instruments/instruments.repository.ts';
import { findUsableInstrument } from '../instruments/instruments.usecases.ts';
import type { InstrumentDetail } from '@tumbuh/shared';
import { defaultPeriodDates } from './assessment-settings.models.ts';
import { loadSettingsValues } from './assessment-settings.usecases.ts';

/** What the assessment-cycle use cases need. */
export interface AssessmentCycleDeps {
  db: Database;
  assessmentCycleRepository: AssessmentCycleRepository;
  peopleRepository: PeopleRepository;
  instrumentCatalogue: InstrumentCatalogue;
  clock: () => Date;
}

type Page = { limit: number; offset: number };

// ---------- helpers ----------

function presentPeriod(row: PeriodRow): AssessmentPeriod {
  return {
    id: row.id,
    madrasahId: row.madrasahId,
    academicYear: row.academicYear,
    kind: row.kind === 'sumatif' ? 'sumatif' : 'formatif',
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status === 'closed' ? 'closed' : 'open',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const RATER_KINDS: Record<string, AssessmentRaterKind> = { kepala: 'kepala', pengawas: 'pengawas', peer: 'peer', self: 'self' };
function raterKindOf(text: string): AssessmentRaterKind {
  const kind = RATER_KINDS[text];
  if (!kind) throw new Error(`unknown rater kind "${text}"`);
  return kind;
}
const statusOf = (text: string): AssessmentStatus => (text === 'final' ? 'final' : 'draft');

export function factsOf(row: AssessmentListRow) {
  const a = row.assessment;
  return { madrasahId: a.madrasahId, teacherId: a.teacherId, raterUserId: a.raterUserId, raterKind: raterKindOf(a.raterKind), status: statusOf(a.status), acknowledgedAt: a.acknowledgedAt };
}

function presentSummary(row: AssessmentListRow): AssessmentSummary {
  const a = row.assessment;
  return {
    id: a.id,
    periodId: a.periodId,
    madrasahId: a.madrasahId,
    teacher: { id: a.teacherId, name: row.teacherName },
    instrument: { code: a.instrumentCode, version: a.instrumentVersion },
    rater: { userId: a.raterUserId, name: row.raterName, kind: raterKindOf(a.raterKind) },
    status: statusOf(a.status),
    rated: row.rated,
    finalisedAt: a.finalisedAt ? a.finalisedAt.toISOString() : null,
    acknowledgedAt: a.acknowledgedAt ? a.acknowledgedAt.toISOString() : null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Madrasah-built instruments (stateless repository; the assessment deps need no new field). */
const madrasahInstruments = createMadrasahInstrumentsRepository();

/** Where a madrasah instrument is looked up: the transaction and tenant of the request. */
export interface InstrumentScope {
  tx: Tx;
  tenantId: string;
}

/**
 * An instrument version an assessment can use, with its index: an official PKG-scored one, or (with
 * a scope) a published instrument of `madrasahId` (any madrasah of the tenant when null), rated on
 * its own scale. Undefined when there is none.
 */
export async function loadAssessmentInstrument(
  code: string,
  version: number | undefined,
  deps: AssessmentCycleDeps,
  scope?: InstrumentScope,
  madrasahId: string | null = null,
): Promise<{ detail: InstrumentDetail; index: InstrumentIndex } | undefined> {
  const official = findEntry(await deps.instrumentCatalogue.entries(), code, version);
  const detail = official
    ? official.detail
    : scope
      ? await findUsableInstrument(scope.tx, scope.tenantId, madrasahId, code, version, { instrumentCatalogue: deps.instrumentCatalogue, madrasahInstrumentsRepository: madrasahInstruments })
      : undefined;
  if (!detail) return undefined;
  const index = indexInstrument(detail, { anyScale: detail.owner === 'madrasah' });
  return index ? { detail, index } : undefined;
}

export async function requireInstrument(code: string, version: number, deps: AssessmentCycleDeps, scope?: InstrumentScope): Promise<{ detail: InstrumentDetail; index: InstrumentIndex }> {
  const found = await loadAssessmentInstrument(code, version, deps, scope);
  if (!found) throw new Error(`assessment points to instrument ${code} v${version}, which is not a published instrument it can use`);
  return found;
}

export async function requireIndex(code: string, version: number, deps: AssessmentCycleDeps, scope?: InstrumentScope): Promise<InstrumentIndex> {
  return (await requireInstrument(code, version, deps, scope)).index;
}

export async function audit(tx: Tx, actor: Actor, madrasahId: string, entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown }): Promise<void> {
  await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId, ...entry });
}

/** A period the actor can see; another madrasah's or tenant's answers 404. */
export async function loadPeriod(tx: Tx, actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<PeriodRow> {
  const period = await deps.assessmentCycleRepository.findPeriod(tx, actor.tenantId, id);
  if (!period || !canSeeMadrasah(actor, period.madrasahId)) throw assessmentErrors['assessment.period_not_found']();
  return period;
}

/** A period the actor manages (kepala madrasah / operator of its madrasah). */
async function loadManagedPeriod(tx: Tx, actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<PeriodRow> {
  const period = await loadPeriod(tx, actor, id, deps);
  if (!canManagePeriods(actor, period.madrasahId)) throw commonErrors['auth.forbidden']();
  return period;
}

/** An assessment the actor may read; anything else (another teacher's, another tenant's) answers 404. */
export async function loadReadable(tx: Tx, actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<AssessmentListRow> {
  const row = await deps.assessmentCycleRepository.findAssessment(tx, actor.tenantId, id);
  if (!row || !canReadAssessment(actor, factsOf(row))) throw assessmentErrors['assessment.not_found']();
  return row;
}

export async function presentAssessment(tx: Tx, actor: Actor, row: AssessmentListRow, deps: AssessmentCycleDeps): Promise<Assessment> {
  const a = row.assessment;
  const { detail, index } = await requireInstrument(a.instrumentCode, a.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
  const ratings = orderRatings(index, await deps.assessmentCycleRepository.listRatings(tx, actor.tenantId, a.id));
  // Results are computed and reported with the madrasah's band rule (score.rule says which).
  const { bandRule } = await loadSettingsValues(tx, actor.tenantId, a.madrasahId);
  const score = scoreAssessment(index, ratings, bandRule);
  return {
    ...presentSummary(row),
    rated: ratings.length,
    indicatorCount: index.indicatorIds.length,
    teacherComment: a.teacherComment,
    revision: a.revision,
    revisedAt: a.revisedAt ? a.revisedAt.toISOString() : null,
    updatedAt: a.updatedAt.toISOString(),
    ratings: ratings.map((r) => ({ indicatorId: r.indicatorId, score: r.score, evidence: r.evidence })),
    score,
    scored: index.scored,
    levelSummary: index.scored ? null : levelSummary(detail, ratings),
  };
}

// ---------- periods ----------

/** Periods of the madrasahs the actor sees (every role of the madrasah sees its periods; they hold no scores). */
export async function listPeriods(actor: Actor, query: Page & { madrasahId?: string | undefined; academicYear?: string | undefined; status?: string | undefined }, deps: AssessmentCycleDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.assessmentCycleRepository.listPeriods(tx, actor.tenantId, { ...query, madrasahIds: visibleMadrasahIds(actor) });
    return { items: page.items.map(presentPeriod), total: page.total };
  });
}

/** One period. @throws assessment.period_not_found */
export async function getPeriod(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<AssessmentPeriod> {
  return withTenant(deps.db, actor.tenantId, async (tx) => presentPeriod(await loadPeriod(tx, actor, id, deps)));
}

/**
 * Opens a period (formatif or sumatif of an academic year) in a madrasah: kepala madrasah or operator.
 * @throws people.madrasah_not_found, auth.forbidden, assessment.invalid_period_dates, assessment.period_exists
 */
export async function createPeriod(actor: Actor, input: CreateAssessmentPeriodInput, deps: AssessmentCycleDeps): Promise<AssessmentPeriod> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!canSeeMadrasah(actor, input.madrasahId) || !(await deps.peopleRepository.findMadrasah(tx, actor.tenantId, input.madrasahId))) throw peopleErrors['people.madrasah_not_found']();
    if (!canManagePeriods(actor, input.madrasahId)) throw commonErrors['auth.forbidden']();
    // Dates left out come from the madrasah's window for this kind (settings; defaults 15 Jul–7 Sep, 15 Apr–31 May).
    const settings = await loadSettingsValues(tx, actor.tenantId, input.madrasahId);
    const window = defaultPeriodDates(input.academicYear, settings, input.kind);
    const startsOn = input.startsOn ?? window?.startsOn;
    const endsOn = input.endsOn ?? window?.endsOn;
    if (!startsOn || !endsOn || periodDatesProblem(input.academicYear, startsOn, endsOn, settings.yearStartsOn)) throw assessmentErrors['assessment.invalid_period_dates']();
    if (await deps.assessmentCycleRepository.findPeriodByKind(tx, actor.tenantId, input.madrasahId, input.academicYear, input.kind)) throw assessmentErrors['assessment.period_exists']();
    const now = deps.clock();
    const id = uuidv7();
    await deps.assessmentCycleRepository.insertPeriod(tx, { tenantId: actor.tenantId, id, madrasahId: input.madrasahId, academicYear: input.academicYear, kind: input.kind, startsOn, endsOn, status: 'open', createdAt: now, updatedAt: now });
    const after = presentPeriod(await loadPeriod(tx, actor, id, deps));
    await audit(tx, actor, input.madrasahId, { action: 'assessment.period.create', entityType: 'assessment_period', entityId: id, after });
    return after;
  });
}

/** Changes a period's dates or opens / closes it. @throws assessment.period_not_found, auth.forbidden, assessment.invalid_period_dates */
export async function updatePeriod(actor: Actor, id: string, patch: UpdateAssessmentPeriodInput, deps: AssessmentCycleDeps): Promise<AssessmentPeriod> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadManagedPeriod(tx, actor, id, deps);
    const before = presentPeriod(row);
    const startsOn = patch.startsOn ?? row.startsOn;
    const endsOn = patch.endsOn ?? row.endsOn;
    const { yearStartsOn } = await loadSettingsValues(tx, actor.tenantId, row.madrasahId);
    if (periodDatesProblem(row.academicYear, startsOn, endsOn, yearStartsOn)) throw assessmentErrors['assessment.invalid_period_dates']();
    await deps.assessmentCycleRepository.updatePeriod(tx, actor.tenantId, id, { startsOn, endsOn, status: patch.status ?? row.status, updatedAt: deps.clock() });
    const after = presentPeriod(await loadPeriod(tx, actor, id, deps));
    await audit(tx, actor, row.madrasahId, { action: 'assessment.period.update', entityType: 'assessment_period', entityId: id, before, after });
    return after;
  });
}

/** Deletes a period that holds no assessment yet. @throws assessment.period_not_found, auth.forbidden, assessment.period_in_use */
export async function deletePeriod(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<{ ok: true }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadManagedPeriod(tx, actor, id, deps);
    if ((await deps.assessmentCycleRepository.countAssessmentsInPeriod(tx, actor.tenantId, id)) > 0) throw assessmentErrors['assessment.period_in_use']();
    await deps.assessmentCycleRepository.deletePeriod(tx, actor.tenantId, id);
    await audit(tx, actor, row.madrasahId, { action: 'assessment.period.delete', entityType: 'assessment_period', entityId: id, before: presentPeriod(row) });
    return { ok: true };
  });
}

/**
 * The study's "tingkat kinerja guru" for a period: the categories (Amat baik … Kurang) of the final
 * kepala assessments, aggregated in SQL over their stored results (assessment_results). Kepala, operator and pengawas of the
 * madrasah; a guru gets 403. @throws assessment.period_not_found, auth.forbidden
 */
export async function getPeriodSummary(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<AssessmentPeriodSummary> {
  return withTenant(deps.db, actor.tenantId, async (tx) => periodCategorySummary(tx, actor, await loadPeriod(tx, actor, id, deps), deps));
}

// ---------- assessments ----------

/** Assessments the actor may read: a guru their own (final, or self) and those they rate; kepala / pengawas their madrasahs'. */
export async function listAssessments(
  actor: Actor,
  query: Page & { periodId?: string | undefined; teacherId?: string | undefined; raterKind?: string | undefined; status?: string | undefined },
  deps: AssessmentCycleDeps,
) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.assessmentCycleRepository.listAssessments(tx, actor.tenantId, assessmentReadScope(actor), query);
    return { items: page.items.map(presentSummary), total: page.total };
  });
}

/** One assessment with its ratings in instrument order and its PKG result (null until complete). @throws assessment.not_found */
export async function getAssessment(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => presentAssessment(tx, actor, await loadReadable(tx, actor, id, deps), deps));
}

/**
 * Opens a draft assessment of a teacher in an open period, with a published PKG instrument version
 * or a published instrument of the teacher's madrasah (the newest version when none is named), rated by the requester (kepala, pengawas, self) or by a peer
 * the kepala names.
 * @throws assessment.period_not_found, people.teacher_not_found, assessment.instrument_not_found,
 * assessment.scoring_not_supported, assessment.period_closed, assessment.rater_not_allowed,
 * assessment.invalid_peer_rater, assessment.already_exists
 */
export async function createAssessment(actor: Actor, input: CreateAssessmentInput, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const period = await loadPeriod(tx, actor, input.periodId, deps);
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, input.teacherId);
    if (!teacher || teacher.madrasahId !== period.madrasahId) throw peopleErrors['people.teacher_not_found']();
    // An official instrument must be scored as PKG; a madrasah's own published instrument is usable
    // only for a teacher of that madrasah (a draft or another madrasah's answers 404).
    const official = findEntry(await deps.instrumentCatalogue.entries(), input.instrumentCode, input.instrumentVersion);
    if (official && !indexInstrument(official.detail)) throw assessmentErrors['assessment.scoring_not_supported']();
    const found = await loadAssessmentInstrument(input.instrumentCode, input.instrumentVersion, deps, { tx, tenantId: actor.tenantId }, period.madrasahId);
    if (!found) throw assessmentErrors['assessment.instrument_not_found']();
    const { index } = found;
    const peer = input.raterKind === 'peer' && input.raterUserId ? await deps.assessmentCycleRepository.findPeerCandidate(tx, actor.tenantId, input.raterUserId) : undefined;
    const decision = decideRater(actor, input.raterKind, { id: teacher.id, madrasahId: teacher.madrasahId }, input.raterUserId, peer);
    if (!decision.ok) throw assessmentErrors[`assessment.${decision.reason}`]();
    if (period.status !== 'open') throw assessmentErrors['assessment.period_closed']();
    const key = { periodId: period.id, teacherId: teacher.id, raterUserId: decision.raterUserId, instrumentCode: index.code };
    if (await deps.assessmentCycleRepository.findDuplicate(tx, actor.tenantId, key)) throw assessmentErrors['assessment.already_exists']();
    const now = deps.clock();
    const id = uuidv7();
    await deps.assessmentCycleRepository.insertAssessment(tx, {
      tenantId: actor.tenantId,
      id,
      ...key,
      madrasahId: period.madrasahId,
      instrumentVersion: index.version,
      raterKind: input.raterKind,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const row = await deps.assessmentCycleRepository.findAssessment(tx, actor.tenantId, id);
    if (!row) throw new Error('assessment vanished after insert');
    const after = presentSummary(row);
    await audit(tx, actor, period.madrasahId, { action: 'assessment.create', entityType: 'assessment', entityId: id, after });
    return presentAssessment(tx, actor, row, deps);
  });
}

/**
 * Loads an assessment for a change by its rater: locked, readable (else 404), the actor its rater
 * (else 403), in a period that is open and still a draft (else 409).
 */
async function loadForRating(tx: Tx, actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<AssessmentListRow> {
  const locked = await deps.assessmentCycleRepository.lockAssessment(tx, actor.tenantId, id);
  if (!locked) throw assessmentErrors['assessment.not_found']();
  const row = await loadReadable(tx, actor, id, deps);
  if (!isRater(actor, row.assessment)) throw commonErrors['auth.forbidden']();
  return row;
}

async function periodStatusOf(tx: Tx, actor: Actor, row: AssessmentListRow, deps: AssessmentCycleDeps): Promise<string> {
  return (await deps.assessmentCycleRepository.findPeriod(tx, actor.tenantId, row.assessment.periodId))?.status ?? 'closed';
}

/**
 * Writes ratings in bulk (each indicator's score, a level of the version's scale — PKG 0/1/2 — and evidence note) on a draft, by its rater.
 * All or nothing: an indicator of another instrument version, a repeated indicator, a score off
 * the scale or a frozen assessment refuses the whole request.
 * @throws assessment.not_found, auth.forbidden, assessment.frozen, assessment.period_closed,
 * assessment.unknown_indicator, assessment.invalid_score, common.validation_failed (repeated indicator)
 */
export async function putRatings(actor: Actor, id: string, input: PutAssessmentRatingsInput, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadForRating(tx, actor, id, deps);
    const problem = editProblem(factsOf(row), await periodStatusOf(tx, actor, row, deps));
    if (problem) throw assessmentErrors[problem === 'frozen' ? 'assessment.frozen' : 'assessment.period_closed']();
    const index = await requireIndex(row.assessment.instrumentCode, row.assessment.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
    const problems = ratingProblems(index, input.ratings);
    const first = problems[0];
    if (first) {
      const details = problems.slice(0, 50);
      if (first.kind === 'unknown_indicator') throw assessmentErrors['assessment.unknown_indicator'](details);
      if (first.kind === 'invalid_score') throw assessmentErrors['assessment.invalid_score'](details);
      throw commonErrors['common.validation_failed']([{ path: 'body.ratings', code: 'duplicate_indicator', message: first.indicatorId }]);
    }
    const previous = new Map((await deps.assessmentCycleRepository.listRatings(tx, actor.tenantId, id)).map((r) => [r.indicatorId, { score: r.score, evidence: r.evidence }]));
    // Evidence left out keeps what is stored (the rating form sends scores only); null or '' clears it.
    const entries = input.ratings.map((r) => ({ indicatorId: r.indicatorId, score: r.score, evidence: r.evidence === undefined ? (previous.get(r.indicatorId)?.evidence ?? null) : r.evidence }));
    const now = deps.clock();
    await deps.assessmentCycleRepository.upsertRatings(tx, actor.tenantId, id, entries, now);
    await deps.assessmentCycleRepository.updateAssessment(tx, actor.tenantId, id, { updatedAt: now });
    await audit(tx, actor, row.assessment.madrasahId, {
      action: 'assessment.ratings.put',
      entityType: 'assessment',
      entityId: id,
      before: entries.map((e) => ({ indicatorId: e.indicatorId, ...(previous.get(e.indicatorId) ?? { score: null, evidence: null }) })),
      after: entries,
    });
    return presentAssessment(tx, actor, await loadReadable(tx, actor, id, deps), deps);
  });
}

/**
 * Finalises a draft whose every indicator is rated, by its rater. A final assessment is immutable:
 * ratings cannot change and it cannot be finalised again; a correction is an audited revision
 * (reviseAssessment in assessment-revision.usecases.ts). @throws assessment.not_found, auth.forbidden, assessment.frozen, assessment.period_closed, assessment.incomplete
 */
export async function finaliseAssessment(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await loadForRating(tx, actor, id, deps);
    const index = await requireIndex(row.assessment.instrumentCode, row.assessment.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
    const rated = orderRatings(index, await deps.assessmentCycleRepository.listRatings(tx, actor.tenantId, id)).length;
    const problem = finaliseProblem(factsOf(row), await periodStatusOf(tx, actor, row, deps), rated, index.indicatorIds.length);
    if (problem) throw assessmentErrors[`assessment.${problem}`]();
    const now = deps.clock();
    await deps.assessmentCycleRepository.updateAssessment(tx, actor.tenantId, id, { status: 'final', finalisedAt: now, updatedAt: now });
    // Only an official PKG instrument gives a stored result (category, Nilai PKG); a madrasah
    // instrument's summary is computed when read (levelSummary), never in assessment_results.
    if (index.scored) await persistAssessmentResult(tx, actor.tenantId, id, deps);
    const after = await presentAssessment(tx, actor, await loadReadable(tx, actor, id, deps), deps);
    await audit(tx, actor, row.assessment.madrasahId, {
      action: 'assessment.finalise',
      entityType: 'assessment',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'final', finalisedAt: after.finalisedAt, nilai: after.score?.nilai ?? null, category: after.score?.category ?? null },
    });
    return after;
  });
}

/**
 * The assessed teacher acknowledges their own final assessment, with an optional comment, once.
 * Someone else's assessment answers 404 when they cannot read it, 403 when they can (the kepala).
 * @throws assessment.not_found, auth.forbidden, assessment.not_final, assessment.already_acknowledged
 */
export async function acknowledgeAssessment(actor: Actor, id: string, input: AcknowledgeAssessmentInput, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await deps.assessmentCycleRepository.lockAssessment(tx, actor.tenantId, id))) throw assessmentErrors['assessment.not_found']();
    const row = await loadReadable(tx, actor, id, deps);
    const problem = acknowledgeProblem(actor, factsOf(row));
    if (problem === 'not_own') throw commonErrors['auth.forbidden']();
    if (problem) throw assessmentErrors[`assessment.${problem}`]();
    const now = deps.clock();
    const comment = input.comment ?? null;
    await deps.assessmentCycleRepository.updateAssessment(tx, actor.tenantId, id, { acknowledgedAt: now, teacherComment: comment, updatedAt: now });
    await audit(tx, actor, row.assessment.madrasahId, { action: 'assessment.acknowledge', entityType: 'assessment', entityId: id, before: { acknowledgedAt: null }, after: { acknowledgedAt: now.toISOString(), comment } });
    return presentAssessment(tx, actor, await loadReadable(tx, actor, id, deps), deps);
  });
}
