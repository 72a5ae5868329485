import type { ErrorBody, FeedbackRound, PublicFeedbackRound } from '@tumbuh/shared';
import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjects, teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Tenant isolation of student feedback (every endpoint of the module): another tenant's round ids
 * answer 404 and change nothing; another tenant's teacher or subject cannot be named in a body;
 * lists never show another tenant's rounds; a public token writes only into its own tenant.
 */

interface Side {
  kepalaOrOperator: Session;
  madrasah: string;
  teacher: string;
  subject: string;
  round: FeedbackRound;
}

let ctx: TestContext;
const sides = new Map<string, Side>();
const F = '/api/v1/feedback';

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['feedback_settings', 'feedback_rounds', 'feedback_answers', 'feedback_answer_values', 'audit_log']) {
    const res = await ctx.db.db.execute(sql.raw(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from ${table} t`));
    parts.push(`${table}:${String(res.rows[0]?.rows)}`);
  }
  return parts.join('\n');
}

async function side(email: string): Promise<Side> {
  const s = await login(ctx.app, email);
  const madrasah = s.me.madrasahs[0]?.id ?? '';
  const [teacher] = await ctx.db.db.select({ id: teachers.id }).from(teachers).where(eq(teachers.madrasahId, madrasah)).orderBy(teachers.name).limit(1);
  const [subject] = await ctx.db.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.madrasahId, madrasah)).limit(1);
  const res = await s.request('POST', `${F}/rounds`, { teacherId: teacher?.id, subjectId: subject?.id, className: 'VIII-B' });
  expect(res.statusCode, res.body).toBe(201);
  return { kepalaOrOperator: s, madrasah, teacher: teacher?.id ?? '', subject: subject?.id ?? '', round: res.json<FeedbackRound>() };
}

beforeAll(async () => {
  ctx = await createTestContext();
  sides.set('MTs Contoh', await side('operator@contoh.sch.id'));
  sides.set('Yayasan Contoh', await side('operator@yayasan.sch.id'));
});
afterAll(async () => {
  await ctx.close();
});

const DIRECTIONS = [
  ['Yayasan Contoh', 'MTs Contoh'],
  ['MTs Contoh', 'Yayasan Contoh'],
] as const;

describe.each(DIRECTIONS)('the operator of %s and the feedback of %s', (me, other) => {
  it('every id-taking feedback endpoint answers 404 for the other tenant’s round, and nothing changes', async () => {
    const a = sides.get(me);
    const b = sides.get(other);
    if (!a || !b) throw new Error('not loaded');
    const before = await snapshot();
    for (const [method, url] of [
      ['GET', `${F}/rounds/${b.round.id}`],
      ['GET', `${F}/rounds/${b.round.id}/results`],
      ['POST', `${F}/rounds/${b.round.id}/close`],
    ] as const) {
      const res = await a.kepalaOrOperator.request(method, url);
      expect([url, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([url, 404, 'feedback.round_not_found']);
    }
    expect(await snapshot()).toBe(before);
  });

  it('the other tenant’s teacher or subject cannot be named when opening a round', async () => {
    const a = sides.get(me);
    const b = sides.get(other);
    if (!a || !b) throw new Error('not loaded');
    const before = await snapshot();
    const theirTeacher = await a.kepalaOrOperator.request('POST', `${F}/rounds`, { teacherId: b.teacher, className: 'VIII-B' });
    expect([theirTeacher.statusCode, theirTeacher.json<ErrorBody>().error.code]).toEqual([404, 'people.teacher_not_found']);
    const theirSubject = await a.kepalaOrOperator.request('POST', `${F}/rounds`, { teacherId: a.teacher, subjectId: b.subject, className: 'VIII-B' });
    expect([theirSubject.statusCode, theirSubject.json<ErrorBody>().error.code]).toEqual([404, 'people.subject_not_found']);
    const theirMadrasah = await a.kepalaOrOperator.request('POST', `${F}/rounds`, { madrasahId: b.madrasah, teacherId: a.teacher, className: 'VIII-B' });
    expect(theirMadrasah.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('lists and filters never show the other tenant’s rounds', async () => {
    const a = sides.get(me);
    const b = sides.get(other);
    if (!a || !b) throw new Error('not loaded');
    for (const url of [`${F}/rounds?limit=200`, `${F}/rounds?teacherId=${b.teacher}`, `${F}/rounds?madrasahId=${b.madrasah}`]) {
      const res = await a.kepalaOrOperator.request('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(b.round.id);
      expect(res.body).not.toContain(b.round.token ?? 'x');
    }
  });

  it('a threshold change stays in the tenant', async () => {
    const a = sides.get(me);
    const b = sides.get(other);
    if (!a || !b) throw new Error('not loaded');
    const put = await a.kepalaOrOperator.request('PUT', `${F}/settings`, { minAnswers: 9 });
    expect(put.statusCode).toBe(200);
    expect((await b.kepalaOrOperator.request('GET', `${F}/settings`)).json<{ minAnswers: number }>().minAnswers).toBe(5);
    await a.kepalaOrOperator.request('PUT', `${F}/settings`, { minAnswers: 5 });
  });
});

describe('public tokens', () => {
  it('an answer through a token lands in that round’s tenant only', async () => {
    const a = sides.get('MTs Contoh');
    const b = sides.get('Yayasan Contoh');
    if (!a || !b) throw new Error('not loaded');
    const count = async () => (await ctx.db.db.execute<{ tenant_id: string; n: number }>(sql`select tenant_id, count(*)::int as n from feedback_answers group by tenant_id order by tenant_id`)).rows;
    const before = await count();
    const form = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/feedback/${b.round.token}` })).json<PublicFeedbackRound>();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/public/feedback/${b.round.token}/answers`,
      headers: { cookie: a.kepalaOrOperator.cookie },
      payload: { deviceKey: randomBytes(16).toString('base64url'), answers: form.items.map((i) => ({ itemId: i.id, value: 3 })) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await ctx.db.db.execute<{ tenant_id: string; round_id: string }>(sql`select tenant_id, round_id from feedback_answers where round_id in (${a.round.id}, ${b.round.id})`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]?.round_id).toBe(b.round.id);
    const tenant = await ctx.db.db.execute<{ tenant_id: string }>(sql`select tenant_id from feedback_rounds where id = ${b.round.id}`);
    const theirs = tenant.rows[0]?.tenant_id ?? '';
    expect(rows.rows[0]?.tenant_id).toBe(theirs);
    // Exactly one more answer, all of it in their tenant.
    const after = await count();
    const n = (list: { tenant_id: string; n: number }[], t: string) => list.find((x) => x.tenant_id === t)?.n ?? 0;
    expect(n(after, theirs)).toBe(n(before, theirs) + 1);
    expect(after.filter((x) => x.tenant_id !== theirs)).toEqual(before.filter((x) => x.tenant_id !== theirs));
  });
});
