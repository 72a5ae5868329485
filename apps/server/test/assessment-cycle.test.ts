import type { Assessment, AssessmentPeriod, AssessmentPeriodSummary, InstrumentDetail } from '@tumbuh/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentRatings } from '../src/modules/assessment/assessment-cycle.tables.ts';
import { scorePkg } from '../src/modules/assessment/pkg-scoring.models.ts';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * The assessment cycle through the API: periods, assessments by kepala / peer / self, bulk
 * ratings, the PKG result, finalise, acknowledgement, visibility and the period's distribution.
 */

let ctx: TestContext;
let kepala: Session;
let operator: Session;
let guru: Session;
let colleague: Session;
let madrasah: string;
let pkg: InstrumentDetail;
let pkgIndicators: { id: string; competency: number }[];
let pmmIndicator: string;
let period: AssessmentPeriod;
let kepalaAssessment: Assessment;

const A = '/api/v1/assessment';
/** A fixed pattern over the 78 indicators: 2, 1, 2, 0, 2, 1, … */
const PATTERN = [2, 1, 2, 0, 2, 1];
const fullRatings = () => pkgIndicators.map((i, k) => ({ indicatorId: i.id, score: PATTERN[k % PATTERN.length] ?? 0, evidence: k === 0 ? 'RPP lengkap' : undefined }));

