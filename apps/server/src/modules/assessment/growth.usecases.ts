import {
  ASSESSMENT_RATER_KINDS,
  DEFAULT_PKG_BAND_RULE,
  FOCUS_DIMENSIONS,
  PKG_BAND_RULES,
  PKG_CATEGORIES,
  type AssessmentPeriodSummary,
  type AssessmentRaterKind,
  type Distribution,
  type DistributionQuery,
  type FocusDimension,
  type Movement,
  type MovementQuery,
  type PkgBandRule,
  type PkgCategory,
  teacherGrowthSchema,
  type TeacherGrowth,
} from '@tumbuh/shared';
import { withTenant, type Database, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { FACT_SIZE, sizeOfJson, type ReadCache } from '../cache/read-cache.models.ts';
import type { CachedJson } from '../cache/read-cache.reply.ts';
import { feedbackSummaryForTeacherTx } from '../feedback/feedback.usecases.ts';
import { createObservationRepository } from '../observation/observation.repository.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import { canSeePeriodSummary } from './assessment-cycle.models.ts';
import type { AssessmentCycleRepository, PeriodRow } from './assessment-cycle.repository.ts';
import { canSeeGrowth, categoryRank, comparePeriodKeys, countsToDistribution, movementOf, nilaiDelta, resultMadrasahIds } from './assessment-results.models.ts';
import { createAssessmentResultsRepository, type AssessmentResultsRepository, type DistributionRow, type TeacherResultRow } from './assessment-results.repository.ts';
import { backfillResults, type PersistResultDeps } from './assessment-results.usecases.ts';
import { createGrowthRepository } from './growth.repository.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';
import { findEntry } from './instruments.models.ts';

/** What the growth and distribution use cases need. */
export interface GrowthDeps {
  db: Database;
  assessmentCycleRepository: AssessmentCycleRepository;
  assessmentResultsRepository: AssessmentResultsRepository;
  peopleRepository: PeopleRepository;
  instrumentCatalogue: InstrumentCatalogue;
  clock: () => Date;
  /** The madrasah's logo for the kop of the printed rekap (files module), read in the same tenant transaction; null: no logo. */
  readMadrasahLogo?: (tx: Tx, tenantId: string, madrasahId: string) => Promise<{ data: Buffer; mediaType: string } | null>;
}

const summaryRepository = createAssessmentResultsRepository();
const observationRepository = createObservationRepository();
const growthRepository = createGrowthRepository();

/** The official PKG instrument whose competencies head the heat-map. */
export const GROWTH_INSTRUMENT = 'pkg-2009-guru-mapel';

const asCategory = (text: string): PkgCategory => {
  const found = PKG_CATEGORIES.find((c) => c === text);
  if (!found) throw new Error(`unknown category "${text}"`);
  return found;
};
const asRule = (text: string): PkgBandRule => PKG_BAND_RULES.find((r) => r === text) ?? DEFAULT_PKG_BAND_RULE;
const asRaterKind = (text: string): AssessmentRaterKind => {
  const found = ASSESSMENT_RATER_KINDS.find((k) => k === text);
  if (!found) throw new Error(`unknown rater kind "${text}"`);
  return found;
};
const asKind = (text: string): 'formatif' | 'sumatif' => (text === 'sumatif' ? 'sumatif' : 'formatif');

/**
 * Madrasahs whose results the actor may aggregate, narrowed to `madrasahId` when given: another
 * tenant's or an unseen madrasah answers 404, a madrasah where they are only guru 403.
 */
export async function aggregateScope(tx: Tx, actor: Actor, madrasahId: string | undefined, deps: GrowthDeps): Promise<'all' | string[]> {
  const scope = resultMadrasahIds(actor);
  if (madrasahId) {
    if (!canSeeMadrasah(actor, madrasahId) || !(await deps.peopleRepository.findMadrasah(tx, actor.tenantId, madrasahId))) throw peopleErrors['people.madrasah_not_found']();
    if (scope !== 'all' && !scope.includes(madrasahId)) throw commonErrors['auth.forbidden']();
    return [madrasahId];
  }
  if (scope !== 'all' && scope.length === 0) throw commonErrors['auth.forbidden']();
  return scope;
}

/**
 * The study's "tingkat kinerja guru" for one period, aggregated in SQL over the stored results of
 * its final kepala assessments (results missing for older final assessments are computed first).
 * Kepala, operator and pengawas of the madrasah; a guru gets 403.
 */
export async function periodCategorySummary(tx: Tx, actor: Actor, period: PeriodRow, deps: PersistResultDeps): Promise<AssessmentPeriodSummary> {
  if (!canSeePeriodSummary(actor, period.madrasahId)) throw commonErrors['auth.forbidden']();
  await backfillResults(tx, actor.tenantId, { periodIds: [period.id] }, deps);
  const rows = await summaryRepository.distribution(tx, actor.tenantId, { madrasahIds: [period.madrasahId], by: 'overall', periodId: period.id });
  const setting = await summaryRepository.bandRuleOf(tx, actor.tenantId, period.madrasahId);
  return { periodId: period.id, raterKind: 'kepala', rule: asRule(rows[0]?.bandRule ?? setting ?? DEFAULT_PKG_BAND_RULE), ...countsToDistribution(rows) };
}

/**
 * Categories of the final kepala results per period (academic year + kind, across madrasahs), for
 * one madrasah or every madrasah in scope, overall or by madrasah, cluster (rumpun) or MGMP group.
 * @throws people.madrasah_not_found, auth.forbidden
 */
export async function getDistribution(actor: Actor, query: DistributionQuery, deps: GrowthDeps): Promise<Distribution> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const madrasahIds = await aggregateScope(tx, actor, query.madrasahId, deps);
    const periodIds = await deps.assessmentResultsRepository.periodIds(tx, actor.tenantId, { madrasahIds, academicYear: query.academicYear, kind: query.kind });
    await backfillResults(tx, actor.tenantId, { periodIds }, deps);
    const rows = await deps.assessmentResultsRepository.distribution(tx, actor.tenantId, { madrasahIds, by: query.by, academicYear: query.academicYear, kind: query.kind });
    const overallRows =
      query.by === 'overall' ? rows : await deps.assessmentResultsRepository.distribution(tx, actor.tenantId, { madrasahIds, by: 'overall', academicYear: query.academicYear, kind: query.kind });
    return assembleDistribution(query.by, overallRows, query.by === 'overall' ? [] : rows);
  });
}

