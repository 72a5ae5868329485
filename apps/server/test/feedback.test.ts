import type { FeedbackResults, FeedbackRound, PublicFeedbackRound, TeacherGrowth } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { feedbackSummaryForTeacher } from '../src/modules/feedback/feedback.usecases.ts';
import { createTestContext, login, testConfig, type Session, type TestContext } from './helpers.ts';

/**
 * Anonymous student feedback through the API on real PostgreSQL: rounds, public answering without a
 * session, one answer per device, closed and unknown rounds, nothing identifying stored or logged,
 * threshold gating, free text for the kepala only.
 */

let ctx: TestContext;
let kepala: Session;
let operator: Session;
let guru: Session;
let colleague: Session;
let madrasah: string;
let round: FeedbackRound;
let form: PublicFeedbackRound;

const F = '/api/v1/feedback';
const P = '/api/v1/public/feedback';
const deviceKey = () => randomBytes(16).toString('base64url');
const sheet = (items: { id: string }[], values: number[], comment?: string) => ({
  deviceKey: deviceKey(),
  answers: items.map((i, k) => ({ itemId: i.id, value: values[k % values.length] })),
  ...(comment === undefined ? {} : { comment }),
});

async function ok<T>(session: Session, method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

/** An anonymous request: no cookie, no CSRF header. */
function anonymous(method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
}

async function answerCount(roundId: string): Promise<number> {
  const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from feedback_answers where round_id = ${roundId}`);
  return res.rows[0]?.n ?? 0;
}

async function snapshot(): Promise<string> {
  const res = await ctx.db.db.execute<{ h: string }>(
    sql`select md5((select coalesce(string_agg(t::text, '|' order by t::text), '') from feedback_answers t) || (select coalesce(string_agg(t::text, '|' order by t::text), '') from feedback_answer_values t) || (select coalesce(string_agg(t::text, '|' order by t::text), '') from feedback_rounds t)) as h`,
  );
  return res.rows[0]?.h ?? '';
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  colleague = await login(ctx.app, 'koordinator@contoh.sch.id');
  madrasah = kepala.me.madrasahs[0]?.id ?? '';
  round = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: guru.me.user.teacherId, className: 'VIII-B' }, 201);
  const res = await anonymous('GET', `${P}/${round.token}`);
  expect(res.statusCode, res.body).toBe(200);
  form = res.json<PublicFeedbackRound>();
});

afterAll(async () => {
  await ctx.close();
});

describe('opening a round', () => {
  it('the kepala opens a round with an unguessable URL-safe token of at least 128 bits', () => {
    expect(round.status).toBe('open');
    expect(round.madrasahId).toBe(madrasah);
    expect(round.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(round.token ?? '', 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(round.publicPath).toBe(`/u/${round.token}`);
    expect(round.answerCount).toBe(0);
    expect(round.minAnswers).toBe(5);
  });

  it('the operator may open a round too; a guru may not', async () => {
    const byOperator = await ok<FeedbackRound>(operator, 'POST', `${F}/rounds`, { teacherId: colleague.me.user.teacherId, className: 'IX-A', closesAt: new Date(Date.now() + 3_600_000).toISOString() }, 201);
    expect(byOperator.closesAt).not.toBeNull();
    const res = await guru.request('POST', `${F}/rounds`, { teacherId: guru.me.user.teacherId, className: 'VIII-C' });
    expect(res.statusCode).toBe(403);
  });

  it('the round is audited without its token', async () => {
    const res = await ctx.db.db.execute<{ after: Record<string, unknown> }>(sql`select after from audit_log where entity_id = ${round.id} and action = 'feedback.round.open'`);
    expect(res.rows).toHaveLength(1);
    expect(JSON.stringify(res.rows[0]?.after)).not.toContain(round.token ?? '');
  });

  it('a guru does not see the link of a round about themself', async () => {
    const seen = await ok<FeedbackRound>(guru, 'GET', `${F}/rounds/${round.id}`);
    expect(seen.token).toBeNull();
    expect(seen.publicPath).toBeNull();
  });
});

describe('public form without login', () => {
  it('shows the teacher’s name, subject, class and the 6–10 items tagged to the three focus dimensions, nothing else', () => {
    expect(Object.keys(form).sort()).toEqual(['className', 'commentMax', 'items', 'subjectName', 'teacherName']);
    expect(form.className).toBe('VIII-B');
    expect(form.teacherName).toBe('Ahmad Fauzi, S.Pd.I');
    expect(form.items.length).toBeGreaterThanOrEqual(6);
    expect(form.items.length).toBeLessThanOrEqual(10);
    expect(new Set(form.items.map((i) => i.focus))).toEqual(new Set(['proses-pembelajaran', 'pengelolaan-kelas', 'penanganan-masalah']));
    expect(form.commentMax).toBe(500);
  });

  it('an unknown token answers 404 (also a malformed one)', async () => {
    expect((await anonymous('GET', `${P}/${deviceKey()}`)).statusCode).toBe(404);
    expect((await anonymous('GET', `${P}/x`)).statusCode).toBe(404);
    const res = await anonymous('POST', `${P}/${deviceKey()}/answers`, sheet(form.items, [3]));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('feedback.round_not_found');
  });
});

describe('answering', () => {
  it('an anonymous answer is accepted without a session or CSRF token and stored without anything identifying', async () => {
    const res = await anonymous('POST', `${P}/${round.token}/answers`, sheet(form.items, [4, 3]), { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'Mozilla/5.0 (Linux; Android 8.1; Cheap Phone)' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await answerCount(round.id)).toBe(1);
    const rows = await ctx.db.db.execute(sql`select * from feedback_answers where round_id = ${round.id}`);
    expect(JSON.stringify(rows.rows)).not.toContain('198.51.100.23');
    expect(JSON.stringify(rows.rows)).not.toContain('Cheap Phone');
  });

  it('a signed-in kepala’s browser can answer too (the answer route needs no CSRF token)', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${P}/${round.token}/answers`, headers: { cookie: kepala.cookie }, payload: sheet(form.items, [3]) });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('no column of the answer tables can hold an IP address, user agent, name, NISN or submission time', async () => {
    const res = await ctx.db.db.execute<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_name in ('feedback_answers', 'feedback_answer_values') order by table_name, ordinal_position`,
    );
    expect(res.rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
      'feedback_answer_values.tenant_id',
      'feedback_answer_values.answer_id',
      'feedback_answer_values.item_id',
      'feedback_answer_values.value',
      'feedback_answers.tenant_id',
      'feedback_answers.id',
      'feedback_answers.round_id',
      'feedback_answers.device_hash',
      'feedback_answers.comment',
    ]);
  });

  it('the device hash is not the browser value', async () => {
    const body = sheet(form.items, [2]);
    expect((await anonymous('POST', `${P}/${round.token}/answers`, body)).statusCode).toBe(201);
    const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from feedback_answers where device_hash like ${`%${body.deviceKey}%`}`);
    expect(res.rows[0]?.n).toBe(0);
  });

  it('a second answer from the same device is refused and nothing is written', async () => {
    const body = sheet(form.items, [1]);
    expect((await anonymous('POST', `${P}/${round.token}/answers`, body)).statusCode).toBe(201);
    const before = await snapshot();
    const again = await anonymous('POST', `${P}/${round.token}/answers`, { ...body, answers: body.answers.map((a) => ({ ...a, value: 4 })) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('feedback.already_answered');
    expect(again.json().error.message).toMatch(/sudah diterima/);
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['a value out of range', (b: ReturnType<typeof sheet>) => ({ ...b, answers: b.answers.map((a, k) => (k === 2 ? { ...a, value: 5 } : a)) }), 422, 'feedback.invalid_answers'],
    ['a value of 0', (b: ReturnType<typeof sheet>) => ({ ...b, answers: b.answers.map((a, k) => (k === 0 ? { ...a, value: 0 } : a)) }), 422, 'feedback.invalid_answers'],
    ['a text value', (b: ReturnType<typeof sheet>) => ({ ...b, answers: b.answers.map((a, k) => (k === 0 ? { ...a, value: 'empat' } : a)) }), 422, 'feedback.invalid_answers'],
    ['a wrong item id', (b: ReturnType<typeof sheet>) => ({ ...b, answers: [...b.answers.slice(1), { itemId: '00000000-0000-7000-8000-000000000000', value: 3 }] }), 422, 'feedback.invalid_answers'],
    ['a missing item', (b: ReturnType<typeof sheet>) => ({ ...b, answers: b.answers.slice(1) }), 422, 'feedback.invalid_answers'],
    ['a comment over 500 characters', (b: ReturnType<typeof sheet>) => ({ ...b, comment: 'x'.repeat(501) }), 422, 'feedback.invalid_answers'],
    ['no device key', (b: ReturnType<typeof sheet>) => ({ answers: b.answers }), 400, 'common.validation_failed'],
    ['a short device key', (b: ReturnType<typeof sheet>) => ({ ...b, deviceKey: 'abc' }), 400, 'common.validation_failed'],
    ['a name field', (b: ReturnType<typeof sheet>) => ({ ...b, name: 'Budi' }), 400, 'common.validation_failed'],
    ['a NISN field', (b: ReturnType<typeof sheet>) => ({ ...b, nisn: '0012345678' }), 400, 'common.validation_failed'],
  ])('%s is refused (%i %s) and nothing is written', async (_label, mutate, status, code) => {
    const before = await snapshot();
    const res = await anonymous('POST', `${P}/${round.token}/answers`, mutate(sheet(form.items, [3])));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(await snapshot()).toBe(before);
  });

  it('the invalid-answer message names the statement in Bahasa Indonesia', async () => {
    const b = sheet(form.items, [3]);
    const res = await anonymous('POST', `${P}/${round.token}/answers`, { ...b, answers: b.answers.map((a, k) => (k === 1 ? { ...a, value: 9 } : a)) });
    expect(res.json().error.message).toBe('Jawaban tidak valid: jawaban pernyataan 2 harus 1, 2, 3 atau 4.');
  });
});