async function ok<T>(session: Session, method: 'POST' | 'PUT' | 'PATCH' | 'GET' | 'DELETE', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

/** Rows of the cycle's tables and the audit log, to show that a refused request changed nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['assessment_periods', 'assessments', 'assessment_ratings', 'audit_log']) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  colleague = await login(ctx.app, 'koordinator@contoh.sch.id');
  madrasah = kepala.me.madrasahs[0]?.id ?? '';
  pkg = await ok<InstrumentDetail>(guru, 'GET', '/api/v1/instruments/pkg-2009-guru-mapel');
  pkgIndicators = pkg.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => ({ id: i.id, competency: c.number }))));
  const pmm = await ok<InstrumentDetail>(guru, 'GET', '/api/v1/instruments/pmm-2024-observasi');
  pmmIndicator = pmm.domains[0]?.competencies[0]?.indicators[0]?.id ?? '';
  period = await ok<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
  kepalaAssessment = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'kepala' }, 201);
});
afterAll(async () => {
  await ctx.close();
});

describe('periods (kepala / operator)', () => {
  it('a period is opened with its dates and an audit row under the madrasah', async () => {
    expect(period).toMatchObject({ madrasahId: madrasah, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29', status: 'open' });
    const rows = await ctx.db.db.select().from(auditLog).where(eq(auditLog.entityId, period.id));
    expect(rows.map((r) => [r.action, r.madrasahId])).toEqual([['assessment.period.create', madrasah]]);
  });
  it('the operator opens, changes and deletes an empty period; a guru may only read periods', async () => {
    const sumatif = await ok<AssessmentPeriod>(operator, 'POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2026/2027', kind: 'sumatif', startsOn: '2027-05-03', endsOn: '2027-06-12' }, 201);
    expect((await ok<AssessmentPeriod>(operator, 'PATCH', `${A}/periods/${sumatif.id}`, { endsOn: '2027-06-19' })).endsOn).toBe('2027-06-19');
    expect((await guru.request('PATCH', `${A}/periods/${sumatif.id}`, { endsOn: '2027-06-20' })).statusCode).toBe(403);
    expect((await guru.request('POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2027/2028', kind: 'formatif', startsOn: '2027-07-12', endsOn: '2027-08-28' })).statusCode).toBe(403);
    const list = await ok<{ items: AssessmentPeriod[]; total: number }>(guru, 'GET', `${A}/periods?academicYear=2026/2027`);
    expect(list.items.map((p) => p.kind).sort()).toEqual(['formatif', 'sumatif']);
    expect(await ok(operator, 'DELETE', `${A}/periods/${sumatif.id}`)).toEqual({ ok: true });
    expect((await operator.request('GET', `${A}/periods/${sumatif.id}`)).statusCode).toBe(404);
  });
  it('a period holding assessments cannot be deleted; one kind per academic year; dates within the year', async () => {
    const before = await snapshot();
    expect((await kepala.request('DELETE', `${A}/periods/${period.id}`)).json().error.code).toBe('assessment.period_in_use');
    expect((await kepala.request('POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-20', endsOn: '2026-08-29' })).json().error.code).toBe('assessment.period_exists');
    const bad = await kepala.request('POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2027/2028', kind: 'formatif', startsOn: '2027-09-01', endsOn: '2027-08-01' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'assessment.invalid_period_dates']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('kepala assessment: ratings, score, finalise, acknowledgement', () => {
  it('opens as a draft of the seeded PKG version, rated by the kepala', () => {
    expect(kepalaAssessment).toMatchObject({ status: 'draft', instrument: { code: 'pkg-2009-guru-mapel', version: 1 }, rater: { userId: kepala.me.user.id, kind: 'kepala' }, rated: 0, indicatorCount: 78, score: null });
  });
  it('a guru cannot open a kepala assessment (a rater without the role): 403, nothing written', async () => {
    const before = await snapshot();
    const res = await guru.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'kepala' });
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'assessment.rater_not_allowed']);
    expect(await snapshot()).toEqual(before);
  });
  it('the same rater cannot open a second assessment of the teacher with the instrument in the period', async () => {
    const res = await kepala.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'kepala' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'assessment.already_exists']);
  });
  it('an observation instrument is not rated in the PKG cycle', async () => {
    const res = await kepala.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'kepala', instrumentCode: 'pmm-2024-observasi' });
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'assessment.scoring_not_supported']);
  });
  it.each([
    ['an indicator of another instrument version', () => [{ indicatorId: pmmIndicator, score: 1 }], 422, 'assessment.unknown_indicator'],
    ['a score of 3', () => [{ indicatorId: pkgIndicators[0]?.id, score: 3 }], 422, 'assessment.invalid_score'],
    ['a negative score', () => [{ indicatorId: pkgIndicators[0]?.id, score: -1 }], 422, 'assessment.invalid_score'],
    ['valid ratings with one bad among them', () => [...fullRatings().slice(0, 5), { indicatorId: pkgIndicators[6]?.id, score: 7 }], 422, 'assessment.invalid_score'],
    ['the same indicator twice', () => [{ indicatorId: pkgIndicators[0]?.id, score: 1 }, { indicatorId: pkgIndicators[0]?.id, score: 2 }], 400, 'common.validation_failed'],
    ['a fractional score', () => [{ indicatorId: pkgIndicators[0]?.id, score: 1.5 }], 400, 'common.validation_failed'],
  ])('ratings refused: %s (4xx, nothing written)', async (_name, ratings, status, code) => {
    const before = await snapshot();
    const res = await kepala.request('PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: ratings() });
    expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
    expect(await snapshot()).toEqual(before);
  });
  it('finalise refuses an incomplete assessment', async () => {
    await ok(kepala, 'PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: fullRatings().slice(0, 10) });
    const res = await kepala.request('POST', `${A}/assessments/${kepalaAssessment.id}/finalise`);
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'assessment.incomplete']);
  });
  it('only the rater rates: the operator and the teacher cannot', async () => {
    expect((await operator.request('PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: fullRatings() })).statusCode).toBe(404);
    expect((await guru.request('PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: fullRatings() })).statusCode).toBe(404);
  });
  it('the teacher does not see the draft; the result of full ratings equals the pure PKG module', async () => {
    expect((await guru.request('GET', `${A}/assessments/${kepalaAssessment.id}`)).statusCode).toBe(404);
    const rated = await ok<Assessment>(kepala, 'PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: fullRatings() });
    expect(rated.rated).toBe(78);
    expect(rated.ratings[0]).toEqual({ indicatorId: pkgIndicators[0]?.id, score: 2, evidence: 'RPP lengkap' });
    const definition = { competencies: pkg.domains.flatMap((d) => d.competencies.map((c) => ({ number: c.number, indicatorCount: c.indicators.length }))) };
    const arrays = definition.competencies.map((c) => fullRatings().filter((_r, k) => pkgIndicators[k]?.competency === c.number).map((r) => r.score));
    expect(rated.score).toEqual(scorePkg(definition, arrays, 'round-half-up'));
    expect(rated.score?.category).toBeDefined();
  });
  it('a score sent without evidence keeps the stored evidence; an explicit null clears it', async () => {
    const first = pkgIndicators[0]?.id;
    const kept = await ok<Assessment>(kepala, 'PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: [{ indicatorId: first, score: 1 }] });
    expect(kept.ratings[0]).toEqual({ indicatorId: first, score: 1, evidence: 'RPP lengkap' });
    const cleared = await ok<Assessment>(kepala, 'PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: [{ indicatorId: first, score: 1, evidence: null }] });
    expect(cleared.ratings[0]).toEqual({ indicatorId: first, score: 1, evidence: null });
    await ok<Assessment>(kepala, 'PUT', `${A}/assessments/${kepalaAssessment.id}/ratings`, { ratings: fullRatings() });
  });
  it('finalised is immutable: ratings and a second finalise are refused, nothing changes', async () => {
    const final = await ok<Assessment>(kepala, 'POST', `${A}/assessments/${kepalaAssessment.id}/finalise`);
    expect(final.status).toBe('final');
    expect(final.finalisedAt).not.toBeNull();
    kepalaAssessment = final;
    const before = await snapshot();
    const put = await kepala.request('PUT', `${A}/assessments/${final.id}/ratings`, { ratings: [{ indicatorId: pkgIndicators[0]?.id, score: 0 }] });
    expect([put.statusCode, put.json().error.code]).toEqual([409, 'assessment.frozen']);
    const again = await kepala.request('POST', `${A}/assessments/${final.id}/finalise`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'assessment.frozen']);
    expect(await snapshot()).toEqual(before);
    const stored = await ctx.db.db.select().from(assessmentRatings).where(and(eq(assessmentRatings.assessmentId, final.id), eq(assessmentRatings.indicatorId, pkgIndicators[0]?.id ?? '')));
    expect(stored[0]?.score).toBe(2);
  });
  it('the teacher sees their final assessment with its score; a colleague never does (404, not in their list)', async () => {
    const seen = await ok<Assessment>(guru, 'GET', `${A}/assessments/${kepalaAssessment.id}`);
    expect(seen.score).toEqual(kepalaAssessment.score);
    expect((await colleague.request('GET', `${A}/assessments/${kepalaAssessment.id}`)).statusCode).toBe(404);
    const list = await ok<{ items: { id: string }[] }>(colleague, 'GET', `${A}/assessments?periodId=${period.id}`);
    expect(list.items.map((i) => i.id)).not.toContain(kepalaAssessment.id);
    const own = await ok<{ items: { id: string }[] }>(guru, 'GET', `${A}/assessments`);
    expect(own.items.map((i) => i.id)).toContain(kepalaAssessment.id);
  });
  it('only the assessed teacher acknowledges, once: colleague 404, kepala 403, teacher 200, again 409', async () => {
    expect((await colleague.request('POST', `${A}/assessments/${kepalaAssessment.id}/acknowledge`, {})).statusCode).toBe(404);
    expect((await kepala.request('POST', `${A}/assessments/${kepalaAssessment.id}/acknowledge`, {})).statusCode).toBe(403);
    const acked = await ok<Assessment>(guru, 'POST', `${A}/assessments/${kepalaAssessment.id}/acknowledge`, { comment: 'Terima kasih, saya perbaiki pengelolaan kelas.' });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(acked.teacherComment).toBe('Terima kasih, saya perbaiki pengelolaan kelas.');
    expect(acked.score).toEqual(kepalaAssessment.score);
    const again = await guru.request('POST', `${A}/assessments/${kepalaAssessment.id}/acknowledge`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'assessment.already_acknowledged']);
  });
  it('every write left an audit row under the madrasah, attributed to its actor', async () => {
    const rows = await ctx.db.db.select().from(auditLog).where(eq(auditLog.entityId, kepalaAssessment.id));
    const actions = rows.map((r) => [r.action, r.actorUserId, r.madrasahId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['assessment.create', kepala.me.user.id, madrasah],
        ['assessment.ratings.put', kepala.me.user.id, madrasah],
        ['assessment.finalise', kepala.me.user.id, madrasah],
        ['assessment.acknowledge', guru.me.user.id, madrasah],
      ]),
    );
    // Two in the rating flow, three in the evidence-keeping test.
    expect(rows.filter((r) => r.action === 'assessment.ratings.put')).toHaveLength(5);
  });
});

describe('peer and self assessments', () => {
  it('the kepala names a guru of the madrasah as peer; the peer rates, the teacher does not see the draft', async () => {
    const peerA = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'peer', raterUserId: colleague.me.user.id }, 201);
    expect(peerA.rater).toMatchObject({ userId: colleague.me.user.id, kind: 'peer' });
    expect((await ok<Assessment>(colleague, 'PUT', `${A}/assessments/${peerA.id}/ratings`, { ratings: fullRatings().slice(0, 3) })).rated).toBe(3);
    expect((await kepala.request('PUT', `${A}/assessments/${peerA.id}/ratings`, { ratings: fullRatings().slice(0, 3) })).statusCode).toBe(403);
    expect((await guru.request('GET', `${A}/assessments/${peerA.id}`)).statusCode).toBe(404);
  });
  it('a peer must be another guru of the madrasah: the operator’s account or the teacher themself is refused', async () => {
    const before = await snapshot();
    const notGuru = await kepala.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'peer', raterUserId: operator.me.user.id });
    expect([notGuru.statusCode, notGuru.json().error.code]).toEqual([422, 'assessment.invalid_peer_rater']);
    const themself = await kepala.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'peer', raterUserId: colleague.me.user.id });
    expect(themself.json().error.code).toBe('assessment.invalid_peer_rater');
    const byGuru = await guru.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'peer', raterUserId: guru.me.user.id });
    expect(byGuru.json().error.code).toBe('assessment.rater_not_allowed');
    expect(await snapshot()).toEqual(before);
  });
  it('self: the teacher assesses themself and sees it; a colleague cannot open a self assessment for them', async () => {
    const self = await ok<Assessment>(guru, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'self' }, 201);
    expect(self.rater).toMatchObject({ userId: guru.me.user.id, kind: 'self' });
    expect((await ok<Assessment>(guru, 'GET', `${A}/assessments/${self.id}`)).status).toBe('draft');
    expect((await kepala.request('GET', `${A}/assessments/${self.id}`)).statusCode).toBe(200);
    expect((await colleague.request('GET', `${A}/assessments/${self.id}`)).statusCode).toBe(404);
    const forOther = await colleague.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'self' });
    expect(forOther.json().error.code).toBe('assessment.rater_not_allowed');
  });
});

describe('period summary: tingkat kinerja guru', () => {
  it('counts the final kepala assessments by category; guru 403', async () => {
    const summary = await ok<AssessmentPeriodSummary>(kepala, 'GET', `${A}/periods/${period.id}/summary`);
    expect(summary).toMatchObject({ periodId: period.id, raterKind: 'kepala', rule: 'round-half-up', assessed: 1, meanNilai: kepalaAssessment.score?.nilai });
    expect(summary.distribution.map((d) => d.category)).toEqual(['Amat baik', 'Baik', 'Cukup', 'Sedang', 'Kurang']);
    expect(summary.distribution.find((d) => d.category === kepalaAssessment.score?.category)).toEqual({ category: kepalaAssessment.score?.category, count: 1, percent: 100 });
    expect((await guru.request('GET', `${A}/periods/${period.id}/summary`)).statusCode).toBe(403);
  });
  it('a closed period takes no new assessment nor ratings', async () => {
    await ok(kepala, 'PATCH', `${A}/periods/${period.id}`, { status: 'closed' });
    const before = await snapshot();
    const res = await kepala.request('POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'kepala' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'assessment.period_closed']);
    expect(await snapshot()).toEqual(before);
    await ok(kepala, 'PATCH', `${A}/periods/${period.id}`, { status: 'open' });
  });
});