/** Groups SQL category counts into periods (oldest first) and groups (by name). */
export function assembleDistribution(by: Distribution['by'], overallRows: readonly DistributionRow[], groupRows: readonly DistributionRow[]): Distribution {
  const periodKey = (r: { academicYear: string; kind: string }) => `${r.academicYear}|${r.kind}`;
  const periods = new Map<string, { academicYear: string; kind: 'formatif' | 'sumatif'; overall: DistributionRow[]; groups: Map<string, DistributionRow[]> }>();
  const periodOf = (r: DistributionRow) => {
    const key = periodKey(r);
    let p = periods.get(key);
    if (!p) {
      p = { academicYear: r.academicYear, kind: asKind(r.kind), overall: [], groups: new Map() };
      periods.set(key, p);
    }
    return p;
  };
  for (const r of overallRows) periodOf(r).overall.push(r);
  for (const r of groupRows) {
    if (r.groupId === null) continue;
    const p = periodOf(r);
    const list = p.groups.get(r.groupId);
    if (list) list.push(r);
    else p.groups.set(r.groupId, [r]);
  }
  const rules = [...new Set(overallRows.map((r) => asRule(r.bandRule)))].sort();
  return {
    by,
    raterKind: 'kepala',
    rules,
    periods: [...periods.values()]
      .sort(comparePeriodKeys)
      .map((p) => ({
        academicYear: p.academicYear,
        kind: p.kind,
        overall: countsToDistribution(p.overall),
        groups: [...p.groups.entries()]
          .map(([id, list]) => ({ id, name: list[0]?.groupName ?? '', ...countsToDistribution(list) }))
          .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id)),
      })),
  };
}

/**
 * Who improved or declined between two periods (by Nilai PKG (100) of the final kepala results),
 * with the category change. @throws people.madrasah_not_found, auth.forbidden
 */
