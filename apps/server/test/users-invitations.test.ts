import { eq } from 'drizzle-orm';
import type { ErrorBody, Invitation, Me, TeacherDetail, User } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, sessions, users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

interface Page<T> {
  items: T[];
  total: number;
}

let ctx: TestContext;
let operator: Session;
let madrasahId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

async function usersOf(s: Session, query = '?limit=200'): Promise<Page<User>> {
  const res = await s.request('GET', `/api/v1/users${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<Page<User>>();
}
async function userId(email: string): Promise<string> {
  const [row] = await ctx.db.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}
async function invite(s: Session, body: Record<string, unknown>): Promise<Invitation & { token: string }> {
  const res = await s.request('POST', '/api/v1/invitations', body);
  expect(res.statusCode, res.body).toBe(201);
  const inv = res.json<Invitation>();
  return { ...inv, token: inv.acceptUrl?.split('/undangan/')[1] ?? '' };
}
function accept(token: string, password: string) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token, password }, remoteAddress: '10.1.0.1' });
}

describe('accounts', () => {
  it('an operator lists the tenant’s users with their roles', async () => {
    const page = await usersOf(operator);
    expect(page.total).toBe(6);
    const byEmail = new Map(page.items.map((u) => [u.email, u]));
    expect(byEmail.get('operator@contoh.sch.id')?.roles).toEqual([{ role: 'operator', madrasahId: null }]);
    expect(byEmail.get('guru1@contoh.sch.id')?.roles).toEqual([{ role: 'guru', madrasahId }]);
    expect(byEmail.get('koordinator@contoh.sch.id')?.roles.map((r) => r.role).sort()).toEqual(['guru', 'koordinator_mgmp']);
    expect(byEmail.get('sekretaris@contoh.sch.id')?.roles.map((r) => r.role).sort()).toEqual(['guru', 'koordinator_mgmp']);
    expect(byEmail.get('guru1@contoh.sch.id')?.teacherId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.items.some((u) => u.email.endsWith('@yayasan.sch.id'))).toBe(false);
    expect(JSON.stringify(page)).not.toMatch(/password|argon2/i);
  });

  it('q searches users by name or email, wildcards taken literally', async () => {
    expect((await usersOf(operator, '?q=kepala')).items.map((u) => u.email)).toEqual(['kepala@contoh.sch.id']);
    expect((await usersOf(operator, '?q=%25')).total).toBe(0);
    expect((await usersOf(operator, '?q=%5C')).total).toBe(0);
  });

  it('an operator changes a user’s name and roles', async () => {
    const id = await userId('peneliti@contoh.sch.id');
    const res = await operator.request('PATCH', `/api/v1/users/${id}`, { name: 'Peneliti Utama', roles: [{ role: 'peneliti', madrasahId }, { role: 'guru', madrasahId }] });
    expect(res.statusCode).toBe(200);
    expect(res.json<User>()).toMatchObject({ name: 'Peneliti Utama', roles: [{ role: 'peneliti', madrasahId }, { role: 'guru', madrasahId }] });
    const s = await login(ctx.app, 'peneliti@contoh.sch.id');
    expect(s.me).toMatchObject({ user: { name: 'Peneliti Utama' } });
  });

  it('a role for a madrasah of no one’s tenant is refused with tenancy.madrasah_required', async () => {
    const id = await userId('peneliti@contoh.sch.id');
    const res = await operator.request('PATCH', `/api/v1/users/${id}`, { roles: [{ role: 'guru', madrasahId: '0190a000-0000-7000-8000-000000000000' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('tenancy.madrasah_required');
  });

  it('the last operator cannot be disabled or lose the role (409 tenancy.last_operator)', async () => {
    const id = await userId('operator@contoh.sch.id');
    const disable = await operator.request('PATCH', `/api/v1/users/${id}`, { active: false });
    expect(disable.statusCode).toBe(409);
    expect(disable.json<ErrorBody>().error.code).toBe('tenancy.last_operator');
    const demote = await operator.request('PATCH', `/api/v1/users/${id}`, { roles: [{ role: 'guru', madrasahId }] });
    expect(demote.statusCode).toBe(409);
    const me = (await operator.request('GET', '/api/v1/me')).json<Me>();
    expect(me.roles).toEqual([{ role: 'operator', madrasahId: null }]);
  });

  it('disabling a user ends their sessions at once; enabling lets them back in', async () => {
    const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
    expect((await kepala.request('GET', '/api/v1/me')).statusCode).toBe(200);
    const id = await userId('kepala@contoh.sch.id');
    const res = await operator.request('PATCH', `/api/v1/users/${id}`, { active: false });
    expect(res.json<User>().active).toBe(false);
    expect((await kepala.request('GET', '/api/v1/me')).statusCode).toBe(401);
    expect(await ctx.db.db.$count(sessions, eq(sessions.userId, id))).toBe(0);
    expect((await operator.request('PATCH', `/api/v1/users/${id}`, { active: true })).json<User>().active).toBe(true);
    expect((await login(ctx.app, 'kepala@contoh.sch.id')).me).toMatchObject({ user: { email: 'kepala@contoh.sch.id' } });
  });

  it('an unknown user id is 404 tenancy.user_not_found', async () => {
    const res = await operator.request('PATCH', '/api/v1/users/0190a000-0000-7000-8000-000000000000', { name: 'X' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('tenancy.user_not_found');
  });
});

describe('invitations', () => {
  it('invite → accept with a password → the new user signs in with the invited role', async () => {
    const inv = await invite(operator, { email: 'Guru.Baru@Contoh.sch.id', name: 'Guru Baru', role: 'guru', madrasahId });
    expect(inv).toMatchObject({ email: 'guru.baru@contoh.sch.id', role: 'guru', madrasahId, acceptedAt: null });
    expect(inv.acceptUrl).toMatch(/\/undangan\/[A-Za-z0-9_-]{43}$/);
    const [stored] = await ctx.db.db.select().from(invitations).where(eq(invitations.id, inv.id));
    expect(JSON.stringify(stored)).not.toContain(inv.token);

    const res = await accept(inv.token, 'kata-sandi-guru-baru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeDefined();
    expect(res.json<Me>()).toMatchObject({ user: { email: 'guru.baru@contoh.sch.id', name: 'Guru Baru' }, roles: [{ role: 'guru', madrasahId }], tenant: { name: 'MTs Contoh' } });

    const s = await login(ctx.app, 'guru.baru@contoh.sch.id', 'kata-sandi-guru-baru');
    expect(s.me).toMatchObject({ roles: [{ role: 'guru', madrasahId }] });
    expect((await s.request('POST', '/api/v1/teachers', { madrasahId, name: 'X' })).statusCode).toBe(403);
    const listed = (await operator.request('GET', '/api/v1/invitations')).json<Page<Invitation>>().items.find((i) => i.id === inv.id);
    expect(listed?.acceptedAt).not.toBeNull();
  });

  it('an accepted invitation cannot be used again', async () => {
    const inv = await invite(operator, { email: 'sekali@contoh.sch.id', name: 'Sekali Pakai', role: 'guru', madrasahId });
    expect((await accept(inv.token, 'kata-sandi-pertama')).statusCode).toBe(200);
    const again = await accept(inv.token, 'kata-sandi-kedua');
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().error.code).toBe('auth.invitation_invalid');
    expect(await ctx.db.db.$count(users, eq(users.email, 'sekali@contoh.sch.id'))).toBe(1);
  });

  it('an accepted invitation cannot be revoked afterwards', async () => {
    const inv = await invite(operator, { email: 'terpakai@contoh.sch.id', name: 'Terpakai', role: 'guru', madrasahId });
    expect((await accept(inv.token, 'kata-sandi-terpakai')).statusCode).toBe(200);
    const res = await operator.request('DELETE', `/api/v1/invitations/${inv.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('tenancy.invitation_not_found');
  });

  it('a revoked invitation is refused and leaves the list; revoking twice is 404', async () => {
    const inv = await invite(operator, { email: 'batal@contoh.sch.id', name: 'Dibatalkan', role: 'kepala_madrasah', madrasahId });
    const del = await operator.request('DELETE', `/api/v1/invitations/${inv.id}`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    const res = await accept(inv.token, 'kata-sandi-batal');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('auth.invitation_invalid');
    expect((await operator.request('GET', '/api/v1/invitations')).json<Page<Invitation>>().items.map((i) => i.id)).not.toContain(inv.id);
    const again = await operator.request('DELETE', `/api/v1/invitations/${inv.id}`);
    expect([again.statusCode, again.json<ErrorBody>().error.code]).toEqual([404, 'tenancy.invitation_not_found']);
    expect(await ctx.db.db.$count(users, eq(users.email, 'batal@contoh.sch.id'))).toBe(0);
  });

  it('an expired invitation is refused', async () => {
    const inv = await invite(operator, { email: 'lewat@contoh.sch.id', name: 'Kedaluwarsa', role: 'guru', madrasahId });
    await ctx.db.db.update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.id, inv.id));
    const res = await accept(inv.token, 'kata-sandi-lewat');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('auth.invitation_invalid');
    expect(await ctx.db.db.$count(users, eq(users.email, 'lewat@contoh.sch.id'))).toBe(0);
  });

  it('a made-up token is refused', async () => {
    const res = await accept('x'.repeat(43), 'kata-sandi-apa-saja');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('auth.invitation_invalid');
  });

  it('an email that already has an account cannot be invited (409 tenancy.email_taken)', async () => {
    for (const email of ['kepala@contoh.sch.id', 'operator@yayasan.sch.id']) {
      const res = await operator.request('POST', '/api/v1/invitations', { email, name: 'Sudah Ada', role: 'guru', madrasahId });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('tenancy.email_taken');
    }
  });

  it('an invitation linked to a teacher gives the new guru their own full record', async () => {
    const teacher = (await operator.request('GET', '/api/v1/teachers?q=Maimunah')).json<Page<{ id: string }>>().items[0];
    const inv = await invite(operator, { email: 'maimunah@contoh.sch.id', name: 'Maimunah', role: 'guru', madrasahId, teacherId: teacher?.id });
    const me = (await accept(inv.token, 'kata-sandi-maimunah')).json<Me>();
    expect(me.user.teacherId).toBe(teacher?.id);
    const s = await login(ctx.app, 'maimunah@contoh.sch.id', 'kata-sandi-maimunah');
    expect((await s.request('GET', `/api/v1/teachers/${teacher?.id}`)).json<TeacherDetail>().restricted).toBe(false);
  });

  it('a teacher that is not in the tenant cannot be linked to an invitation or an account', async () => {
    const missing = '0190a000-0000-7000-8000-000000000000';
    const res = await operator.request('POST', '/api/v1/invitations', { email: 'tanpa.guru@contoh.sch.id', name: 'Tanpa Guru', role: 'guru', madrasahId, teacherId: missing });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('people.teacher_not_found');
    const id = await userId('peneliti@contoh.sch.id');
    const patch = await operator.request('PATCH', `/api/v1/users/${id}`, { teacherId: missing });
    expect(patch.statusCode).toBe(404);
    expect((await usersOf(operator, '?q=peneliti')).items[0]?.teacherId).toBeNull();
  });
});