describe('rate limit per round', () => {
  it('beyond 120 answers a minute a round answers 429 and writes nothing more; another round is not affected', async () => {
    const busy = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: colleague.me.user.teacherId, className: 'IX-R' }, 201);
    const statuses: number[] = [];
    for (let k = 0; k < 121; k++) statuses.push((await anonymous('POST', `${P}/${busy.token}/answers`, { ...sheet(form.items, [1, 2]), answers: [] })).statusCode);
    // Refused sheets count too: the limit is on requests, not on stored answers.
    expect(statuses.slice(0, 120).every((s) => s === 400)).toBe(true);
    const limited = await anonymous('POST', `${P}/${busy.token}/answers`, sheet(form.items, [3]));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('common.rate_limited');
    expect(await answerCount(busy.id)).toBe(0);
    expect((await anonymous('POST', `${P}/${round.token}/answers`, sheet(form.items, [3]))).statusCode).toBe(201);
  });
});

describe('request log on public routes', () => {
  it('a logged line of an answer carries neither the IP address nor the token', async () => {
    const lines: string[] = [];
    const app = await buildApp({ config: testConfig({ logLevel: 'debug' }), database: ctx.db, logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
    try {
      const res = await app.inject({ method: 'POST', url: `${P}/${round.token}/answers`, remoteAddress: '203.0.113.77', headers: { 'x-forwarded-for': '198.51.100.99' }, payload: sheet(form.items, [3]) });
      expect(res.statusCode, res.body).toBe(201);
      const get = await app.inject({ method: 'GET', url: `${P}/${round.token}`, remoteAddress: '203.0.113.77' });
      expect(get.statusCode).toBe(200);
      // Other routes keep their address in the log (the redaction is targeted).
      await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '203.0.113.78' });
    } finally {
      await app.close();
    }
    const text = lines.join('');
    expect(text).toContain('/api/v1/public/feedback/[redacted]');
    expect(text).not.toContain('203.0.113.77');
    expect(text).not.toContain('198.51.100.99');
    expect(text).not.toContain(round.token ?? 'no-token');
    expect(text).toContain('203.0.113.78');
  });
});

