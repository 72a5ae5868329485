import type { Assessment, AssessmentPeriod, AssessmentRevision, AssessmentSettings, CombinedView, InstrumentDetail, PeriodTeacherList, PutAssessmentSettingsInput } from '@tumbuh/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Assessment settings, the period page, the combined raters view and the audited revision of a
 * final assessment, through the API on PostgreSQL: validation, maths, rules, policy, tenant
 * isolation and bad input for every new endpoint.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const A = '/api/v1/assessment';
let ctx: TestContext;
let kepala: Session;
let operator: Session;
let guru: Session;
let colleague: Session;
let operatorY: Session;
let pengawasY: Session;
let madrasah: string;
let indicators: string[];
let period: AssessmentPeriod;
let kepalaA: Assessment;
let peerA: Assessment;
let selfA: Assessment;
let yPeriod: AssessmentPeriod;
let yTeacher: string;
let yAssessment: Assessment;
let yOtherPeriod: AssessmentPeriod;
let yOtherTeacher: string;

async function ok<T>(session: Session, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['assessment_settings', 'assessment_revisions', 'assessments', 'assessment_ratings', 'assessment_periods', 'audit_log']) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

/** Rates every indicator with `score(k)` and finalises. */
async function rateAndFinalise(session: Session, id: string, score: (k: number) => number): Promise<Assessment> {
  await ok(session, 'PUT', `${A}/assessments/${id}/ratings`, { ratings: indicators.map((indicatorId, k) => ({ indicatorId, score: score(k) })) });
  return ok<Assessment>(session, 'POST', `${A}/assessments/${id}/finalise`);
}

const settingsBody = (over: Partial<PutAssessmentSettingsInput> = {}): PutAssessmentSettingsInput => ({
  madrasahId: madrasah,
  bandRule: 'round-half-up',
  yearStartsOn: '07-01',
  formatif: { startsOn: '07-15', endsOn: '09-07' },
  sumatif: { startsOn: '04-15', endsOn: '05-31' },
  weights: { kepala: 50, pengawas: 20, peer: 20, self: 10 },
  showCombined: true,
  ...over,
});

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  colleague = await login(ctx.app, 'koordinator@contoh.sch.id');
  operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
  pengawasY = await login(ctx.app, 'pengawas@yayasan.sch.id');
  madrasah = kepala.me.madrasahs[0]?.id ?? '';
  const pkg = await ok<InstrumentDetail>(guru, 'GET', '/api/v1/instruments/pkg-2009-guru-mapel');
  indicators = pkg.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => i.id)));

  period = await ok<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2027/2028', kind: 'formatif' }, 201);
  kepalaA = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'kepala' }, 201);
  peerA = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'peer', raterUserId: colleague.me.user.id }, 201);
  selfA = await ok<Assessment>(guru, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: guru.me.user.teacherId, raterKind: 'self' }, 201);
  // kepala: all 2 except 10 indicators at 1; peer: all 1; self: all 2
  kepalaA = await rateAndFinalise(kepala, kepalaA.id, (k) => (k % 8 === 0 ? 1 : 2));
  peerA = await rateAndFinalise(colleague, peerA.id, () => 1);
  selfA = await rateAndFinalise(guru, selfA.id, () => 2);

  // Yayasan: a pengawas assigned to its first madrasah rates a teacher there.
  const assigned = pengawasY.me.madrasahs[0]?.id ?? '';
  const other = operatorY.me.madrasahs.find((m) => m.id !== assigned)?.id ?? '';
  // The demo saves settings for every demo madrasah (demo/assessment.seed.ts); the assigned one is made a madrasah without.
  await ctx.db.db.execute(sql`delete from assessment_settings where madrasah_id = ${assigned}`);
  yTeacher = (await ok<{ items: { id: string }[] }>(operatorY, 'GET', `/api/v1/teachers?madrasahId=${assigned}&limit=1`)).items[0]?.id ?? '';
  yOtherTeacher = (await ok<{ items: { id: string }[] }>(operatorY, 'GET', `/api/v1/teachers?madrasahId=${other}&limit=1`)).items[0]?.id ?? '';
  yPeriod = await ok<AssessmentPeriod>(operatorY, 'POST', `${A}/periods`, { madrasahId: assigned, academicYear: '2027/2028', kind: 'formatif' }, 201);
  yOtherPeriod = await ok<AssessmentPeriod>(operatorY, 'POST', `${A}/periods`, { madrasahId: other, academicYear: '2027/2028', kind: 'formatif' }, 201);
  yAssessment = await ok<Assessment>(pengawasY, 'POST', `${A}/assessments`, { periodId: yPeriod.id, teacherId: yTeacher, raterKind: 'pengawas' }, 201);
  yAssessment = await rateAndFinalise(pengawasY, yAssessment.id, (k) => k % 3);
});
afterAll(async () => {
  await ctx.close();
});