export async function getMovement(actor: Actor, query: MovementQuery, deps: GrowthDeps): Promise<Movement> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const madrasahIds = await aggregateScope(tx, actor, query.madrasahId, deps);
    const from = await deps.assessmentResultsRepository.periodIds(tx, actor.tenantId, { madrasahIds, academicYear: query.fromYear, kind: query.fromKind });
    const to = await deps.assessmentResultsRepository.periodIds(tx, actor.tenantId, { madrasahIds, academicYear: query.toYear, kind: query.toKind });
    await backfillResults(tx, actor.tenantId, { periodIds: [...from, ...to] }, deps);
    const page = await deps.assessmentResultsRepository.movement(tx, actor.tenantId, { madrasahIds, ...query });
    const total = query.movement ? page.counts[query.movement] : page.counts.improved + page.counts.declined + page.counts.unchanged;
    return {
      counts: page.counts,
      total,
      items: page.items.map((r) => {
        const fromPoint = { nilai: r.fromNilai, category: asCategory(r.fromCategory) };
        const toPoint = { nilai: r.toNilai, category: asCategory(r.toCategory) };
        return {
          teacher: { id: r.teacherId, name: r.teacherName },
          madrasah: { id: r.madrasahId, name: r.madrasahName },
          from: fromPoint,
          to: toPoint,
          delta: nilaiDelta(fromPoint, toPoint),
          categorySteps: categoryRank(fromPoint.category) - categoryRank(toPoint.category),
          movement: movementOf(fromPoint, toPoint),
        };
      }),
    };
  });
}

/** A teacher's results across periods, from the stored rows (pure). */
export function assembleGrowth(rows: readonly TeacherResultRow[]): TeacherGrowth['periods'] {
  const periods = new Map<string, TeacherGrowth['periods'][number]>();
  for (const r of rows) {
    let p = periods.get(r.periodId);
    if (!p) {
      p = { periodId: r.periodId, academicYear: r.academicYear, kind: asKind(r.kind), startsOn: r.startsOn, official: null, raters: [] };
      periods.set(r.periodId, p);
    }
    const result = {
      assessmentId: r.assessmentId,
      kind: asRaterKind(r.raterKind),
      rater: { userId: r.raterUserId, name: r.raterName },
      total: r.total,
      nilai: r.nilai,
      category: asCategory(r.category),
      creditPercent: r.creditPercent,
      rule: asRule(r.bandRule),
      competencyValues: r.competencyValues,
      focus: FOCUS_DIMENSIONS.map((code: FocusDimension) => {
        const f = r.focusScores.find((s) => s.code === code);
        return { code, score: f?.score ?? 0, max: f?.max ?? 0, percent: f?.percent ?? null };
      }),
      finalisedAt: r.finalisedAt ? r.finalisedAt.toISOString() : null,
    };
    p.raters.push(result);
    // Rows come oldest-finalised first: the newest final kepala result is the official one.
    if (result.kind === 'kepala') p.official = result;
  }
  const order = (k: string) => ASSESSMENT_RATER_KINDS.indexOf(asRaterKind(k));
  return [...periods.values()]
    .sort((a, b) => comparePeriodKeys(a, b) || a.startsOn.localeCompare(b.startsOn))
    .map((p) => ({ ...p, raters: [...p.raters].sort((a, b) => order(a.kind) - order(b.kind)) }));
}

/**
 * Who may see a teacher's growth (404 for a missing or unseen teacher, 403 for another guru). Pure:
 * runs on every request, also when the teacher row comes from the read cache.
 * @throws people.teacher_not_found, auth.forbidden
 */
export function requireGrowthAccess(actor: Actor, teacher: { id: string; madrasahId: string } | null): void {
  if (!teacher || !canSeeMadrasah(actor, teacher.madrasahId)) throw peopleErrors['people.teacher_not_found']();
  if (!canSeeGrowth(actor, teacher)) throw commonErrors['auth.forbidden']();
}