describe('threshold gating and who sees what', () => {
  let gated: FeedbackRound;
  let gatedForm: PublicFeedbackRound;

  beforeAll(async () => {
    gated = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: guru.me.user.teacherId, className: 'VII-A' }, 201);
    gatedForm = (await anonymous('GET', `${P}/${gated.token}`)).json<PublicFeedbackRound>();
  });

  it('with 4 answers the results are refused with the count ("belum cukup jawaban")', async () => {
    for (let k = 0; k < 4; k++) expect((await anonymous('POST', `${P}/${gated.token}/answers`, sheet(gatedForm.items, [k + 1], k === 0 ? 'Pak guru sabar sekali' : undefined))).statusCode).toBe(201);
    const res = await kepala.request('GET', `${F}/rounds/${gated.id}/results`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('feedback.not_enough_answers');
    expect(res.json().error.details).toEqual({ answers: 4, minAnswers: 5 });
    expect(res.json().error.message).toMatch(/^Belum cukup jawaban: 4 dari minimal 5/);
    const listed = await ok<FeedbackRound>(kepala, 'GET', `${F}/rounds/${gated.id}`);
    expect(listed.answerCount).toBe(4);
    expect(listed.resultsAvailable).toBe(false);
  });

  it('with the fifth answer the kepala sees distributions, means per item and per focus dimension, and the free text', async () => {
    expect((await anonymous('POST', `${P}/${gated.token}/answers`, sheet(gatedForm.items, [4], 'Kelasnya kadang ramai'))).statusCode).toBe(201);
    const results = await ok<FeedbackResults>(kepala, 'GET', `${F}/rounds/${gated.id}/results`);
    expect(results.answers).toBe(5);
    expect(results.items[0]?.distribution).toEqual([1, 1, 1, 2]);
    expect(results.items[0]?.mean).toBe(2.8);
    expect(results.focus.map((f) => f.focus)).toEqual(['proses-pembelajaran', 'pengelolaan-kelas', 'penanganan-masalah']);
    expect(results.focus.every((f) => f.mean === 2.8)).toBe(true);
    expect(results.comments).toEqual(['Kelasnya kadang ramai', 'Pak guru sabar sekali']);
  });

  it('the teacher sees their own round’s aggregates but not the free text', async () => {
    const results = await ok<FeedbackResults>(guru, 'GET', `${F}/rounds/${gated.id}/results`);
    expect(results.answers).toBe(5);
    expect(results.comments).toBeNull();
  });

  it('another teacher sees nothing of it (404); the operator manages but does not read results (403)', async () => {
    expect((await colleague.request('GET', `${F}/rounds/${gated.id}/results`)).statusCode).toBe(404);
    expect((await colleague.request('GET', `${F}/rounds/${gated.id}`)).statusCode).toBe(404);
    expect((await operator.request('GET', `${F}/rounds/${gated.id}/results`)).statusCode).toBe(403);
  });

  it('a guru lists only rounds about themself', async () => {
    const own = await ok<{ items: FeedbackRound[] }>(guru, 'GET', `${F}/rounds`);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.teacher.id === guru.me.user.teacherId)).toBe(true);
    const other = await ok<{ items: FeedbackRound[] }>(colleague, 'GET', `${F}/rounds?teacherId=${guru.me.user.teacherId}`);
    expect(other.items).toEqual([]);
  });

  it('a higher threshold hides results again; a threshold below 5 is refused', async () => {
    expect((await kepala.request('PUT', `${F}/settings`, { minAnswers: 4 })).json().error.code).toBe('feedback.threshold_too_low');
    expect((await guru.request('PUT', `${F}/settings`, { minAnswers: 8 })).statusCode).toBe(403);
    await ok(kepala, 'PUT', `${F}/settings`, { minAnswers: 6 });
    expect((await kepala.request('GET', `${F}/rounds/${gated.id}/results`)).statusCode).toBe(409);
    expect((await feedbackSummaryForTeacher(ctx.db.db, kepala.me.tenant.id, guru.me.user.teacherId ?? '')).map((x) => x.roundId)).not.toContain(gated.id);
    await ok(kepala, 'PUT', `${F}/settings`, { minAnswers: 5 });
    expect((await kepala.request('GET', `${F}/rounds/${gated.id}/results`)).statusCode).toBe(200);
  });

  it('feedbackSummaryForTeacher gives the rounds above the threshold with focus means, aggregates only', async () => {
    const summary = await feedbackSummaryForTeacher(ctx.db.db, kepala.me.tenant.id, guru.me.user.teacherId ?? '');
    const ids = summary.map((s) => s.roundId);
    expect(ids).toContain(gated.id);
    const s = summary.find((x) => x.roundId === gated.id);
    expect(s).toMatchObject({ className: 'VII-A', answers: 5, closedAt: null, focus: { 'proses-pembelajaran': 2.8, 'pengelolaan-kelas': 2.8, 'penanganan-masalah': 2.8 } });
    expect(JSON.stringify(summary)).not.toContain('sabar');
  });

  it('a teacher’s growth page shows the rounds above the threshold with their focus means, never the free text, to the kepala and to the teacher', async () => {
    const url = `/api/v1/teachers/${guru.me.user.teacherId}/growth`;
    for (const s of [kepala, guru]) {
      const res = await s.request('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      const g = res.json<TeacherGrowth>();
      expect(g.feedback.find((r) => r.roundId === gated.id)).toMatchObject({ className: 'VII-A', answers: 5, focus: { 'proses-pembelajaran': 2.8, 'pengelolaan-kelas': 2.8, 'penanganan-masalah': 2.8 } });
      expect(res.body).not.toContain('sabar');
    }
  });
});

