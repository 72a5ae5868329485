import type { FeedbackRound } from '@tumbuh/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/config.ts';
import { createTestContext, login, testConfig, type TestContext } from './helpers.ts';

/**
 * The student feedback link (and its QR code) uses the server's public address when
 * TUMBUH_PUBLIC_URL is set: the round carries the full link; without it the app joins
 * publicPath to the address the browser uses (publicUrl null).
 */

const PUBLIC = 'https://tumbuh.contoh.sch.id';
let ctx: TestContext;
let withPublicUrl: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext();
  withPublicUrl = await buildApp({ config: testConfig({ publicUrl: PUBLIC, publicUrlConfigured: true }), database: ctx.db, logger: false });
  await withPublicUrl.ready();
});
afterAll(async () => {
  await withPublicUrl?.close();
  await ctx?.close();
});

describe('TUMBUH_PUBLIC_URL', () => {
  it('is read without its trailing slash and marked as configured; without it the link is left to the browser', () => {
    const set = loadConfig({ TUMBUH_DATA_DIR: '/tmp/x', TUMBUH_PUBLIC_URL: `${PUBLIC}/` });
    expect(set.publicUrl).toBe(PUBLIC);
    expect(set.publicUrlConfigured).toBe(true);
    expect(loadConfig({ TUMBUH_DATA_DIR: '/tmp/x' }).publicUrlConfigured).toBe(false);
  });

  it('when set, the round gives the kepala the full student link on the public address (also in the list); the guru gets none', async () => {
    const kepala = await login(withPublicUrl, 'kepala@contoh.sch.id');
    const guru = await login(withPublicUrl, 'guru1@contoh.sch.id');
    const res = await kepala.request('POST', '/api/v1/feedback/rounds', { teacherId: guru.me.user.teacherId, className: 'VIII-A' });
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json<FeedbackRound>();
    expect(round.publicUrl).toBe(`${PUBLIC}/u/${round.token}`);
    const listed = (await kepala.request('GET', '/api/v1/feedback/rounds?limit=100')).json<{ items: FeedbackRound[] }>().items.find((r) => r.id === round.id);
    expect(listed?.publicUrl).toBe(`${PUBLIC}/u/${round.token}`);
    expect((await guru.request('GET', `/api/v1/feedback/rounds/${round.id}`)).json<FeedbackRound>().publicUrl).toBeNull();
  });

  it('when not set, the round has no full link (the app uses its own address with publicPath)', async () => {
    const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    const round = (await kepala.request('POST', '/api/v1/feedback/rounds', { teacherId: guru.me.user.teacherId, className: 'VIII-B' })).json<FeedbackRound>();
    expect(round.publicUrl).toBeNull();
    expect(round.publicPath).toBe(`/u/${round.token}`);
  });
});
