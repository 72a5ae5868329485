import { sql } from 'drizzle-orm';
import type { ErrorBody, MgmpDecision, MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../src/demo/builders.ts';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, TEST_PASSWORD, type Session, type TestContext } from './helpers.ts';

/**
 * "Only officers of a group (or the kepala madrasah / operator) change its meetings, minutes and
 * decisions": officers are ketua, sekretaris and bendahara; approving minutes and recording a
 * mufakat are the ketua's alone. Every refusal is checked against the database: nothing changes.
 */

let ctx: TestContext;
let operator: Session;
let ketua: Session; // koordinator@: Khoirul Anam
let sekretaris: Session; // sekretaris@: Lailatul Qadriyah
let bendahara: Session; // a test account for Ainul Yaqin
let anggota: Session; // guru1@: Ahmad Fauzi
let group: MgmpGroup;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

/** The fixture every refused request is tried against. */
const f = {
  planned: '', // a planned meeting (start, cancel)
  running: '', // a running meeting (finish, attendance)
  draftItem: '', // minutes saved as draft
  approvedItem: '', // minutes approved
  plainItem: '', // no decision yet
  decision: '', // an open decision
};

async function newMeeting(startsIn: number, endsIn: number, agenda: string[]): Promise<MgmpMeeting> {
  const res = await ketua.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: iso(startsIn), endsAt: iso(endsIn), place: 'Ruang guru', agenda: agenda.map((title) => ({ title })) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MgmpMeeting>();
}

const itemId = (m: MgmpMeeting, title: string) => m.agenda.find((a) => a.title === title)?.id ?? '';

/** Everything a refused write could have touched, in a comparable form. */
async function snapshot(): Promise<unknown> {
  const q = async (query: ReturnType<typeof sql>) => (await ctx.db.db.execute(query)).rows;
  return {
    meetings: await q(sql`select id, status, cancel_reason, title, starts_at from mgmp_meetings where group_id = ${group.id} order by id`),
    agenda: await q(sql`select a.id, a.kind, a.title from mgmp_agenda_items a join mgmp_meetings m on m.id = a.meeting_id where m.group_id = ${group.id} order by a.id`),
    attendance: await q(sql`select a.meeting_id, a.teacher_id, a.code, a.source from mgmp_attendance a join mgmp_meetings m on m.id = a.meeting_id where m.group_id = ${group.id} order by 1, 2`),
    minutes: await q(sql`select n.id, n.revision, n.status, n.summary from mgmp_minutes n join mgmp_agenda_items a on a.id = n.agenda_item_id join mgmp_meetings m on m.id = a.meeting_id where m.group_id = ${group.id} order by n.id`),
    decisions: await q(sql`select id, status, outcome, statement from mgmp_decisions where group_id = ${group.id} order by id`),
    audit: await q(sql`select count(*)::int as n from audit_log`),
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  ketua = await login(ctx.app, 'koordinator@contoh.sch.id');
  sekretaris = await login(ctx.app, 'sekretaris@contoh.sch.id');
  anggota = await login(ctx.app, 'guru1@contoh.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const madrasahId = operator.me.madrasahs[0]?.id ?? '';
  await buildUser(ctx.db.db, operator.me.tenant.id, { email: 'bendahara.uji@contoh.sch.id', name: 'Ainul Yaqin, S.Pd', password: TEST_PASSWORD, teacherId: t['Ainul Yaqin'] ?? null, roles: [{ role: 'guru', madrasahId }] });
  bendahara = await login(ctx.app, 'bendahara.uji@contoh.sch.id');
  const res = await operator.request('POST', '/api/v1/mgmp/groups', {
    madrasahId,
    name: 'MGMP Uji Pengurus',
    termStart: '2026-01-01',
    termEnd: '2028-12-31',
    members: [
      { teacherId: t['Khoirul Anam'], role: 'ketua' },
      { teacherId: t['Lailatul Qadriyah'], role: 'sekretaris' },
      { teacherId: t['Ainul Yaqin'], role: 'bendahara' },
      { teacherId: t['Ahmad Fauzi'], role: 'anggota' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  group = res.json<MgmpGroup>();

  f.planned = (await newMeeting(60 * 24, 60 * 25, ['Rencana'])).id;
  const running = await newMeeting(-10, 60, ['Draf', 'Disetujui', 'Usulan', 'Biasa']);
  f.running = running.id;
  expect((await ketua.request('POST', `/api/v1/mgmp/meetings/${f.running}/transition`, { to: 'berlangsung' })).statusCode).toBe(200);
  f.draftItem = itemId(running, 'Draf');
  f.approvedItem = itemId(running, 'Disetujui');
  f.plainItem = itemId(running, 'Biasa');
  expect((await ketua.request('PUT', `/api/v1/mgmp/agenda-items/${f.draftItem}/minutes`, { summary: 'Draf notulen.' })).statusCode).toBe(200);
  expect((await ketua.request('PUT', `/api/v1/mgmp/agenda-items/${f.approvedItem}/minutes`, { summary: 'Notulen disetujui.' })).statusCode).toBe(200);
  expect((await ketua.request('POST', `/api/v1/mgmp/agenda-items/${f.approvedItem}/minutes/approve`)).statusCode).toBe(200);
  const d = await ketua.request('POST', `/api/v1/mgmp/agenda-items/${itemId(running, 'Usulan')}/decisions`, { proposal: 'Bank soal bersama' });
  expect(d.statusCode, d.body).toBe(201);
  f.decision = d.json<MgmpDecision>().id;
});
afterAll(async () => {
  await ctx.close();
});

type Method = 'POST' | 'PUT' | 'PATCH';
const managerWrites: [what: string, request: () => [Method, string, unknown?]][] = [
  ['saving minutes', () => ['PUT', `/api/v1/mgmp/agenda-items/${f.draftItem}/minutes`, { summary: 'Diubah anggota' }]],
  ['approving minutes', () => ['POST', `/api/v1/mgmp/agenda-items/${f.draftItem}/minutes/approve`]],
  ['revising minutes', () => ['POST', `/api/v1/mgmp/agenda-items/${f.approvedItem}/minutes/revisions`, { summary: 'Revisi anggota', reason: 'Ada yang kurang' }]],
  ['opening a decision', () => ['POST', `/api/v1/mgmp/agenda-items/${f.plainItem}/decisions`, { proposal: 'Usulan anggota' }]],
  ['closing a decision by vote', () => ['POST', `/api/v1/mgmp/decisions/${f.decision}/close`, { outcome: 'vote', statement: 'Ditutup anggota', rationale: 'x' }]],
  ['closing a decision by mufakat', () => ['POST', `/api/v1/mgmp/decisions/${f.decision}/close`, { outcome: 'mufakat', statement: 'Ditutup anggota' }]],
  ['entering attendance', () => ['PUT', `/api/v1/mgmp/meetings/${f.running}/attendance`, { entries: [{ teacherId: t['Ahmad Fauzi'], code: 'H' }] }]],
  ['starting a meeting', () => ['POST', `/api/v1/mgmp/meetings/${f.planned}/transition`, { to: 'berlangsung' }]],
  ['finishing a meeting', () => ['POST', `/api/v1/mgmp/meetings/${f.running}/transition`, { to: 'selesai' }]],
  ['cancelling a meeting', () => ['POST', `/api/v1/mgmp/meetings/${f.planned}/cancel`, { reason: 'Dibatalkan anggota' }]],
  ['changing a meeting', () => ['PATCH', `/api/v1/mgmp/meetings/${f.planned}`, { title: 'Diubah anggota' }]],
  ['adding an agenda item', () => ['POST', `/api/v1/mgmp/meetings/${f.planned}/agenda-items`, { title: 'Butir anggota' }]],
];

async function expectRefused(session: Session, [method, url, body]: [Method, string, unknown?]): Promise<void> {
  const before = await snapshot();
  const res = await session.request(method, url, body);
  expect([res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([403, 'auth.forbidden']);
  expect(await snapshot()).toEqual(before);
}

describe('only officers change a group’s meetings, minutes and decisions', () => {
  it.each(managerWrites)('an anggota gets 403 and nothing changes: %s', async (_what, request) => {
    await expectRefused(anggota, request());
  });

  it.each([['sekretaris'], ['bendahara']] as const)('approving minutes and recording a mufakat are the ketua’s: a %s gets 403 and nothing changes', async (office) => {
    const session = office === 'sekretaris' ? sekretaris : bendahara;
    await expectRefused(session, ['POST', `/api/v1/mgmp/agenda-items/${f.draftItem}/minutes/approve`]);
    await expectRefused(session, ['POST', `/api/v1/mgmp/decisions/${f.decision}/close`, { outcome: 'mufakat', statement: 'Mufakat tanpa ketua' }]);
  });

  it.each([['sekretaris'], ['bendahara']] as const)('a %s is an officer: plans, starts and finishes a meeting, enters attendance, writes the minutes draft and opens a decision', async (office) => {
    const session = office === 'sekretaris' ? sekretaris : bendahara;
    const created = await session.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: `Rapat ${office}`, startsAt: iso(-5), endsAt: iso(90), agenda: [{ title: 'Bahasan' }, { title: 'Usulan' }] });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json<MgmpMeeting>();
    expect((await session.request('POST', `/api/v1/mgmp/meetings/${m.id}/transition`, { to: 'berlangsung' })).statusCode).toBe(200);
    const sheet = await session.request('PUT', `/api/v1/mgmp/meetings/${m.id}/attendance`, { entries: [{ teacherId: t['Ahmad Fauzi'], code: 'H' }, { teacherId: t['Khoirul Anam'], code: 'I' }] });
    expect(sheet.statusCode, sheet.body).toBe(200);
    const minutes = await session.request('PUT', `/api/v1/mgmp/agenda-items/${itemId(m, 'Bahasan')}/minutes`, { summary: `Notulen oleh ${office}` });
    expect([minutes.statusCode, minutes.json<{ status: string }>().status]).toEqual([200, 'draft']);
    expect((await session.request('POST', `/api/v1/mgmp/agenda-items/${itemId(m, 'Usulan')}/decisions`, { proposal: `Usulan ${office}` })).statusCode).toBe(201);
    expect((await session.request('POST', `/api/v1/mgmp/meetings/${m.id}/transition`, { to: 'selesai' })).statusCode).toBe(200);
    // The draft waits for the ketua, who may approve it.
    expect((await ketua.request('POST', `/api/v1/mgmp/agenda-items/${itemId(m, 'Bahasan')}/minutes/approve`)).json<{ status: string }>().status).toBe('approved');
  });

  it('the refusals are about the office: the ketua approves the same draft and records the mufakat', async () => {
    expect((await ketua.request('POST', `/api/v1/mgmp/agenda-items/${f.draftItem}/minutes/approve`)).json<{ status: string }>().status).toBe('approved');
    const closed = await ketua.request('POST', `/api/v1/mgmp/decisions/${f.decision}/close`, { outcome: 'mufakat', statement: 'Bank soal bersama disepakati' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<MgmpDecision>()).toMatchObject({ status: 'closed', outcome: 'mufakat' });
  });
});
