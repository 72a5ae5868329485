import type { MgmpMadrasahOverview, MgmpOverview } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mgmpAgendaItems, mgmpAttendance, mgmpDecisions, mgmpFollowUpOwners, mgmpFollowUps, mgmpGroups, mgmpMeetings, mgmpMembers, mgmpProgrammeItems } from '../src/modules/mgmp/mgmp.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * The madrasah-wide MGMP overview on real PostgreSQL: a fixture group with known numbers in the
 * semester ganjil 2024/2025 (before any demo data), checked figure by figure, against the per-group
 * overview, and per role (kepala, guru, peneliti, pengawas and operator of another tenant).
 */

let ctx: TestContext;
let kepala: Session;
let madrasahId: string;
let tenantId: string;
let groupId: string;
let guruTeacherId: string;
const FROM = '2024-07-01';
const TO = '2024-12-31';
const PERIOD = `from=${FROM}&to=${TO}`;

async function overview(s: Session, query: string): Promise<MgmpMadrasahOverview> {
  const res = await s.request('GET', `/api/v1/mgmp/overview?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MgmpMadrasahOverview>();
}

/**
 * Group "MGMP Uji Ringkasan", 4 members (guru1@ one of them). In the period: meetings M1 held (3 of 4
 * present), M2 held (2 of 4), M3 cancelled, M4 planned; outside it M0 (June 2024) and M5 (January
 * 2025), both held with everyone present. Decisions created in the period: D1 closed and reviewed,
 * D2 closed and due for review, D3 open; D4 (January 2025) outside. Follow-ups due in the period:
 * selesai, belum (overdue), sedang (overdue), batal; one due in February 2025 outside. Topics: asesmen
 * realised by M1 and M2; PTK by the cancelled M3 and by M5 (outside) — not covered.
 */
async function seedFixture(): Promise<void> {
  const pool = ctx.db.pool;
  const m = (await pool.query<{ tenant_id: string; id: string }>(`select tenant_id, id from madrasahs where npsn = '99999001'`)).rows[0];
  if (!m) throw new Error('demo madrasah missing');
  madrasahId = m.id;
  tenantId = m.tenant_id;
  guruTeacherId = (await pool.query<{ teacher_id: string }>(`select teacher_id from users where email = 'guru1@contoh.sch.id'`)).rows[0]?.teacher_id ?? '';
  const others = (await pool.query<{ id: string }>(`select id from teachers t where tenant_id = $1 and madrasah_id = $2 and not exists (select 1 from users u where u.teacher_id = t.id) order by name limit 3`, [tenantId, madrasahId])).rows.map((r) => r.id);
  const members = [guruTeacherId, ...others];
  const topic = async (code: string) => (await pool.query<{ id: string }>(`select id from mgmp_topics where tenant_id = $1 and code = $2`, [tenantId, code])).rows[0]?.id ?? '';
  const [asesmen, ptk] = [await topic('asesmen'), await topic('ptk')];
  const db = ctx.db.db;
  groupId = uuidv7();
  await db.insert(mgmpGroups).values({ tenantId, id: groupId, madrasahId, name: 'MGMP Uji Ringkasan', termStart: '2024-07-01', termEnd: '2026-06-30' });
  await db.insert(mgmpMembers).values(members.map((teacherId, i) => ({ tenantId, groupId, teacherId, role: i === 1 ? 'ketua' : i === 2 ? 'sekretaris' : 'anggota' })));
  const meeting = async (day: string, status: string, codes: string[]) => {
    const id = uuidv7();
    await db.insert(mgmpMeetings).values({ tenantId, id, groupId, title: `Pertemuan ${day}`, startsAt: new Date(`${day}T02:00:00Z`), endsAt: new Date(`${day}T04:00:00Z`), status, checkInCode: 'ABC123', cancelReason: status === 'dibatalkan' ? 'Hujan' : null });
    if (codes.length > 0) await db.insert(mgmpAttendance).values(codes.map((code, i) => ({ tenantId, meetingId: id, teacherId: members[i] ?? '', code, source: 'sekretaris' })));
    const agendaItemId = uuidv7();
    await db.insert(mgmpAgendaItems).values({ tenantId, id: agendaItemId, meetingId: id, ordinal: 1, title: 'Usulan', kind: 'proposal' });
    return { id, agendaItemId, day };
  };
  const m0 = await meeting('2024-06-20', 'selesai', ['H', 'H', 'H', 'H']);
  const m1 = await meeting('2024-08-05', 'selesai', ['H', 'H', 'H', 'I']);
  const m2 = await meeting('2024-09-09', 'selesai', ['H', 'H', 'A', 'S']);
  const m3 = await meeting('2024-10-07', 'dibatalkan', []);
  await meeting('2024-11-11', 'direncanakan', []);
  const m5 = await meeting('2025-01-13', 'selesai', ['H', 'H', 'H', 'H']);
  const decision = async (on: { id: string; agendaItemId: string; day: string }, status: string, extra: Partial<typeof mgmpDecisions.$inferInsert> = {}) => {
    const id = uuidv7();
    await db.insert(mgmpDecisions).values({ tenantId, id, groupId, meetingId: on.id, agendaItemId: on.agendaItemId, proposal: 'Usulan', status, createdAt: new Date(`${on.day}T03:00:00Z`), ...(status === 'closed' ? { outcome: 'mufakat', adopted: true, statement: 'Disepakati', closedAt: new Date(`${on.day}T03:30:00Z`) } : {}), ...extra });
    return id;
  };
  const d1 = await decision(m1, 'closed', { reviewDate: '2024-09-01', reviewedAt: new Date('2024-09-09T03:00:00Z') });
  await decision(m2, 'closed', { reviewDate: '2024-10-01' });
  await decision(m2, 'open');
  await decision(m5, 'closed', { reviewDate: '2025-02-01' });
  await decision(m0, 'closed', { reviewDate: '2024-07-15' });
  const followUp = async (dueDate: string, status: string) => {
    const id = uuidv7();
    await db.insert(mgmpFollowUps).values({ tenantId, id, groupId, decisionId: d1, what: `Tindak lanjut ${dueDate}`, dueDate, status, completedAt: status === 'selesai' ? new Date(`${dueDate}T00:00:00Z`) : null });
    await db.insert(mgmpFollowUpOwners).values({ tenantId, followUpId: id, teacherId: members[0] ?? '' });
  };
  await followUp('2024-09-01', 'selesai');
  await followUp('2024-10-01', 'belum');
  await followUp('2024-12-01', 'sedang');
  await followUp('2024-11-01', 'batal');
  await followUp('2025-02-01', 'belum');
  const item = async (topicId: string, meetingId: string, month: string) =>
    db.insert(mgmpProgrammeItems).values({ tenantId, id: uuidv7(), groupId, academicYear: '2024/2025', type: 'rutin', topicId, title: `Kegiatan ${month}`, targetMonth: month, meetingId });
  await item(asesmen, m1.id, '2024-08');
  await item(asesmen, m2.id, '2024-09');
  await item(ptk, m3.id, '2024-10');
  await item(ptk, m5.id, '2025-01');
}

beforeAll(async () => {
  ctx = await createTestContext();
  await seedFixture();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
});
afterAll(async () => {
  await ctx.close();
});

describe('the madrasah overview adds up the MGMP cycle per group', () => {
  it('counts meetings planned vs held, average attendance, decisions, follow-ups and topics of the period (fixture numbers)', async () => {
    const o = await overview(kepala, `madrasahId=${madrasahId}&${PERIOD}`);
    expect(o).toMatchObject({ madrasahId, from: FROM, to: TO, semester: { academicYear: '2024/2025', half: 'ganjil' } });
    const g = o.groups.find((x) => x.groupId === groupId);
    expect(g).toMatchObject({
      name: 'MGMP Uji Ringkasan',
      memberCount: 4,
      archived: false,
      meetings: { planned: 4, held: 2, cancelled: 1, upcoming: 1 },
      decisions: { made: 2, reviewed: 1, dueForReview: 1, open: 1 },
      followUps: { total: 4, done: 1, open: 2, overdue: 2 },
    });
    expect(g?.averageAttendance).toBeCloseTo((3 / 4 + 2 / 4) / 2, 10);
    expect(g?.topicsCovered.map((t) => [t.name, t.meetings])).toEqual([['Asesmen', 2]]);
  });

  it('the totals are the sum of the groups (the demo groups have nothing in 2024)', async () => {
    const o = await overview(kepala, PERIOD);
    expect(o.groups.map((g) => g.name).sort()).toEqual(['MGMP Bahasa', 'MGMP IPS', 'MGMP MIPA', 'MGMP Rumpun PAI', 'MGMP Uji Ringkasan']);
    expect(o.totals).toMatchObject({ groups: 5, meetings: { planned: 4, held: 2, cancelled: 1, upcoming: 1 }, decisions: { made: 2, reviewed: 1, dueForReview: 1, open: 1 }, followUps: { total: 4, done: 1, open: 2, overdue: 2 } });
    expect(o.totals.averageAttendance).toBeCloseTo(0.625, 10);
    expect(o.totals.topicsCovered.map((t) => [t.name, t.meetings])).toEqual([['Asesmen', 2]]);
    const empty = o.groups.find((g) => g.name === 'MGMP MIPA');
    expect(empty).toMatchObject({ meetings: { planned: 0, held: 0, cancelled: 0, upcoming: 0 }, averageAttendance: null, topicsCovered: [] });
  });

  it('agrees with the per-group overview for the same period', async () => {
    const res = await kepala.request('GET', `/api/v1/mgmp/groups/${groupId}/overview?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const one = res.json<MgmpOverview>();
    const g = (await overview(kepala, PERIOD)).groups.find((x) => x.groupId === groupId);
    expect(g?.meetings).toEqual(one.meetings);
    expect(g?.decisions).toEqual(one.decisions);
    expect(g?.followUps).toEqual(one.followUps);
    expect(g?.topicsCovered).toEqual(one.topicsCovered);
    expect(g?.averageAttendance).toBeCloseTo(one.averageAttendance ?? -1, 10);
  });

  it('a wider period takes the meetings, decisions and follow-ups outside the semester in', async () => {
    const g = (await overview(kepala, `madrasahId=${madrasahId}&from=2024-06-01&to=2025-02-28`)).groups.find((x) => x.groupId === groupId);
    expect(g).toMatchObject({ meetings: { planned: 6, held: 4 }, decisions: { made: 4, open: 1 }, followUps: { total: 5, overdue: 3 } });
    expect(g?.averageAttendance).toBeCloseTo((1 + 0.75 + 0.5 + 1) / 4, 10);
    expect(g?.topicsCovered.map((t) => [t.name, t.meetings])).toEqual([['Asesmen', 2], ['Penelitian tindakan kelas (PTK)', 1]]);
  });

  it('defaults to the current semester', async () => {
    const o = await overview(kepala, '');
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const ganjil = Number(today.slice(5, 7)) >= 7;
    expect(o.from).toBe(`${today.slice(0, 4)}-${ganjil ? '07-01' : '01-01'}`);
    expect(o.to).toBe(`${today.slice(0, 4)}-${ganjil ? '12-31' : '06-30'}`);
    expect(o.semester?.half).toBe(ganjil ? 'ganjil' : 'genap');
  });
});

