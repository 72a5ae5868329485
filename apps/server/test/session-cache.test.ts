import { and, eq } from 'drizzle-orm';
import type { Me } from '@tumbuh/shared';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import { hashToken } from '../src/modules/tenancy/auth.usecases.ts';
import { roleGrants, sessions, users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestDatabase, login, testConfig, TEST_PASSWORD, type Session } from './helpers.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';

/**
 * The session cache (SessionCache, fed by migration 0023's notifications) must never let a signed-in
 * request outlive a change: every test warms the cache with two requests, changes something, and
 * expects the very next request to see it.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: FastifyInstance;
let clockMs = Date.now();
const clock = () => new Date(clockMs);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.handle.db, TEST_PASSWORD);
  app = await buildApp({ config: testConfig(), database: database.handle, logger: false, clock });
  await app.ready();
  await waitFor(async () => (await listenerPids()).length === 1);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});
afterEach(() => {
  vi.restoreAllMocks();
  clockMs = Date.now();
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Another connection to the same database, as another server process or a person at psql would have. */
async function otherConnection<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function listenerPids(): Promise<number[]> {
  return otherConnection(async (c) => (await c.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = 'tumbuh-auth-listener' and datname = current_database()`)).rows.map((r) => r.pid));
}

/** Counts the session lookups (the named statement) the server sends from now on. */
function countSessionLookups(): { readonly count: number } {
  const counter = { count: 0 };
  const pool = database.handle.pool;
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  vi.spyOn(pool, 'query').mockImplementation(((...args: unknown[]) => {
    const first = args[0] as { name?: string } | string;
    if (typeof first === 'object' && first?.name === 'tumbuh_find_live_session') counter.count += 1;
    return original(...args);
  }) as never);
  return counter;
}

async function signIn(email: string): Promise<Session> {
  const s = await login(app, email);
  for (let i = 0; i < 2; i++) expect((await s.request('GET', '/api/v1/me')).statusCode).toBe(200);
  return s;
}

async function me(s: Session) {
  const res = await s.request('GET', '/api/v1/me');
  return { status: res.statusCode, body: res.statusCode === 200 ? res.json<Me>() : undefined };
}

const userId = async (email: string) => (await database.handle.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? '';

describe('session cache: a change takes effect on the very next request', () => {
  it('a signed-in request within the cache lifetime is answered without looking the session up again', async () => {
    const s = await signIn('guru1@contoh.sch.id');
    const lookups = countSessionLookups();
    for (let i = 0; i < 3; i++) expect((await me(s)).status).toBe(200);
    expect(lookups.count).toBe(0);
  });

  it('logout: the same cookie gets 401 at once', async () => {
    const s = await signIn('koordinator@contoh.sch.id');
    expect((await s.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await me(s)).status).toBe(401);
  });

  it('a role revoked by an operator is gone from the next request', async () => {
    const operator = await signIn('operator@contoh.sch.id');
    const kepala = await signIn('kepala@contoh.sch.id');
    expect((await me(kepala)).body?.roles.map((r) => r.role)).toEqual(['kepala_madrasah']);
    const madrasahId = (await me(kepala)).body?.roles[0]?.madrasahId ?? null;
    const res = await operator.request('PATCH', `/api/v1/users/${await userId('kepala@contoh.sch.id')}`, { roles: [{ role: 'guru', madrasahId }] });
    expect(res.statusCode).toBe(200);
    expect((await me(kepala)).body?.roles.map((r) => r.role)).toEqual(['guru']);
  });

  it('a grant deleted straight in the database (this server’s pool) is gone from the next request', async () => {
    const s = await signIn('peneliti@contoh.sch.id');
    const id = await userId('peneliti@contoh.sch.id');
    await database.handle.db.delete(roleGrants).where(and(eq(roleGrants.userId, id), eq(roleGrants.role, 'peneliti')));
    expect((await me(s)).body?.roles).toEqual([]);
  });

  it('an account disabled by an operator gets 401 at once', async () => {
    const operator = await signIn('operator@yayasan.sch.id');
    const pengawas = await signIn('pengawas@yayasan.sch.id');
    const res = await operator.request('PATCH', `/api/v1/users/${await userId('pengawas@yayasan.sch.id')}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect((await me(pengawas)).status).toBe(401);
    await database.handle.db.update(users).set({ active: true }).where(eq(users.email, 'pengawas@yayasan.sch.id'));
  });

  it('an account disabled straight in the database, its sessions left in place, gets 401 at once', async () => {
    const s = await signIn('guru1@contoh.sch.id');
    await database.handle.db.update(users).set({ active: false }).where(eq(users.email, 'guru1@contoh.sch.id'));
    try {
      expect((await me(s)).status).toBe(401);
    } finally {
      await database.handle.db.update(users).set({ active: true }).where(eq(users.email, 'guru1@contoh.sch.id'));
    }
  });

  it('a session whose expiry was brought forward to the past gets 401 at once', async () => {
    const s = await signIn('guru1@contoh.sch.id');
    const token = s.cookie.split('=')[1] ?? '';
    await database.handle.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.tokenHash, hashToken(token)));
    expect((await me(s)).status).toBe(401);
  });

  it('a session is not answered from the cache once its expiry has passed on the request clock', async () => {
    const s = await login(app, 'guru1@contoh.sch.id');
    const token = s.cookie.split('=')[1] ?? '';
    await database.handle.db.update(sessions).set({ expiresAt: new Date(clockMs + 10_000) }).where(eq(sessions.tokenHash, hashToken(token)));
    for (let i = 0; i < 2; i++) expect((await me(s)).status).toBe(200);
    clockMs += 10_001;
    expect((await me(s)).status).toBe(401);
  });

  it('a name changed on PATCH /me is in the next answer', async () => {
    const s = await signIn('kepala@contoh.sch.id');
    expect((await s.request('PATCH', '/api/v1/me', { name: 'Kepala Baru' })).statusCode).toBe(200);
    expect((await me(s)).body?.user.name).toBe('Kepala Baru');
  });

  it('a change made by another process (another connection) reaches this server within moments', async () => {
    const s = await signIn('koordinator@contoh.sch.id');
    await otherConnection((c) => c.query(`update users set active = false where email = 'koordinator@contoh.sch.id'`));
    try {
      await waitFor(async () => (await me(s)).status === 401, 3000);
    } finally {
      await database.handle.db.update(users).set({ active: true }).where(eq(users.email, 'koordinator@contoh.sch.id'));
    }
  });

  it('while the listening connection is down nothing is answered from the cache; once it is back, the cache serves again', async () => {
    const s = await signIn('operator@contoh.sch.id');
    const [pid] = await listenerPids();
    await otherConnection((c) => c.query('select pg_terminate_backend($1)', [pid]));
    await waitFor(async () => !(await listenerPids()).includes(pid ?? -1));
    // Let the server read the end of that connection.
    await new Promise((r) => setTimeout(r, 200));
    const lookups = countSessionLookups();
    expect((await me(s)).status).toBe(200);
    expect(lookups.count).toBeGreaterThanOrEqual(1);
    // Back (reconnected within about a second): a request is again answered without a lookup.
    await waitFor(async () => {
      const before = lookups.count;
      expect((await me(s)).status).toBe(200);
      return lookups.count === before;
    });
    expect((await listenerPids()).length).toBe(1);
  });
});
