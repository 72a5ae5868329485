import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/database.ts';
import { subjectCatalogue, teachers } from '../src/modules/people/people.tables.ts';
import { tenants } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, type TestContext } from './helpers.ts';

/**
 * The database enforces tenant isolation on its own: inside `withTenant`, a query that forgets its
 * tenant filter still sees and touches only that tenant's rows.
 */

let ctx: TestContext;
let contoh: string;
let yayasan: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const rows = await ctx.db.db.select().from(tenants);
  contoh = rows.find((t) => t.name === 'MTs Contoh')?.id ?? '';
  yayasan = rows.find((t) => t.name === 'Yayasan Contoh')?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

/** The SQLSTATE of a failed query, through Drizzle's wrapper. */
async function sqlStateOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (typeof current === 'object' && current !== null) {
      const code: unknown = (current as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      current = (current as { cause?: unknown }).cause;
    }
    return 'no code';
  }
  return 'no error';
}

async function tenantTables(): Promise<string[]> {
  const res = await ctx.db.db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`);
  return res.rows.map((r) => r.table_name);
}

describe('row-level security', () => {
  it('a query without any tenant filter returns only the tenant’s teachers', async () => {
    const seenByContoh = await withTenant(ctx.db.db, contoh, (tx) => tx.select().from(teachers));
    expect(seenByContoh).toHaveLength(25);
    expect(seenByContoh.every((t) => t.tenantId === contoh)).toBe(true);
    const seenByYayasan = await withTenant(ctx.db.db, yayasan, (tx) => tx.select().from(teachers));
    expect(seenByYayasan).toHaveLength(11);
    expect(seenByYayasan.every((t) => t.tenantId === yayasan)).toBe(true);
    // Outside a tenant context (the system connection), both are there.
    expect(await ctx.db.db.$count(teachers)).toBe(36);
  });

  it('every table with a tenant_id has row-level security and the tenant policy', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'clusters', 'invitations', 'madrasahs', 'role_grants', 'sessions', 'subjects', 'teacher_subjects', 'teachers', 'tenants', 'users']));
    const res = await ctx.db.db.execute<{ relname: string; rls: boolean; policies: number }>(sql`
      select c.relname, c.relrowsecurity as rls,
        (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const byName = new Map(res.rows.map((r) => [r.relname, r]));
    for (const table of tables) expect([table, byName.get(table)?.rls, byName.get(table)?.policies]).toEqual([table, true, 1]);
  });

  it('in every tenant table, an unfiltered select sees only the tenant’s rows', async () => {
    for (const table of await tenantTables()) {
      const counts = await withTenant(ctx.db.db, contoh, async (tx) => {
        const res = await tx.execute<{ own: number; foreign: number }>(
          sql`select count(*) filter (where tenant_id = ${contoh})::int as own, count(*) filter (where tenant_id <> ${contoh})::int as foreign from ${sql.identifier(table)}`,
        );
        return res.rows[0];
      });
      expect([table, counts?.foreign]).toEqual([table, 0]);
    }
  });

  it('inserting a row with another tenant’s id is refused by the policy', async () => {
    const [madrasah] = await withTenant(ctx.db.db, yayasan, (tx) => tx.execute<{ id: string }>(sql`select id from madrasahs limit 1`).then((r) => r.rows));
    const insert = withTenant(ctx.db.db, contoh, (tx) =>
      tx.insert(teachers).values({ tenantId: yayasan, id: '0190a000-0000-7000-8000-0000000000ff', madrasahId: madrasah?.id ?? '', name: 'Penyusup', searchText: 'penyusup' }),
    );
    expect(await sqlStateOf(insert)).toBe('42501');
    expect(await ctx.db.db.$count(teachers, eq(teachers.name, 'Penyusup'))).toBe(0);
  });

  it('an unfiltered update or delete cannot reach another tenant’s rows', async () => {
    const result = await withTenant(ctx.db.db, contoh, async (tx) => {
      const updated = await tx.update(teachers).set({ name: 'Diubah' }).where(eq(teachers.tenantId, yayasan)).returning({ id: teachers.id });
      const deleted = await tx.execute(sql`delete from teacher_subjects where tenant_id = ${yayasan}`);
      return { updated: updated.length, deleted: deleted.rowCount };
    });
    expect(result).toEqual({ updated: 0, deleted: 0 });
    expect(await ctx.db.db.$count(teachers, eq(teachers.name, 'Diubah'))).toBe(0);
  });

  it('a row cannot be moved to another tenant', async () => {
    const move = withTenant(ctx.db.db, contoh, (tx) => tx.execute(sql`update audit_log set tenant_id = ${yayasan} where tenant_id = ${contoh}`));
    expect(await sqlStateOf(move)).toBe('42501');
  });

  it('as the request role without a tenant set, nothing is visible', async () => {
    const rows = await ctx.db.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'tumbuh_app', true)`);
      return tx.select().from(teachers);
    });
    expect(rows).toEqual([]);
  });

  it('the shared subject catalogue is readable but read-only for requests', async () => {
    const rows = await withTenant(ctx.db.db, contoh, (tx) => tx.select().from(subjectCatalogue));
    expect(rows.length).toBe(19);
    const write = withTenant(ctx.db.db, contoh, (tx) => tx.update(subjectCatalogue).set({ name: 'Diubah' }).where(eq(subjectCatalogue.code, 'FIK')));
    expect(await sqlStateOf(write)).toBe('42501');
  });
});
