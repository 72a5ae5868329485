import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../src/demo/builders.ts';
import { createTestContext, login, TEST_PASSWORD, type TestContext } from './helpers.ts';

interface Entry {
  action: string;
  madrasahId: string | null;
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('audit log scope', () => {
  it('an operator of one madrasah reads only that madrasah’s entries, never the other madrasah’s or tenant-level ones', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const [first, second] = yayasan.me.madrasahs;
    if (!first || !second) throw new Error('Yayasan Contoh has two madrasahs');
    await buildUser(ctx.db.db, yayasan.me.tenant.id, {
      email: 'op-harapan@yayasan.sch.id',
      name: 'Operator satu madrasah',
      password: TEST_PASSWORD,
      roles: [{ role: 'operator', madrasahId: second.id }],
    });
    const scoped = await login(ctx.app, 'op-harapan@yayasan.sch.id');
    const res = await scoped.request('GET', '/api/v1/audit?limit=200');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Entry[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.madrasahId === second.id)).toBe(true);

    const wide = await yayasan.request('GET', '/api/v1/audit?limit=200');
    const all = wide.json<{ items: Entry[] }>().items;
    expect(all.some((e) => e.madrasahId === first.id)).toBe(true);
    expect(all.some((e) => e.madrasahId === null && e.action === 'user.create')).toBe(true);
  });
});
