import type { Assessment, AssessmentRevision, AssessmentScore, CombinedView, PeriodTeacherList, ReviseAssessmentInput } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { peopleErrors } from '../people/people.errors.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { assessmentErrors } from './assessment.errors.ts';
import { orderRatings, ratingProblems, scoreAssessment } from './assessment-cycle.models.ts';
import { audit, factsOf, loadPeriod, loadReadable, presentAssessment, requireIndex, type AssessmentCycleDeps } from './assessment-cycle.usecases.ts';
import { persistAssessmentResult } from './assessment-results.usecases.ts';
import { canSeeCombined, canSeePeriodTeachers, combineResults, reviseProblem, revisionChanges, type RatingSnapshot, type RaterResult } from './assessment-settings.models.ts';
import { createAssessmentSettingsRepository } from './assessment-settings.repository.ts';
import { loadSettingsValues } from './assessment-settings.usecases.ts';

/**
 * The period page (teachers with each rater's status), the combined raters view of a teacher, and
 * the audited revision of a final assessment with its history.
 */

const repository = createAssessmentSettingsRepository();

const KINDS = { kepala: 'kepala', pengawas: 'pengawas', peer: 'peer', self: 'self' } as const;
const kindOf = (text: string) => KINDS[text as keyof typeof KINDS] ?? 'self';

/**
 * Every active teacher of the period's madrasah with each assessment opened for them (rater, status,
 * how many indicators are rated; no scores). Kepala, pengawas and operator of the madrasah; a guru
 * gets 403. @throws assessment.period_not_found, auth.forbidden
 */
export async function listPeriodTeachers(actor: Actor, periodId: string, deps: AssessmentCycleDeps): Promise<PeriodTeacherList> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const period = await loadPeriod(tx, actor, periodId, deps);
    if (!canSeePeriodTeachers(actor, period.madrasahId)) throw commonErrors['auth.forbidden']();
    const teachers = await repository.listTeachersOf(tx, actor.tenantId, period.madrasahId);
    const rows = await repository.listPeriodAssessments(tx, actor.tenantId, periodId);
    const byTeacher = new Map<string, PeriodTeacherList['items'][number]['assessments']>();
    for (const r of rows) {
      const list = byTeacher.get(r.assessment.teacherId) ?? [];
      list.push({
        id: r.assessment.id,
        instrument: { code: r.assessment.instrumentCode, version: r.assessment.instrumentVersion },
        rater: { userId: r.assessment.raterUserId, name: r.raterName, kind: kindOf(r.assessment.raterKind) },
        status: r.assessment.status === 'final' ? 'final' : 'draft',
        rated: r.rated,
        revision: r.assessment.revision,
        acknowledgedAt: r.assessment.acknowledgedAt ? r.assessment.acknowledgedAt.toISOString() : null,
      });
      byTeacher.set(r.assessment.teacherId, list);
    }
    const items = teachers.map((t) => ({ teacher: t, assessments: byTeacher.get(t.id) ?? [] }));
    return { periodId, items, total: items.length };
  });
}

/**
 * A teacher's finalised results of a period side by side (each attributed: rater and role), all
 * scored with the madrasah's band rule, and — when the madrasah shows it — the weighted combination
 * (weights from the settings, normalised over the rater kinds present). Kepala and pengawas of the
 * madrasah and the teacher themself; anyone else gets 404.
 * @throws assessment.period_not_found, people.teacher_not_found
 */
export async function getCombinedView(actor: Actor, periodId: string, teacherId: string, deps: AssessmentCycleDeps): Promise<CombinedView> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const period = await loadPeriod(tx, actor, periodId, deps);
    const teacher = await deps.peopleRepository.findTeacher(tx, actor.tenantId, teacherId);
    if (!teacher || teacher.madrasahId !== period.madrasahId || !canSeeCombined(actor, period.madrasahId, teacher.id)) throw peopleErrors['people.teacher_not_found']();
    const settings = await loadSettingsValues(tx, actor.tenantId, period.madrasahId);
    const finals = (await repository.listPeriodAssessments(tx, actor.tenantId, periodId, teacher.id)).filter((r) => r.assessment.status === 'final');
    const ratings = await repository.listRatingsOf(tx, actor.tenantId, finals.map((r) => r.assessment.id));
    const raters: CombinedView['raters'] = [];
    const results: RaterResult[] = [];
    for (const r of finals) {
      const a = r.assessment;
      const index = await requireIndex(a.instrumentCode, a.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
      const score = scoreAssessment(index, ratings.filter((x) => x.assessmentId === a.id), settings.bandRule);
      if (!score || !a.finalisedAt) continue;
      const kind = kindOf(a.raterKind);
      raters.push({ assessmentId: a.id, rater: { userId: a.raterUserId, name: r.raterName, kind }, finalisedAt: a.finalisedAt.toISOString(), revision: a.revision, score });
      results.push({ kind, total: score.total, maxTotal: score.maxTotal });
    }
    const order = { kepala: 0, pengawas: 1, peer: 2, self: 3 };
    raters.sort((x, y) => order[x.rater.kind] - order[y.rater.kind] || x.rater.name.localeCompare(y.rater.name));
    return {
      periodId,
      teacher: { id: teacher.id, name: teacher.name },
      rule: settings.bandRule,
      weights: settings.weights,
      showCombined: settings.showCombined,
      raters,
      combined: settings.showCombined ? combineResults(results, settings.weights, settings.bandRule) : null,
    };
  });
}

