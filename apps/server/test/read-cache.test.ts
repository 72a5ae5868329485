import type { MgmpMadrasahOverview, MgmpOverview, TeacherGrowth } from '@tumbuh/shared';
import pg from 'pg';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeListener } from '../src/modules/cache/read-cache.plugin.ts';
import { buildApp } from '../src/app.ts';
import { createTestContext, login, testConfig, type Session, type TestContext } from './helpers.ts';

/**
 * The read-model cache on real PostgreSQL (modules/cache): the group overview and a teacher's growth
 * answer from the cache (`x-read-cache: hit`) until the tenant's data changes — through this
 * server's API (seen on the very next read) or by another connection (seen once PostgreSQL's
 * notification arrived); the access decision is still taken on every request; tenants never share an
 * entry; a lost change feed empties the cache.
 */

let ctx: TestContext;
let kepala: Session;
let guru: Session;
let yayasanOperator: Session;
let tenantId: string;
let yayasanTenantId: string;
let groupId: string;
let teacherId: string;
let otherConnection: pg.Client;

const overviewUrl = () => `/api/v1/mgmp/groups/${groupId}/overview`;
const growthUrl = () => `/api/v1/teachers/${teacherId}/growth`;

function listener(): ChangeListener {
  const l = ctx.app.readCacheListener;
  if (!l) throw new Error('read cache is off in the test app');
  return l;
}

async function get(s: Session, url: string): Promise<{ status: number; cache: string | undefined; body: string }> {
  const res = await s.request('GET', url);
  return { status: res.statusCode, cache: res.headers['x-read-cache'] as string | undefined, body: res.body };
}

