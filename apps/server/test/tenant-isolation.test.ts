import { eq, sql } from 'drizzle-orm';
import type { ErrorBody, MgmpDecision, MgmpFollowUp, MgmpGroup, MgmpMeeting, MgmpProgrammeItem, MgmpTopic } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables.ts';
import { mgmpAgendaItems, mgmpDecisions, mgmpFollowUps, mgmpGroups, mgmpMeetings, mgmpMinutes, mgmpProgrammeItems, mgmpTopics } from '../src/modules/mgmp/mgmp.tables.ts';
import { storedFiles } from '../src/modules/files/files.tables.ts';
import { instruments } from '../src/modules/assessment/instruments.tables.ts';
import { clusters, madrasahs, subjects, teachers } from '../src/modules/people/people.tables.ts';
import { invitations, tenants, users } from '../src/modules/tenancy/tenancy.tables.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';
import { sendFile, smallJpeg } from './multipart.ts';

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
  /** MGMP rows made through the API in the setup. */
  mgmp: MgmpData;
  /** A madrasah instrument made through the API: published v1 and its draft v2. */
  instrument: { published: string; draft: string; code: string };
  /** Every id the tenant owns, in any table. */
  allIds: Set<string>;
}

interface MgmpData {
  group: string;
  members: string[];
  topic: string;
  programmeItem: string;
  meeting: string;
  agendaItem: string;
  proposalItem: string;
  decision: string;
  followUp: string;
  /** A photo of the meeting. */
  file: string;
}