describe('a madrasah-scoped operator', () => {
  let scoped: Session;
  beforeAll(async () => {
    const inv = await invite(operator, { email: 'op.madrasah@contoh.sch.id', name: 'Operator Madrasah', role: 'operator', madrasahId });
    expect((await accept(inv.token, 'kata-sandi-op-madrasah')).statusCode).toBe(200);
    scoped = await login(ctx.app, 'op.madrasah@contoh.sch.id', 'kata-sandi-op-madrasah');
  });

  it('may invite for their own madrasah, not a tenant-wide role', async () => {
    expect((await scoped.request('POST', '/api/v1/invitations', { email: 'g2@contoh.sch.id', name: 'G2', role: 'guru', madrasahId })).statusCode).toBe(201);
    const wide = await scoped.request('POST', '/api/v1/invitations', { email: 'g3@contoh.sch.id', name: 'G3', role: 'kepala_madrasah', madrasahId: null });
    expect(wide.statusCode).toBe(403);
  });

  it('cannot disable or rename an account whose roles reach beyond their madrasah', async () => {
    const id = await userId('operator@contoh.sch.id');
    const res = await scoped.request('PATCH', `/api/v1/users/${id}`, { active: false });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('auth.forbidden');
    expect((await scoped.request('PATCH', `/api/v1/users/${id}`, { name: 'Diambil Alih' })).statusCode).toBe(403);
    const after = (await usersOf(operator, '?q=operator@contoh')).items.find((u) => u.id === id);
    expect(after).toMatchObject({ active: true, name: 'Operator MTs Contoh' });
  });

  it('may change an account of their own madrasah', async () => {
    const id = await userId('guru1@contoh.sch.id');
    const res = await scoped.request('PATCH', `/api/v1/users/${id}`, { name: 'Ahmad Fauzi' });
    expect(res.statusCode).toBe(200);
  });
});

