import type { ErrorBody } from '@tumbuh/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../src/demo/builders.ts';
import { users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, TEST_PASSWORD, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('the tenant keeps a tenant-wide operator', () => {
  it('the only tenant-wide operator cannot disable themself while only madrasah operators remain', async () => {
    const op = await login(ctx.app, 'operator@contoh.sch.id');
    const madrasahId = op.me.madrasahs[0]?.id ?? '';
    await buildUser(ctx.db.db, op.me.tenant.id, {
      email: 'op-madrasah@contoh.sch.id',
      name: 'Operator Madrasah',
      password: TEST_PASSWORD,
      roles: [{ role: 'operator', madrasahId }],
    });
    const res = await op.request('PATCH', `/api/v1/users/${op.me.user.id}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('tenancy.last_operator');
    const narrowed = await op.request('PATCH', `/api/v1/users/${op.me.user.id}`, { roles: [{ role: 'operator', madrasahId }] });
    expect(narrowed.statusCode).toBe(409);
    const [row] = await ctx.db.db.select({ active: users.active }).from(users).where(eq(users.id, op.me.user.id));
    expect(row?.active).toBe(true);
  });
});