/**
 * Revises a final assessment: the kepala madrasah or its original rater changes some indicator
 * ratings with a required reason. The replaced version (ratings, result, acknowledgement) is kept
 * in the revision history; the audit log gets before and after; the teacher's acknowledgement and
 * comment are reset (they acknowledge the new result); the stored result is recomputed. This is
 * the only way a final assessment changes.
 * @throws assessment.not_found, auth.forbidden, assessment.not_final, assessment.unknown_indicator,
 * assessment.invalid_score, common.validation_failed (repeated indicator), assessment.revision_no_change
 */
export async function reviseAssessment(actor: Actor, id: string, input: ReviseAssessmentInput, deps: AssessmentCycleDeps): Promise<Assessment> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await deps.assessmentCycleRepository.lockAssessment(tx, actor.tenantId, id))) throw assessmentErrors['assessment.not_found']();
    const row = await loadReadable(tx, actor, id, deps);
    const problem = reviseProblem(actor, factsOf(row));
    if (problem === 'forbidden') throw commonErrors['auth.forbidden']();
    if (problem) throw assessmentErrors['assessment.not_final']();
    const index = await requireIndex(row.assessment.instrumentCode, row.assessment.instrumentVersion, deps, { tx, tenantId: actor.tenantId });
    const problems = ratingProblems(index, input.ratings);
    const first = problems[0];
    if (first) {
      const details = problems.slice(0, 50);
      if (first.kind === 'unknown_indicator') throw assessmentErrors['assessment.unknown_indicator'](details);
      if (first.kind === 'invalid_score') throw assessmentErrors['assessment.invalid_score'](details);
      throw commonErrors['common.validation_failed']([{ path: 'body.ratings', code: 'duplicate_indicator', message: first.indicatorId }]);
    }
    const stored = orderRatings(index, await deps.assessmentCycleRepository.listRatings(tx, actor.tenantId, id));
    const current = new Map<string, RatingSnapshot>(stored.map((r) => [r.indicatorId, { score: r.score, evidence: r.evidence }]));
    // Evidence left out keeps the stored note; null or '' clears it.
    const entries = input.ratings.map((r) => ({ indicatorId: r.indicatorId, score: r.score, evidence: r.evidence === undefined ? (current.get(r.indicatorId)?.evidence ?? null) : r.evidence }));
    const changes = revisionChanges(current, entries);
    if (changes.length === 0) throw assessmentErrors['assessment.revision_no_change']();

    const before = await presentAssessment(tx, actor, row, deps);
    const now = deps.clock();
    const a = row.assessment;
    await repository.insertRevision(tx, {
      tenantId: actor.tenantId,
      id: uuidv7(),
      assessmentId: id,
      revision: a.revision,
      reason: input.reason,
      revisedBy: actor.userId,
      revisedAt: now,
      previous: { ratings: before.ratings, score: before.score, finalisedAt: before.finalisedAt, acknowledgedAt: before.acknowledgedAt, teacherComment: before.teacherComment },
      changes,
    });
    await deps.assessmentCycleRepository.upsertRatings(
      tx,
      actor.tenantId,
      id,
      changes.map((c) => ({ indicatorId: c.indicatorId, ...c.after })),
      now,
    );
    await deps.assessmentCycleRepository.updateAssessment(tx, actor.tenantId, id, { revision: a.revision + 1, revisedAt: now, acknowledgedAt: null, teacherComment: null, updatedAt: now });
    await persistAssessmentResult(tx, actor.tenantId, id, deps);
    const after = await presentAssessment(tx, actor, await loadReadable(tx, actor, id, deps), deps);
    const brief = (x: Assessment) => ({ revision: x.revision, nilai: x.score?.nilai ?? null, category: x.score?.category ?? null, rule: x.score?.rule ?? null, acknowledgedAt: x.acknowledgedAt, teacherComment: x.teacherComment });
    await audit(tx, actor, a.madrasahId, {
      action: 'assessment.revise',
      entityType: 'assessment',
      entityId: id,
      before: { ...brief(before), ratings: changes.map((c) => ({ indicatorId: c.indicatorId, ...c.before })) },
      after: { ...brief(after), reason: input.reason, ratings: changes.map((c) => ({ indicatorId: c.indicatorId, ...c.after })) },
    });
    return after;
  });
}

const SCORE_KEYS = ['competencies', 'total', 'maxTotal', 'nilai', 'category', 'creditPercent', 'rule'] as const;
function scoreOf(value: unknown): AssessmentScore | null {
  if (!value || typeof value !== 'object') return null;
  return SCORE_KEYS.every((k) => k in value) ? (value as AssessmentScore) : null;
}

/** The replaced versions of an assessment, oldest first (whoever may read the assessment). @throws assessment.not_found */
export async function listRevisions(actor: Actor, id: string, deps: AssessmentCycleDeps): Promise<{ items: AssessmentRevision[]; total: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    await loadReadable(tx, actor, id, deps);
    const rows = await repository.listRevisions(tx, actor.tenantId, id);
    const items = rows.map(({ revision: r, revisedByName }) => {
      const previous = (r.previous ?? {}) as Partial<AssessmentRevision['previous']>;
      return {
        id: r.id,
        revision: r.revision,
        reason: r.reason,
        revisedBy: { userId: r.revisedBy, name: revisedByName },
        revisedAt: r.revisedAt.toISOString(),
        previous: {
          ratings: previous.ratings ?? [],
          score: scoreOf(previous.score),
          finalisedAt: previous.finalisedAt ?? null,
          acknowledgedAt: previous.acknowledgedAt ?? null,
          teacherComment: previous.teacherComment ?? null,
        },
        changes: (r.changes ?? []) as AssessmentRevision['changes'],
      };
    });
    return { items, total: items.length };
  });
}
