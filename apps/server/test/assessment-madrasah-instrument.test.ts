import type { Assessment, AssessmentPeriod, ErrorBody, MadrasahInstrument, UpdateMadrasahInstrumentInput } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * A madrasah's own published instrument used for an assessment (issue 4), on real PostgreSQL:
 * ratings on its scale (a score off the scale is 422 and writes nothing, in code and in the
 * database), finalising stores no PKG result, the result is the per-competency level summary;
 * a draft, another madrasah's or another tenant's instrument cannot be used; other tenants see 404.
 */

const A = '/api/v1/assessment';
const MI = '/api/v1/madrasah-instruments';
let ctx: TestContext;
let kepala: Session;
let guru: Session;
let operatorY: Session;
let pengawasY: Session;
let madrasahId: string;
let teacherId: string;
let instrument: MadrasahInstrument;
let period: AssessmentPeriod;
let assessment: Assessment;
let indicators: string[];

async function ok<T>(session: Session, method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

async function refused(session: Session, method: 'POST' | 'PUT' | 'GET', url: string, body: unknown, status: number, code: string): Promise<ErrorBody> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode, res.json<ErrorBody>().error?.code], res.body).toEqual([url, status, code]);
  return res.json<ErrorBody>();
}

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['assessments', 'assessment_ratings', 'assessment_results', 'audit_log']) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

const SCALE = {
  levels: [
    { value: 1, label: 'Belum tampak', description: '' },
    { value: 2, label: 'Berkembang', description: '' },
    { value: 3, label: 'Cakap', description: '' },
    { value: 4, label: 'Mahir', description: '' },
  ],
};
const content = (title: string): UpdateMadrasahInstrumentInput => ({
  title,
  source: 'Tim penjaminan mutu madrasah',
  scale: SCALE,
  domains: [
    { name: 'Pedagogik', competencies: [{ name: 'Perencanaan', indicators: [{ text: 'Tujuan pembelajaran jelas', descriptors: { '4': 'Jelas dan terukur' }, focus: [] }] }] },
    { name: 'Profesional', competencies: [{ name: 'Pelaksanaan', indicators: [{ text: 'Siswa aktif', descriptors: {}, focus: [] }, { text: 'Umpan balik', descriptors: {}, focus: [] }] }] },
  ],
});

/** A published madrasah instrument built by `session` in `madrasah`. */
async function publishedInstrument(session: Session, madrasah: string, title: string): Promise<MadrasahInstrument> {
  const draft = await ok<MadrasahInstrument>(session, 'POST', MI, { madrasahId: madrasah, title, scale: SCALE }, 201);
  await ok(session, 'PUT', `${MI}/${draft.id}`, content(title));
  return ok<MadrasahInstrument>(session, 'POST', `${MI}/${draft.id}/publish`);
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
  pengawasY = await login(ctx.app, 'pengawas@yayasan.sch.id');
  madrasahId = kepala.me.madrasahs[0]?.id ?? '';
  teacherId = guru.me.user.teacherId ?? '';
  instrument = await publishedInstrument(kepala, madrasahId, 'Supervisi Kinerja Guru Madrasah');
  indicators = instrument.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => i.id)));
  period = await ok<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
  assessment = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId, raterKind: 'kepala', instrumentCode: instrument.code }, 201);
});
afterAll(async () => ctx?.close());