describe('settings: defaults, validation, who writes, audit', () => {
  it('a madrasah without saved settings gets the defaults, and periods take their dates from the window', async () => {
    // The assigned Yayasan madrasah has no saved settings (removed above; MTs Contoh has the demo's: combined view shown).
    const s = await ok<AssessmentSettings>(pengawasY, 'GET', `${A}/settings?madrasahId=${yPeriod.madrasahId}`);
    expect(s).toMatchObject({ isDefault: true, bandRule: 'round-half-up', yearStartsOn: '07-01', weights: { kepala: 50, pengawas: 20, peer: 20, self: 10 }, showCombined: false, updatedBy: null });
    expect([yPeriod.startsOn, yPeriod.endsOn]).toEqual(['2027-07-15', '2027-09-07']);
    expect(await ok<AssessmentSettings>(guru, 'GET', `${A}/settings?madrasahId=${madrasah}`)).toMatchObject({ isDefault: false, showCombined: true });
    expect([period.startsOn, period.endsOn]).toEqual(['2027-07-15', '2027-09-07']);
  });
  it('weights that do not sum to 100 are refused whole (422 assessment.invalid_settings), nothing written', async () => {
    const before = await snapshot();
    const res = await kepala.request('PUT', `${A}/settings`, settingsBody({ weights: { kepala: 50, pengawas: 20, peer: 20, self: 20 } }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('assessment.invalid_settings');
    expect(res.json().error.details).toEqual([{ field: 'weights', code: 'weights_sum', sum: 110 }]);
    expect(await snapshot()).toEqual(before);
  });
  it('an unknown band rule, 29 February or a window ending before it starts are refused', async () => {
    const before = await snapshot();
    for (const body of [
      { ...settingsBody(), bandRule: 'ceil' },
      settingsBody({ yearStartsOn: '02-29' }),
      settingsBody({ sumatif: { startsOn: '05-31', endsOn: '04-01' } }),
    ]) {
      const res = await kepala.request('PUT', `${A}/settings`, body);
      expect(typeof res.json().error.code).toBe('string');
      expect(res.statusCode === 400 || res.statusCode === 422, res.body).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });
  it('a guru may read but not write (403); the operator writes; the audit row has before and after', async () => {
    expect((await guru.request('PUT', `${A}/settings`, settingsBody())).statusCode).toBe(403);
    const saved = await ok<AssessmentSettings>(operator, 'PUT', `${A}/settings`, settingsBody({ bandRule: 'floor' }));
    expect(saved).toMatchObject({ isDefault: false, bandRule: 'floor', showCombined: true, updatedBy: { userId: operator.me.user.id } });
    const rows = await ctx.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.settings.put'), eq(auditLog.entityId, madrasah)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.before).toMatchObject({ bandRule: 'round-half-up' });
    expect(rows[0]?.after).toMatchObject({ isDefault: false, bandRule: 'floor' });
  });
  it('every result then says which band rule was used', async () => {
    expect((await ok<Assessment>(kepala, 'GET', `${A}/assessments/${kepalaA.id}`)).score?.rule).toBe('floor');
    expect((await ok<Assessment>(guru, 'GET', `${A}/assessments/${kepalaA.id}`)).score?.rule).toBe('floor');
    await ok(kepala, 'PUT', `${A}/settings`, settingsBody());
    expect((await ok<Assessment>(kepala, 'GET', `${A}/assessments/${kepalaA.id}`)).score?.rule).toBe('round-half-up');
  });
  it('the year start setting moves the academic year: with 01-01 a period of 2028/2029 may lie in January 2028', async () => {
    const refused = await kepala.request('POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2028/2029', kind: 'sumatif', startsOn: '2028-01-10', endsOn: '2028-02-10' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'assessment.invalid_period_dates']);
    await ok(kepala, 'PUT', `${A}/settings`, settingsBody({ yearStartsOn: '01-01', formatif: { startsOn: '01-15', endsOn: '02-28' }, sumatif: { startsOn: '11-01', endsOn: '12-15' } }));
    const p = await ok<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId: madrasah, academicYear: '2028/2029', kind: 'sumatif', startsOn: '2028-01-10', endsOn: '2028-02-10' }, 201);
    expect(p.startsOn).toBe('2028-01-10');
    await ok(kepala, 'DELETE', `${A}/periods/${p.id}`);
    await ok(kepala, 'PUT', `${A}/settings`, settingsBody());
  });
});