/** The growth payload of a teacher (the same for every reader allowed to see it), read in `tx`. */
async function growthPayload(tx: Tx, tenantId: string, teacher: { id: string; name: string; madrasahId: string }, deps: GrowthDeps): Promise<TeacherGrowth> {
  const teacherId = teacher.id;
  let rows = await deps.assessmentResultsRepository.teacherResults(tx, tenantId, teacherId);
  // Results missing (final assessments older than the results table, or seeded): compute them first.
  if (rows.length === 0 || (rows[0]?.finals ?? 0) > rows.length) {
    if ((await backfillResults(tx, tenantId, { teacherId }, deps)) > 0) rows = await deps.assessmentResultsRepository.teacherResults(tx, tenantId, teacherId);
  }
  const entry = findEntry(await deps.instrumentCatalogue.entries(), GROWTH_INSTRUMENT, undefined);
  if (!entry) throw assessmentErrors['assessment.instrument_not_found']();
  const feedback = await feedbackSummaryForTeacherTx(tx, tenantId, teacherId, deps.clock());
  // The notes of shared observations (what listObservationNotesForTeacher answers), read in this
  // transaction rather than a second one: one teacher's growth is a hot path.
  const notes = await observationRepository.listSharedNotesOfTeacher(tx, tenantId, teacherId, {});
  return {
    teacher: { id: teacher.id, name: teacher.name, madrasahId: teacher.madrasahId },
    competencies: entry.detail.domains.flatMap((d) => d.competencies.map((c) => ({ number: c.number, name: c.name }))),
    focusDimensions: entry.detail.focusDimensions.map((d) => ({ code: d.code, name: d.name })),
    periods: assembleGrowth(rows),
    feedback,
    observationNotes: notes.map((n) => ({
      id: n.id,
      observationId: n.observationId,
      scheduledAt: n.scheduledAt.toISOString(),
      periodId: n.periodId,
      notedAt: n.notedAt.toISOString(),
      text: n.text,
      indicatorIds: [...n.indicatorIds].sort(),
    })),
  };
}

/**
 * A teacher's growth: Nilai PKG and category per period, the competency values (heat-map), the
 * focus dimensions and every rater side by side, as serialised JSON. The kepala, operator and
 * assigned pengawas of the teacher's madrasah and the teacher themself; another guru gets 403, an
 * unseen teacher 404.
 *
 * Read cache (see modules/cache): the teacher
 * row (id, name, madrasah) and the payload (the same for every reader allowed to see it) are read
 * in one tenant transaction and cached together until the tenant's data changes or the teacher's
 * next feedback deadline passes (the page then shows the round closed); `requireGrowthAccess`
 * decides from the row with the actor's current roles on EVERY request, cached or not. Stored under
 * the generation stamped before the first read; concurrent misses of one teacher share one computation.
 * @throws people.teacher_not_found, auth.forbidden
 */
export async function getTeacherGrowthJson(actor: Actor, teacherId: string, deps: GrowthDeps, cache: ReadCache): Promise<CachedJson> {
  const tenantId = actor.tenantId;
  const stamp = cache.stamp(tenantId);
  const page = await cache.load<{ teacher: { id: string; name: string; madrasahId: string } | null; json: string | null }>(stamp, `assessment.growth:${teacherId}`, () =>
    withTenant(deps.db, tenantId, async (tx) => {
      const row = await deps.peopleRepository.findTeacher(tx, tenantId, teacherId);
      if (!row) return { value: { teacher: null, json: null }, size: FACT_SIZE };
      const teacher = { id: row.id, name: row.name, madrasahId: row.madrasahId };
      const now = deps.clock();
      // The shape the route's response schema would give (unknown keys dropped), serialised once.
      const payload = await growthPayload(tx, tenantId, teacher, deps);
      const json = JSON.stringify(teacherGrowthSchema.parse(payload));
      // Only a shown round still open can change by time alone (it shows as closed after its
      // deadline); rounds not shown change only with new answers, which notify like any write.
      const deadline = payload.feedback.some((r) => r.closedAt === null) ? await growthRepository.nextFeedbackDeadline(tx, tenantId, teacherId, now) : null;
      // The deadline is on the request clock; the cache measures on its own: store the time left,
      // read on both clocks at the same moment (now, not when the computation began: that would
      // keep the entry past the deadline by the computation's duration).
      return { value: { teacher, json }, size: FACT_SIZE + sizeOfJson(json), expiresAt: deadline ? Date.now() + (deadline.getTime() - deps.clock().getTime()) : undefined };
    }),
  );
  const { teacher, json } = page.value;
  requireGrowthAccess(actor, teacher);
  if (json === null) throw peopleErrors['people.teacher_not_found']();
  return { json, hit: page.hit };
}