/** Waits (up to 10 s) until the change listener is in the wanted state. */
async function untilListening(wanted: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (listener().listening !== wanted) {
    if (Date.now() > deadline) throw new Error(`change listener never became ${wanted ? 'live' : 'down'}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until every notification of changes committed so far has reached the cache: PostgreSQL
 * delivers notifications in commit order, so once a marker sent now has arrived, so have they (a
 * late one from an earlier test would otherwise turn an expected hit into a miss).
 */
async function settled(): Promise<void> {
  const marker = randomUUID();
  const heard = listener().nextChange(marker);
  await otherConnection.query(`select pg_notify('tumbuh_changes', $1)`, [marker]);
  await heard;
}

/**
 * Asks `url` until it is cached and returns the cached answer. The first read may itself write
 * (the growth page computes results missing for older final assessments), and that write's
 * notification rightly drops the entry: settle, then read again.
 */
async function warm(s: Session, url: string): Promise<{ status: number; cache: string | undefined; body: string }> {
  await get(s, url);
  await settled();
  await get(s, url);
  const cached = await get(s, url);
  expect(cached.cache).toBe('hit');
  return cached;
}

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  yayasanOperator = await login(ctx.app, 'operator@yayasan.sch.id');
  tenantId = kepala.me.tenant.id;
  yayasanTenantId = yayasanOperator.me.tenant.id;
  const pool = ctx.db.pool;
  // MGMP Bahasa: guru1@ is not a member of it (they only know it exists).
  groupId = (await pool.query<{ id: string }>(`select id from mgmp_groups where tenant_id = $1 and name = 'MGMP Bahasa'`, [tenantId])).rows[0]?.id ?? '';
  // A teacher of the kepala's madrasah other than guru1@.
  teacherId =
    (await pool.query<{ id: string }>(`select t.id from teachers t where t.tenant_id = $1 and t.madrasah_id = $2 and t.id <> $3 order by t.name limit 1`, [tenantId, kepala.me.madrasahs[0]?.id, guru.me.user.teacherId])).rows[0]?.id ?? '';
  expect(groupId).not.toBe('');
  expect(teacherId).not.toBe('');
  otherConnection = new pg.Client({ connectionString: (pool as unknown as { options: { connectionString: string } }).options.connectionString });
  await otherConnection.connect();
  await untilListening(true);
});

beforeEach(async () => {
  await settled();
});

afterAll(async () => {
  await otherConnection?.end();
  await ctx?.close();
});

describe('read cache: fresh after writes', () => {
  it('a repeated read is answered from the cache with the same body', async () => {
    const first = await get(kepala, overviewUrl());
    expect(first.status, first.body).toBe(200);
    await settled();
    const second = await get(kepala, overviewUrl());
    expect(second).toEqual({ status: 200, cache: 'hit', body: first.body });
  });

  it('a write through the API is visible on the very next read of the group overview', async () => {
    const before = await warm(kepala, overviewUrl());
    const o = JSON.parse(before.body) as MgmpOverview;
    const day = o.from;
    const created = await kepala.request('POST', `/api/v1/mgmp/groups/${groupId}/meetings`, { title: 'Rapat cache', startsAt: `${day}T02:00:00.000Z`, endsAt: `${day}T04:00:00.000Z` });
    expect(created.statusCode, created.body).toBe(201);
    const after = await get(kepala, overviewUrl());
    expect(after.cache).toBe('miss');
    expect((JSON.parse(after.body) as MgmpOverview).meetings.planned).toBe(o.meetings.planned + 1);
  });

  it('a write made by another connection directly in SQL is visible once its notification arrived', async () => {
    await warm(kepala, growthUrl());
    const heard = listener().nextChange(tenantId);
    await otherConnection.query(`update teachers set name = 'Nama Diubah Langsung' where tenant_id = $1 and id = $2`, [tenantId, teacherId]);
    await heard;
    const after = await get(kepala, growthUrl());
    expect(after.cache).toBe('miss');
    expect((JSON.parse(after.body) as TeacherGrowth).teacher.name).toBe('Nama Diubah Langsung');
  });

  it('a write in SQL to one tenant leaves the other tenants’ entries in place', async () => {
    await warm(kepala, growthUrl());
    const heard = listener().nextChange(yayasanTenantId);
    await otherConnection.query(`update madrasahs set city = city where tenant_id = $1`, [yayasanTenantId]);
    await heard;
    expect((await get(kepala, growthUrl())).cache).toBe('hit');
  });
});

describe('read cache: the access decision is taken on every request', () => {
  it('a guru is refused another teacher’s growth (403) while the kepala’s copy is cached', async () => {
    await warm(kepala, growthUrl());
    const refused = await guru.request('GET', growthUrl());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    // And again, now that the teacher row is cached as well.
    expect((await guru.request('GET', growthUrl())).statusCode).toBe(403);
  });

  it('a teacher who only knows the group exists is refused its overview (403) while it is cached', async () => {
    await warm(kepala, overviewUrl());
    expect((await guru.request('GET', overviewUrl())).statusCode).toBe(403);
    expect((await guru.request('GET', overviewUrl())).statusCode).toBe(403);
  });
});

describe('read cache: the madrasah-wide MGMP overview', () => {
  const madrasahOverviewUrl = () => `/api/v1/mgmp/overview?madrasahId=${kepala.me.madrasahs[0]?.id}`;
  const groupIds = (body: string) => (JSON.parse(body) as MgmpMadrasahOverview).groups.map((g) => g.groupId).sort();

  it('a repeated read is answered from the cache; a write through the API is seen on the very next read', async () => {
    const before = await warm(kepala, madrasahOverviewUrl());
    const o = JSON.parse(before.body) as MgmpMadrasahOverview;
    const day = o.from;
    const created = await kepala.request('POST', `/api/v1/mgmp/groups/${groupId}/meetings`, { title: 'Rapat cache madrasah', startsAt: `${day}T02:00:00.000Z`, endsAt: `${day}T04:00:00.000Z` });
    expect(created.statusCode, created.body).toBe(201);
    const after = await get(kepala, madrasahOverviewUrl());
    expect(after.cache).toBe('miss');
    expect((JSON.parse(after.body) as MgmpMadrasahOverview).totals.meetings.planned).toBe(o.totals.meetings.planned + 1);
  });

  it('a guru reading the entry the kepala cached sees only the groups they belong to, and a new office at once', async () => {
    const all = await warm(kepala, madrasahOverviewUrl());
    expect(groupIds(all.body)).toContain(groupId);
    const mine = await get(guru, madrasahOverviewUrl());
    expect(mine.status, mine.body).toBe(200);
    const own = (await ctx.db.pool.query<{ group_id: string }>(`select group_id from mgmp_members where tenant_id = $1 and teacher_id = $2`, [tenantId, guru.me.user.teacherId])).rows.map((r) => r.group_id);
    expect(groupIds(mine.body)).toEqual(groupIds(all.body).filter((id) => own.includes(id)));
    expect(groupIds(mine.body)).not.toContain(groupId);
    // guru1@ joins MGMP Bahasa (by the kepala, through the API): the next read shows it.
    const group = (await kepala.request('GET', `/api/v1/mgmp/groups/${groupId}`)).json<{ members: { teacherId: string; role: string }[] }>();
    const members = [...group.members.map((m) => ({ teacherId: m.teacherId, role: m.role })), { teacherId: guru.me.user.teacherId, role: 'anggota' }];
    const put = await kepala.request('PUT', `/api/v1/mgmp/groups/${groupId}/members`, { members });
    expect(put.statusCode, put.body).toBe(200);
    expect(groupIds((await get(guru, madrasahOverviewUrl())).body)).toContain(groupId);
    // And leaves it again.
    expect((await kepala.request('PUT', `/api/v1/mgmp/groups/${groupId}/members`, { members: members.slice(0, -1) })).statusCode).toBe(200);
    expect(groupIds((await get(guru, madrasahOverviewUrl())).body)).not.toContain(groupId);
  });

  it('the answer served whole from the cache (a reader who sees every group) equals the one computed with the cache off', async () => {
    const cached = await warm(kepala, madrasahOverviewUrl());
    const app = await buildApp({ config: testConfig({ readCacheBytes: 0 }), database: ctx.db, logger: false });
    try {
      await app.ready();
      const s = await login(app, 'kepala@contoh.sch.id');
      const fresh = await s.request('GET', madrasahOverviewUrl());
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers['x-read-cache']).toBe('miss');
      expect(JSON.parse(cached.body)).toEqual(fresh.json());
    } finally {
      await app.close();
    }
  });

  it('another tenant asking for this madrasah gets 404 while its overview is cached', async () => {
    await warm(kepala, madrasahOverviewUrl());
    const res = await yayasanOperator.request('GET', madrasahOverviewUrl());
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('people.madrasah_not_found');
    // Its own overview never holds this tenant's groups.
    const own = await get(yayasanOperator, '/api/v1/mgmp/overview');
    expect(own.status).toBe(200);
    expect(groupIds(own.body)).not.toContain(groupId);
  });
});

describe('read cache: tenants never share an entry', () => {
  it('another tenant gets 404 for a cached group and teacher of this tenant', async () => {
    await warm(kepala, growthUrl());
    await warm(kepala, overviewUrl());
    expect((await yayasanOperator.request('GET', overviewUrl())).statusCode).toBe(404);
    expect((await yayasanOperator.request('GET', growthUrl())).statusCode).toBe(404);
  });

  it('a group of another tenant with the SAME id gets its own figures, never the cached ones', async () => {
    const a = await warm(kepala, overviewUrl());
    // Ids are unique per tenant only (primary key tenant_id, id): tenant B may hold the same id.
    const heard = listener().nextChange(yayasanTenantId);
    await otherConnection.query(`insert into mgmp_groups (tenant_id, id, madrasah_id, name, term_start, term_end) values ($1, $2, null, 'MGMP Kembar', '2020-01-01', '2020-12-31')`, [yayasanTenantId, groupId]);
    await heard;
    const b = await get(yayasanOperator, overviewUrl());
    expect(b.status, b.body).toBe(200);
    expect(b.cache).toBe('miss');
    const bo = JSON.parse(b.body) as MgmpOverview;
    expect(bo).toMatchObject({ groupId, from: '2020-01-01', to: '2020-12-31', meetings: { planned: 0, held: 0, cancelled: 0, upcoming: 0 }, memberAttendance: [] });
    expect(b.body).not.toBe(a.body);
    // B's copy is now cached too; A still gets its own.
    expect((await get(yayasanOperator, overviewUrl())).body).toBe(b.body);
    expect((await get(kepala, overviewUrl())).body).toBe(a.body);
  });
});

describe('read cache: the change feed', () => {
  it('when the listening connection drops, the cache empties and turns off, and resumes once it listens again', async () => {
    await warm(kepala, overviewUrl());
    const pid = await listener().backendPid();
    expect(pid).toBeGreaterThan(0);
    await otherConnection.query('select pg_terminate_backend($1)', [pid]);
    await untilListening(false);
    // Down: answered from the database, nothing stored.
    expect((await get(kepala, overviewUrl())).cache).toBe('miss');
    expect((await get(kepala, overviewUrl())).cache).toBe('miss');
    await untilListening(true);
    // Up again: starts empty.
    expect((await get(kepala, overviewUrl())).cache).toBe('miss');
    expect((await get(kepala, overviewUrl())).cache).toBe('hit');
    // And hears changes again.
    const heard = listener().nextChange(tenantId);
    await otherConnection.query(`update mgmp_groups set name = name where tenant_id = $1 and id = $2`, [tenantId, groupId]);
    await heard;
    expect((await get(kepala, overviewUrl())).cache).toBe('miss');
  });
});

describe('read cache: time', () => {
  it('a cached growth page shows a feedback round as closed once its closing time has passed, though no row changed', async () => {
    const shown = (body: string, id: string) => (JSON.parse(body) as TeacherGrowth).feedback.find((r) => r.roundId === id);
    // The round must still be open when the page is first cached; on a busy machine the set-up can
    // outlast a short window, so a round that closed too early is tried again with a longer one.
    for (const windowMs of [5_000, 20_000, 60_000]) {
      const closesAt = Date.now() + windowMs;
      const created = await kepala.request('POST', '/api/v1/feedback/rounds', { teacherId, className: `IX-Cache-${windowMs}`, closesAt: new Date(closesAt).toISOString() });
      expect(created.statusCode, created.body).toBe(201);
      const round = created.json<{ id: string; token: string; minAnswers: number }>();
      const form = (await ctx.app.inject({ method: 'GET', url: `/api/v1/public/feedback/${round.token}` })).json<{ items: { id: string }[] }>();
      for (let k = 0; k < round.minAnswers; k++) {
        const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/public/feedback/${round.token}/answers`, payload: { deviceKey: randomBytes(16).toString('base64url'), answers: form.items.map((i) => ({ itemId: i.id, value: 3 })) } });
        expect(res.statusCode, res.body).toBe(201);
      }
      await settled();
      const open = await warm(kepala, growthUrl());
      if (Date.now() >= closesAt) continue; // too slow to see it open: not a verdict either way
      expect(shown(open.body, round.id)?.closedAt).toBeNull();
      // Wait for the clock (not for an answer): nothing is written when the round's time runs out.
      while (Date.now() <= closesAt) await new Promise((r) => setTimeout(r, 50));
      const after = await get(kepala, growthUrl());
      expect(after.cache).toBe('miss');
      expect(shown(after.body, round.id)?.closedAt).not.toBeNull();
      return;
    }
    throw new Error('the machine never got a feedback round cached while it was open (60 s window)');
  }, 180_000);
});

describe('read cache: off', () => {
  it('TUMBUH_READ_CACHE_MB=0: every read is computed, no listener is opened, the answers are the same', async () => {
    const app = await buildApp({ config: testConfig({ readCacheBytes: 0 }), database: ctx.db, logger: false });
    try {
      await app.ready();
      expect(app.readCacheListener).toBeUndefined();
      const s = await login(app, 'kepala@contoh.sch.id');
      const cached = await warm(kepala, overviewUrl());
      for (let i = 0; i < 2; i++) {
        const res = await s.request('GET', overviewUrl());
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-read-cache']).toBe('miss');
        expect(res.body).toBe(cached.body);
      }
      expect((await s.request('GET', growthUrl())).headers['x-read-cache']).toBe('miss');
    } finally {
      await app.close();
    }
  });
});
