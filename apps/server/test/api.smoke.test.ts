import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('health and OpenAPI', () => {
  it('health answers ok when the database answers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: 'up', demo: true });
  });

  it('client-side routes answer the web app page, unknown API paths a JSON 404', async () => {
    // The web client is built by `npm ci` (prepare script) before the tests run.
    const page = await ctx.app.inject({ method: 'GET', url: '/guru/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
    const asset = await ctx.app.inject({ method: 'GET', url: script });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'common.not_found' } });
  });

  it('the OpenAPI document lists the teacher endpoints', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/teachers');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  });
});

describe('login', () => {
  it('a demo operator signs in and sees the tenant and madrasah', async () => {
    const s = await login(ctx.app, 'operator@contoh.sch.id');
    expect(s.cookie).toMatch(/^tumbuh_session=/);
    const me = await s.request('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().tenant.name).toBe('MTs Contoh');
    expect(me.json().madrasahs[0].npsn).toBe('99999001');
  });
});

describe('field problems in the reader’s language', () => {
  it('a too-short field is explained in Bahasa Indonesia by default and in English when asked', async () => {
    const body = { email: 'bukan-email', password: 'x' };
    const id = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
    expect(id.statusCode).toBe(400);
    const idDetail = id.json().error.details[0];
    expect(idDetail).toMatchObject({ path: 'body.email', code: 'invalid_format' });
    expect(idDetail.message).toMatch(/tidak valid/i);
    const en = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers: { 'accept-language': 'en' } });
    expect(en.json().error.details[0].message).toMatch(/invalid/i);
  });
});
