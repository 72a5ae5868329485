import { and, asc, eq } from 'drizzle-orm';
import type { ErrorBody, Invitation, Subject, Cluster, TeacherDetail } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

interface AuditEntry {
  id: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  at: string;
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

/** Audit rows of one entity, oldest first, straight from the table. */
async function rowsOf(entityId: string) {
  return ctx.db.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.at), asc(auditLog.id));
}

describe('every write to people and accounts leaves an audit row', () => {
  it('teacher create, update and deactivation: who, what, before and after', async () => {
    const created = (await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Guru Diaudit', nik: '3528999900001111' })).json<TeacherDetail>();
    await operator.request('PATCH', `/api/v1/teachers/${created.id}`, { name: 'Guru Diaudit Lagi' });
    await operator.request('DELETE', `/api/v1/teachers/${created.id}`);
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => r.action)).toEqual(['teacher.create', 'teacher.update', 'teacher.update']);
    expect(rows.every((r) => r.actorUserId === operator.me.user.id && r.actorLabel === 'operator@contoh.sch.id' && r.entityType === 'teacher')).toBe(true);
    expect(rows[0]?.before).toBeNull();
    expect(rows[0]?.after).toMatchObject({ name: 'Guru Diaudit', nik: '3528999900001111' });
    expect(rows[1]?.before).toMatchObject({ name: 'Guru Diaudit' });
    expect(rows[1]?.after).toMatchObject({ name: 'Guru Diaudit Lagi' });
    expect(rows[2]?.before).toMatchObject({ active: true });
    expect(rows[2]?.after).toMatchObject({ active: false });
  });

  it('subject and cluster create and update', async () => {
    const cluster = (await operator.request('POST', '/api/v1/clusters', { madrasahId, code: 'AUD', name: 'Rumpun Audit' })).json<Cluster>();
    await operator.request('PATCH', `/api/v1/clusters/${cluster.id}`, { active: false });
    const subject = (await operator.request('POST', '/api/v1/subjects', { madrasahId, code: 'AUD', name: 'Mapel Audit' })).json<Subject>();
    await operator.request('PATCH', `/api/v1/subjects/${subject.id}`, { name: 'Mapel Audit 2' });
    const c = await rowsOf(cluster.id);
    expect(c.map((r) => [r.action, r.before, r.after])).toEqual([
      ['cluster.create', null, { id: cluster.id, madrasahId, code: 'AUD', name: 'Rumpun Audit', active: true }],
      ['cluster.update', { id: cluster.id, madrasahId, code: 'AUD', name: 'Rumpun Audit', active: true }, { id: cluster.id, madrasahId, code: 'AUD', name: 'Rumpun Audit', active: false }],
    ]);
    const s = await rowsOf(subject.id);
    expect(s.map((r) => r.action)).toEqual(['subject.create', 'subject.update']);
    expect(s[1]?.after).toMatchObject({ name: 'Mapel Audit 2' });
  });

  it('account change, invitation create, accept and revoke, and a change of one’s own language', async () => {
    const [kepala] = await ctx.db.db.select().from(users).where(eq(users.email, 'kepala@contoh.sch.id'));
    const kepalaId = kepala?.id ?? '';
    await operator.request('PATCH', `/api/v1/users/${kepalaId}`, { roles: [{ role: 'kepala_madrasah', madrasahId }, { role: 'guru', madrasahId }] });
    const user = await rowsOf(kepalaId);
    expect(user.at(-1)).toMatchObject({
      action: 'user.update',
      actorUserId: operator.me.user.id,
      before: { roles: [{ role: 'kepala_madrasah', madrasahId }] },
      after: { roles: [{ role: 'kepala_madrasah', madrasahId }, { role: 'guru', madrasahId }] },
    });

    const inv = (await operator.request('POST', '/api/v1/invitations', { email: 'audit@contoh.sch.id', name: 'Audit', role: 'guru', madrasahId })).json<Invitation>();
    const token = inv.acceptUrl?.split('/undangan/')[1] ?? '';
    const accepted = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token, password: 'kata-sandi-audit' } });
    const newUserId = accepted.json<{ user: { id: string } }>().user.id;
    const inv2 = (await operator.request('POST', '/api/v1/invitations', { email: 'audit2@contoh.sch.id', name: 'Audit 2', role: 'guru', madrasahId })).json<Invitation>();
    await operator.request('DELETE', `/api/v1/invitations/${inv2.id}`);

    expect((await rowsOf(inv.id)).map((r) => r.action)).toEqual(['invitation.create']);
    expect((await rowsOf(inv.id))[0]?.after).toMatchObject({ email: 'audit@contoh.sch.id', role: 'guru' });
    expect((await rowsOf(newUserId)).map((r) => [r.action, r.actorLabel])).toEqual([['invitation.accept', 'audit@contoh.sch.id']]);
    expect((await rowsOf(inv2.id)).map((r) => r.action)).toEqual(['invitation.create', 'invitation.revoke']);
    // The invitation token never lands in the audit log.
    expect(JSON.stringify(await ctx.db.db.select().from(auditLog))).not.toContain(token);

    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    await guru.request('PATCH', '/api/v1/me', { locale: 'en' });
    expect((await rowsOf(guru.me.user.id)).at(-1)).toMatchObject({ action: 'user.update_self', before: { locale: 'id' }, after: { locale: 'en' } });
  });

  it('a refused write leaves no audit row', async () => {
    const before = await ctx.db.db.$count(auditLog);
    const dup = await operator.request('POST', '/api/v1/clusters', { madrasahId, code: 'PAI', name: 'Duplikat' });
    expect(dup.statusCode).toBe(409);
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    expect((await guru.request('POST', '/api/v1/teachers', { madrasahId, name: 'Tidak Boleh' })).statusCode).toBe(403);
    expect(await ctx.db.db.$count(auditLog)).toBe(before);
  });
});

