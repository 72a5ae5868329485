import { sql } from 'drizzle-orm';
import type { ErrorBody, MgmpDecision, MgmpFollowUp, MgmpGroup, MgmpMeeting, MgmpProgrammeItem, MgmpTopic } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** Administering MGMP groups, topics, programme, agenda and decision reviews through the API. */

let ctx: TestContext;
let operator: Session;
let koordinator: Session; // Khoirul Anam: ketua of the test group
let guru1: Session; // Ahmad Fauzi: anggota
let group: MgmpGroup;
let madrasahId: string;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();
const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

async function auditRows(action: string, entityId: string): Promise<{ before: unknown; after: unknown }[]> {
  const res = await ctx.db.db.execute<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where action = ${action} and entity_id = ${entityId} order by at`);
  return res.rows;
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
  for (const row of await ctx.db.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const res = await operator.request('POST', '/api/v1/mgmp/groups', {
    madrasahId,
    name: 'MGMP Kelola',
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

async function newMeeting(agenda: { title: string; kind?: 'biasa' | 'proposal' }[]): Promise<MgmpMeeting> {
  const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan kelola', startsAt: iso(-10), endsAt: iso(60), agenda });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<MgmpMeeting>();
}

async function finish(meetingId: string): Promise<void> {
  expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${meetingId}/transition`, { to: 'berlangsung' })).statusCode).toBe(200);
  expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${meetingId}/transition`, { to: 'selesai' })).statusCode).toBe(200);
}

describe('group administration', () => {
  it('the operator edits name, term and quorum (audited before/after); a ketua may not administer the group (403)', async () => {
    const res = await operator.request('PATCH', `/api/v1/mgmp/groups/${group.id}`, { name: 'MGMP Kelola Bahasa', termEnd: '2029-06-30', quorum: { kind: 'fraction', numerator: 2, denominator: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MgmpGroup>()).toMatchObject({ name: 'MGMP Kelola Bahasa', termEnd: '2029-06-30', quorum: { kind: 'fraction', numerator: 2, denominator: 3 } });
    const [audit] = await auditRows('mgmp.group.update', group.id);
    expect(audit?.before).toMatchObject({ name: 'MGMP Kelola' });
    expect(audit?.after).toMatchObject({ name: 'MGMP Kelola Bahasa' });
    expect((await koordinator.request('PATCH', `/api/v1/mgmp/groups/${group.id}`, { name: 'Diubah ketua' })).statusCode).toBe(403);
    expect((await koordinator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: [] })).statusCode).toBe(403);
  });

  it('a teacher can be in several groups; removing a member takes them off the group and is audited', async () => {
    const second = await operator.request('POST', '/api/v1/mgmp/groups', {
      madrasahId,
      name: 'MGMP Kelola Kedua',
      termStart: '2026-01-01',
      termEnd: '2026-12-31',
      members: [
        { teacherId: t['Ahmad Fauzi'], role: 'ketua' },
        { teacherId: t['Khoirul Anam'], role: 'anggota' },
      ],
    });
    expect(second.statusCode, second.body).toBe(201);
    const mine = (await guru1.request('GET', '/api/v1/mgmp/groups?mine=true&limit=200')).json<{ items: { id: string; myRole: string }[] }>();
    expect(mine.items.find((g) => g.id === group.id)?.myRole).toBe('anggota');
    expect(mine.items.find((g) => g.id === second.json<MgmpGroup>().id)?.myRole).toBe('ketua');

    const without = group.members.filter((m) => m.teacherId !== t['Ainul Yaqin']).map((m) => ({ teacherId: m.teacherId, role: m.role }));
    const res = await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: without });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MgmpGroup>().members.map((m) => m.teacherId)).not.toContain(t['Ainul Yaqin']);
    expect(await auditRows('mgmp.group.members', group.id)).toHaveLength(1);
    // Two ketua are refused and nothing changes.
    const twoKetua = await operator.request('PUT', `/api/v1/mgmp/groups/${group.id}/members`, { members: [...without.filter((m) => m.role !== 'anggota'), { teacherId: t['Ahmad Fauzi'], role: 'ketua' }] });
    expect(code(twoKetua)).toBe('mgmp.invalid_members');
    expect((await operator.request('GET', `/api/v1/mgmp/groups/${group.id}`)).json<MgmpGroup>().members).toHaveLength(3);
  });

  it('an archived group is listed apart (archived=true), read-only, and cannot be archived twice', async () => {
    const created = await operator.request('POST', '/api/v1/mgmp/groups', { madrasahId, name: 'MGMP Arsip Uji', termStart: '2024-01-01', termEnd: '2025-12-31', members: [{ teacherId: t['Khoirul Anam'], role: 'ketua' }] });
    const id = created.json<MgmpGroup>().id;
    expect((await operator.request('POST', `/api/v1/mgmp/groups/${id}/archive`)).json<MgmpGroup>().archived).toBe(true);
    const active = (await operator.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: { id: string }[] }>();
    const archived = (await operator.request('GET', '/api/v1/mgmp/groups?limit=200&archived=true')).json<{ items: { id: string; archived: boolean }[] }>();
    expect(active.items.map((g) => g.id)).not.toContain(id);
    expect(archived.items.map((g) => g.id)).toContain(id);
    expect(archived.items.every((g) => g.archived)).toBe(true);
    expect(code(await operator.request('PATCH', `/api/v1/mgmp/groups/${id}`, { name: 'X' }))).toBe('mgmp.group_archived');
    expect(code(await operator.request('POST', `/api/v1/mgmp/groups/${id}/archive`))).toBe('mgmp.group_archived');
    expect(code(await koordinator.request('POST', `/api/v1/mgmp/groups/${id}/meetings`, { title: 'X', startsAt: iso(60), endsAt: iso(120) }))).toBe('mgmp.group_archived');
  });

  it('an archived group can be taken out of the archive by the kepala / operator (audited), and is changeable again; a ketua may not (403); an active group answers 409', async () => {
    const created = await operator.request('POST', '/api/v1/mgmp/groups', { madrasahId, name: 'MGMP Arsip Kembali', termStart: '2024-01-01', termEnd: '2025-12-31', members: [{ teacherId: t['Khoirul Anam'], role: 'ketua' }] });
    const id = created.json<MgmpGroup>().id;
    expect(code(await operator.request('POST', `/api/v1/mgmp/groups/${id}/unarchive`))).toBe('mgmp.group_not_archived');
    await operator.request('POST', `/api/v1/mgmp/groups/${id}/archive`);
    const refused = await koordinator.request('POST', `/api/v1/mgmp/groups/${id}/unarchive`);
    expect([refused.statusCode, code(refused)]).toEqual([403, 'auth.forbidden']);
    const res = await operator.request('POST', `/api/v1/mgmp/groups/${id}/unarchive`);
    expect(res.statusCode).toBe(200);
    expect(res.json<MgmpGroup>()).toMatchObject({ archived: false, archivedAt: null });
    const [audit] = await auditRows('mgmp.group.unarchive', id);
    expect(audit?.before).toMatchObject({ archivedAt: expect.any(String) as unknown });
    expect(audit?.after).toEqual({ archivedAt: null });
    const active = (await operator.request('GET', '/api/v1/mgmp/groups?limit=200')).json<{ items: { id: string }[] }>();
    expect(active.items.map((g) => g.id)).toContain(id);
    expect((await operator.request('PATCH', `/api/v1/mgmp/groups/${id}`, { name: 'MGMP Arsip Kembali 2' })).statusCode).toBe(200);
  });
});

describe('a district MGMP across madrasahs', () => {
  it('a tenant-wide operator creates a tenant-level group with teachers of two madrasahs; a kepala of one madrasah may not (403)', async () => {
    const yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
    const list = (await yayasan.request('GET', '/api/v1/teachers?limit=200')).json<{ items: { id: string; madrasahId: string }[] }>();
    const byMadrasah = new Map(list.items.map((x) => [x.madrasahId, x.id]));
    expect(byMadrasah.size).toBeGreaterThanOrEqual(2);
    const [first, second] = [...byMadrasah.values()];
    const res = await yayasan.request('POST', '/api/v1/mgmp/groups', {
      madrasahId: null,
      name: 'MGMP Kabupaten Matematika',
      termStart: '2026-07-01',
      termEnd: '2028-06-30',
      members: [
        { teacherId: first, role: 'ketua' },
        { teacherId: second, role: 'anggota' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<MgmpGroup>()).toMatchObject({ madrasahId: null, access: 'manage' });
    expect(await auditRows('mgmp.group.create', res.json<MgmpGroup>().id)).toHaveLength(1);
    const kepala = await login(ctx.app, 'kepala@contoh.sch.id'); // kepala of one madrasah only
    const local = await kepala.request('POST', '/api/v1/mgmp/groups', { madrasahId: null, name: 'MGMP Kabupaten', termStart: '2026-07-01', termEnd: '2028-06-30' });
    expect(local.statusCode).toBe(403);
  });
});

describe('topics', () => {
  it('the madrasah extends the topic list (audited); a guru may not (403)', async () => {
    const res = await operator.request('POST', '/api/v1/mgmp/topics', { madrasahId, name: 'Literasi dan numerasi' });
    expect(res.statusCode, res.body).toBe(201);
    const topic = res.json<MgmpTopic>();
    const list = (await koordinator.request('GET', '/api/v1/mgmp/topics?limit=200')).json<{ items: MgmpTopic[] }>();
    expect(list.items.map((x) => x.name)).toEqual(expect.arrayContaining(['Literasi dan numerasi', 'Lesson study']));
    expect(await auditRows('mgmp.topic.create', topic.id)).toHaveLength(1);
    expect((await guru1.request('POST', '/api/v1/mgmp/topics', { madrasahId, name: 'Topik guru' })).statusCode).toBe(403);
  });
});

describe('programme: edit unless held, remove only when not scheduled', () => {
  async function item(title: string): Promise<MgmpProgrammeItem> {
    const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/programme-items`, { academicYear: '2026/2027', type: 'rutin', title, targetMonth: '2026-09' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MgmpProgrammeItem>();
  }
  const schedule = async (id: string) => (await koordinator.request('POST', `/api/v1/mgmp/programme-items/${id}/schedule`, { startsAt: iso(-10), endsAt: iso(60) })).json<MgmpMeeting>();

  it('an unscheduled activity is edited and removed (both audited); an anggota may do neither', async () => {
    const a = await item('Bedah SKL');
    expect((await guru1.request('PATCH', `/api/v1/mgmp/programme-items/${a.id}`, { title: 'X' })).statusCode).toBe(403);
    const edited = await koordinator.request('PATCH', `/api/v1/mgmp/programme-items/${a.id}`, { title: 'Bedah SKL dan CP', type: 'pengembangan', targetMonth: '2026-10' });
    expect(edited.json<MgmpProgrammeItem>()).toMatchObject({ title: 'Bedah SKL dan CP', type: 'pengembangan', targetMonth: '2026-10' });
    expect((await guru1.request('DELETE', `/api/v1/mgmp/programme-items/${a.id}`)).statusCode).toBe(403);
    expect((await koordinator.request('DELETE', `/api/v1/mgmp/programme-items/${a.id}`)).statusCode).toBe(200);
    expect(await auditRows('mgmp.programme.update', a.id)).toHaveLength(1);
    expect(await auditRows('mgmp.programme.delete', a.id)).toHaveLength(1);
  });

  it('a scheduled activity is edited but not removed; once held it is neither; one whose meeting was cancelled is removed', async () => {
    const b = await item('Lesson study');
    const meeting = await schedule(b.id);
    expect((await koordinator.request('PATCH', `/api/v1/mgmp/programme-items/${b.id}`, { title: 'Lesson study siklus 1' })).statusCode).toBe(200);
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/programme-items/${b.id}`))).toBe('mgmp.already_scheduled');
    await finish(meeting.id);
    expect(code(await koordinator.request('PATCH', `/api/v1/mgmp/programme-items/${b.id}`, { title: 'Diubah' }))).toBe('mgmp.programme_item_held');
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/programme-items/${b.id}`))).toBe('mgmp.programme_item_held');
    const list = (await koordinator.request('GET', `/api/v1/mgmp/groups/${group.id}/programme-items?academicYear=2026/2027&limit=200`)).json<{ items: MgmpProgrammeItem[]; planned: number; held: number }>();
    expect(list.items.find((x) => x.id === b.id)).toMatchObject({ title: 'Lesson study siklus 1', meetingStatus: 'selesai' });
    expect(list.held).toBeGreaterThanOrEqual(1);

    const c = await item('PTK bersama');
    const cm = await schedule(c.id);
    expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${cm.id}/cancel`, { reason: 'Libur' })).statusCode).toBe(200);
    expect((await koordinator.request('DELETE', `/api/v1/mgmp/programme-items/${c.id}`)).statusCode).toBe(200);
  });
});

describe('agenda editing by officers while the meeting is planned or running', () => {
  it('add, rename, reorder and remove (each audited); an anggota gets 403 and nothing changes', async () => {
    const m = await newMeeting([{ title: 'Pembukaan' }, { title: 'Bedah modul ajar' }]);
    const added = await koordinator.request('POST', `/api/v1/mgmp/meetings/${m.id}/agenda-items`, { title: 'Usulan jadwal', kind: 'proposal' });
    expect(added.statusCode, added.body).toBe(201);
    const agenda = added.json<MgmpMeeting>().agenda;
    const ids = agenda.map((a) => a.id);
    const last = ids.at(-1) ?? '';
    expect(agenda.at(-1)).toMatchObject({ title: 'Usulan jadwal', kind: 'proposal' });

    expect((await guru1.request('PUT', `/api/v1/mgmp/meetings/${m.id}/agenda-order`, { ids: [...ids].reverse() })).statusCode).toBe(403);
    expect((await guru1.request('DELETE', `/api/v1/mgmp/agenda-items/${last}`)).statusCode).toBe(403);
    expect((await guru1.request('PATCH', `/api/v1/mgmp/agenda-items/${last}`, { title: 'X' })).statusCode).toBe(403);

    const moved = [last, ...ids.slice(0, -1)];
    const reordered = await koordinator.request('PUT', `/api/v1/mgmp/meetings/${m.id}/agenda-order`, { ids: moved });
    expect(reordered.json<MgmpMeeting>().agenda.sort((a, b) => a.ordinal - b.ordinal).map((a) => a.id)).toEqual(moved);
    const renamed = await koordinator.request('PATCH', `/api/v1/mgmp/agenda-items/${last}`, { title: 'Usulan jadwal MGMP' });
    expect(renamed.json<MgmpMeeting>().agenda.find((a) => a.id === last)?.title).toBe('Usulan jadwal MGMP');

    const removedId = moved[1] ?? '';
    const removed = await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${removedId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const rest = removed.json<MgmpMeeting>().agenda.sort((a, b) => a.ordinal - b.ordinal);
    expect(rest.map((a) => a.id)).toEqual(moved.filter((id) => id !== removedId));
    expect(rest.map((a) => a.ordinal)).toEqual(rest.map((_, i) => i + 1));
    expect(await auditRows('mgmp.agenda.delete', removedId)).toHaveLength(1);
    expect(await auditRows('mgmp.agenda.reorder', m.id)).toHaveLength(1);
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${removedId}`))).toBe('mgmp.agenda_item_not_found');
  });

  it('an item with minutes or a decision cannot be removed', async () => {
    const m = await newMeeting([{ title: 'Diskusi' }, { title: 'Usulan', kind: 'proposal' }]);
    const [discussion, proposal] = [...m.agenda].sort((a, b) => a.ordinal - b.ordinal).slice(-2);
    expect((await koordinator.request('PUT', `/api/v1/mgmp/agenda-items/${discussion?.id}/minutes`, { summary: 'Ringkasan' })).statusCode).toBe(200);
    expect((await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${proposal?.id}/decisions`, { proposal: 'Usul' })).statusCode).toBe(201);
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${discussion?.id}`))).toBe('mgmp.agenda_item_has_records');
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${proposal?.id}`))).toBe('mgmp.agenda_item_has_records');
    expect((await koordinator.request('GET', `/api/v1/mgmp/meetings/${m.id}`)).json<MgmpMeeting>().agenda.map((a) => a.id)).toEqual(expect.arrayContaining([discussion?.id, proposal?.id]));
  });

  it('the agenda of a held meeting is locked (add, rename, reorder, remove: 409), and of a cancelled one too', async () => {
    const m = await newMeeting([{ title: 'Satu' }, { title: 'Dua' }]);
    await finish(m.id);
    const ids = m.agenda.map((a) => a.id);
    expect(code(await koordinator.request('POST', `/api/v1/mgmp/meetings/${m.id}/agenda-items`, { title: 'Tambahan' }))).toBe('mgmp.agenda_locked');
    expect(code(await koordinator.request('PATCH', `/api/v1/mgmp/agenda-items/${ids[0]}`, { title: 'Baru' }))).toBe('mgmp.agenda_locked');
    expect(code(await koordinator.request('PUT', `/api/v1/mgmp/meetings/${m.id}/agenda-order`, { ids: [...ids].reverse() }))).toBe('mgmp.agenda_locked');
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${ids[0]}`))).toBe('mgmp.agenda_locked');
    const c = await newMeeting([{ title: 'Satu' }]);
    await koordinator.request('POST', `/api/v1/mgmp/meetings/${c.id}/cancel`, { reason: 'Hujan' });
    expect(code(await koordinator.request('DELETE', `/api/v1/mgmp/agenda-items/${c.agenda[0]?.id}`))).toBe('mgmp.meeting_cancelled');
  });
});

