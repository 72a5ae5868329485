import type { Assessment, AssessmentPeriod, InstrumentDetail } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Tenant isolation and bad input for every assessment-cycle endpoint: another tenant's period or
 * assessment answers 404 and nothing changes (both directions); a pengawas sees only assigned
 * madrasahs; malformed bodies and ids answer 4xx and nothing is written.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Side {
  session: Session;
  period: string;
  assessment: string;
  teacher: string;
  madrasah: string;
}

const A = '/api/v1/assessment';
let ctx: TestContext;
let contoh: Side;
let yayasan: Side;
let indicator: string;

async function ok<T>(session: Session, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ['assessment_periods', 'assessments', 'assessment_ratings', 'audit_log']) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

/** Every endpoint that takes a period or assessment id, with a body that would be accepted. */
function endpoints(side: Side, rater: Side): { method: Method; url: string; body?: unknown }[] {
  return [
    { method: 'GET', url: `${A}/periods/${side.period}` },
    { method: 'PATCH', url: `${A}/periods/${side.period}`, body: { status: 'closed' } },
    { method: 'DELETE', url: `${A}/periods/${side.period}` },
    { method: 'GET', url: `${A}/periods/${side.period}/summary` },
    { method: 'GET', url: `${A}/assessments/${side.assessment}` },
    { method: 'GET', url: `${A}/assessments/${side.assessment}/evidence` },
    { method: 'PUT', url: `${A}/assessments/${side.assessment}/ratings`, body: { ratings: [{ indicatorId: indicator, score: 1 }] } },
    { method: 'POST', url: `${A}/assessments/${side.assessment}/finalise` },
    { method: 'POST', url: `${A}/assessments/${side.assessment}/acknowledge`, body: {} },
    // references in a body
    { method: 'POST', url: `${A}/assessments`, body: { periodId: side.period, teacherId: rater.teacher, raterKind: 'kepala' } },
    { method: 'POST', url: `${A}/assessments`, body: { periodId: rater.period, teacherId: side.teacher, raterKind: 'pengawas' } },
    { method: 'POST', url: `${A}/periods`, body: { madrasahId: side.madrasah, academicYear: '2027/2028', kind: 'formatif', startsOn: '2027-07-12', endsOn: '2027-08-28' } },
  ];
}

