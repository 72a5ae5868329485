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
    expect(res.json()).toMatchObject({ status: 'ok', db: 'up' });
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
