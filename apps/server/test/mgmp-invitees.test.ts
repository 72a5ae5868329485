import { sql } from 'drizzle-orm';
import type { ErrorBody, MgmpGroup, MgmpMeeting, MgmpProgrammeItem } from '@tumbuh/shared';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** A meeting's invitation list through the API: default, narrowing, guests, refusals, audit, tenancy, attendance. */

let ctx: TestContext;
let operator: Session;
let koordinator: Session; // Khoirul Anam: ketua
let guru1: Session; // Ahmad Fauzi: anggota
let yayasan: Session;
let group: MgmpGroup;
const t: Record<string, string> = {};
let otherTenantTeacher = '';
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

interface AttendanceSheet {
  items: { teacherId: string; role: string | null; code: string | null; invited: boolean }[];
  members: number;
  invited: number;
}

async function counts(): Promise<string> {
  const res = await ctx.db.db.execute(sql`select (select count(*) from mgmp_meetings) as meetings, (select count(*) from mgmp_meeting_invitees) as invitees, (select count(*) from audit_log) as audits, (select count(*) from mgmp_programme_items where meeting_id is not null) as scheduled`);
  return JSON.stringify(res.rows[0]);
}

async function lastAudit(action: string, entityId: string): Promise<{ before: unknown; after: unknown } | undefined> {
  const res = await ctx.db.db.execute<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where action = ${action} and entity_id = ${entityId} order by at desc, id desc limit 1`);
  return res.rows[0];
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  guru1 = await login(ctx.app, 'guru1@contoh.sch.id');
  yayasan = await login(ctx.app, 'operator@yayasan.sch.id');
  for (const row of await ctx.db.db.select().from(teachers)) {
    if (row.tenantId === operator.me.tenant.id) t[row.name.split(',')[0] ?? ''] = row.id;
    else otherTenantTeacher ||= row.id;
  }
  const res = await operator.request('POST', '/api/v1/mgmp/groups', {
    madrasahId: operator.me.madrasahs[0]?.id,
    name: 'MGMP Undangan',
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

const memberIds = () => group.members.map((m) => m.teacherId);
/** A teacher of the madrasah who is not a member of the group (a guest, e.g. a narasumber). */
const guest = () => Object.values(t).find((id) => !memberIds().includes(id)) ?? '';

async function plan(body: Record<string, unknown> = {}, as: Session = koordinator) {
  return as.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Lesson study kelas VII', startsAt: iso(-10), endsAt: iso(60), place: 'Lab IPA', ...body });
}

describe('meeting invitees', () => {
  it('by default every member is invited; the meeting shows them with their office; the plan is audited with them', async () => {
    const res = await plan();
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json<MgmpMeeting>();
    expect(meeting.invitees.map((i) => i.teacherId).sort()).toEqual([...memberIds()].sort());
    expect(meeting.invitees[0]).toEqual({ teacherId: t['Khoirul Anam'], name: expect.stringContaining('Khoirul Anam'), role: 'ketua' });
    const read = (await guru1.request('GET', `/api/v1/mgmp/meetings/${meeting.id}`)).json<MgmpMeeting>();
    expect(read.invitees).toEqual(meeting.invitees);
    const audit = await lastAudit('mgmp.meeting.create', meeting.id);
    expect((audit?.after as MgmpMeeting).invitees.map((i) => i.teacherId).sort()).toEqual([...memberIds()].sort());
  });

  it('the officer narrows the list: the daftar hadir lists the invitees; presence and quorum still count the members', async () => {
    const narrowed = [t['Khoirul Anam'], t['Ainul Yaqin']];
    const res = await plan({ invitedTeacherIds: narrowed });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json<MgmpMeeting>();
    expect(meeting.invitees.map((i) => i.teacherId)).toEqual(narrowed);
    const sheet = (await koordinator.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`)).json<AttendanceSheet>();
    expect(sheet.items.map((i) => [i.teacherId, i.invited])).toEqual(narrowed.map((id) => [id, true]));
    expect([sheet.invited, sheet.members]).toEqual([2, 4]);

    // A member who was not invited may still check in: listed after the invitees, flagged as not invited.
    const checkIn = await guru1.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const after = (await koordinator.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/attendance`)).json<AttendanceSheet>();
    expect(after.items.at(-1)).toMatchObject({ teacherId: t['Ahmad Fauzi'], role: 'anggota', code: 'H', invited: false });
  });

  it('a guest of the madrasah is invited (role null) and recorded by the officer in the daftar hadir and the PDF', async () => {
    const res = await plan({ invitedTeacherIds: [t['Khoirul Anam'], guest()] });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json<MgmpMeeting>();
    expect(meeting.invitees.map((i) => [i.teacherId, i.role])).toEqual([
      [t['Khoirul Anam'], 'ketua'],
      [guest(), null],
    ]);
    const put = await koordinator.request('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [{ teacherId: guest(), code: 'H' }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<AttendanceSheet>().items.find((i) => i.teacherId === guest())).toMatchObject({ role: null, code: 'H', invited: true });
    const pdf = await koordinator.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/daftar-hadir.pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    const names = meeting.invitees.map((i) => i.name.split(',')[0] ?? '');
    expect(names.every((n) => text.includes(n)), text).toBe(true);
    // Only the invitees: the members who were not invited (and not recorded) are not on the sheet.
    expect(text).not.toContain('Ainul Yaqin');
  });

  it('the list changes while planned (audited before/after), not once the meeting runs', async () => {
    const meeting = (await plan()).json<MgmpMeeting>();
    const res = await koordinator.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { invitedTeacherIds: [t['Lailatul Qadriyah'], guest()] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MgmpMeeting>().invitees.map((i) => i.teacherId)).toEqual([t['Lailatul Qadriyah'], guest()]);
    const audit = await lastAudit('mgmp.meeting.update', meeting.id);
    expect((audit?.before as { invitedTeacherIds: string[] }).invitedTeacherIds.sort()).toEqual([...memberIds()].sort());
    expect((audit?.after as { invitedTeacherIds: string[] }).invitedTeacherIds).toEqual([t['Lailatul Qadriyah'], guest()]);

    // A plain edit keeps the list.
    const renamed = await koordinator.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { title: 'Lesson study (ubah)' });
    expect(renamed.json<MgmpMeeting>().invitees.map((i) => i.teacherId)).toEqual([t['Lailatul Qadriyah'], guest()]);

    expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${meeting.id}/transition`, { to: 'berlangsung' })).statusCode).toBe(200);
    const before = await counts();
    const locked = await koordinator.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { title: 'Tidak tersimpan', invitedTeacherIds: [t['Khoirul Anam']] });
    expect([locked.statusCode, locked.json<ErrorBody>().error.code]).toEqual([409, 'mgmp.invitees_locked']);
    expect(await counts()).toBe(before);
    expect((await koordinator.request('GET', `/api/v1/mgmp/meetings/${meeting.id}`)).json<MgmpMeeting>().title).toBe('Lesson study (ubah)');
  });

  it('bad lists are refused with 400 mgmp.invalid_invitees (Indonesian and English) and nothing is written', async () => {
    const meeting = (await plan()).json<MgmpMeeting>();
    const inactive = t['Ainul Yaqin'] === guest() ? '' : Object.values(t).filter((id) => !memberIds().includes(id))[1] ?? '';
    await ctx.db.db.execute(sql`update teachers set active = false where id = ${inactive}`);
    const bad: [string, unknown][] = [
      ['empty', []],
      ['duplicate', [t['Khoirul Anam'], t['Khoirul Anam']]],
      ['unknown teacher', ['0190a000-0000-7000-8000-0000000000f1']],
      ['teacher of another tenant', [t['Khoirul Anam'], otherTenantTeacher]],
      ['inactive guest', [t['Khoirul Anam'], inactive]],
    ];
    const before = await counts();
    for (const [label, ids] of bad) {
      for (const res of [await plan({ invitedTeacherIds: ids }), await koordinator.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { title: 'X', invitedTeacherIds: ids })]) {
        expect([label, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([label, 400, 'mgmp.invalid_invitees']);
      }
    }
    expect((await plan({ invitedTeacherIds: [] })).json<ErrorBody>().error.message).toMatch(/Daftar undangan/);
    const notIds = await plan({ invitedTeacherIds: ['abc'] });
    expect([notIds.statusCode, notIds.json<ErrorBody>().error.code]).toEqual([400, 'common.validation_failed']);
    expect(await counts()).toBe(before);
    await ctx.db.db.execute(sql`update teachers set active = true where id = ${inactive}`);
    await koordinator.request('PATCH', '/api/v1/me', { locale: 'en' });
    expect((await plan({ invitedTeacherIds: [] })).json<ErrorBody>().error.message).toMatch(/invitation list/);
    await koordinator.request('PATCH', '/api/v1/me', { locale: 'id' });
  });

  it('a guest must be a teacher of the group’s madrasah (another madrasah of the tenant is refused)', async () => {
    const [m1, m2] = yayasan.me.madrasahs;
    const rows = await ctx.db.db.select().from(teachers);
    const of = (madrasahId: string | undefined) => rows.filter((r) => r.madrasahId === madrasahId && r.active).map((r) => r.id);
    const [first, second] = [of(m1?.id), of(m2?.id)];
    expect(first.length && second.length, 'the yayasan demo has teachers in both madrasahs').toBeTruthy();
    const created = await yayasan.request('POST', '/api/v1/mgmp/groups', { madrasahId: m1?.id, name: 'MGMP Yayasan', termStart: '2026-01-01', termEnd: '2028-12-31', members: [{ teacherId: first[0], role: 'ketua' }] });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json<MgmpGroup>();
    const body = { title: 'Rapat', startsAt: iso(60), endsAt: iso(120) };
    const refused = await yayasan.request('POST', `/api/v1/mgmp/groups/${g.id}/meetings`, { ...body, invitedTeacherIds: [first[0], second[0]] });
    expect([refused.statusCode, refused.json<ErrorBody>().error.code]).toEqual([400, 'mgmp.invalid_invitees']);
    if (first[1]) {
      const ok = await yayasan.request('POST', `/api/v1/mgmp/groups/${g.id}/meetings`, { ...body, invitedTeacherIds: [first[0], first[1]] });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json<MgmpMeeting>().invitees.map((i) => i.role)).toEqual(['ketua', null]);
    }
  });

  it('another tenant gets 404 and an anggota 403; nothing is written', async () => {
    const meeting = (await plan()).json<MgmpMeeting>();
    const before = await counts();
    const foreign = await yayasan.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { invitedTeacherIds: [otherTenantTeacher] });
    expect([foreign.statusCode, foreign.json<ErrorBody>().error.code]).toEqual([404, 'mgmp.meeting_not_found']);
    expect((await yayasan.request('GET', `/api/v1/mgmp/meetings/${meeting.id}`)).statusCode).toBe(404);
    const anggota = await guru1.request('PATCH', `/api/v1/mgmp/meetings/${meeting.id}`, { invitedTeacherIds: [t['Ahmad Fauzi']] });
    expect(anggota.statusCode).toBe(403);
    expect((await plan({ invitedTeacherIds: [t['Ahmad Fauzi']] }, guru1)).statusCode).toBe(403);
    expect(await counts()).toBe(before);
  });

  it('a programme item scheduled as a meeting invites every member, or the given list', async () => {
    const item = async (title: string) =>
      (await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/programme-items`, { academicYear: '2026/2027', type: 'pengembangan', title, targetMonth: '2026-10' })).json<MgmpProgrammeItem>();
    const a = await item('Lesson study A');
    const all = await koordinator.request('POST', `/api/v1/mgmp/programme-items/${a.id}/schedule`, { startsAt: iso(60 * 24), endsAt: iso(60 * 26) });
    expect(all.statusCode, all.body).toBe(201);
    expect(all.json<MgmpMeeting>().invitees.map((i) => i.teacherId).sort()).toEqual([...memberIds()].sort());
    const b = await item('Lesson study B');
    const some = await koordinator.request('POST', `/api/v1/mgmp/programme-items/${b.id}/schedule`, { startsAt: iso(60 * 24), endsAt: iso(60 * 26), invitedTeacherIds: [t['Ainul Yaqin'], guest()] });
    expect(some.statusCode, some.body).toBe(201);
    expect(some.json<MgmpMeeting>().invitees.map((i) => [i.teacherId, i.role])).toEqual([
      [t['Ainul Yaqin'], 'anggota'],
      [guest(), null],
    ]);
    const c = await item('Lesson study C');
    const before = await counts();
    const refused = await koordinator.request('POST', `/api/v1/mgmp/programme-items/${c.id}/schedule`, { startsAt: iso(60 * 24), endsAt: iso(60 * 26), invitedTeacherIds: [otherTenantTeacher] });
    expect([refused.statusCode, refused.json<ErrorBody>().error.code]).toEqual([400, 'mgmp.invalid_invitees']);
    expect(await counts()).toBe(before);
  });
});
