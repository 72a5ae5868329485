import { sql } from 'drizzle-orm';
import type { MgmpDecision, MgmpFollowUp, MgmpGroup, MgmpMeeting } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * "Open follow-ups of the group appear on the next meeting's agenda by themselves" and "decisions
 * due for review show up on the next agenda" also for what arises after that meeting was planned:
 * a follow-up created or reopened, a decision closed (or corrected) with a review date due by the
 * next planned meeting's day, joins that meeting's agenda in the same transaction, once; starting a
 * meeting makes sure every open follow-up and due decision is on it.
 */

let ctx: TestContext;
let operator: Session;
let koordinator: Session; // Khoirul Anam: ketua
let group: MgmpGroup;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();
const DAY = 60 * 24;
/** Today in WIB, as the server counts review dates. */
const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown, status = method === 'POST' && !url.includes('/transition') && !url.includes('/close') && !url.includes('/revise') && !url.includes('/cancel') ? 201 : 200): Promise<T> {
  const res = await koordinator.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}
const plan = (startsIn: number, agenda: { title: string; kind?: 'biasa' | 'proposal' }[] = [{ title: 'Diskusi' }]) =>
  call<MgmpMeeting>('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: iso(startsIn), endsAt: iso(startsIn + 120), agenda });
const agendaOf = async (meetingId: string) => (await call<MgmpMeeting>('GET', `/api/v1/mgmp/meetings/${meetingId}`)).agenda;
const followUp = (what: string, extra: Record<string, unknown> = {}) => call<MgmpFollowUp>('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what, dueDate: '2027-01-31', ownerIds: [t['Ahmad Fauzi']], ...extra });
const setStatus = (id: string, status: MgmpFollowUp['status']) => call<MgmpFollowUp>('PATCH', `/api/v1/mgmp/follow-ups/${id}`, { status });
/** How many agenda items of a meeting carry this follow-up / decision. */
async function carried(meetingId: string, ref: { followUpId?: string; decisionId?: string }): Promise<number> {
  return (await agendaOf(meetingId)).filter((a) => (ref.followUpId && a.followUpId === ref.followUpId) || (ref.decisionId && a.decisionId === ref.decisionId)).length;
}
async function auditCount(action: string): Promise<number> {
  const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`);
  return res.rows[0]?.n ?? 0;
}

/** A running meeting with a proposal item, members present: where decisions are taken. */
async function runningMeetingWithProposal(): Promise<{ meeting: MgmpMeeting; item: string }> {
  const meeting = await plan(-10, [{ title: 'Usulan', kind: 'proposal' }]);
  await call('POST', `/api/v1/mgmp/meetings/${meeting.id}/transition`, { to: 'berlangsung' });
  await call('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [t['Khoirul Anam'], t['Ahmad Fauzi'], t['Ainul Yaqin']].map((teacherId) => ({ teacherId, code: 'H' })) });
  return { meeting, item: meeting.agenda.find((a) => a.title === 'Usulan')?.id ?? '' };
}
async function closedDecision(item: string, proposal: string, reviewDate: string | null): Promise<MgmpDecision> {
  const d = await call<MgmpDecision>('POST', `/api/v1/mgmp/agenda-items/${item}/decisions`, { proposal });
  return call<MgmpDecision>('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'mufakat', statement: `Disepakati: ${proposal}`, reviewDate });
}

let first: MgmpMeeting; // planned in 4 days
let second: MgmpMeeting; // planned in 8 days

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const res = await operator.request('POST', '/api/v1/mgmp/groups', {
    madrasahId: operator.me.madrasahs[0]?.id,
    name: 'MGMP Agenda',
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
  first = await plan(4 * DAY);
  second = await plan(8 * DAY);
});
afterAll(async () => {
  await ctx.close();
});

describe('carrying onto the next planned meeting', () => {
  it('a follow-up created after the next meeting was planned joins that meeting (not a later one), audited, at the end of its agenda', async () => {
    const before = await auditCount('mgmp.agenda.carry_over');
    const f = await followUp('Susun kisi-kisi PTS');
    const agenda = await agendaOf(first.id);
    const item = agenda.find((a) => a.followUpId === f.id);
    expect(item).toMatchObject({ title: 'Tindak lanjut: Susun kisi-kisi PTS', kind: 'tindak-lanjut-review', decisionId: null, ordinal: agenda.length });
    expect(await carried(second.id, { followUpId: f.id })).toBe(0);
    expect(await auditCount('mgmp.agenda.carry_over')).toBe(before + 1);
    const audit = await ctx.db.db.execute<{ after: unknown }>(sql`select after from audit_log where action = 'mgmp.agenda.carry_over' and entity_id = ${item?.id ?? ''}`);
    expect(audit.rows[0]?.after).toMatchObject({ meetingId: first.id, followUpId: f.id, kind: 'tindak-lanjut-review' });
  });

  it('follow-ups created at the same moment are each carried once, numbered without gaps or repeats (the meeting is locked)', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => followUp(`Serentak ${i + 1}`)));
    const agenda = await agendaOf(first.id);
    for (const f of made) expect(agenda.filter((a) => a.followUpId === f.id)).toHaveLength(1);
    expect(agenda.map((a) => a.ordinal)).toEqual(agenda.map((_, i) => i + 1));
  });

  it('a refused follow-up (an owner outside the group) adds nothing to the agenda', async () => {
    const before = await agendaOf(first.id);
    const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Ditolak', dueDate: '2027-01-31', ownerIds: [t['Khoirul Anam'], '0190a000-0000-7000-8000-0000000000ff'] });
    expect(res.statusCode).toBe(400);
    expect(await agendaOf(first.id)).toEqual(before);
  });

  it('a follow-up reopened (selesai → sedang, batal → belum) comes back once; staying open or closing adds nothing', async () => {
    const done = await followUp('Unggah RPP');
    expect(await carried(first.id, { followUpId: done.id })).toBe(1);
    await setStatus(done.id, 'sedang');
    await setStatus(done.id, 'selesai');
    await setStatus(done.id, 'sedang');
    expect(await carried(first.id, { followUpId: done.id })).toBe(1);
    // Not on the meeting before it was reopened: remove its item, close it, reopen it.
    const item = (await agendaOf(first.id)).find((a) => a.followUpId === done.id);
    await call('DELETE', `/api/v1/mgmp/agenda-items/${item?.id}`);
    await setStatus(done.id, 'selesai');
    expect(await carried(first.id, { followUpId: done.id })).toBe(0);
    await setStatus(done.id, 'sedang');
    expect(await carried(first.id, { followUpId: done.id })).toBe(1);
    const cancelled = await followUp('Studi banding');
    const cancelledItem = (await agendaOf(first.id)).find((a) => a.followUpId === cancelled.id);
    await call('DELETE', `/api/v1/mgmp/agenda-items/${cancelledItem?.id}`);
    await setStatus(cancelled.id, 'batal');
    await setStatus(cancelled.id, 'belum');
    expect(await carried(first.id, { followUpId: cancelled.id })).toBe(1);
    expect(await carried(second.id, { followUpId: cancelled.id })).toBe(0);
  });

  it('a decision closed with a review date due by the next meeting joins it; one due later or without a date does not; a correction that makes it due does', async () => {
    const { meeting: running, item } = await runningMeetingWithProposal();
    const due = await closedDecision(item, 'Ulangan bersama', todayWib());
    const later = await closedDecision(item, 'Kunjungan kelas', '2030-01-01');
    const none = await closedDecision(item, 'Jadwal piket', null);
    const agenda = await agendaOf(first.id);
    expect(agenda.filter((a) => a.decisionId === due.id)).toMatchObject([{ title: 'Tinjau keputusan: Disepakati: Ulangan bersama', kind: 'keputusan-review', followUpId: null }]);
    expect(await carried(first.id, { decisionId: later.id })).toBe(0);
    expect(await carried(first.id, { decisionId: none.id })).toBe(0);
    expect(await carried(running.id, { decisionId: due.id })).toBe(0);
    // The first meeting's day (WIB) is four days ahead: a review date that day is due by it.
    const firstDay = new Date(new Date(first.startsAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    await call('POST', `/api/v1/mgmp/decisions/${later.id}/revise`, { reviewDate: firstDay, reason: 'Tinjauan dimajukan' });
    expect(await carried(first.id, { decisionId: later.id })).toBe(1);
    await call('POST', `/api/v1/mgmp/decisions/${later.id}/revise`, { statement: 'Disepakati: kunjungan kelas bergilir', reason: 'Perjelas' });
    expect(await carried(first.id, { decisionId: later.id })).toBe(1);
    expect(await carried(second.id, { decisionId: later.id })).toBe(0);
  });

  it('what comes out of the next meeting itself waits for a later one; a cancelled meeting is passed over', async () => {
    const ownItem = (await agendaOf(first.id)).find((a) => a.title === 'Diskusi');
    const fromFirst = await followUp('Dari rapat pertama', { agendaItemId: ownItem?.id });
    expect(await carried(first.id, { followUpId: fromFirst.id })).toBe(0);
    // Planned before the first one, then cancelled: later follow-ups pass it over.
    const extra = await plan(2 * DAY);
    await call('POST', `/api/v1/mgmp/meetings/${extra.id}/cancel`, { reason: 'Libur' });
    const afterCancel = await followUp('Sesudah pembatalan');
    expect(await carried(extra.id, { followUpId: afterCancel.id })).toBe(0);
    expect(await carried(first.id, { followUpId: afterCancel.id })).toBe(1);
  });

  it('starting a meeting puts every open follow-up and due decision on it, without repeating what it carries', async () => {
    const open = await followUp('Masih terbuka');
    const openItem = (await agendaOf(first.id)).find((a) => a.followUpId === open.id);
    await call('DELETE', `/api/v1/mgmp/agenda-items/${openItem?.id}`);
    // A decision that became due without a write that carries it (its date moved in the database).
    const { item } = await runningMeetingWithProposal();
    const quiet = await closedDecision(item, 'Tanpa tanggal', null);
    await ctx.db.db.execute(sql`update mgmp_decisions set review_date = ${todayWib()} where id = ${quiet.id}`);
    const before = await agendaOf(first.id);
    const started = await call<MgmpMeeting>('POST', `/api/v1/mgmp/meetings/${first.id}/transition`, { to: 'berlangsung' });
    expect(started.agenda.filter((a) => a.followUpId === open.id)).toHaveLength(1);
    expect(started.agenda.filter((a) => a.decisionId === quiet.id)).toHaveLength(1);
    expect(started.agenda).toHaveLength(before.length + 2);
    // Every open follow-up of the group is on it exactly once (except the one that came out of this meeting).
    const openIds = (await call<{ items: MgmpFollowUp[] }>('GET', `/api/v1/mgmp/groups/${group.id}/follow-ups?limit=100`)).items.filter((f) => f.status === 'belum' || f.status === 'sedang').map((f) => f.id);
    const counts = openIds.map((id) => started.agenda.filter((a) => a.followUpId === id).length);
    expect(counts.filter((n) => n === 1)).toHaveLength(openIds.length - 1);
    expect(counts.filter((n) => n === 0)).toHaveLength(1);
    expect(Math.max(...counts)).toBe(1);
    expect(started.agenda.map((a) => a.ordinal)).toEqual(started.agenda.map((_, i) => i + 1));
  });

  it('once the meeting runs, new follow-ups go to the next planned one', async () => {
    const f = await followUp('Sesudah rapat dimulai');
    expect(await carried(first.id, { followUpId: f.id })).toBe(0);
    expect(await carried(second.id, { followUpId: f.id })).toBe(1);
  });
});