let ctx: TestContext;
const tenantsByName = new Map<string, TenantData>();
const TABLES = [
  'tenants', 'madrasahs', 'clusters', 'subjects', 'teachers', 'teacher_subjects', 'users', 'role_grants', 'invitations', 'audit_log',
  'mgmp_groups', 'mgmp_members', 'mgmp_topics', 'mgmp_programme_items', 'mgmp_meetings', 'mgmp_meeting_invitees', 'mgmp_agenda_items', 'mgmp_attendance', 'mgmp_minutes', 'mgmp_decisions', 'mgmp_votes', 'mgmp_follow_ups', 'mgmp_follow_up_owners',
  'stored_files',
  'instruments', 'instrument_domains', 'instrument_competencies', 'instrument_indicators', 'instrument_indicator_focus',
];
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A small MGMP cycle through the API, as the tenant's operator: group, topic, programme, a running meeting with attendance, minutes, a vote, a follow-up. */
async function createMgmp(session: Session, madrasah: string, teacherIds: string[]): Promise<MgmpData> {
  const ok = async <T>(method: 'POST' | 'PUT', url: string, body: unknown, status = 201): Promise<T> => {
    const res = await session.request(method, url, body);
    expect([url, res.statusCode], res.body).toEqual([url, status]);
    return res.json<T>();
  };
  const [ketua = '', sekretaris = '', anggota = ''] = teacherIds;
  const group = await ok<MgmpGroup>('POST', '/api/v1/mgmp/groups', {
    madrasahId: madrasah,
    name: 'MGMP Isolasi',
    termStart: '2025-07-01',
    termEnd: '2027-06-30',
    members: [{ teacherId: ketua, role: 'ketua' }, { teacherId: sekretaris, role: 'sekretaris' }, { teacherId: anggota, role: 'anggota' }],
  });
  const topic = await ok<MgmpTopic>('POST', '/api/v1/mgmp/topics', { madrasahId: madrasah, name: 'Topik Isolasi' });
  const item = await ok<MgmpProgrammeItem>('POST', `/api/v1/mgmp/groups/${group.id}/programme-items`, { academicYear: '2026/2027', type: 'rutin', topicId: topic.id, title: 'Kegiatan', targetMonth: '2026-09', personInChargeId: ketua });
  const meeting = await ok<MgmpMeeting>('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: inMinutes(-10), endsAt: inMinutes(60), agenda: [{ title: 'Diskusi' }, { title: 'Usulan', kind: 'proposal' }] });
  const agendaItem = meeting.agenda.find((a) => a.title === 'Diskusi')?.id ?? '';
  const proposalItem = meeting.agenda.find((a) => a.title === 'Usulan')?.id ?? '';
  await ok('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [{ teacherId: ketua, code: 'H' }, { teacherId: sekretaris, code: 'H' }, { teacherId: anggota, code: 'I' }] }, 200);
  await ok('PUT', `/api/v1/mgmp/agenda-items/${agendaItem}/minutes`, { summary: 'Ringkasan' }, 200);
  const decision = await ok<MgmpDecision>('POST', `/api/v1/mgmp/agenda-items/${proposalItem}/decisions`, { proposal: 'Usulan' });
  await ok('POST', `/api/v1/mgmp/decisions/${decision.id}/votes`, { choice: 'setuju', teacherId: ketua });
  const followUp = await ok<MgmpFollowUp>('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Tindak lanjut', dueDate: '2026-12-01', ownerIds: [anggota], decisionId: decision.id });
  const photo = await sendFile(session, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'foto.jpg', content: await smallJpeg(), type: 'image/jpeg' });
  expect(photo.statusCode, photo.body).toBe(201);
  const logo = await sendFile(session, 'PUT', `/api/v1/madrasahs/${madrasah}/logo`, { name: 'logo.jpg', content: await smallJpeg() });
  expect(logo.statusCode, logo.body).toBe(200);
  return { group: group.id, members: [ketua, sekretaris, anggota], topic: topic.id, programmeItem: item.id, meeting: meeting.id, agendaItem, proposalItem, decision: decision.id, followUp: followUp.id, file: photo.json<{ id: string }>().id };
}

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
  const own = await db.select({ id: teachers.id }).from(teachers).where(eq(teachers.madrasahId, madrasah)).orderBy(teachers.name).limit(3);
  const mgmp = await createMgmp(session, madrasah, own.map((x) => x.id));
  const instrument = await createInstrument(session, madrasah);
  const allIds = new Set<string>([id]);
  for (const table of [madrasahs, clusters, subjects, teachers, users, invitations, auditLog, mgmpGroups, mgmpTopics, mgmpProgrammeItems, mgmpMeetings, mgmpAgendaItems, mgmpMinutes, mgmpDecisions, mgmpFollowUps, storedFiles, instruments] as const) {
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
    mgmp,
    instrument,
    allIds,
  };
}