describe('period page: teachers with each rater’s status', () => {
  it('the kepala sees every active teacher of the madrasah and the raters of the assessed one (no scores)', async () => {
    const list = await ok<PeriodTeacherList>(kepala, 'GET', `${A}/periods/${period.id}/teachers`);
    expect(list.total).toBeGreaterThanOrEqual(20);
    const row = list.items.find((i) => i.teacher.id === guru.me.user.teacherId);
    expect(row?.assessments.map((a) => [a.rater.kind, a.status, a.rated]).sort()).toEqual([
      ['kepala', 'final', 78],
      ['peer', 'final', 78],
      ['self', 'final', 78],
    ]);
    expect(JSON.stringify(list)).not.toContain('nilai');
  });
  it('a guru gets 403; a pengawas sees only assigned madrasahs (another is 404)', async () => {
    expect((await guru.request('GET', `${A}/periods/${period.id}/teachers`)).statusCode).toBe(403);
    expect((await ok<PeriodTeacherList>(pengawasY, 'GET', `${A}/periods/${yPeriod.id}/teachers`)).items.length).toBeGreaterThan(0);
    expect((await pengawasY.request('GET', `${A}/periods/${yOtherPeriod.id}/teachers`)).statusCode).toBe(404);
  });
});

describe('combined raters view', () => {
  it('shows each finalised result attributed and the weighted combination, normalised over the kinds present', async () => {
    const view = await ok<CombinedView>(kepala, 'GET', `${A}/periods/${period.id}/teachers/${guru.me.user.teacherId}/combined`);
    expect(view.rule).toBe('round-half-up');
    expect(view.raters.map((r) => [r.rater.kind, r.rater.userId])).toEqual([
      ['kepala', kepala.me.user.id],
      ['peer', colleague.me.user.id],
      ['self', guru.me.user.id],
    ]);
    const nilai = Object.fromEntries(view.raters.map((r) => [r.rater.kind, r.score.total]));
    // self: all 2 → 56; peer: all 1 → every competency 50 % → 2 → 28
    expect(nilai.self).toBe(56);
    expect(nilai.peer).toBe(28);
    const k = nilai.kepala ?? 0;
    // (50·k + 20·28 + 10·56) / (80·56) × 100, no pengawas
    const expected = Math.round(((50 * k + 20 * 28 + 10 * 56) / (80 * 56)) * 10_000) / 100;
    expect(view.combined).toMatchObject({ weightUsed: 80, complete: false, rule: 'round-half-up' });
    expect(view.combined?.nilai).toBeCloseTo(expected, 2);
  });
  it('hidden when the madrasah does not show it; the side-by-side results stay', async () => {
    await ok(kepala, 'PUT', `${A}/settings`, settingsBody({ showCombined: false }));
    const view = await ok<CombinedView>(kepala, 'GET', `${A}/periods/${period.id}/teachers/${guru.me.user.teacherId}/combined`);
    expect(view.combined).toBeNull();
    expect(view.raters).toHaveLength(3);
    await ok(kepala, 'PUT', `${A}/settings`, settingsBody());
  });
  it('the teacher sees their own; another guru (even their peer rater) and the operator get 404', async () => {
    expect((await ok<CombinedView>(guru, 'GET', `${A}/periods/${period.id}/teachers/${guru.me.user.teacherId}/combined`)).raters).toHaveLength(3);
    for (const s of [colleague, operator]) {
      const res = await s.request('GET', `${A}/periods/${period.id}/teachers/${guru.me.user.teacherId}/combined`);
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await guru.request('GET', `${A}/periods/${period.id}/teachers/${colleague.me.user.teacherId}/combined`)).statusCode).toBe(404);
  });
  it('a pengawas sees the combined view of assigned madrasahs only', async () => {
    const view = await ok<CombinedView>(pengawasY, 'GET', `${A}/periods/${yPeriod.id}/teachers/${yTeacher}/combined`);
    expect(view.raters.map((r) => r.rater.kind)).toEqual(['pengawas']);
    expect((await pengawasY.request('GET', `${A}/periods/${yOtherPeriod.id}/teachers/${yOtherTeacher}/combined`)).statusCode).toBe(404);
  });
});

