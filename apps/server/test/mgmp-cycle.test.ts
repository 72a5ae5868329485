import { sql } from 'drizzle-orm';
import type { ErrorBody, MgmpDecision, MgmpGroup, MgmpMeeting, MgmpMinutes } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** The MGMP cycle through the API: plan, meet, decide, follow up, review — and the rules that guard it. */

let ctx: TestContext;
let operator: Session;
let koordinator: Session; // Khoirul Anam, teacher #10: ketua
let guru1: Session; // Ahmad Fauzi, teacher #1: anggota
let yayasan: Session;
let group: MgmpGroup;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

async function auditCount(action: string): Promise<number> {
  const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`);
  return res.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const res = await operator.request('POST', '/api/v1/mgmp/groups', {
    madrasahId: operator.me.madrasahs[0]?.id,
    name: 'MGMP Uji',
    termStart: '2026-01-01',
    termEnd: '2028-12-31',
    members: [
      { teacherId: t['Khoirul Anam'], role: 'ketua' },
      { teacherId: t['Lailatul Qadriyah'], role: 'sekretaris' },
      { teacherId: t['Ahmad Fauzi'], role: 'anggota' },
      { teacherId: t['Ainul Yaqin'], role: 'anggota' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  group = res.json<MgmpGroup>();
});
afterAll(async () => {
  await ctx.close();
});

async function newMeeting(startsIn: number, endsIn: number, agenda: { title: string; kind?: 'biasa' | 'proposal' }[] = [{ title: 'Diskusi' }]): Promise<MgmpMeeting> {
  const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: iso(startsIn), endsAt: iso(endsIn), place: 'Ruang guru', agenda });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MgmpMeeting>();
}

describe('MGMP rules through the API', () => {
  it('a member reads the group; a teacher outside it sees only that it exists (403 on its meetings); another tenant gets 404', async () => {
    expect((await guru1.request('GET', `/api/v1/mgmp/groups/${group.id}`)).statusCode).toBe(200);
    const list = (await guru1.request('GET', '/api/v1/mgmp/groups')).json<{ items: { id: string; access: string }[] }>();
    expect(list.items.find((g) => g.id === group.id)?.access).toBe('member');
    await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: [{ teacherId: t['Khoirul Anam'], role: 'ketua' }, { teacherId: t['Lailatul Qadriyah'], role: 'sekretaris' }, { teacherId: t['Ainul Yaqin'], role: 'anggota' }] });
    const m = await newMeeting(60 * 24, 60 * 25);
    expect((await guru1.request('GET', `/api/v1/mgmp/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await guru1.request('GET', `/api/v1/mgmp/groups/${group.id}/meetings`)).statusCode).toBe(403);
    expect((await yayasan.request('GET', `/api/v1/mgmp/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await yayasan.request('GET', `/api/v1/mgmp/groups/${group.id}`)).statusCode).toBe(404);
    expect((await yayasan.request('GET', '/api/v1/mgmp/groups')).json<{ items: { id: string }[] }>().items.map((g) => g.id)).not.toContain(group.id);
    await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: group.members.map((x) => ({ teacherId: x.teacherId, role: x.role })) });
  });

  it('only officers change meetings: an anggota gets 403 and nothing is written', async () => {
    const before = await auditCount('mgmp.meeting.create');
    const res = await guru1.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'X', startsAt: iso(60), endsAt: iso(120) });
    expect(res.statusCode).toBe(403);
    expect(await auditCount('mgmp.meeting.create')).toBe(before);
  });

  it('a meeting that ends before it starts is refused with 400', async () => {
    const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'X', startsAt: iso(120), endsAt: iso(60) });
    expect(res.statusCode).toBe(400);
  });

  it('self check-in: refused outside the window, by a non-member, and on a cancelled meeting; accepted inside', async () => {
    const later = await newMeeting(60 * 24, 60 * 25);
    const code = later.checkInCode ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect((await guru1.request('GET', `/api/v1/mgmp/meetings/${later.id}`)).json<MgmpMeeting>().checkInCode).toBeNull();
    expect((await guru1.request('POST', `/api/v1/mgmp/meetings/${later.id}/check-in`, { code })).json<ErrorBody>().error.code).toBe('mgmp.check_in_outside_window');
    const now = await newMeeting(-10, 60);
    const wrong = await guru1.request('POST', `/api/v1/mgmp/meetings/${now.id}/check-in`, { code: '000000' === now.checkInCode ? '111111' : '000000' });
    expect(wrong.json<ErrorBody>().error.code).toBe('mgmp.wrong_check_in_code');
    // A non-member (guru1 out of the group for a moment), with the right code inside the window: refused, nothing written.
    const members = group.members.map((x) => ({ teacherId: x.teacherId, role: x.role }));
    expect((await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: members.filter((x) => x.teacherId !== t['Ahmad Fauzi']) })).statusCode).toBe(200);
    const checkInsBefore = await auditCount('mgmp.attendance.check_in');
    const outsider = await guru1.request('POST', `/api/v1/mgmp/meetings/${now.id}/check-in`, { code: now.checkInCode });
    expect([outsider.statusCode, outsider.json<ErrorBody>().error.code]).toEqual([403, 'mgmp.not_member']);
    expect((await ctx.db.db.execute(sql`select count(*)::int as n from mgmp_attendance where meeting_id = ${now.id}`)).rows[0]).toEqual({ n: 0 });
    expect(await auditCount('mgmp.attendance.check_in')).toBe(checkInsBefore);
    expect((await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members })).statusCode).toBe(200);
    const ok = await guru1.request('POST', `/api/v1/mgmp/meetings/${now.id}/check-in`, { code: now.checkInCode });
    expect(ok.statusCode, ok.body).toBe(200);
    const cancelled = await newMeeting(-10, 60);
    expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${cancelled.id}/cancel`, { reason: 'Banjir' })).statusCode).toBe(200);
    expect((await guru1.request('POST', `/api/v1/mgmp/meetings/${cancelled.id}/check-in`, { code: cancelled.checkInCode })).json<ErrorBody>().error.code).toBe('mgmp.meeting_cancelled');
    expect((await koordinator.request('PUT', `/api/v1/mgmp/meetings/${cancelled.id}/attendance`, { entries: [{ teacherId: t['Ahmad Fauzi'], code: 'H' }] })).json<ErrorBody>().error.code).toBe('mgmp.meeting_cancelled');
  });

  it('an account without a teacher record cannot check in', async () => {
    const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
    const m = await newMeeting(-10, 60);
    const res = await kepala.request('POST', `/api/v1/mgmp/meetings/${m.id}/check-in`, { code: m.checkInCode });
    expect(res.json<ErrorBody>().error.code).toBe('mgmp.no_teacher_account');
  });

  it('musyawarah: absent member vote refused, second vote 409, quorum fails then passes, closed decision takes no votes', async () => {
    const m = await newMeeting(-10, 60, [{ title: 'Usulan jadwal', kind: 'proposal' }]);
    const item = m.agenda.find((a) => a.title === 'Usulan jadwal')?.id ?? '';
    const d = (await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${item}/decisions`, { proposal: 'MGMP tiap Sabtu kedua' })).json<MgmpDecision>();
    await koordinator.request('PUT', `/api/v1/mgmp/meetings/${m.id}/attendance`, { entries: [{ teacherId: t['Khoirul Anam'], code: 'H' }, { teacherId: t['Ahmad Fauzi'], code: 'H' }, { teacherId: t['Ainul Yaqin'], code: 'S' }] });
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju', teacherId: t['Ainul Yaqin'] })).json<ErrorBody>().error.code).toBe('mgmp.voter_not_present');
    expect((await guru1.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju' })).statusCode).toBe(201);
    // A second vote by the same member — by themself or recorded by an officer — is refused with its code and a clear message; the first vote stands.
    const votesBefore = (await ctx.db.db.execute(sql`select teacher_id, choice from mgmp_votes where decision_id = ${d.id} order by teacher_id`)).rows;
    expect(votesBefore).toEqual([{ teacher_id: t['Ahmad Fauzi'], choice: 'setuju' }]);
    const again = await guru1.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'tidak_setuju' });
    expect([again.statusCode, again.json<ErrorBody>().error.code]).toEqual([409, 'mgmp.already_voted']);
    expect(again.json<ErrorBody>().error.message).toBe('Anggota ini sudah memberikan suara.');
    const byOfficer = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'blok', teacherId: t['Ahmad Fauzi'] });
    expect([byOfficer.statusCode, byOfficer.json<ErrorBody>().error.code]).toEqual([409, 'mgmp.already_voted']);
    expect((await ctx.db.db.execute(sql`select teacher_id, choice from mgmp_votes where decision_id = ${d.id} order by teacher_id`)).rows).toEqual(votesBefore);
    const unchanged = (await guru1.request('GET', `/api/v1/mgmp/decisions/${d.id}`)).json<MgmpDecision>();
    expect([unchanged.tally, unchanged.votes.map((v) => [v.teacherId, v.choice])]).toEqual([{ setuju: 1, abstain: 0, tidak_setuju: 0, blok: 0 }, [[t['Ahmad Fauzi'], 'setuju']]]);
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'blok' })).statusCode).toBe(201);
    // 2 of 4 present: not more than half.
    const fail = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'vote', statement: 'Sabtu kedua', rationale: 'x' });
    expect(fail.json<ErrorBody>().error.code).toBe('mgmp.quorum_not_met');
    await koordinator.request('PUT', `/api/v1/mgmp/meetings/${m.id}/attendance`, { entries: [{ teacherId: t['Lailatul Qadriyah'], code: 'H' }] });
    const blocked = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'vote', statement: 'Sabtu kedua' });
    expect(blocked.json<ErrorBody>().error.code).toBe('mgmp.block_unanswered');
    const closed = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'vote', statement: 'Sabtu kedua', rationale: 'Keberatan ketua dijawab: jam dimajukan.', reviewDate: '2026-01-01' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<MgmpDecision>()).toMatchObject({ status: 'closed', outcome: 'vote', tally: { setuju: 1, blok: 1 } });
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/votes`, { choice: 'setuju', teacherId: t['Lailatul Qadriyah'] })).json<ErrorBody>().error.code).toBe('mgmp.decision_closed');
    expect((await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'mufakat', statement: 'Lain' })).json<ErrorBody>().error.code).toBe('mgmp.decision_closed');
  });

  it('approved minutes are locked; a correction is an audited new revision and the old one stays readable', async () => {
    const m = await newMeeting(-10, 60);
    const item = m.agenda.at(-1)?.id ?? '';
    expect((await koordinator.request('PUT', `/api/v1/mgmp/agenda-items/${item}/minutes`, { summary: 'Dibahas modul ajar.', contributions: [{ teacherId: t['Ahmad Fauzi'], text: 'Usul format' }] })).statusCode).toBe(200);
    const approved = await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${item}/minutes/approve`);
    expect(approved.json<MgmpMinutes>().status).toBe('approved');
    expect((await koordinator.request('PUT', `/api/v1/mgmp/agenda-items/${item}/minutes`, { summary: 'Diubah diam-diam' })).json<ErrorBody>().error.code).toBe('mgmp.minutes_locked');
    const before = await auditCount('mgmp.minutes.revise');
    const rev = await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${item}/minutes/revisions`, { summary: 'Dibahas modul ajar dan asesmen.', reason: 'Ada butir yang terlewat' });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json<MgmpMinutes>()).toMatchObject({ revision: 2, status: 'draft' });
    expect(await auditCount('mgmp.minutes.revise')).toBe(before + 1);
    const history = (await guru1.request('GET', `/api/v1/mgmp/agenda-items/${item}/minutes`)).json<{ items: MgmpMinutes[] }>();
    expect(history.items.map((x) => [x.revision, x.status, x.summary])).toEqual([
      [2, 'draft', 'Dibahas modul ajar dan asesmen.'],
      [1, 'approved', 'Dibahas modul ajar.'],
    ]);
  });

  it('a follow-up without owner is refused with nothing written; open follow-ups and due decisions appear on the next agenda; owners update their own', async () => {
    const before = await auditCount('mgmp.follow_up.create');
    expect((await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Tanpa pemilik', dueDate: '2026-09-01', ownerIds: [] })).statusCode).toBe(400);
    expect(await auditCount('mgmp.follow_up.create')).toBe(before);
    const f = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Susun bank soal', dueDate: '2020-01-01', ownerIds: [t['Ahmad Fauzi']] });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json<{ overdue: boolean }>().overdue).toBe(true);
    const next = await newMeeting(60 * 48, 60 * 49);
    expect(next.agenda.filter((a) => a.kind === 'tindak-lanjut-review').map((a) => a.title)).toContain('Tindak lanjut: Susun bank soal');
    expect(next.agenda.some((a) => a.kind === 'keputusan-review')).toBe(true);
    const id = f.json<{ id: string }>().id;
    const own = await guru1.request('PATCH', `/api/v1/mgmp/follow-ups/${id}`, { status: 'selesai', evidence: 'Bank soal di map MGMP' });
    expect(own.json<{ status: string; overdue: boolean }>()).toMatchObject({ status: 'selesai', overdue: false });
    expect((await guru1.request('PATCH', `/api/v1/mgmp/follow-ups/${id}`, { dueDate: '2030-01-01' })).statusCode).toBe(403);
    const mine = (await guru1.request('GET', '/api/v1/mgmp/follow-ups/mine')).json<{ items: { id: string }[] }>();
    expect(mine.items.map((x) => x.id)).toContain(id);
  });

  it('the overview counts meetings, attendance, decisions and follow-ups of the term', async () => {
    const res = await koordinator.request('GET', `/api/v1/mgmp/groups/${group.id}/overview?from=2019-01-01&to=2030-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json<{ meetings: { planned: number; cancelled: number }; decisions: { made: number }; followUps: { done: number } }>();
    expect(o.meetings.cancelled).toBe(1);
    expect(o.decisions.made).toBe(1);
    expect(o.followUps.done).toBe(1);
  });

  it('every id endpoint of another tenant answers 404 and changes nothing', async () => {
    const m = await newMeeting(60 * 72, 60 * 73);
    const item = m.agenda[0]?.id ?? '';
    for (const [method, url, body] of [
      ['GET', `/api/v1/mgmp/groups/${group.id}/overview`],
      ['PATCH', `/api/v1/mgmp/groups/${group.id}`, { name: 'X' }],
      ['POST', `/api/v1/mgmp/groups/${group.id}/archive`],
      ['GET', `/api/v1/mgmp/groups/${group.id}/follow-ups`],
      ['GET', `/api/v1/mgmp/groups/${group.id}/decisions`],
      ['GET', `/api/v1/mgmp/groups/${group.id}/programme-items`],
      ['PATCH', `/api/v1/mgmp/meetings/${m.id}`, { title: 'X' }],
      ['POST', `/api/v1/mgmp/meetings/${m.id}/cancel`, { reason: 'X' }],
      ['GET', `/api/v1/mgmp/meetings/${m.id}/attendance`],
      ['PUT', `/api/v1/mgmp/agenda-items/${item}/minutes`, { summary: 'X' }],
      ['GET', `/api/v1/mgmp/agenda-items/${item}/minutes`],
    ] as const) {
      const res = await yayasan.request(method, url, body);
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
    expect((await ctx.db.db.execute(sql`select count(*)::int as n from mgmp_groups where name = 'X'`)).rows[0]).toEqual({ n: 0 });
  });
});
