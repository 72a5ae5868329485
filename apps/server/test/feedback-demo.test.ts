import type { FeedbackResults, FeedbackRound } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackSummaryForTeacher } from '../src/modules/feedback/feedback.usecases.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** The demo shows student feedback working: rounds above and below the threshold, and the MGMP MIPA story. */

let ctx: TestContext;
let kepala: Session;
let rounds: FeedbackRound[];

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  const res = await kepala.request('GET', '/api/v1/feedback/rounds?limit=200');
  expect(res.statusCode).toBe(200);
  rounds = res.json<{ items: FeedbackRound[] }>().items;
});
afterAll(async () => {
  await ctx.close();
});

const pengelolaan = (s: { focus: Partial<Record<string, number>> }) => s.focus['pengelolaan-kelas'] ?? 0;

describe('demo student feedback in MTs Contoh', () => {
  it('has rounds above the threshold with results, and one open round below it', async () => {
    expect(rounds.length).toBeGreaterThanOrEqual(9);
    const below = rounds.filter((r) => !r.resultsAvailable);
    expect(below.map((r) => [r.teacher.name, r.answerCount, r.status])).toEqual([['Dewi Lestari, S.Pd', 3, 'open']]);
    const refused = await kepala.request('GET', `/api/v1/feedback/rounds/${below[0]?.id}/results`);
    expect(refused.json().error.code).toBe('feedback.not_enough_answers');
    const above = rounds.find((r) => r.resultsAvailable && r.teacher.name.startsWith('Khoirul Anam'));
    const results = await kepala.request('GET', `/api/v1/feedback/rounds/${above?.id}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.json<FeedbackResults>().comments?.length).toBeGreaterThan(0);
  });

  it('MGMP MIPA members’ classes rate pengelolaan kelas clearly higher in the second round; Ahmad Fauzi’s barely move', async () => {
    const byName = (prefix: string) => rounds.find((r) => r.teacher.name.startsWith(prefix))?.teacher.id ?? '';
    for (const name of ['Khoirul Anam', 'Lailatul Qadriyah', "Imam Syafi'i"]) {
      const summary = await feedbackSummaryForTeacher(ctx.db.db, kepala.me.tenant.id, byName(name));
      expect(summary, name).toHaveLength(2);
      const [first, second] = summary;
      if (!first || !second) throw new Error('two rounds expected');
      expect(pengelolaan(second) - pengelolaan(first), name).toBeGreaterThan(0.5);
      expect(first.closedAt && second.closedAt && first.closedAt < second.closedAt).toBe(true);
    }
    const fauzi = await feedbackSummaryForTeacher(ctx.db.db, kepala.me.tenant.id, byName('Ahmad Fauzi'));
    expect(fauzi).toHaveLength(2);
    expect(Math.abs(pengelolaan(fauzi[1] ?? { focus: {} }) - pengelolaan(fauzi[0] ?? { focus: {} }))).toBeLessThan(0.3);
    // Below the threshold: left out of the growth summary entirely.
    expect(await feedbackSummaryForTeacher(ctx.db.db, kepala.me.tenant.id, byName('Dewi Lestari'))).toEqual([]);
  });
});