describe('who sees which groups in the overview', () => {
  it('a guru sees only the groups they belong to', async () => {
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    const o = await overview(guru, PERIOD);
    expect(o.groups.map((g) => g.name).sort()).toEqual(['MGMP Rumpun PAI', 'MGMP Uji Ringkasan']);
    expect(o.totals.meetings.held).toBe(2);
  });

  it('the koordinator (ketua of MIPA) sees MIPA only', async () => {
    const koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
    expect((await overview(koordinator, PERIOD)).groups.map((g) => g.name)).toEqual(['MGMP MIPA']);
  });

  it('the peneliti sees the figures of every group of the madrasah, read-only, but still not a group page', async () => {
    const peneliti = await login(ctx.app, 'peneliti@contoh.sch.id');
    const o = await overview(peneliti, `madrasahId=${madrasahId}&${PERIOD}`);
    expect(o.totals.groups).toBe(5);
    expect(o.totals.meetings.held).toBe(2);
    expect((await peneliti.request('GET', `/api/v1/mgmp/groups/${groupId}/overview`)).statusCode).toBe(403);
  });

  it('another tenant sees none of these groups and cannot name the madrasah', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const o = await overview(yayasan, PERIOD);
    expect(o.groups).toEqual([]);
    expect(o.totals).toMatchObject({ groups: 0, averageAttendance: null, meetings: { planned: 0 } });
    const res = await yayasan.request('GET', `/api/v1/mgmp/overview?madrasahId=${madrasahId}`);
    expect([res.statusCode, res.json<{ error: { code: string } }>().error.code]).toEqual([404, 'people.madrasah_not_found']);
    const pengawas = await login(ctx.app, 'pengawas@yayasan.sch.id');
    expect((await overview(pengawas, PERIOD)).groups).toEqual([]);
  });

  it('bad periods are refused with 400 and an Indonesian message', async () => {
    const res = await kepala.request('GET', '/api/v1/mgmp/overview?from=2024-12-31&to=2024-07-01');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe('common.validation_failed');
    expect((await kepala.request('GET', '/api/v1/mgmp/overview?from=2024-13-01')).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/mgmp/overview' })).statusCode).toBe(401);
  });
});