/** A madrasah instrument through the API, as the tenant's operator: published v1, then a draft v2. */
async function createInstrument(session: Session, madrasahId: string): Promise<{ published: string; draft: string; code: string }> {
  const ok = async <T>(method: 'POST' | 'PUT', url: string, body: unknown, status: number): Promise<T> => {
    const res = await session.request(method, url, body);
    expect([url, res.statusCode], res.body).toEqual([url, status]);
    return res.json<T>();
  };
  const scale = { levels: [{ value: 1, label: 'Kurang', description: '' }, { value: 2, label: 'Baik', description: '' }] };
  const v1 = await ok<{ id: string; code: string }>('POST', '/api/v1/madrasah-instruments', { madrasahId, title: 'Instrumen Isolasi', scale }, 201);
  await ok('PUT', `/api/v1/madrasah-instruments/${v1.id}`, { title: 'Instrumen Isolasi', scale, domains: [{ name: 'R', competencies: [{ name: 'K', indicators: [{ text: 'I', focus: ['pengelolaan-kelas'] }] }] }] }, 200);
  await ok('POST', `/api/v1/madrasah-instruments/${v1.id}/publish`, undefined, 200);
  const v2 = await ok<{ id: string }>('POST', `/api/v1/madrasah-instruments/${v1.id}/new-version`, undefined, 201);
  return { published: v1.id, draft: v2.id, code: v1.code };
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

type Pending = Promise<{ statusCode: number; json: <T>() => T }>;

/** Every MGMP endpoint that takes an id, called with the other tenant's ids (and valid bodies, so only the id can refuse). */
function mgmpIdCalls(s: Session, m: MgmpData, theirTeacher: string): [string, Pending, string][] {
  const photo = smallJpeg().then((content) => ({ name: 'foto.jpg', content, type: 'image/jpeg' }));
  const g = `/api/v1/mgmp/groups/${m.group}`;
  const meeting = `/api/v1/mgmp/meetings/${m.meeting}`;
  const item = `/api/v1/mgmp/agenda-items/${m.agendaItem}`;
  const decision = `/api/v1/mgmp/decisions/${m.decision}`;
  const times = { startsAt: inMinutes(60 * 24), endsAt: inMinutes(60 * 25) };
  const G = 'mgmp.group_not_found';
  const M = 'mgmp.meeting_not_found';
  const A = 'mgmp.agenda_item_not_found';
  const D = 'mgmp.decision_not_found';
  return [
    ['GET MGMP group', s.request('GET', g), G],
    ['PATCH MGMP group', s.request('PATCH', g, { name: 'Dibajak', quorum: { kind: 'majority' } }), G],
    ['archive MGMP group', s.request('POST', `${g}/archive`), G],
    ['un-archive MGMP group', s.request('POST', `${g}/unarchive`), G],
    ['PUT MGMP members', s.request('PUT', `${g}/members`, { members: [] }), G],
    ['GET MGMP overview', s.request('GET', `${g}/overview`), G],
    ['GET programme', s.request('GET', `${g}/programme-items`), G],
    ['POST programme item', s.request('POST', `${g}/programme-items`, { academicYear: '2026/2027', type: 'rutin', title: 'X', targetMonth: '2026-10' }), G],
    ['PATCH programme item', s.request('PATCH', `/api/v1/mgmp/programme-items/${m.programmeItem}`, { title: 'Dibajak' }), 'mgmp.programme_item_not_found'],
    ['DELETE programme item', s.request('DELETE', `/api/v1/mgmp/programme-items/${m.programmeItem}`), 'mgmp.programme_item_not_found'],
    ['schedule programme item', s.request('POST', `/api/v1/mgmp/programme-items/${m.programmeItem}/schedule`, times), 'mgmp.programme_item_not_found'],
    ['GET meetings', s.request('GET', `${g}/meetings`), G],
    ['POST meeting', s.request('POST', `${g}/meetings`, { title: 'X', ...times }), G],
    ['GET meeting', s.request('GET', meeting), M],
    ['PATCH meeting', s.request('PATCH', meeting, { title: 'Dibajak' }), M],
    ['PATCH meeting invitees', s.request('PATCH', meeting, { invitedTeacherIds: [theirTeacher] }), M],
    ['transition meeting', s.request('POST', `${meeting}/transition`, { to: 'selesai' }), M],
    ['cancel meeting', s.request('POST', `${meeting}/cancel`, { reason: 'Dibajak' }), M],
    ['POST agenda item', s.request('POST', `${meeting}/agenda-items`, { title: 'X' }), M],
    ['PUT agenda order', s.request('PUT', `${meeting}/agenda-order`, { ids: [m.proposalItem, m.agendaItem] }), M],
    ['PATCH agenda item', s.request('PATCH', item, { title: 'Dibajak' }), A],
    ['DELETE agenda item', s.request('DELETE', item), A],
    ['GET attendance', s.request('GET', `${meeting}/attendance`), M],
    ['PUT attendance', s.request('PUT', `${meeting}/attendance`, { entries: [{ teacherId: theirTeacher, code: 'A' }] }), M],
    ['GET minutes', s.request('GET', `${item}/minutes`), A],
    ['PUT minutes', s.request('PUT', `${item}/minutes`, { summary: 'Dibajak' }), A],
    ['approve minutes', s.request('POST', `${item}/minutes/approve`), A],
    ['revise minutes', s.request('POST', `${item}/minutes/revisions`, { summary: 'Dibajak', reason: 'X' }), A],
    ['open decision', s.request('POST', `/api/v1/mgmp/agenda-items/${m.proposalItem}/decisions`, { proposal: 'X' }), A],
    ['GET decisions', s.request('GET', `${g}/decisions`), G],
    ['GET decision', s.request('GET', decision), D],
    ['vote', s.request('POST', `${decision}/votes`, { choice: 'blok', teacherId: theirTeacher }), D],
    ['close decision', s.request('POST', `${decision}/close`, { outcome: 'vote', statement: 'X', rationale: 'X' }), D],
    ['review decision', s.request('POST', `${decision}/review`, {}), D],
    ['revise decision', s.request('POST', `${decision}/revise`, { statement: 'Dibajak', reason: 'X' }), D],
    ['GET decision revisions', s.request('GET', `${decision}/revisions`), D],
    ['GET follow-ups', s.request('GET', `${g}/follow-ups`), G],
    ['POST follow-up', s.request('POST', `${g}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [theirTeacher] }), G],
    ['PATCH follow-up', s.request('PATCH', `/api/v1/mgmp/follow-ups/${m.followUp}`, { status: 'batal' }), 'mgmp.follow_up_not_found'],
    ['GET daftar hadir PDF', s.request('GET', `${meeting}/daftar-hadir.pdf`), M],
    ['GET notulen PDF', s.request('GET', `${meeting}/notulen.pdf`), M],
    ['GET laporan PDF', s.request('GET', `${meeting}/laporan.pdf`), M],
    ['GET program kerja PDF', s.request('GET', `${g}/program-kerja.pdf?academicYear=2026%2F2027`), G],
    ['GET attendance XLSX', s.request('GET', `${g}/attendance.xlsx`), G],
    ['GET follow-ups XLSX', s.request('GET', `${g}/follow-ups.xlsx`), G],
    ['GET meeting files', s.request('GET', `${meeting}/files`), M],
    ['POST meeting file', photo.then((p) => sendFile(s, 'POST', `${meeting}/files`, p)), M],
    ['GET follow-up files', s.request('GET', `/api/v1/mgmp/follow-ups/${m.followUp}/files`), 'mgmp.follow_up_not_found'],
    ['POST follow-up file', photo.then((p) => sendFile(s, 'POST', `/api/v1/mgmp/follow-ups/${m.followUp}/files`, p)), 'mgmp.follow_up_not_found'],
    ['GET file', s.request('GET', `/api/v1/files/${m.file}`), 'files.not_found'],
    ['GET file thumbnail', s.request('GET', `/api/v1/files/${m.file}?variant=thumb`), 'files.not_found'],
    ['DELETE file', s.request('DELETE', `/api/v1/files/${m.file}`), 'files.not_found'],
  ];
}

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
      ...mgmpIdCalls(s, b.mgmp, b.teacher),
      ['GET MGMP overview of their madrasah', s.request('GET', `/api/v1/mgmp/overview?madrasahId=${b.madrasah}`), 'people.madrasah_not_found'],
      ['GET their logo', s.request('GET', `/api/v1/madrasahs/${b.madrasah}/logo`), 'people.madrasah_not_found'],
      ['PUT their logo', smallJpeg().then((content) => sendFile(s, 'PUT', `/api/v1/madrasahs/${b.madrasah}/logo`, { name: 'logo.jpg', content })), 'people.madrasah_not_found'],
      ['DELETE their logo', s.request('DELETE', `/api/v1/madrasahs/${b.madrasah}/logo`), 'people.madrasah_not_found'],
      ['GET their published instrument', s.request('GET', `/api/v1/madrasah-instruments/${b.instrument.published}`), 'instruments.not_found'],
      ['GET their draft instrument', s.request('GET', `/api/v1/madrasah-instruments/${b.instrument.draft}`), 'instruments.not_found'],
      ['PUT their draft instrument', s.request('PUT', `/api/v1/madrasah-instruments/${b.instrument.draft}`, { title: 'Dibajak', scale: { levels: [{ value: 1, label: 'A' }, { value: 2, label: 'B' }] }, domains: [] }), 'instruments.not_found'],
      ['publish their draft instrument', s.request('POST', `/api/v1/madrasah-instruments/${b.instrument.draft}/publish`), 'instruments.not_found'],
      ['new version of their instrument', s.request('POST', `/api/v1/madrasah-instruments/${b.instrument.published}/new-version`), 'instruments.not_found'],
      ['DELETE their draft instrument', s.request('DELETE', `/api/v1/madrasah-instruments/${b.instrument.draft}`), 'instruments.not_found'],
      ['GET their instrument by code', s.request('GET', `/api/v1/instruments/${b.instrument.code}`), 'assessment.instrument_not_found'],
      ['GET their instrument by code and version', s.request('GET', `/api/v1/instruments/${b.instrument.code}?version=1`), 'assessment.instrument_not_found'],
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
      ['MGMP group in their madrasah', s.request('POST', '/api/v1/mgmp/groups', { madrasahId: b.madrasah, name: 'Penyusup', termStart: '2026-01-01', termEnd: '2026-12-31' }), 404, 'mgmp.group_not_found'],
      ['MGMP group with their teacher', s.request('POST', '/api/v1/mgmp/groups', { madrasahId: a.madrasah, name: 'Penyusup', termStart: '2026-01-01', termEnd: '2026-12-31', members: [{ teacherId: b.teacher, role: 'ketua' }] }), 400, 'mgmp.invalid_members'],
      ['MGMP group for their subject', s.request('POST', '/api/v1/mgmp/groups', { madrasahId: a.madrasah, subjectId: b.subject, name: 'Penyusup', termStart: '2026-01-01', termEnd: '2026-12-31' }), 400, 'common.validation_failed'],
      ['MGMP group for their cluster', s.request('POST', '/api/v1/mgmp/groups', { madrasahId: a.madrasah, clusterId: b.cluster, name: 'Penyusup', termStart: '2026-01-01', termEnd: '2026-12-31' }), 400, 'common.validation_failed'],
      ['own MGMP group given their teacher', s.request('PUT', `/api/v1/mgmp/groups/${a.mgmp.group}/members`, { members: [{ teacherId: b.teacher, role: 'ketua' }] }), 400, 'mgmp.invalid_members'],
      ['own MGMP group moved to their subject', s.request('PATCH', `/api/v1/mgmp/groups/${a.mgmp.group}`, { subjectId: b.subject }), 400, 'common.validation_failed'],
      ['MGMP topic in their madrasah', s.request('POST', '/api/v1/mgmp/topics', { madrasahId: b.madrasah, name: 'Penyusup' }), 404, 'mgmp.topic_not_found'],
      ['programme item with their topic', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/programme-items`, { academicYear: '2026/2027', type: 'rutin', topicId: b.mgmp.topic, title: 'X', targetMonth: '2026-10' }), 404, 'mgmp.topic_not_found'],
      ['programme item led by their teacher', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/programme-items`, { academicYear: '2026/2027', type: 'rutin', title: 'X', targetMonth: '2026-10', personInChargeId: b.teacher }), 400, 'mgmp.invalid_members'],
      ['own programme item given their topic', s.request('PATCH', `/api/v1/mgmp/programme-items/${a.mgmp.programmeItem}`, { topicId: b.mgmp.topic }), 404, 'mgmp.topic_not_found'],
      ['meeting inviting their teacher', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/meetings`, { title: 'X', startsAt: inMinutes(60), endsAt: inMinutes(120), invitedTeacherIds: [a.mgmp.members[0], b.teacher] }), 400, 'mgmp.invalid_invitees'],
      ['own meeting inviting their teacher', s.request('PATCH', `/api/v1/mgmp/meetings/${a.mgmp.meeting}`, { invitedTeacherIds: [b.teacher] }), 400, 'mgmp.invalid_invitees'],
      ['programme item scheduled inviting their teacher', s.request('POST', `/api/v1/mgmp/programme-items/${a.mgmp.programmeItem}/schedule`, { startsAt: inMinutes(60), endsAt: inMinutes(120), invitedTeacherIds: [b.teacher] }), 400, 'mgmp.invalid_invitees'],
      ['attendance of their teacher', s.request('PUT', `/api/v1/mgmp/meetings/${a.mgmp.meeting}/attendance`, { entries: [{ teacherId: b.teacher, code: 'H' }] }), 403, 'mgmp.not_member'],
      ['agenda ordered with their items', s.request('PUT', `/api/v1/mgmp/meetings/${a.mgmp.meeting}/agenda-order`, { ids: [b.mgmp.agendaItem, b.mgmp.proposalItem] }), 400, 'common.validation_failed'],
      ['minutes crediting their teacher', s.request('PUT', `/api/v1/mgmp/agenda-items/${a.mgmp.agendaItem}/minutes`, { summary: 'X', contributions: [{ teacherId: b.teacher, text: 'X' }] }), 400, 'mgmp.invalid_members'],
      ['vote recorded for their teacher', s.request('POST', `/api/v1/mgmp/decisions/${a.mgmp.decision}/votes`, { choice: 'setuju', teacherId: b.teacher }), 403, 'mgmp.not_member'],
      ['follow-up owned by their teacher', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [b.teacher] }), 400, 'mgmp.invalid_members'],
      ['follow-up of their decision', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [a.mgmp.members[0]], decisionId: b.mgmp.decision }), 404, 'mgmp.decision_not_found'],
      ['follow-up of their agenda item', s.request('POST', `/api/v1/mgmp/groups/${a.mgmp.group}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [a.mgmp.members[0]], agendaItemId: b.mgmp.agendaItem }), 404, 'mgmp.agenda_item_not_found'],
      ['own follow-up handed to their teacher', s.request('PATCH', `/api/v1/mgmp/follow-ups/${a.mgmp.followUp}`, { ownerIds: [b.teacher] }), 400, 'mgmp.invalid_members'],
      ['instrument in their madrasah', s.request('POST', '/api/v1/madrasah-instruments', { madrasahId: b.madrasah, title: 'Penyusup', scale: { levels: [{ value: 1, label: 'A' }, { value: 2, label: 'B' }] } }), 404, 'people.madrasah_not_found'],
      ['observation with their instrument', s.request('POST', '/api/v1/observations', { teacherId: a.teacher, observerKind: 'kepala', scheduledAt: inMinutes(60), rombel: 'VII', subjectName: 'Fikih', topic: 'Salat', instrumentCode: b.instrument.code }), 404, 'assessment.instrument_not_found'],
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
      `/api/v1/audit?entityId=${b.mgmp.meeting}`,
      `/api/v1/mgmp/groups?madrasahId=${b.madrasah}&archived=all`,
      `/api/v1/mgmp/groups?q=${encodeURIComponent('MGMP Isolasi')}&archived=all&madrasahId=${b.madrasah}`,
      `/api/v1/instruments?madrasahId=${b.madrasah}&owner=madrasah`,
    ];
    for (const url of urls) {
      const res = await a.session.request('GET', url);
      expect([url, res.statusCode, res.json<{ total: number }>().total]).toEqual([url, 200, 0]);
    }
    // Topics filtered by their madrasah: only the tenant's own tenant-wide topics, none of theirs.
    const topics = await a.session.request('GET', `/api/v1/mgmp/topics?madrasahId=${b.madrasah}&limit=200`);
    expect(topics.statusCode).toBe(200);
    expect(topics.json<{ items: MgmpTopic[] }>().items.every((x) => x.madrasahId === null && a.allIds.has(x.id))).toBe(true);
    expect([...b.allIds].filter((id) => topics.body.includes(id))).toEqual([]);
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
      '/api/v1/mgmp/groups?limit=200&archived=all',
      '/api/v1/mgmp/topics?limit=200',
      `/api/v1/mgmp/groups/${a.mgmp.group}`,
      `/api/v1/mgmp/groups/${a.mgmp.group}/overview`,
      '/api/v1/mgmp/overview?from=2000-01-01&to=2100-12-31',
      `/api/v1/mgmp/groups/${a.mgmp.group}/programme-items?limit=200`,
      `/api/v1/mgmp/groups/${a.mgmp.group}/meetings?limit=200`,
      `/api/v1/mgmp/groups/${a.mgmp.group}/decisions?limit=200`,
      `/api/v1/mgmp/groups/${a.mgmp.group}/follow-ups?limit=200`,
      `/api/v1/mgmp/meetings/${a.mgmp.meeting}`,
      `/api/v1/mgmp/meetings/${a.mgmp.meeting}/attendance`,
      `/api/v1/mgmp/agenda-items/${a.mgmp.agendaItem}/minutes`,
      `/api/v1/mgmp/decisions/${a.mgmp.decision}`,
      `/api/v1/mgmp/meetings/${a.mgmp.meeting}/files`,
      `/api/v1/mgmp/follow-ups/${a.mgmp.followUp}/files`,
      '/api/v1/instruments',
      '/api/v1/instruments?owner=madrasah',
      `/api/v1/madrasah-instruments/${a.instrument.published}`,
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
    const groups = (await a.session.request('GET', '/api/v1/mgmp/groups?limit=200&archived=all')).json<{ items: { id: string }[] }>();
    expect(groups.items.map((g) => g.id)).toContain(a.mgmp.group);
    expect(groups.items.every((g) => a.allIds.has(g.id))).toBe(true);
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

  it('a guru (a teacher account) of MTs Contoh gets 404 on Yayasan Contoh’s MGMP records, including check-in and own-name votes, and nothing changes', async () => {
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    const [, b] = pair('MTs Contoh', 'Yayasan Contoh');
    const before = await snapshot();
    const calls: [string, Pending, string][] = [
      ['check-in', guru.request('POST', `/api/v1/mgmp/meetings/${b.mgmp.meeting}/check-in`, { code: '123456' }), 'mgmp.meeting_not_found'],
      ['own vote', guru.request('POST', `/api/v1/mgmp/decisions/${b.mgmp.decision}/votes`, { choice: 'setuju' }), 'mgmp.decision_not_found'],
      ['GET group', guru.request('GET', `/api/v1/mgmp/groups/${b.mgmp.group}`), 'mgmp.group_not_found'],
      ['PATCH follow-up', guru.request('PATCH', `/api/v1/mgmp/follow-ups/${b.mgmp.followUp}`, { status: 'selesai' }), 'mgmp.follow_up_not_found'],
    ];
    for (const [label, pending, code] of calls) {
      const res = await pending;
      expect([label, res.statusCode, res.json<ErrorBody>().error.code]).toEqual([label, 404, code]);
    }
    for (const url of ['/api/v1/mgmp/groups?limit=200&archived=all', '/api/v1/mgmp/follow-ups/mine?limit=200', '/api/v1/mgmp/topics?limit=200']) {
      const res = await guru.request('GET', url);
      expect(res.statusCode).toBe(200);
      expect([url, [...b.allIds].filter((id) => res.body.includes(id))]).toEqual([url, []]);
    }
    expect(await snapshot()).toBe(before);
  });
});