describe('GET /api/v1/audit', () => {
  it('an operator reads the log newest first, filtered by entity', async () => {
    const t = (await operator.request('POST', '/api/v1/teachers', { madrasahId, name: 'Guru Log' })).json<TeacherDetail>();
    await operator.request('PATCH', `/api/v1/teachers/${t.id}`, { name: 'Guru Log 2' });
    const res = await operator.request('GET', `/api/v1/audit?entityType=teacher&entityId=${t.id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: AuditEntry[]; total: number }>();
    expect(page.total).toBe(2);
    expect(page.items.map((e) => e.action)).toEqual(['teacher.update', 'teacher.create']);
    expect(page.items[0]).toMatchObject({ actorLabel: 'operator@contoh.sch.id', entityType: 'teacher', entityId: t.id, before: { name: 'Guru Log' }, after: { name: 'Guru Log 2' } });
    expect(Date.parse(page.items[0]?.at ?? '')).not.toBeNaN();
  });

  it('pages with limit and offset', async () => {
    const all = (await operator.request('GET', '/api/v1/audit?limit=200')).json<{ items: AuditEntry[]; total: number }>();
    const second = (await operator.request('GET', '/api/v1/audit?limit=2&offset=2')).json<{ items: AuditEntry[]; total: number }>();
    expect(second.total).toBe(all.total);
    expect(second.items.map((e) => e.id)).toEqual(all.items.slice(2, 4).map((e) => e.id));
  });

  it('the kepala madrasah may read it; a guru, koordinator, peneliti or pengawas may not', async () => {
    expect((await (await login(ctx.app, 'kepala@contoh.sch.id')).request('GET', '/api/v1/audit')).statusCode).toBe(200);
    for (const email of ['guru1@contoh.sch.id', 'koordinator@contoh.sch.id', 'peneliti@contoh.sch.id', 'pengawas@yayasan.sch.id']) {
      const res = await (await login(ctx.app, email)).request('GET', '/api/v1/audit');
      expect([email, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([email, 403, 'auth.forbidden']);
    }
  });

  it('without a session it is 401', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('system actions (seed) are recorded with the label "system"', async () => {
    const seeded = await ctx.db.db.select().from(auditLog).where(and(eq(auditLog.action, 'madrasah.create'), eq(auditLog.actorLabel, 'system')));
    expect(seeded).toHaveLength(3);
    expect(seeded.every((r) => r.actorUserId === null)).toBe(true);
  });
});