describe('decision review', () => {
  it('a decision due for review is listed, marked reviewed with a note (audited), and stays closed and immutable; a follow-up links to it', async () => {
    const m = await newMeeting([{ title: 'Usulan', kind: 'proposal' }]);
    const item = m.agenda.find((a) => a.title === 'Usulan')?.id ?? '';
    const d = (await koordinator.request('POST', `/api/v1/mgmp/agenda-items/${item}/decisions`, { proposal: 'Asesmen diagnostik tiap awal semester' })).json<MgmpDecision>();
    const closed = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'mufakat', statement: 'Asesmen diagnostik tiap awal semester', reviewDate: '2026-01-15' });
    expect(closed.statusCode, closed.body).toBe(200);

    const fu = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Susun instrumen diagnostik', dueDate: '2026-12-01', ownerIds: [t['Ahmad Fauzi']], decisionId: d.id });
    expect(fu.statusCode, fu.body).toBe(201);
    expect(fu.json<MgmpFollowUp>().decisionId).toBe(d.id);

    const due = (await guru1.request('GET', `/api/v1/mgmp/groups/${group.id}/decisions?dueForReview=true&limit=200`)).json<{ items: MgmpDecision[] }>();
    expect(due.items.map((x) => x.id)).toContain(d.id);
    expect((await guru1.request('POST', `/api/v1/mgmp/decisions/${d.id}/review`, { note: 'Anggota' })).statusCode).toBe(403);

    const reviewed = await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/review`, { note: 'Berjalan baik; instrumen perlu disederhanakan.' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json<MgmpDecision>()).toMatchObject({ status: 'closed', dueForReview: false, reviewNote: 'Berjalan baik; instrumen perlu disederhanakan.', statement: 'Asesmen diagnostik tiap awal semester' });
    const [audit] = await auditRows('mgmp.decision.review', d.id);
    expect(audit?.after).toMatchObject({ reviewNote: 'Berjalan baik; instrumen perlu disederhanakan.' });

    const after = (await guru1.request('GET', `/api/v1/mgmp/groups/${group.id}/decisions?dueForReview=true&limit=200`)).json<{ items: MgmpDecision[] }>();
    expect(after.items.map((x) => x.id)).not.toContain(d.id);
    expect(code(await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/review`, { note: 'Lagi' }))).toBe('mgmp.invalid_transition');
    expect(code(await koordinator.request('POST', `/api/v1/mgmp/decisions/${d.id}/close`, { outcome: 'mufakat', statement: 'Diubah' }))).toBe('mgmp.decision_closed');
    expect((await koordinator.request('GET', `/api/v1/mgmp/decisions/${d.id}`)).json<MgmpDecision>()).toMatchObject({ statement: 'Asesmen diagnostik tiap awal semester', reviewNote: 'Berjalan baik; instrumen perlu disederhanakan.' });
  });
});