describe('only operators manage accounts', () => {
  it.each(['kepala@contoh.sch.id', 'guru1@contoh.sch.id', 'koordinator@contoh.sch.id', 'pengawas@yayasan.sch.id'])('%s gets 403 on every account endpoint', async (email) => {
    const s = await login(ctx.app, email);
    const target = await userId('guru1@contoh.sch.id');
    const pending = await invite(operator, { email: `tunggu.${email}`, name: 'Menunggu', role: 'guru', madrasahId });
    const results = [
      await s.request('GET', '/api/v1/users'),
      await s.request('PATCH', `/api/v1/users/${target}`, { active: false }),
      await s.request('GET', '/api/v1/invitations'),
      await s.request('POST', '/api/v1/invitations', { email: 'x@contoh.sch.id', name: 'X', role: 'operator', madrasahId: null }),
      await s.request('DELETE', `/api/v1/invitations/${pending.id}`),
    ];
    expect(results.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(results.every((r) => r.json<ErrorBody>().error.code === 'auth.forbidden')).toBe(true);
    expect((await usersOf(operator, '?q=guru1')).items[0]?.active).toBe(true);
    expect((await operator.request('GET', '/api/v1/invitations?limit=200')).json<Page<Invitation>>().items.map((i) => i.id)).toContain(pending.id);
  });
});