describe('closing', () => {
  it('after closing, the form and answers are refused, nothing is written, and the device secret is erased', async () => {
    const r = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: colleague.me.user.teacherId, className: 'IX-C' }, 201);
    const body = sheet(form.items, [3]);
    const closed = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds/${r.id}/close`);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const before = await snapshot();
    const res = await anonymous('POST', `${P}/${r.token}/answers`, body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('feedback.round_closed');
    expect((await anonymous('GET', `${P}/${r.token}`)).json().error.code).toBe('feedback.round_closed');
    expect(await snapshot()).toBe(before);
    const secret = await ctx.db.db.execute<{ s: string | null }>(sql`select device_secret as s from feedback_rounds where id = ${r.id}`);
    expect(secret.rows[0]?.s).toBeNull();
  });

  it('a round past its closing time refuses answers', async () => {
    const r = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: colleague.me.user.teacherId, className: 'IX-D', closesAt: new Date(Date.now() + 1500).toISOString() }, 201);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const res = await anonymous('POST', `${P}/${r.token}/answers`, sheet(form.items, [3]));
    expect(res.json().error.code).toBe('feedback.round_closed');
    expect((await ok<FeedbackRound>(kepala, 'GET', `${F}/rounds/${r.id}`)).status).toBe('closed');
  });

  it('a closing time in the past is refused', async () => {
    const res = await kepala.request('POST', `${F}/rounds`, { teacherId: colleague.me.user.teacherId, className: 'IX-E', closesAt: '2020-01-01T00:00:00Z' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('feedback.invalid_closing_time');
  });

  it('the operator can close; a guru cannot', async () => {
    const r = await ok<FeedbackRound>(kepala, 'POST', `${F}/rounds`, { teacherId: guru.me.user.teacherId, className: 'VII-C' }, 201);
    expect((await guru.request('POST', `${F}/rounds/${r.id}/close`)).statusCode).toBe(403);
    expect((await ok<FeedbackRound>(operator, 'POST', `${F}/rounds/${r.id}/close`)).status).toBe('closed');
  });
});

describe('isolation', () => {
  it('another tenant sees nothing of a round (404) and cannot open one for this tenant’s teacher', async () => {
    const other = await login(ctx.app, 'operator@yayasan.sch.id');
    expect((await other.request('GET', `${F}/rounds/${round.id}`)).statusCode).toBe(404);
    expect((await other.request('GET', `${F}/rounds/${round.id}/results`)).statusCode).toBe(404);
    expect((await other.request('POST', `${F}/rounds/${round.id}/close`)).statusCode).toBe(404);
    expect((await other.request('POST', `${F}/rounds`, { teacherId: guru.me.user.teacherId, className: 'VIII-B' })).statusCode).toBe(404);
    expect((await ok<{ items: FeedbackRound[] }>(other, 'GET', `${F}/rounds`)).items.every((r) => r.id !== round.id)).toBe(true);
    const pengawas = await login(ctx.app, 'pengawas@yayasan.sch.id');
    expect((await pengawas.request('GET', `${F}/rounds/${round.id}/results`)).statusCode).toBe(404);
  });
});