describe('an assessment with the madrasah’s own published instrument', () => {
  it('points to the version it used, has no PKG score and an empty level summary per competency', () => {
    expect(assessment.instrument).toEqual({ code: instrument.code, version: 1 });
    expect(assessment).toMatchObject({ scored: false, score: null, indicatorCount: 3, rated: 0 });
    expect(assessment.levelSummary?.map((c) => [c.name, c.indicatorCount, c.rated, c.average])).toEqual([
      ['Perencanaan', 1, 0, null],
      ['Pelaksanaan', 2, 0, null],
    ]);
  });

  it('a score that is not a level of its scale (0, 5, and PKG’s 0–2 does not apply) is 422 assessment.invalid_score and nothing is written', async () => {
    const before = await snapshot();
    for (const score of [0, 5]) {
      const body = await refused(kepala, 'PUT', `${A}/assessments/${assessment.id}/ratings`, { ratings: [{ indicatorId: indicators[0], score: 4 }, { indicatorId: indicators[1], score }] }, 422, 'assessment.invalid_score');
      expect(body.error.message).toMatch(/skala/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the database refuses a score off the instrument’s scale too (trigger assessment_ratings_on_scale)', async () => {
    let state = 'no error';
    try {
      await ctx.db.db.execute(sql`insert into assessment_ratings (tenant_id, assessment_id, indicator_id, score) select tenant_id, id, ${indicators[0]}::uuid, 0 from assessments where id = ${assessment.id}::uuid`);
    } catch (error) {
      let current: unknown = error;
      while (typeof current === 'object' && current !== null && state === 'no error') {
        const code: unknown = (current as { code?: unknown }).code;
        if (typeof code === 'string') state = code;
        current = (current as { cause?: unknown }).cause;
      }
    }
    expect(state).toBe('23514');
  });

  it('ratings on its levels are stored; finalising stores no assessment_results row; the result is the level summary; all audited', async () => {
    const rated = await ok<Assessment>(kepala, 'PUT', `${A}/assessments/${assessment.id}/ratings`, { ratings: [{ indicatorId: indicators[0], score: 4 }, { indicatorId: indicators[1], score: 3 }, { indicatorId: indicators[2], score: 1, evidence: 'Catatan observasi' }] });
    expect(rated.score).toBeNull();
    const final = await ok<Assessment>(kepala, 'POST', `${A}/assessments/${assessment.id}/finalise`);
    expect(final).toMatchObject({ status: 'final', scored: false, score: null, rated: 3 });
    expect(final.levelSummary).toEqual([
      expect.objectContaining({ name: 'Perencanaan', rated: 1, average: 4, counts: [{ value: 1, label: 'Belum tampak', count: 0 }, { value: 2, label: 'Berkembang', count: 0 }, { value: 3, label: 'Cakap', count: 0 }, { value: 4, label: 'Mahir', count: 1 }] }),
      expect.objectContaining({ name: 'Pelaksanaan', rated: 2, average: 2, counts: [{ value: 1, label: 'Belum tampak', count: 1 }, { value: 2, label: 'Berkembang', count: 0 }, { value: 3, label: 'Cakap', count: 1 }, { value: 4, label: 'Mahir', count: 0 }] }),
    ]);
    const results = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from assessment_results where id = ${assessment.id}::uuid`);
    expect(results.rows[0]?.n).toBe(0);
    const audit = await ctx.db.db.execute<{ action: string; after: unknown }>(sql`select action, after from audit_log where entity_id = ${assessment.id} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['assessment.create', 'assessment.ratings.put', 'assessment.finalise']);
    expect(audit.rows[2]?.after).toMatchObject({ status: 'final', nilai: null, category: null });
    // The teacher reads it once final, with the same summary.
    expect((await ok<Assessment>(guru, 'GET', `${A}/assessments/${assessment.id}`)).levelSummary).toEqual(final.levelSummary);
  });

  it('Lampiran 1C (a PKG form) is 422 assessment.scoring_not_supported for it, never a 5xx; the teacher’s growth lists no PKG result for it', async () => {
    await refused(kepala, 'GET', `${A}/assessments/${assessment.id}/rekap.pdf`, undefined, 422, 'assessment.scoring_not_supported');
    const growth = await kepala.request('GET', `/api/v1/teachers/${teacherId}/growth`);
    expect(growth.statusCode, growth.body).toBe(200);
    expect(growth.body).not.toContain(assessment.id);
  });

  it('the period’s PKG distribution counts no madrasah-instrument assessment', async () => {
    const summary = await ok<{ assessed: number }>(kepala, 'GET', `${A}/periods/${period.id}/summary`);
    expect(summary.assessed).toBe(0);
  });
});

describe('which instruments an assessment may name', () => {
  it('a draft instrument is 404 assessment.instrument_not_found and nothing is written', async () => {
    const draft = await ok<MadrasahInstrument>(kepala, 'POST', MI, { madrasahId, title: 'Masih draf', scale: SCALE }, 201);
    await ok(kepala, 'PUT', `${MI}/${draft.id}`, content('Masih draf'));
    const before = await snapshot();
    await refused(kepala, 'POST', `${A}/assessments`, { periodId: period.id, teacherId, raterKind: 'kepala', instrumentCode: draft.code }, 404, 'assessment.instrument_not_found');
    expect(await snapshot()).toEqual(before);
  });

  it('another madrasah’s instrument (same tenant) is 404; the official observation instrument stays 422 scoring_not_supported', async () => {
    const assigned = pengawasY.me.madrasahs[0]?.id ?? '';
    const other = operatorY.me.madrasahs.find((m) => m.id !== assigned)?.id ?? '';
    const theirs = await publishedInstrument(operatorY, other, 'Instrumen madrasah lain');
    const teachersY = (await ok<{ items: { id: string }[] }>(operatorY, 'GET', `/api/v1/teachers?madrasahId=${assigned}&limit=1`)).items;
    const yPeriod = await ok<AssessmentPeriod>(operatorY, 'POST', `${A}/periods`, { madrasahId: assigned, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
    const before = await snapshot();
    await refused(pengawasY, 'POST', `${A}/assessments`, { periodId: yPeriod.id, teacherId: teachersY[0]?.id, raterKind: 'pengawas', instrumentCode: theirs.code }, 404, 'assessment.instrument_not_found');
    // Another tenant's instrument code is unknown here.
    await refused(pengawasY, 'POST', `${A}/assessments`, { periodId: yPeriod.id, teacherId: teachersY[0]?.id, raterKind: 'pengawas', instrumentCode: instrument.code }, 404, 'assessment.instrument_not_found');
    await refused(pengawasY, 'POST', `${A}/assessments`, { periodId: yPeriod.id, teacherId: teachersY[0]?.id, raterKind: 'pengawas', instrumentCode: 'pmm-2024-observasi' }, 422, 'assessment.scoring_not_supported');
    expect(await snapshot()).toEqual(before);
  });

  it('another tenant gets 404 for the assessment', async () => {
    await refused(operatorY, 'GET', `${A}/assessments/${assessment.id}`, undefined, 404, 'assessment.not_found');
    await refused(pengawasY, 'PUT', `${A}/assessments/${assessment.id}/ratings`, { ratings: [{ indicatorId: indicators[0], score: 2 }] }, 404, 'assessment.not_found');
  });
});
