import { createTeacherSchema, IDENTIFIER_PATTERNS, type TeacherDetail } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../src/demo/demo.seed.ts';
import { madrasahs, teachers } from '../src/modules/people/people.tables.ts';
import { tenants } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, TEST_PASSWORD, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('demo data', () => {
  it('holds the two tenants of the issue: MTs Contoh with one madrasah, Yayasan Contoh with two', async () => {
    const rows = await ctx.db.db.select().from(tenants);
    expect(rows.map((t) => [t.name, t.kind, t.demo]).sort()).toEqual([
      ['MTs Contoh', 'madrasah', true],
      ['Yayasan Contoh', 'yayasan', true],
    ]);
    const m = await ctx.db.db.select().from(madrasahs);
    expect(m.map((x) => x.npsn).sort()).toEqual(['99999001', '99999002', '99999003']);
  });

  it('every demo account signs in with the demo password', async () => {
    for (const email of DEMO.accounts) {
      const s = await login(ctx.app, email, TEST_PASSWORD);
      expect(s.me.user).toMatchObject({ email });
    }
  });

  it('sekretaris@ is the sekretaris of MGMP MIPA: an officer who manages it, not its ketua', async () => {
    const s = await login(ctx.app, 'sekretaris@contoh.sch.id');
    const groups = (await s.request('GET', '/api/v1/mgmp/groups')).json<{ items: { name: string; myRole: string | null; access: string }[] }>();
    expect(groups.items.find((g) => g.name === 'MGMP MIPA')).toMatchObject({ myRole: 'sekretaris', access: 'manage' });
  });

  it('every demo teacher’s identifiers pass the API’s own validation unchanged', async () => {
    const rows = await ctx.db.db.select().from(teachers);
    expect(rows).toHaveLength(25 + 6 + 5);
    for (const t of rows) {
      const parsed = createTeacherSchema.safeParse({ madrasahId: t.madrasahId, name: t.name, nuptk: t.nuptk, nip: t.nip, pegId: t.pegId, nik: t.nik, birthDate: t.birthDate });
      expect(parsed.error?.issues ?? [], `${t.name}`).toEqual([]);
      expect(parsed.data).toMatchObject({ nuptk: t.nuptk, nip: t.nip, pegId: t.pegId, nik: t.nik });
    }
    const m = await ctx.db.db.select().from(madrasahs);
    for (const x of m) expect(IDENTIFIER_PATTERNS.npsn.test(x.npsn ?? '')).toBe(true);
  });

  it('a demo teacher saved back unchanged through the API is accepted', async () => {
    const operator = await login(ctx.app, 'operator@contoh.sch.id');
    const list = (await operator.request('GET', '/api/v1/teachers?employmentStatus=PNS&limit=1')).json<{ items: { id: string }[] }>();
    const id = list.items[0]?.id ?? '';
    const t = (await operator.request('GET', `/api/v1/teachers/${id}`)).json<TeacherDetail>();
    expect(t.nip).not.toBeNull();
    const res = await operator.request('PATCH', `/api/v1/teachers/${id}`, { name: t.name, nuptk: t.nuptk, nip: t.nip, pegId: t.pegId, nik: t.nik, birthDate: t.birthDate, phone: t.phone });
    expect(res.statusCode).toBe(200);
    expect(res.json<TeacherDetail>()).toMatchObject({ nip: t.nip, nik: t.nik, nuptk: t.nuptk });
  });

  it('seeding again changes nothing', async () => {
    expect(await seedDemo(ctx.db.db, TEST_PASSWORD)).toBe(false);
    expect(await ctx.db.db.$count(teachers)).toBe(36);
  });
});