beforeAll(async () => {
  ctx = await createTestContext();
  const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  const guru = await login(ctx.app, 'guru1@contoh.sch.id');
  const operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
  const pengawasY = await login(ctx.app, 'pengawas@yayasan.sch.id');
  const pkg = await ok<InstrumentDetail>(guru, 'GET', '/api/v1/instruments/pkg-2009-guru-mapel');
  indicator = pkg.domains[0]?.competencies[0]?.indicators[0]?.id ?? '';

  const cMadrasah = kepala.me.madrasahs[0]?.id ?? '';
  const cPeriod = await ok<AssessmentPeriod>(kepala, 'POST', `${A}/periods`, { madrasahId: cMadrasah, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
  const cAssessment = await ok<Assessment>(kepala, 'POST', `${A}/assessments`, { periodId: cPeriod.id, teacherId: guru.me.user.teacherId, raterKind: 'kepala' }, 201);
  contoh = { session: kepala, period: cPeriod.id, assessment: cAssessment.id, teacher: guru.me.user.teacherId ?? '', madrasah: cMadrasah };

  // Yayasan: the pengawas is assigned to its first madrasah.
  const assigned = pengawasY.me.madrasahs[0]?.id ?? '';
  const teachersY = (await ok<{ items: { id: string; madrasahId: string }[] }>(operatorY, 'GET', `/api/v1/teachers?madrasahId=${assigned}&limit=5`)).items;
  const yPeriod = await ok<AssessmentPeriod>(operatorY, 'POST', `${A}/periods`, { madrasahId: assigned, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
  const yAssessment = await ok<Assessment>(pengawasY, 'POST', `${A}/assessments`, { periodId: yPeriod.id, teacherId: teachersY[0]?.id, raterKind: 'pengawas' }, 201);
  await ok(pengawasY, 'PUT', `${A}/assessments/${yAssessment.id}/ratings`, { ratings: [{ indicatorId: indicator, score: 2 }] });
  yayasan = { session: pengawasY, period: yPeriod.id, assessment: yAssessment.id, teacher: teachersY[0]?.id ?? '', madrasah: assigned };
});
afterAll(async () => {
  await ctx.close();
});

describe('tenant isolation of the assessment cycle', () => {
  it('every endpoint answers 404 for another tenant’s ids, contoh → yayasan, and nothing changes', async () => {
    const before = await snapshot();
    for (const e of endpoints(yayasan, contoh)) {
      const res = await contoh.session.request(e.method, e.url, e.body);
      expect([e.method, e.url, res.statusCode], res.body).toEqual([e.method, e.url, 404]);
    }
    expect(await snapshot()).toEqual(before);
  });
  it('every endpoint answers 404 for another tenant’s ids, yayasan → contoh, and nothing changes', async () => {
    const operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
    const before = await snapshot();
    for (const session of [yayasan.session, operatorY]) {
      for (const e of endpoints(contoh, yayasan)) {
        const res = await session.request(e.method, e.url, e.body);
        expect([e.method, e.url, res.statusCode], res.body).toEqual([e.method, e.url, 404]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
  it('lists never show another tenant’s periods or assessments', async () => {
    // MTs Contoh also holds the demo PKG cycle of 2025/2026 (demo/assessment.seed.ts).
    const periods = await ok<{ items: { id: string }[] }>(contoh.session, 'GET', `${A}/periods?limit=100`);
    expect(periods.items.map((p) => p.id)).toContain(contoh.period);
    expect(periods.items.map((p) => p.id)).not.toContain(yayasan.period);
    expect((await ok<{ items: { id: string }[] }>(contoh.session, 'GET', `${A}/periods?academicYear=2026/2027`)).items.map((p) => p.id)).toEqual([contoh.period]);
    const list = await ok<{ items: { id: string }[] }>(contoh.session, 'GET', `${A}/assessments?limit=100`);
    expect(list.items.map((a) => a.id)).toContain(contoh.assessment);
    expect(list.items.map((a) => a.id)).not.toContain(yayasan.assessment);
    expect((await ok<{ items: { id: string }[] }>(contoh.session, 'GET', `${A}/assessments?periodId=${contoh.period}`)).items.map((a) => a.id)).toEqual([contoh.assessment]);
    const filtered = await ok<{ items: unknown[]; total: number }>(contoh.session, 'GET', `${A}/assessments?periodId=${yayasan.period}`);
    expect(filtered.total).toBe(0);
    // Yayasan Contoh also holds a demo PKG cycle of 2025/2026 for its madrasahs (the pengawas sees their assigned one).
    const theirs = await ok<{ items: { id: string }[] }>(yayasan.session, 'GET', `${A}/assessments?limit=100`);
    expect(theirs.items.map((a) => a.id)).toContain(yayasan.assessment);
    expect(theirs.items.map((a) => a.id)).not.toContain(contoh.assessment);
    expect((await ok<{ items: { id: string }[] }>(yayasan.session, 'GET', `${A}/assessments?periodId=${yayasan.period}`)).items.map((a) => a.id)).toEqual([yayasan.assessment]);
  });
  it('a pengawas sees only assigned madrasahs: another madrasah of the same tenant is 404', async () => {
    const operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
    const other = operatorY.me.madrasahs.find((m) => m.id !== yayasan.madrasah)?.id ?? '';
    const period = await ok<AssessmentPeriod>(operatorY, 'POST', `${A}/periods`, { madrasahId: other, academicYear: '2026/2027', kind: 'formatif', startsOn: '2026-07-13', endsOn: '2026-08-29' }, 201);
    expect((await yayasan.session.request('GET', `${A}/periods/${period.id}`)).statusCode).toBe(404);
    expect((await yayasan.session.request('GET', `${A}/periods/${period.id}/summary`)).statusCode).toBe(404);
    expect((await ok<AssessmentPeriod>(yayasan.session, 'GET', `${A}/periods/${yayasan.period}`)).id).toBe(yayasan.period);
  });
});

describe('bad input on the assessment cycle: 4xx with {error}, nothing written', () => {
  const cases: { name: string; method: Method; url: () => string; body?: () => unknown }[] = [
    { name: 'period: unknown field', method: 'POST', url: () => `${A}/periods`, body: () => ({ madrasahId: contoh.madrasah, academicYear: '2027/2028', kind: 'formatif', startsOn: '2027-07-12', endsOn: '2027-08-28', extra: 1 }) },
    { name: 'period: wrong kind', method: 'POST', url: () => `${A}/periods`, body: () => ({ madrasahId: contoh.madrasah, academicYear: '2027/2028', kind: 'tengah', startsOn: '2027-07-12', endsOn: '2027-08-28' }) },
    { name: 'period: not a date', method: 'POST', url: () => `${A}/periods`, body: () => ({ madrasahId: contoh.madrasah, academicYear: '2027/2028', kind: 'formatif', startsOn: '2027-13-40', endsOn: '2027-08-28' }) },
    { name: 'period: missing fields', method: 'POST', url: () => `${A}/periods`, body: () => ({ madrasahId: contoh.madrasah }) },
    { name: 'period: NUL in academic year', method: 'POST', url: () => `${A}/periods`, body: () => ({ madrasahId: contoh.madrasah, academicYear: '2027/\u00002028', kind: 'formatif', startsOn: '2027-07-12', endsOn: '2027-08-28' }) },
    { name: 'period: end before start on update', method: 'PATCH', url: () => `${A}/periods/${contoh.period}`, body: () => ({ endsOn: '2026-07-01' }) },
    { name: 'period: non-UUID id', method: 'GET', url: () => `${A}/periods/not-a-uuid` },
    { name: 'period list: bad status filter', method: 'GET', url: () => `${A}/periods?status=maybe` },
    { name: 'assessment: unknown rater kind', method: 'POST', url: () => `${A}/assessments`, body: () => ({ periodId: contoh.period, teacherId: contoh.teacher, raterKind: 'murid' }) },
    { name: 'assessment: unknown instrument', method: 'POST', url: () => `${A}/assessments`, body: () => ({ periodId: contoh.period, teacherId: contoh.teacher, raterKind: 'pengawas', instrumentCode: 'pkg-2013-bk' }) },
    { name: 'assessment: unknown instrument version', method: 'POST', url: () => `${A}/assessments`, body: () => ({ periodId: contoh.period, teacherId: contoh.teacher, raterKind: 'kepala', instrumentVersion: 9 }) },
    { name: 'assessment: unknown period', method: 'POST', url: () => `${A}/assessments`, body: () => ({ periodId: '0190a000-0000-7000-8000-000000000001', teacherId: contoh.teacher, raterKind: 'kepala' }) },
    { name: 'assessment: non-UUID teacher', method: 'POST', url: () => `${A}/assessments`, body: () => ({ periodId: contoh.period, teacherId: 'guru-1', raterKind: 'kepala' }) },
    { name: 'assessment list: bad rater kind filter', method: 'GET', url: () => `${A}/assessments?raterKind=murid` },
    { name: 'ratings: empty list', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => ({ ratings: [] }) },
    { name: 'ratings: score as text', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => ({ ratings: [{ indicatorId: indicator, score: 'dua' }] }) },
    { name: 'ratings: indicator not a UUID', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => ({ ratings: [{ indicatorId: 'K1.1', score: 1 }] }) },
    { name: 'ratings: unknown indicator id', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => ({ ratings: [{ indicatorId: '0190a000-0000-7000-8000-000000000002', score: 1 }] }) },
    { name: 'ratings: over-long evidence', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => ({ ratings: [{ indicatorId: indicator, score: 1, evidence: 'x'.repeat(5000) }] }) },
    { name: 'ratings: malformed JSON', method: 'PUT', url: () => `${A}/assessments/${contoh.assessment}/ratings`, body: () => '{"ratings": [' },
    { name: 'acknowledge: a draft', method: 'POST', url: () => `${A}/assessments/${contoh.assessment}/acknowledge`, body: () => ({ comment: 'ok' }) },
    { name: 'acknowledge: unknown field', method: 'POST', url: () => `${A}/assessments/${contoh.assessment}/acknowledge`, body: () => ({ agree: true }) },
  ];
  it.each(cases)('$name', async (c) => {
    const before = await snapshot();
    const body = c.body?.();
    const res =
      typeof body === 'string'
        ? await ctx.app.inject({ method: c.method, url: c.url(), headers: { cookie: contoh.session.cookie, 'x-csrf-token': contoh.session.csrf, 'content-type': 'application/json' }, payload: body })
        : await contoh.session.request(c.method, c.url(), body);
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(typeof res.json().error.code).toBe('string');
    expect(await snapshot()).toEqual(before);
  });
});
