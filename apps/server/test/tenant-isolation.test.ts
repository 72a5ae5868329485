import { eq, sql } from 'drizzle-orm';
import type { ErrorBody } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { clusters, madrasahs, subjects, teachers } from '../src/modules/people/people.tables.ts';
import { invitations, tenants, users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Tenant isolation for every endpoint: a user of one tenant gets 404 for the other's ids (and
 * nothing changes), cannot reference the other's rows in a body or a filter, and never sees them in
 * a list. Checked in both directions.
 */

interface TenantData {
  name: string;
  id: string;
  session: Session;
  madrasah: string;
  teacher: string;
  teacherName: string;
  subject: string;
  cluster: string;
  user: string;
  invitation: string;
  /** Every id the tenant owns, in any table. */
  allIds: Set<string>;
}

let ctx: TestContext;
const tenantsByName = new Map<string, TenantData>();
const TABLES = ['tenants', 'madrasahs', 'clusters', 'subjects', 'teachers', 'teacher_subjects', 'users', 'role_grants', 'invitations', 'audit_log'];

async function load(name: string, operatorEmail: string): Promise<TenantData> {
  const db = ctx.db.db;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.name, name));
  const id = tenant?.id ?? '';
  const session = await login(ctx.app, operatorEmail);
  const madrasah = session.me.madrasahs[0]?.id ?? '';
  const inv = await session.request('POST', '/api/v1/invitations', { email: `undangan@${name.replace(/\s/g, '').toLowerCase()}.id`, name: 'Calon', role: 'guru', madrasahId: madrasah });
  expect(inv.statusCode).toBe(201);
  const [teacher] = await db.select().from(teachers).where(eq(teachers.tenantId, id)).orderBy(teachers.name).limit(1);
  const [subject] = await db.select().from(subjects).where(eq(subjects.tenantId, id)).limit(1);
  const [cluster] = await db.select().from(clusters).where(eq(clusters.tenantId, id)).limit(1);
  const [user] = await db.select().from(users).where(eq(users.email, operatorEmail));
  const allIds = new Set<string>([id]);
  for (const table of [madrasahs, clusters, subjects, teachers, users, invitations, auditLog] as const) {
    for (const row of await db.select({ id: table.id }).from(table).where(eq(table.tenantId, id))) allIds.add(row.id);
  }
  return {
    name,
    id,
    session,
    madrasah,
    teacher: teacher?.id ?? '',
    teacherName: teacher?.name ?? '',
    subject: subject?.id ?? '',
    cluster: cluster?.id ?? '',
    user: user?.id ?? '',
    invitation: inv.json<{ id: string }>().id,
    allIds,
  };
}

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const res = await ctx.db.db.execute(sql.raw(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from ${table} t`));
    parts.push(`${table}:${String(res.rows[0]?.rows)}`);
  }
  return parts.join('\n');
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenantsByName.set('MTs Contoh', await load('MTs Contoh', 'operator@contoh.sch.id'));
  tenantsByName.set('Yayasan Contoh', await load('Yayasan Contoh', 'operator@yayasan.sch.id'));
});
afterAll(async () => {
  await ctx.close();
});

function pair(me: string, other: string): [TenantData, TenantData] {
  const a = tenantsByName.get(me);
  const b = tenantsByName.get(other);
  if (!a || !b) throw new Error('tenants not loaded');
  return [a, b];
}

const DIRECTIONS = [
  ['Yayasan Contoh', 'MTs Contoh'],
  ['MTs Contoh', 'Yayasan Contoh'],
] as const;

describe.each(DIRECTIONS)('the operator of %s and the data of %s', (me, other) => {
  it('every id-taking endpoint answers 404 for the other tenant’s ids, and nothing changes', async () => {
    const [a, b] = pair(me, other);
    const s = a.session;
    const before = await snapshot();
    const calls: [string, Promise<{ statusCode: number; json: <T>() => T }>, string][] = [
      ['GET madrasah', s.request('GET', `/api/v1/madrasahs/${b.madrasah}`), 'people.madrasah_not_found'],
      ['GET teacher', s.request('GET', `/api/v1/teachers/${b.teacher}`), 'people.teacher_not_found'],
      ['PATCH teacher', s.request('PATCH', `/api/v1/teachers/${b.teacher}`, { name: 'Dibajak' }), 'people.teacher_not_found'],
      ['PATCH teacher active', s.request('PATCH', `/api/v1/teachers/${b.teacher}`, { active: false }), 'people.teacher_not_found'],
      ['DELETE teacher', s.request('DELETE', `/api/v1/teachers/${b.teacher}`), 'people.teacher_not_found'],
      ['PATCH subject', s.request('PATCH', `/api/v1/subjects/${b.subject}`, { name: 'Dibajak' }), 'people.subject_not_found'],
      ['PATCH subject active', s.request('PATCH', `/api/v1/subjects/${b.subject}`, { active: false }), 'people.subject_not_found'],
      ['PATCH cluster', s.request('PATCH', `/api/v1/clusters/${b.cluster}`, { name: 'Dibajak', active: false }), 'people.cluster_not_found'],
      ['PATCH user', s.request('PATCH', `/api/v1/users/${b.user}`, { active: false }), 'tenancy.user_not_found'],
      ['PATCH user roles', s.request('PATCH', `/api/v1/users/${b.user}`, { roles: [{ role: 'guru', madrasahId: null }] }), 'tenancy.user_not_found'],
      ['DELETE invitation', s.request('DELETE', `/api/v1/invitations/${b.invitation}`), 'tenancy.invitation_not_found'],
    ];
    for (const [label, pending, code] of calls) {
      const res = await pending;
      expect([label, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([label, 404, code]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('the other tenant’s rows cannot be referenced in a body, and nothing is written', async () => {
    const [a, b] = pair(me, other);
    const s = a.session;
    const before = await snapshot();
    const calls: [string, Promise<{ statusCode: number; json: <T>() => T }>, number, string][] = [
      ['teacher in their madrasah', s.request('POST', '/api/v1/teachers', { madrasahId: b.madrasah, name: 'Penyusup' }), 404, 'people.madrasah_not_found'],
      ['teacher with their subject', s.request('POST', '/api/v1/teachers', { madrasahId: a.madrasah, name: 'Penyusup', subjectIds: [b.subject] }), 404, 'people.subject_not_found'],
      ['own teacher given their subject', s.request('PATCH', `/api/v1/teachers/${a.teacher}`, { subjectIds: [b.subject] }), 404, 'people.subject_not_found'],
      ['cluster in their madrasah', s.request('POST', '/api/v1/clusters', { madrasahId: b.madrasah, code: 'X1', name: 'Penyusup' }), 404, 'people.madrasah_not_found'],
      ['subject in their madrasah', s.request('POST', '/api/v1/subjects', { madrasahId: b.madrasah, code: 'X1', name: 'Penyusup' }), 404, 'people.madrasah_not_found'],
      ['subject in their cluster', s.request('POST', '/api/v1/subjects', { madrasahId: a.madrasah, code: 'X1', name: 'Penyusup', clusterId: b.cluster }), 404, 'people.cluster_not_found'],
      ['own subject moved to their cluster', s.request('PATCH', `/api/v1/subjects/${a.subject}`, { clusterId: b.cluster }), 404, 'people.cluster_not_found'],
      ['invitation to their madrasah', s.request('POST', '/api/v1/invitations', { email: 'x1@penyusup.id', name: 'X', role: 'guru', madrasahId: b.madrasah }), 400, 'tenancy.madrasah_required'],
      ['invitation linked to their teacher', s.request('POST', '/api/v1/invitations', { email: 'x2@penyusup.id', name: 'X', role: 'guru', madrasahId: a.madrasah, teacherId: b.teacher }), 404, 'people.teacher_not_found'],
      ['own account given a role in their madrasah', s.request('PATCH', `/api/v1/users/${a.user}`, { roles: [{ role: 'operator', madrasahId: null }, { role: 'kepala_madrasah', madrasahId: b.madrasah }] }), 400, 'tenancy.madrasah_required'],
      ['own account linked to their teacher', s.request('PATCH', `/api/v1/users/${a.user}`, { teacherId: b.teacher }), 404, 'people.teacher_not_found'],
    ];
    for (const [label, pending, status, code] of calls) {
      const res = await pending;
      expect([label, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([label, status, code]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('filters naming the other tenant’s rows find nothing', async () => {
    const [a, b] = pair(me, other);
    const urls = [
      `/api/v1/teachers?madrasahId=${b.madrasah}&active=all`,
      `/api/v1/teachers?subjectId=${b.subject}&active=all`,
      `/api/v1/teachers?clusterId=${b.cluster}&active=all`,
      `/api/v1/teachers?q=${encodeURIComponent(b.teacherName)}&active=all`,
      `/api/v1/subjects?madrasahId=${b.madrasah}`,
      `/api/v1/clusters?madrasahId=${b.madrasah}`,
      `/api/v1/audit?entityId=${b.teacher}`,
      `/api/v1/audit?entityId=${b.id}`,
    ];
    for (const url of urls) {
      const res = await a.session.request('GET', url);
      expect([url, res.statusCode, res.json<{ total: number }>().total]).toEqual([url, 200, 0]);
    }
  });

  it('no list ever shows the other tenant’s rows', async () => {
    const [a, b] = pair(me, other);
    const lists = [
      '/api/v1/madrasahs?limit=200',
      '/api/v1/teachers?limit=200&active=all',
      '/api/v1/subjects?limit=200',
      '/api/v1/clusters?limit=200',
      '/api/v1/users?limit=200',
      '/api/v1/invitations?limit=200',
      '/api/v1/audit?limit=200',
      '/api/v1/me',
    ];
    for (const url of lists) {
      const res = await a.session.request('GET', url);
      expect(res.statusCode).toBe(200);
      const leaked = [...b.allIds].filter((id) => res.body.includes(id));
      expect([url, leaked]).toEqual([url, []]);
    }
    // And the lists do show the tenant's own rows.
    const own = (await a.session.request('GET', '/api/v1/teachers?limit=200&active=all')).json<{ items: { id: string }[]; total: number }>();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((t) => a.allIds.has(t.id))).toBe(true);
  });
});

describe('other roles of a tenant', () => {
  it('a guru of MTs Contoh gets 404 for Yayasan Contoh’s teacher and madrasah', async () => {
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    const [, b] = pair('MTs Contoh', 'Yayasan Contoh');
    expect((await guru.request('GET', `/api/v1/teachers/${b.teacher}`)).statusCode).toBe(404);
    expect((await guru.request('GET', `/api/v1/madrasahs/${b.madrasah}`)).statusCode).toBe(404);
    const list = await guru.request('GET', '/api/v1/teachers?limit=200');
    expect([...b.allIds].filter((id) => list.body.includes(id))).toEqual([]);
  });
});
