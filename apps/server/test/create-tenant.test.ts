import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithOperator, InvalidTenantInputError } from '../src/demo/builders.ts';
import { tenants } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

async function tenantCount(): Promise<number> {
  const [row] = await ctx.db.db.select({ n: count() }).from(tenants);
  return row?.n ?? 0;
}

describe('create-tenant (production start without demo data)', () => {
  it('creates a tenant whose operator can sign in and finds the MTs subject catalogue', async () => {
    await createTenantWithOperator(ctx.db.db, {
      name: 'MTs Miftahul Qulub',
      kind: 'madrasah',
      madrasah: { name: 'MTs Miftahul Qulub', npsn: '20527001' },
      operator: { email: 'op@miftahul.sch.id', name: 'Operator', password: 'kata-sandi-awal' },
    });
    const s = await login(ctx.app, 'op@miftahul.sch.id', 'kata-sandi-awal');
    expect(s.me.madrasahs).toEqual([expect.objectContaining({ name: 'MTs Miftahul Qulub', npsn: '20527001' })]);
    const subjects = await s.request('GET', '/api/v1/subjects?q=fikih');
    expect(subjects.json().items[0].name).toBe('Fikih');
  });

  it('an email already in use is refused before anything is written', async () => {
    const before = await tenantCount();
    await expect(
      createTenantWithOperator(ctx.db.db, {
        name: 'Tenant kedua',
        kind: 'yayasan',
        madrasah: { name: 'MTs Lain' },
        operator: { email: 'operator@contoh.sch.id', name: 'Operator', password: 'kata-sandi-awal' },
      }),
    ).rejects.toBeInstanceOf(InvalidTenantInputError);
    expect(await tenantCount()).toBe(before);
  });
});