describe('audited revision of a final assessment', () => {
  it('a final assessment cannot change by ratings, finalise or acknowledge twice — only by revision', async () => {
    const before = await snapshot();
    const put = await kepala.request('PUT', `${A}/assessments/${kepalaA.id}/ratings`, { ratings: [{ indicatorId: indicators[0], score: 0 }] });
    expect([put.statusCode, put.json().error.code]).toEqual([409, 'assessment.frozen']);
    expect((await kepala.request('POST', `${A}/assessments/${kepalaA.id}/finalise`)).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
  it('needs a reason of at least 10 characters, real changes, and the kepala or the original rater', async () => {
    const before = await snapshot();
    const noReason = await kepala.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect(noReason.statusCode).toBe(400);
    const short = await kepala.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { reason: 'salah', ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect(short.statusCode).toBe(400);
    const same = await kepala.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { reason: 'Tidak ada perubahan sebenarnya', ratings: [{ indicatorId: indicators[1], score: 2 }] });
    expect([same.statusCode, same.json().error.code]).toEqual([422, 'assessment.revision_no_change']);
    const teacher = await guru.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { reason: 'Saya ingin nilai lebih tinggi', ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect(teacher.statusCode).toBe(403);
    const peerOnKepala = await colleague.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { reason: 'Bukan penilainya sama sekali', ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect(peerOnKepala.statusCode).toBe(404);
    const badScore = await kepala.request('POST', `${A}/assessments/${kepalaA.id}/revisions`, { reason: 'Nilai di luar skala coba', ratings: [{ indicatorId: indicators[0], score: 3 }] });
    expect([badScore.statusCode, badScore.json().error.code]).toEqual([422, 'assessment.invalid_score']);
    expect(await snapshot()).toEqual(before);
  });
  it('the teacher acknowledges; a revision keeps the old version readable, audits before/after and resets the acknowledgement', async () => {
    const acked = await ok<Assessment>(guru, 'POST', `${A}/assessments/${kepalaA.id}/acknowledge`, { comment: 'Terima kasih' });
    expect(acked.acknowledgedAt).not.toBeNull();
    const old = await ok<Assessment>(kepala, 'GET', `${A}/assessments/${kepalaA.id}`);
    const revised = await ok<Assessment>(kepala, 'POST', `${A}/assessments/${kepalaA.id}/revisions`, {
      reason: 'Bukti RPP terlewat saat pengamatan',
      ratings: [{ indicatorId: indicators[0], score: 2, evidence: 'RPP ditemukan' }],
    });
    expect(revised).toMatchObject({ status: 'final', revision: 1, acknowledgedAt: null, teacherComment: null, finalisedAt: old.finalisedAt });
    expect(revised.ratings[0]).toEqual({ indicatorId: indicators[0], score: 2, evidence: 'RPP ditemukan' });

    const history = await ok<{ items: AssessmentRevision[] }>(guru, 'GET', `${A}/assessments/${kepalaA.id}/revisions`);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ revision: 0, reason: 'Bukti RPP terlewat saat pengamatan', revisedBy: { userId: kepala.me.user.id } });
    expect(history.items[0]?.previous.ratings).toEqual(old.ratings);
    expect(history.items[0]?.previous.score).toEqual(old.score);
    expect(history.items[0]?.previous).toMatchObject({ acknowledgedAt: acked.acknowledgedAt, teacherComment: 'Terima kasih' });
    expect(history.items[0]?.changes).toEqual([{ indicatorId: indicators[0], before: { score: 1, evidence: null }, after: { score: 2, evidence: 'RPP ditemukan' } }]);

    const audit = await ctx.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.revise'), eq(auditLog.entityId, kepalaA.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ revision: 0, acknowledgedAt: acked.acknowledgedAt, ratings: [{ indicatorId: indicators[0], score: 1 }] });
    expect(audit[0]?.after).toMatchObject({ revision: 1, acknowledgedAt: null, reason: 'Bukti RPP terlewat saat pengamatan', ratings: [{ indicatorId: indicators[0], score: 2 }] });

    // the teacher acknowledges the new version
    expect((await ok<Assessment>(guru, 'POST', `${A}/assessments/${kepalaA.id}/acknowledge`, {})).acknowledgedAt).not.toBeNull();
  });
  it('the original rater (a peer) may revise their own final assessment; a draft is not revised', async () => {
    const r = await ok<Assessment>(colleague, 'POST', `${A}/assessments/${peerA.id}/revisions`, { reason: 'Salah ketik pada indikator pertama', ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect(r.revision).toBe(1);
    const draft = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId: colleague.me.user.teacherId, raterKind: 'kepala' }, 201);
    const res = await kepala.request('POST', `${A}/assessments/${draft.id}/revisions`, { reason: 'Belum final sebenarnya', ratings: [{ indicatorId: indicators[0], score: 2 }] });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'assessment.not_final']);
  });
  it('another guru cannot read a colleague’s revision history (404)', async () => {
    expect((await colleague.request('GET', `${A}/assessments/${kepalaA.id}/revisions`)).statusCode).toBe(404);
  });
});

describe('tenant isolation and bad input of the new endpoints', () => {
  const endpoints = (side: { period: string; teacher: string; assessment: string; madrasah: string }) => [
    { method: 'GET' as const, url: `${A}/settings?madrasahId=${side.madrasah}` },
    { method: 'PUT' as const, url: `${A}/settings`, body: { ...settingsBody(), madrasahId: side.madrasah } },
    { method: 'GET' as const, url: `${A}/periods/${side.period}/teachers` },
    { method: 'GET' as const, url: `${A}/periods/${side.period}/teachers/${side.teacher}/combined` },
    { method: 'POST' as const, url: `${A}/assessments/${side.assessment}/revisions`, body: { reason: 'Percobaan lintas tenant', ratings: [{ indicatorId: indicators[0], score: 0 }] } },
    { method: 'GET' as const, url: `${A}/assessments/${side.assessment}/revisions` },
  ];
  it('contoh → yayasan and yayasan → contoh answer 404 and change nothing', async () => {
    const before = await snapshot();
    const yayasan = { period: yPeriod.id, teacher: yTeacher, assessment: yAssessment.id, madrasah: yPeriod.madrasahId };
    const contoh = { period: period.id, teacher: guru.me.user.teacherId ?? '', assessment: kepalaA.id, madrasah };
    for (const [session, side] of [
      [kepala, yayasan],
      [operator, yayasan],
      [operatorY, contoh],
      [pengawasY, contoh],
    ] as const) {
      for (const e of endpoints(side)) {
        const res = await session.request(e.method, e.url, e.body);
        expect([e.method, e.url, res.statusCode], res.body).toEqual([e.method, e.url, 404]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
  const cases: { name: string; method: Method; url: () => string; body?: () => unknown }[] = [
    { name: 'settings: missing madrasahId', method: 'GET', url: () => `${A}/settings` },
    { name: 'settings: non-UUID madrasahId', method: 'GET', url: () => `${A}/settings?madrasahId=mts-1` },
    { name: 'settings: weights as text', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), weights: { kepala: '50', pengawas: 20, peer: 20, self: 10 } }) },
    { name: 'settings: negative weight', method: 'PUT', url: () => `${A}/settings`, body: () => settingsBody({ weights: { kepala: 110, pengawas: -10, peer: 0, self: 0 } }) },
    { name: 'settings: a fifth weight', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), weights: { kepala: 40, pengawas: 20, peer: 20, self: 10, murid: 10 } }) },
    { name: 'settings: weights not summing to 100', method: 'PUT', url: () => `${A}/settings`, body: () => settingsBody({ weights: { kepala: 25, pengawas: 25, peer: 25, self: 24 } }) },
    { name: 'settings: unknown band rule', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), bandRule: 'ceil' }) },
    { name: 'settings: a date instead of a day of the year', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), yearStartsOn: '2026-07-01' }) },
    { name: 'settings: 31 April', method: 'PUT', url: () => `${A}/settings`, body: () => settingsBody({ formatif: { startsOn: '04-31', endsOn: '05-31' } }) },
    { name: 'settings: unknown field', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), extra: true }) },
    { name: 'settings: unknown madrasah', method: 'PUT', url: () => `${A}/settings`, body: () => ({ ...settingsBody(), madrasahId: '0190a000-0000-7000-8000-000000000009' }) },
    { name: 'period teachers: non-UUID period', method: 'GET', url: () => `${A}/periods/not-a-uuid/teachers` },
    { name: 'combined: non-UUID teacher', method: 'GET', url: () => `${A}/periods/${period.id}/teachers/guru-1/combined` },
    { name: 'combined: unknown teacher', method: 'GET', url: () => `${A}/periods/${period.id}/teachers/0190a000-0000-7000-8000-000000000003/combined` },
    { name: 'revision: empty ratings', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: 'Alasan yang cukup panjang', ratings: [] }) },
    { name: 'revision: unknown indicator', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: 'Alasan yang cukup panjang', ratings: [{ indicatorId: '0190a000-0000-7000-8000-000000000004', score: 1 }] }) },
    { name: 'revision: repeated indicator', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: 'Alasan yang cukup panjang', ratings: [{ indicatorId: indicators[5], score: 0 }, { indicatorId: indicators[5], score: 1 }] }) },
    { name: 'revision: reason of spaces', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: '            ', ratings: [{ indicatorId: indicators[5], score: 0 }] }) },
    { name: 'revision: over-long reason', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: 'x'.repeat(2001), ratings: [{ indicatorId: indicators[5], score: 0 }] }) },
    { name: 'revision: unknown field', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => ({ reason: 'Alasan yang cukup panjang', ratings: [{ indicatorId: indicators[5], score: 0 }], force: true }) },
    { name: 'revision: malformed JSON', method: 'POST', url: () => `${A}/assessments/${kepalaA.id}/revisions`, body: () => '{"reason": ' },
    { name: 'revision history: non-UUID id', method: 'GET', url: () => `${A}/assessments/x/revisions` },
  ];
  it.each(cases)('$name: 4xx with {error}, nothing written', async (c) => {
    const before = await snapshot();
    const body = c.body?.();
    const res =
      typeof body === 'string'
        ? await ctx.app.inject({ method: c.method, url: c.url(), headers: { cookie: kepala.cookie, 'x-csrf-token': kepala.csrf, 'content-type': 'application/json' }, payload: body })
        : await kepala.request(c.method, c.url(), body);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(typeof res.json().error.code).toBe('string');
    expect(await snapshot()).toEqual(before);
  });
});
