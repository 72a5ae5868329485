import { eq } from 'drizzle-orm';
import type { ErrorBody, Me } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/modules/tenancy/auth.usecases.ts';
import { sessions, users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, TEST_PASSWORD, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** Each test signs in from its own address, so the per-address limit of one test never spills into another. */
let address = 10;
const nextAddress = () => `10.0.0.${address++}`;

function postLogin(email: string, password: string, headers: Record<string, string> = {}, remoteAddress = nextAddress()) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers, remoteAddress });
}

function sessionCookie(setCookie: string | string[] | undefined): string {
  const raw = Array.isArray(setCookie) ? setCookie.find((c) => c.startsWith('tumbuh_session=')) : setCookie;
  if (!raw) throw new Error('no session cookie set');
  return raw;
}

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers the user, tenant and roles', async () => {
    const res = await postLogin('kepala@contoh.sch.id', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tumbuh_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    const me = res.json<Me>();
    expect(me.user.email).toBe('kepala@contoh.sch.id');
    expect(me.tenant.name).toBe('MTs Contoh');
    expect(me.roles).toEqual([{ role: 'kepala_madrasah', madrasahId: me.madrasahs[0]?.id }]);
    expect(me.csrfToken.length).toBeGreaterThan(20);
  });

  it('behind an HTTPS proxy the cookie is also Secure', async () => {
    const res = await postLogin('kepala@contoh.sch.id', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('the email is matched whatever its case', async () => {
    const res = await postLogin('  KEPALA@Contoh.sch.id ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('a wrong password answers 401 auth.invalid_credentials in Indonesian by default, and sets no cookie', async () => {
    const res = await postLogin('kepala@contoh.sch.id', 'salah-sekali');
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>()).toEqual({ error: { code: 'auth.invalid_credentials', message: 'Email atau kata sandi salah.' } });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the same refusal is in English with Accept-Language: en', async () => {
    const res = await postLogin('kepala@contoh.sch.id', 'wrong-password', { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error).toEqual({ code: 'auth.invalid_credentials', message: 'Wrong email or password.' });
  });

  it('an unknown account gets the same answer as a wrong password', async () => {
    const res = await postLogin('tidak-ada@contoh.sch.id', TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error.code).toBe('auth.invalid_credentials');
  });

  it('after 5 failures the account is throttled, even with the right password (429 common.rate_limited)', async () => {
    const from = nextAddress();
    for (let i = 0; i < 5; i++) {
      const res = await postLogin('peneliti@contoh.sch.id', `salah-${i}`, {}, from);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await postLogin('peneliti@contoh.sch.id', TEST_PASSWORD, {}, nextAddress());
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('common.rate_limited');
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // Another account is not affected.
    expect((await postLogin('koordinator@contoh.sch.id', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('one address is limited to 20 login attempts a minute, whatever the accounts', async () => {
    const from = nextAddress();
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await postLogin(`nobody${i}@contoh.sch.id`, 'x', {}, from)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('a disabled account is refused with auth.account_disabled and gets no session', async () => {
    const email = 'nonaktif@contoh.sch.id';
    const operator = await login(ctx.app, 'operator@contoh.sch.id');
    const invite = await operator.request('POST', '/api/v1/invitations', { email, name: 'Akun Nonaktif', role: 'guru', madrasahId: operator.me.madrasahs[0]?.id ?? null });
    expect(invite.statusCode).toBe(201);
    const token = String(invite.json<{ acceptUrl: string }>().acceptUrl.split('/').pop());
    expect((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token, password: 'kata-sandi-baru' } })).statusCode).toBe(200);
    const [user] = await ctx.db.db.select().from(users).where(eq(users.email, email));
    expect(user).toBeDefined();
    const disabled = await operator.request('PATCH', `/api/v1/users/${user?.id}`, { active: false });
    expect(disabled.statusCode).toBe(200);

    const res = await postLogin(email, 'kata-sandi-baru');
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('auth.account_disabled');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('sessions', () => {
  it('the session token is stored only as its SHA-256 hash', async () => {
    const res = await postLogin('koordinator@contoh.sch.id', TEST_PASSWORD);
    const token = sessionCookie(res.headers['set-cookie']).split(';')[0]?.split('=')[1] ?? '';
    expect(token.length).toBe(43);
    const rows = await ctx.db.db.select().from(sessions);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.filter((r) => r.tokenHash === hashToken(token))).toHaveLength(1);
  });

  it('logout ends the session: the same cookie then gets 401 on GET /me', async () => {
    const s = await login(ctx.app, 'koordinator@contoh.sch.id');
    expect((await s.request('GET', '/api/v1/me')).statusCode).toBe(200);
    const out = await s.request('POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    const after = await s.request('GET', '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json<ErrorBody>().error.code).toBe('auth.unauthenticated');
  });

  it('without a cookie, or with a made-up one, the API answers 401', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    const forged = await ctx.app.inject({ method: 'GET', url: '/api/v1/teachers', headers: { cookie: 'tumbuh_session=forged-token-forged-token-forged-token-abc' } });
    expect(forged.statusCode).toBe(401);
  });

  it('an expired session is not accepted', async () => {
    const s = await login(ctx.app, 'guru1@contoh.sch.id');
    const token = s.cookie.split('=')[1] ?? '';
    await ctx.db.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, hashToken(token)));
    expect((await s.request('GET', '/api/v1/me')).statusCode).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('a cookie-authenticated write without x-csrf-token is refused (403 common.csrf_failed) and changes nothing', async () => {
    const s = await login(ctx.app, 'operator@contoh.sch.id');
    const res = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: s.cookie }, payload: { name: 'Diubah Penyerang' } });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('common.csrf_failed');
    const me = await s.request('GET', '/api/v1/me');
    expect(me.json<Me>().user.name).toBe('Operator MTs Contoh');
  });

  it('a write with a wrong x-csrf-token is refused and nothing is created', async () => {
    const s = await login(ctx.app, 'operator@contoh.sch.id');
    const before = (await s.request('GET', '/api/v1/teachers?active=all')).json<{ total: number }>().total;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/teachers',
      headers: { cookie: s.cookie, 'x-csrf-token': `${s.csrf.slice(0, -1)}x` },
      payload: { madrasahId: s.me.madrasahs[0]?.id, name: 'Guru Palsu' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('common.csrf_failed');
    expect((await s.request('GET', '/api/v1/teachers?active=all')).json<{ total: number }>().total).toBe(before);
  });

  it('another session’s CSRF token does not work', async () => {
    const a = await login(ctx.app, 'operator@contoh.sch.id');
    const b = await login(ctx.app, 'kepala@contoh.sch.id');
    const res = await ctx.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: a.cookie, 'x-csrf-token': b.csrf }, payload: { locale: 'en' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('PATCH /me', () => {
  it('switches the user’s language, and later errors come in English', async () => {
    const s = await login(ctx.app, 'guru1@contoh.sch.id');
    const res = await s.request('PATCH', '/api/v1/me', { locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json<Me>().user.locale).toBe('en');
    expect((await s.request('GET', '/api/v1/me')).json<Me>().user.locale).toBe('en');
    const notFound = await s.request('GET', '/api/v1/teachers/0190a000-0000-7000-8000-000000000000');
    expect(notFound.json<ErrorBody>().error).toEqual({ code: 'people.teacher_not_found', message: 'Teacher not found.' });
    // A new sign-in keeps the choice.
    const again = await login(ctx.app, 'guru1@contoh.sch.id');
    expect(again.me.user).toMatchObject({ locale: 'en' });
    expect((await again.request('PATCH', '/api/v1/me', { locale: 'id' })).json<Me>().user.locale).toBe('id');
  });

  it('refuses an unknown locale and unknown fields', async () => {
    const s = await login(ctx.app, 'guru1@contoh.sch.id');
    expect((await s.request('PATCH', '/api/v1/me', { locale: 'fr' })).statusCode).toBe(400);
    const res = await s.request('PATCH', '/api/v1/me', { email: 'baru@contoh.sch.id' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('common.validation_failed');
  });
});

describe('the user’s language and CSRF come before validation', () => {
  it('a validation error speaks the signed-in user’s language', async () => {
    const s = await login(ctx.app, 'koordinator@contoh.sch.id');
    expect((await s.request('PATCH', '/api/v1/me', { locale: 'en' })).statusCode).toBe(200);
    const res = await s.request('POST', '/api/v1/teachers', { name: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toMatchObject({ code: 'common.validation_failed', message: 'The submitted data is invalid.' });
    await s.request('PATCH', '/api/v1/me', { locale: 'id' });
  });

  it('a cookie-authenticated write without a CSRF token is refused whatever its body, and a DELETE too', async () => {
    const s = await login(ctx.app, 'operator@contoh.sch.id');
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/teachers', headers: { cookie: s.cookie, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json<ErrorBody>().error.code).toBe('common.csrf_failed');
    const teacher = (await s.request('GET', '/api/v1/teachers?limit=1')).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/teachers/${teacher}`, headers: { cookie: s.cookie } });
    expect(del.statusCode).toBe(403);
    expect((await s.request('GET', `/api/v1/teachers/${teacher}`)).json<{ active: boolean }>().active).toBe(true);
  });
});
