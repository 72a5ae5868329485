import type { ErrorBody, MgmpDecision, MgmpFollowUp, MgmpGroup, MgmpMeeting, MgmpProgrammeItem } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@tumbuh/shared';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';
import { sendFile, smallJpeg } from './multipart.ts';

/**
 * Bad input never answers 5xx: for every write endpoint (and the list queries), malformed JSON,
 * wrong types, unknown fields, over-long strings, NUL characters, missing fields and non-UUID ids
 * answer 4xx with `{ error: { code, message } }`, and no table changes.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
interface Endpoint {
  method: Method;
  /** With `:id` where the id of `idKey` goes. */
  path: string;
  idKey?: keyof typeof ids;
  /** A body that would be accepted, the base of the variants. */
  valid?: Record<string, unknown>;
  /** Fields the schema requires. */
  required?: string[];
  /** Sent without the session cookie (login, accept-invitation). */
  anonymous?: boolean;
}

let ctx: TestContext;
let operator: Session;
const ids = {
  madrasah: '', teacher: '', subject: '', cluster: '', user: '', invitation: '',
  // MGMP: a group of three (ketua, sekretaris, anggota), a running meeting with a plain and a proposal item, a decision, a follow-up, a planned activity.
  mgmpGroup: '', ketua: '', sekretaris: '', anggota: '', outsider: '', programmeItem: '', meeting: '', agendaItem: '', proposalItem: '', decision: '', followUp: '',
  // Classroom observation: one in progress (kepala), with a goal.
  observation: '', observationGoal: '',
  // Student feedback: an open round and its public token.
  feedbackRound: '', feedbackToken: '',
  // Madrasah instruments: a draft with one indicator.
  instrument: '',
  // Files: a photo of the meeting.
  file: '',
};
const TABLES = [
  'tenants', 'madrasahs', 'clusters', 'subjects', 'teachers', 'teacher_subjects', 'users', 'role_grants', 'invitations', 'audit_log',
  'mgmp_groups', 'mgmp_members', 'mgmp_topics', 'mgmp_programme_items', 'mgmp_meetings', 'mgmp_meeting_invitees', 'mgmp_agenda_items', 'mgmp_attendance', 'mgmp_minutes', 'mgmp_decisions', 'mgmp_votes', 'mgmp_follow_ups', 'mgmp_follow_up_owners',
  'observations', 'observation_notes', 'observation_note_indicators', 'observation_ratings', 'observation_reflections', 'observation_goals',
  'feedback_settings', 'feedback_rounds', 'feedback_answers', 'feedback_answer_values',
  'stored_files',
  'instruments', 'instrument_domains', 'instrument_competencies', 'instrument_indicators', 'instrument_indicator_focus',
];
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const INSTRUMENT_SCALE = { levels: [{ value: 1, label: 'Kurang', description: '' }, { value: 2, label: 'Baik', description: '' }] };
const INSTRUMENT_DOMAINS = [{ name: 'Ranah', competencies: [{ name: 'Kompetensi', indicators: [{ text: 'Indikator', descriptors: { '1': 'Belum' }, focus: ['proses-pembelajaran'] }] }] }];

async function created<T>(method: 'POST' | 'PUT', url: string, body: unknown, status = 201): Promise<T> {
  const res = await operator.request(method, url, body);
  expect([url, res.statusCode], res.body).toEqual([url, status]);
  return res.json<T>();
}

async function createMgmpFixture(): Promise<void> {
  const all = (await operator.request('GET', '/api/v1/teachers?limit=200')).json<{ items: { id: string; name: string }[] }>().items;
  const byName = (prefix: string) => all.find((x) => x.name.startsWith(prefix))?.id ?? '';
  ids.ketua = byName('Khoirul Anam');
  ids.sekretaris = byName('Lailatul Qadriyah');
  ids.anggota = byName('Ainul Yaqin');
  ids.outsider = byName('Ahmad Fauzi');
  const group = await created<MgmpGroup>('POST', '/api/v1/mgmp/groups', {
    madrasahId: ids.madrasah,
    name: 'MGMP Masukan Buruk',
    termStart: '2025-07-01',
    termEnd: '2027-06-30',
    members: [{ teacherId: ids.ketua, role: 'ketua' }, { teacherId: ids.sekretaris, role: 'sekretaris' }, { teacherId: ids.anggota, role: 'anggota' }],
  });
  ids.mgmpGroup = group.id;
  ids.programmeItem = (await created<MgmpProgrammeItem>('POST', `/api/v1/mgmp/groups/${group.id}/programme-items`, { academicYear: '2026/2027', type: 'rutin', title: 'Kegiatan', targetMonth: '2026-09' })).id;
  const meeting = await created<MgmpMeeting>('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Pertemuan', startsAt: inMinutes(-10), endsAt: inMinutes(60), agenda: [{ title: 'Diskusi' }, { title: 'Usulan', kind: 'proposal' }] });
  ids.meeting = meeting.id;
  ids.agendaItem = meeting.agenda.find((a) => a.title === 'Diskusi')?.id ?? '';
  ids.proposalItem = meeting.agenda.find((a) => a.title === 'Usulan')?.id ?? '';
  await created('PUT', `/api/v1/mgmp/meetings/${meeting.id}/attendance`, { entries: [{ teacherId: ids.ketua, code: 'H' }, { teacherId: ids.sekretaris, code: 'H' }, { teacherId: ids.anggota, code: 'A' }] }, 200);
  ids.decision = (await created<MgmpDecision>('POST', `/api/v1/mgmp/agenda-items/${ids.proposalItem}/decisions`, { proposal: 'Usulan' })).id;
  ids.followUp = (await created<MgmpFollowUp>('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Tindak lanjut', dueDate: '2026-12-01', ownerIds: [ids.anggota] })).id;
  const photo = await sendFile(operator, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'foto.jpg', content: await smallJpeg(), type: 'image/jpeg' });
  expect(photo.statusCode, photo.body).toBe(201);
  ids.file = photo.json<{ id: string }>().id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  ids.madrasah = operator.me.madrasahs[0]?.id ?? '';
  const first = async (url: string) => (await operator.request('GET', url)).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
  ids.teacher = await first('/api/v1/teachers?limit=1');
  ids.subject = await first('/api/v1/subjects?limit=1');
  ids.cluster = await first('/api/v1/clusters?limit=1');
  ids.user = await first('/api/v1/users?q=guru1');
  const inv = await operator.request('POST', '/api/v1/invitations', { email: 'calon@contoh.sch.id', name: 'Calon', role: 'guru', madrasahId: ids.madrasah });
  ids.invitation = inv.json<{ id: string }>().id;
  await createMgmpFixture();
  const kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  const observation = await kepala.request('POST', '/api/v1/observations', { teacherId: ids.teacher, observerKind: 'kepala', scheduledAt: inMinutes(60), rombel: 'VIII-B', subjectName: 'Fikih', topic: 'Salat' });
  expect(observation.statusCode, observation.body).toBe(201);
  ids.observation = observation.json<{ id: string }>().id;
  await kepala.request('POST', `/api/v1/observations/${ids.observation}/transition`, { to: 'in_progress' });
  const withGoal = await kepala.request('POST', `/api/v1/observations/${ids.observation}/goals`, { what: 'Tujuan', dueDate: '2026-12-01' });
  ids.observationGoal = withGoal.json<{ goals: { id: string }[] }>().goals[0]?.id ?? '';
  const round = await created<{ id: string; token: string }>('POST', '/api/v1/feedback/rounds', { teacherId: ids.teacher, className: 'VIII-B' });
  ids.feedbackRound = round.id;
  ids.feedbackToken = round.token;
  const instrument = await created<{ id: string }>('POST', '/api/v1/madrasah-instruments', { madrasahId: ids.madrasah, title: 'Instrumen uji', scale: INSTRUMENT_SCALE });
  ids.instrument = instrument.id;
  await created('PUT', `/api/v1/madrasah-instruments/${ids.instrument}`, { title: 'Instrumen uji', scale: INSTRUMENT_SCALE, domains: INSTRUMENT_DOMAINS }, 200);
});
afterAll(async () => {
  await ctx.close();
});

/** Every row of the people and account tables, to compare before and after. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const res = await ctx.db.db.execute(sql.raw(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from ${table} t`));
    parts.push(`${table}:${String(res.rows[0]?.rows)}`);
  }
  return parts.join('\n');
}

/** Built when called, so the bodies carry the ids found in beforeAll. */
const endpoints = (): Endpoint[] => [
  { method: 'POST', path: '/api/v1/auth/login', valid: { email: 'operator@contoh.sch.id', password: 'x-salah' }, required: ['email', 'password'], anonymous: true },
  { method: 'POST', path: '/api/v1/auth/accept-invitation', valid: { token: 'x'.repeat(43), password: 'kata-sandi-baru' }, required: ['token', 'password'], anonymous: true },
  { method: 'PATCH', path: '/api/v1/me', valid: { locale: 'en', name: 'Nama' } },
  { method: 'PATCH', path: '/api/v1/users/:id', idKey: 'user', valid: { name: 'Nama', active: true, roles: [{ role: 'guru', madrasahId: ids.madrasah }] } },
  { method: 'POST', path: '/api/v1/invitations', valid: { email: 'baru@contoh.sch.id', name: 'Baru', role: 'guru', madrasahId: ids.madrasah }, required: ['email', 'name', 'role', 'madrasahId'] },
  { method: 'DELETE', path: '/api/v1/invitations/:id', idKey: 'invitation' },
  { method: 'POST', path: '/api/v1/clusters', valid: { madrasahId: ids.madrasah, code: 'BARU', name: 'Rumpun Baru' }, required: ['madrasahId', 'code', 'name'] },
  { method: 'PATCH', path: '/api/v1/clusters/:id', idKey: 'cluster', valid: { code: 'BARU', name: 'Rumpun Baru', active: true } },
  { method: 'POST', path: '/api/v1/subjects', valid: { madrasahId: ids.madrasah, code: 'BARU', name: 'Mapel Baru', clusterId: ids.cluster, curriculum: 'both' }, required: ['madrasahId', 'code', 'name'] },
  { method: 'PATCH', path: '/api/v1/subjects/:id', idKey: 'subject', valid: { code: 'BARU', name: 'Mapel Baru', clusterId: ids.cluster, curriculum: 'k13', active: true } },
  {
    method: 'POST',
    path: '/api/v1/teachers',
    valid: { madrasahId: ids.madrasah, name: 'Guru Baru', gender: 'L', employmentStatus: 'GTY', nuptk: '0012345678901234', nik: '0012345678901234', birthPlace: 'Sumenep', birthDate: '1990-01-02', phone: '0812', email: 'a@b.id', address: 'Jl', subjectIds: [ids.subject] },
    required: ['madrasahId', 'name'],
  },
  { method: 'PATCH', path: '/api/v1/teachers/:id', idKey: 'teacher', valid: { name: 'Guru Baru', nip: '197001012005011001', birthPlace: 'Sumenep', extraDuties: 'Wali kelas', address: 'Jl', subjectIds: [ids.subject] } },
  { method: 'DELETE', path: '/api/v1/teachers/:id', idKey: 'teacher' },
  // Student feedback (the public answer route: no session, the token in place of :id)
  { method: 'PUT', path: '/api/v1/feedback/settings', valid: { minAnswers: 6 }, required: ['minAnswers'] },
  { method: 'POST', path: '/api/v1/feedback/rounds', valid: { teacherId: ids.teacher, subjectId: ids.subject, className: 'VIII-B', closesAt: inMinutes(60) }, required: ['teacherId', 'className'] },
  { method: 'POST', path: '/api/v1/feedback/rounds/:id/close', idKey: 'feedbackRound' },
  {
    method: 'POST',
    path: '/api/v1/public/feedback/:id/answers',
    idKey: 'feedbackToken',
    valid: { deviceKey: 'AAAAAAAAAAAAAAAAAAAAAA', answers: [{ itemId: '00000000-0000-5000-8000-000000000000', value: 3 }], comment: 'Bagus' },
    required: ['deviceKey', 'answers'],
    anonymous: true,
  },
  // MGMP
  {
    method: 'POST',
    path: '/api/v1/mgmp/groups',
    valid: { madrasahId: ids.madrasah, name: 'MGMP Baru', termStart: '2026-07-01', termEnd: '2028-06-30', quorum: { kind: 'majority' }, members: [{ teacherId: ids.ketua, role: 'ketua' }] },
    required: ['madrasahId', 'name', 'termStart', 'termEnd'],
  },
  { method: 'PATCH', path: '/api/v1/mgmp/groups/:id', idKey: 'mgmpGroup', valid: { name: 'MGMP Baru', termStart: '2026-07-01', termEnd: '2028-06-30', quorum: { kind: 'fraction', numerator: 2, denominator: 3 } } },
  { method: 'POST', path: '/api/v1/mgmp/groups/:id/archive', idKey: 'mgmpGroup' },
  { method: 'POST', path: '/api/v1/mgmp/groups/:id/unarchive', idKey: 'mgmpGroup' },
  { method: 'PUT', path: '/api/v1/mgmp/groups/:id/members', idKey: 'mgmpGroup', valid: { members: [{ teacherId: ids.ketua, role: 'ketua' }] }, required: ['members'] },
  { method: 'POST', path: '/api/v1/mgmp/topics', valid: { madrasahId: ids.madrasah, name: 'Topik Baru' }, required: ['madrasahId', 'name'] },
  { method: 'POST', path: '/api/v1/mgmp/groups/:id/programme-items', idKey: 'mgmpGroup', valid: { academicYear: '2026/2027', type: 'pengembangan', title: 'Lesson study', targetMonth: '2026-10', personInChargeId: ids.ketua }, required: ['academicYear', 'type', 'title', 'targetMonth'] },
  { method: 'PATCH', path: '/api/v1/mgmp/programme-items/:id', idKey: 'programmeItem', valid: { title: 'Lesson study', targetMonth: '2026-11', type: 'penunjang' } },
  { method: 'DELETE', path: '/api/v1/mgmp/programme-items/:id', idKey: 'programmeItem' },
  { method: 'POST', path: '/api/v1/mgmp/programme-items/:id/schedule', idKey: 'programmeItem', valid: { title: 'Rapat', startsAt: inMinutes(60 * 24), endsAt: inMinutes(60 * 26), place: 'Aula', invitedTeacherIds: [ids.ketua, ids.outsider] }, required: ['startsAt', 'endsAt'] },
  { method: 'POST', path: '/api/v1/mgmp/groups/:id/meetings', idKey: 'mgmpGroup', valid: { title: 'Rapat', startsAt: inMinutes(60 * 24), endsAt: inMinutes(60 * 26), place: 'Aula', onlineUrl: 'https://meet.example.id/x', agenda: [{ title: 'Pembukaan' }], invitedTeacherIds: [ids.ketua, ids.anggota] }, required: ['title', 'startsAt', 'endsAt'] },
  { method: 'PATCH', path: '/api/v1/mgmp/meetings/:id', idKey: 'meeting', valid: { title: 'Rapat', place: 'Aula', endsAt: inMinutes(90), invitedTeacherIds: [ids.ketua, ids.sekretaris] } },
  { method: 'POST', path: '/api/v1/mgmp/meetings/:id/transition', idKey: 'meeting', valid: { to: 'berlangsung' }, required: ['to'] },
  { method: 'POST', path: '/api/v1/mgmp/meetings/:id/cancel', idKey: 'meeting', valid: { reason: 'Hujan deras' }, required: ['reason'] },
  { method: 'POST', path: '/api/v1/mgmp/meetings/:id/agenda-items', idKey: 'meeting', valid: { title: 'Lain-lain', kind: 'biasa' }, required: ['title'] },
  { method: 'PUT', path: '/api/v1/mgmp/meetings/:id/agenda-order', idKey: 'meeting', valid: { ids: [ids.proposalItem, ids.agendaItem] }, required: ['ids'] },
  { method: 'PATCH', path: '/api/v1/mgmp/agenda-items/:id', idKey: 'agendaItem', valid: { title: 'Diskusi modul' }, required: ['title'] },
  { method: 'DELETE', path: '/api/v1/mgmp/agenda-items/:id', idKey: 'agendaItem' },
  { method: 'PUT', path: '/api/v1/mgmp/meetings/:id/attendance', idKey: 'meeting', valid: { entries: [{ teacherId: ids.anggota, code: 'S', note: 'Demam' }] }, required: ['entries'] },
  { method: 'POST', path: '/api/v1/mgmp/meetings/:id/check-in', idKey: 'meeting', valid: { code: '123456' }, required: ['code'] },
  { method: 'PUT', path: '/api/v1/mgmp/agenda-items/:id/minutes', idKey: 'agendaItem', valid: { summary: 'Ringkasan', problems: 'Masalah' }, required: ['summary'] },
  { method: 'POST', path: '/api/v1/mgmp/agenda-items/:id/minutes/approve', idKey: 'agendaItem' },
  { method: 'POST', path: '/api/v1/mgmp/agenda-items/:id/minutes/revisions', idKey: 'agendaItem', valid: { summary: 'Ringkasan', reason: 'Koreksi' }, required: ['summary', 'reason'] },
  { method: 'POST', path: '/api/v1/mgmp/agenda-items/:id/decisions', idKey: 'proposalItem', valid: { proposal: 'Usulan lain' }, required: ['proposal'] },
  { method: 'POST', path: '/api/v1/mgmp/decisions/:id/votes', idKey: 'decision', valid: { choice: 'setuju', teacherId: ids.ketua }, required: ['choice'] },
  { method: 'POST', path: '/api/v1/mgmp/decisions/:id/close', idKey: 'decision', valid: { outcome: 'vote', statement: 'Disepakati', rationale: 'Alasan', reviewDate: '2026-12-01' }, required: ['outcome', 'statement'] },
  { method: 'POST', path: '/api/v1/mgmp/decisions/:id/review', idKey: 'decision', valid: { note: 'Ditinjau' } },
  { method: 'POST', path: '/api/v1/mgmp/decisions/:id/revise', idKey: 'decision', valid: { statement: 'Disepakati ulang', rationale: 'Alasan', reviewDate: '2026-12-01', reason: 'Salah ketik' }, required: ['reason'] },
  { method: 'POST', path: '/api/v1/mgmp/groups/:id/follow-ups', idKey: 'mgmpGroup', valid: { what: 'Susun soal', dueDate: '2026-12-01', ownerIds: [ids.anggota], agendaItemId: ids.agendaItem }, required: ['what', 'dueDate', 'ownerIds'] },
  { method: 'PATCH', path: '/api/v1/mgmp/follow-ups/:id', idKey: 'followUp', valid: { status: 'sedang', evidence: 'Draf', dueDate: '2026-12-15', ownerIds: [ids.anggota] } },
  // Classroom observation (the operator has no access: bodies that pass validation answer 404)
  { method: 'POST', path: '/api/v1/observations', valid: { teacherId: ids.teacher, observerKind: 'kepala', scheduledAt: inMinutes(60), rombel: 'VIII-B', subjectName: 'Fikih', topic: 'Salat', focus: ['pengelolaan-kelas'] }, required: ['teacherId', 'observerKind', 'scheduledAt', 'rombel', 'subjectName', 'topic'] },
  { method: 'PATCH', path: '/api/v1/observations/:id', idKey: 'observation', valid: { rombel: 'VIII-C', topic: 'Zakat' } },
  { method: 'POST', path: '/api/v1/observations/:id/transition', idKey: 'observation', valid: { to: 'reflected' }, required: ['to'] },
  { method: 'PUT', path: '/api/v1/observations/:id/notes/0190a000-0000-7000-8000-0000000000a1', idKey: 'observation', valid: { notedAt: inMinutes(0), text: 'Catatan', indicatorIds: [] }, required: ['notedAt', 'text'] },
  { method: 'DELETE', path: '/api/v1/observations/:id/notes/0190a000-0000-7000-8000-0000000000a1', idKey: 'observation' },
  { method: 'PUT', path: '/api/v1/observations/:id/ratings', idKey: 'observation', valid: { ratings: [{ indicatorId: '0190a000-0000-7000-8000-0000000000a2', value: 1 }] }, required: ['ratings'] },
  { method: 'POST', path: '/api/v1/observations/:id/reflections', idKey: 'observation', valid: { text: 'Refleksi' }, required: ['text'] },
  { method: 'POST', path: '/api/v1/observations/:id/goals', idKey: 'observation', valid: { what: 'Tujuan', dueDate: '2026-12-01' }, required: ['what', 'dueDate'] },
  { method: 'DELETE', path: '/api/v1/observations/:id/goals/0190a000-0000-7000-8000-0000000000a3', idKey: 'observation' },
  { method: 'POST', path: '/api/v1/observations/:id/goals/0190a000-0000-7000-8000-0000000000a3/send-to-mgmp', idKey: 'observation', valid: { groupId: '0190a000-0000-7000-8000-0000000000a4' }, required: ['groupId'] },
  { method: 'POST', path: '/api/v1/observations/:id/files', idKey: 'observation' },
  // Files (multipart: the JSON variants must be refused before any upload is read)
  { method: 'POST', path: '/api/v1/mgmp/meetings/:id/files', idKey: 'meeting' },
  { method: 'POST', path: '/api/v1/mgmp/follow-ups/:id/files', idKey: 'followUp' },
  { method: 'DELETE', path: '/api/v1/files/:id', idKey: 'file' },
  { method: 'PUT', path: '/api/v1/madrasahs/:id/logo', idKey: 'madrasah' },
  { method: 'DELETE', path: '/api/v1/madrasahs/:id/logo', idKey: 'madrasah' },
  // Madrasah instruments (the draft stays a draft: publish and new-version get no valid body to send)
  { method: 'POST', path: '/api/v1/madrasah-instruments', valid: { madrasahId: ids.madrasah, title: 'Instrumen baru', scale: INSTRUMENT_SCALE }, required: ['madrasahId', 'title', 'scale'] },
  { method: 'PUT', path: '/api/v1/madrasah-instruments/:id', idKey: 'instrument', valid: { title: 'Instrumen uji', scale: INSTRUMENT_SCALE, domains: INSTRUMENT_DOMAINS }, required: ['title', 'scale', 'domains'] },
  { method: 'POST', path: '/api/v1/madrasah-instruments/:id/publish', idKey: 'instrument' },
  { method: 'POST', path: '/api/v1/madrasah-instruments/:id/new-version', idKey: 'instrument' },
  { method: 'DELETE', path: '/api/v1/madrasah-instruments/:id', idKey: 'instrument' },
  { method: 'POST', path: '/api/v1/auth/logout' },
];

interface Variant {
  label: string;
  payload?: string;
  contentType?: string;
  path?: string;
}

const url = (e: Endpoint) => (e.idKey ? e.path.replace(':id', ids[e.idKey]) : e.path);

function variants(e: Endpoint): Variant[] {
  const json = (label: string, body: unknown): Variant => ({ label, payload: JSON.stringify(body), contentType: 'application/json' });
  const out: Variant[] = [
    { label: 'malformed JSON', payload: '{"name": "x", ', contentType: 'application/json' },
    { label: 'form encoding', payload: 'name=x', contentType: 'application/x-www-form-urlencoded' },
  ];
  if (e.idKey) {
    for (const bad of ['abc', '123', 'null', '0190a000-0000-7000-8000-00000000000Z', '%00', "1'%20or%20'1'%3D'1"]) {
      out.push({ label: `the non-UUID id ${bad}`, path: e.path.replace(':id', bad), ...(e.valid ? { payload: JSON.stringify(e.valid), contentType: 'application/json' } : {}) });
    }
  }
  // Endpoints without a body ignore one; only those with a body get the body variants.
  if (!e.valid) return out;
  out.push(
    { label: 'JSON that is not an object', payload: '[1,2,3]', contentType: 'application/json' },
    { label: 'a bare string', payload: '"x"', contentType: 'application/json' },
    { label: 'JSON null', payload: 'null', contentType: 'application/json' },
    { label: 'an empty body', payload: '', contentType: 'application/json' },
    { label: 'plain text', payload: 'name', contentType: 'text/plain' },
  );
  out.push(json('an unknown field', { ...e.valid, tenantId: '0190a000-0000-7000-8000-000000000000' }));
  out.push(json('objects for every field', Object.fromEntries(Object.keys(e.valid).map((k) => [k, { nested: true }]))));
  for (const field of e.required ?? []) {
    const { [field]: _dropped, ...rest } = e.valid;
    out.push(json(`a missing ${field}`, rest));
  }
  if (e.required) out.push(json('an empty object', {}));
  for (const [field, value] of Object.entries(e.valid)) {
    out.push(json(`${field} as a number`, { ...e.valid, [field]: 12345 }));
    out.push(json(`${field} as an array`, { ...e.valid, [field]: [[]] }));
    if (typeof value === 'string') {
      out.push(json(`${field} over-long`, { ...e.valid, [field]: 'x'.repeat(5000) }));
      out.push(json(`${field} with a NUL character`, { ...e.valid, [field]: `${value.slice(0, 2)}\u0000${value.slice(2)}` }));
    }
    if (Array.isArray(value)) out.push(json(`${field} too long a list`, { ...e.valid, [field]: Array(100).fill(value[0]) }));
  }
  return out;
}

let address = 1;
async function send(e: Endpoint, v: Variant) {
  const headers: Record<string, string> = {};
  if (v.contentType) headers['content-type'] = v.contentType;
  if (!e.anonymous) {
    headers.cookie = operator.cookie;
    headers['x-csrf-token'] = operator.csrf;
  }
  return ctx.app.inject({ method: e.method, url: v.path ?? url(e), headers, payload: v.payload, remoteAddress: `10.9.${Math.floor(address / 250)}.${address++ % 250}` });
}

function expectClientError(res: { statusCode: number; body: string }, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
  const body = JSON.parse(res.body) as ErrorBody;
  expect(body.error.code, label).toMatch(/^[a-z]+\.[a-z_]+$/);
  expect(body.error.message.length, label).toBeGreaterThan(0);
}

describe('bad input to a write endpoint answers 4xx and changes nothing', () => {
  it.each(endpoints().map((e) => [`${e.method} ${e.path}`, e.method, e.path] as const))('%s', async (_name, method, path) => {
    const endpoint = endpoints().find((x) => x.method === method && x.path === path);
    if (!endpoint) throw new Error(`no endpoint ${method} ${path}`);
    const before = await snapshot();
    for (const v of variants(endpoint)) expectClientError(await send(endpoint, v), v.label);
    expect(await snapshot()).toBe(before);
  });
});

describe('bad list queries answer 4xx', () => {
  const lists = ['/api/v1/teachers', '/api/v1/subjects', '/api/v1/clusters', '/api/v1/madrasahs', '/api/v1/users', '/api/v1/invitations', '/api/v1/audit', '/api/v1/mgmp/groups', '/api/v1/mgmp/topics', '/api/v1/mgmp/follow-ups/mine', '/api/v1/observations', '/api/v1/feedback/rounds', '/api/v1/instruments'];
  const queries = ['limit=abc', 'limit=0', 'limit=100000', 'offset=-1', `q=${'x'.repeat(500)}`, 'unknown=1', 'madrasahId=abc', 'limit=1&limit=2'];

  it.each(lists)('%s', async (path) => {
    for (const q of queries) {
      const res = await operator.request('GET', `${path}?${q}`);
      expectClientError(res, `${path}?${q}`);
    }
  });

  it.each(lists)('%s with a NUL or a backslash in q answers 2xx or 4xx, never 5xx', async (path) => {
    for (const q of ['%00', 'a%00b', '%5C', '%25%5C', '%27%3B--']) {
      const res = await operator.request('GET', `${path}?q=${q}`);
      expect(res.statusCode, `${path}?q=${q}: ${res.body}`).toBeLessThan(500);
    }
  });
});

describe('bad MGMP list queries answer 4xx', () => {
  const lists = () => [
    `/api/v1/mgmp/groups/${ids.mgmpGroup}/programme-items`,
    `/api/v1/mgmp/groups/${ids.mgmpGroup}/meetings`,
    `/api/v1/mgmp/groups/${ids.mgmpGroup}/decisions`,
    `/api/v1/mgmp/groups/${ids.mgmpGroup}/follow-ups`,
  ];
  it('paging, unknown and malformed filters', async () => {
    for (const path of lists()) {
      for (const q of ['limit=abc', 'limit=0', 'limit=100000', 'offset=-1', 'unknown=1', 'status=x', 'limit=1&limit=2']) expectClientError(await operator.request('GET', `${path}?${q}`), `${path}?${q}`);
    }
    const g = `/api/v1/mgmp/groups/${ids.mgmpGroup}`;
    for (const url of [`${g}/programme-items?academicYear=2026`, `${g}/overview?from=2026-02-30`, `${g}/overview?from=x`, `${g}/overview?unknown=1`, '/api/v1/mgmp/overview?from=2026-02-30', '/api/v1/mgmp/overview?to=x', '/api/v1/mgmp/overview?unknown=1', '/api/v1/mgmp/overview?madrasahId=not-a-uuid', '/api/v1/mgmp/overview?from=2026-03-02&to=2026-03-01', `${g}/decisions?dueForReview=false`, `${g}/follow-ups?overdue=1`, '/api/v1/mgmp/groups?archived=maybe', '/api/v1/mgmp/groups?mine=yes', `${g}/program-kerja.pdf?academicYear=2026`, `${g}/program-kerja.pdf?unknown=1`, `${g}/attendance.xlsx?from=2026-02-30`, `${g}/attendance.xlsx?to=x`, `${g}/follow-ups.xlsx?unknown=1`, '/api/v1/mgmp/meetings/not-a-uuid/notulen.pdf', '/api/v1/mgmp/groups/not-a-uuid/attendance.xlsx']) {
      expectClientError(await operator.request('GET', url), url);
    }
  });
});

describe('the MGMP rules on bad input: a clear 4xx and nothing written', () => {
  async function refused(session: Session, method: Method, path: string, body: unknown, status: number, code: string) {
    const before = await snapshot();
    const res = await session.request(method, path, body);
    expect([path, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([path, status, code]);
    expect(res.json<ErrorBody>().error.message.length).toBeGreaterThan(0);
    expect(await snapshot()).toBe(before);
  }

  it('a meeting that ends before (or when) it starts: created, scheduled or moved', async () => {
    const g = `/api/v1/mgmp/groups/${ids.mgmpGroup}`;
    await refused(operator, 'POST', `${g}/meetings`, { title: 'X', startsAt: inMinutes(120), endsAt: inMinutes(60) }, 400, 'common.validation_failed');
    // One instant for both ends: two calls to the clock can be a millisecond apart.
    const sameInstant = inMinutes(120);
    await refused(operator, 'POST', `${g}/meetings`, { title: 'X', startsAt: sameInstant, endsAt: sameInstant }, 400, 'common.validation_failed');
    await refused(operator, 'POST', `/api/v1/mgmp/programme-items/${ids.programmeItem}/schedule`, { startsAt: inMinutes(120), endsAt: inMinutes(60) }, 400, 'common.validation_failed');
    await refused(operator, 'PATCH', `/api/v1/mgmp/meetings/${ids.meeting}`, { endsAt: inMinutes(-60) }, 400, 'mgmp.invalid_time');
    await refused(operator, 'PATCH', `/api/v1/mgmp/meetings/${ids.meeting}`, { startsAt: inMinutes(600) }, 400, 'mgmp.invalid_time');
  });

  it('a vote by a non-member (in their own name, or recorded by an officer) and by an absent member', async () => {
    const outsider = await login(ctx.app, 'guru1@contoh.sch.id');
    expect(outsider.me.user.teacherId).toBe(ids.outsider);
    const d = `/api/v1/mgmp/decisions/${ids.decision}/votes`;
    await refused(outsider, 'POST', d, { choice: 'setuju' }, 403, 'mgmp.not_member');
    await refused(operator, 'POST', d, { choice: 'setuju', teacherId: ids.outsider }, 403, 'mgmp.not_member');
    await refused(operator, 'POST', d, { choice: 'setuju', teacherId: ids.anggota }, 409, 'mgmp.voter_not_present');
  });

  it('a correction of a decision that is still open, without a reason, or of its outcome', async () => {
    const d = `/api/v1/mgmp/decisions/${ids.decision}/revise`;
    await refused(operator, 'POST', d, { statement: 'Diubah', reason: 'Koreksi' }, 409, 'mgmp.decision_open');
    await refused(operator, 'POST', d, { statement: 'Diubah' }, 400, 'common.validation_failed');
    await refused(operator, 'POST', d, { outcome: 'vote', reason: 'Koreksi' }, 400, 'common.validation_failed');
  });

  it('a follow-up without owner, or with an owner outside the group: created or changed', async () => {
    const g = `/api/v1/mgmp/groups/${ids.mgmpGroup}`;
    await refused(operator, 'POST', `${g}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [] }, 400, 'common.validation_failed');
    await refused(operator, 'POST', `${g}/follow-ups`, { what: 'X', dueDate: '2026-12-01' }, 400, 'common.validation_failed');
    await refused(operator, 'POST', `${g}/follow-ups`, { what: 'X', dueDate: '2026-12-01', ownerIds: [ids.outsider] }, 400, 'mgmp.invalid_members');
    await refused(operator, 'PATCH', `/api/v1/mgmp/follow-ups/${ids.followUp}`, { ownerIds: [] }, 400, 'common.validation_failed');
    await refused(operator, 'PATCH', `/api/v1/mgmp/follow-ups/${ids.followUp}`, { ownerIds: [ids.outsider] }, 400, 'mgmp.invalid_members');
  });

  it('a group whose term ends before it starts, and a member list with two ketua', async () => {
    await refused(operator, 'POST', '/api/v1/mgmp/groups', { madrasahId: ids.madrasah, name: 'X', termStart: '2027-01-01', termEnd: '2026-01-01' }, 400, 'common.validation_failed');
    await refused(operator, 'PATCH', `/api/v1/mgmp/groups/${ids.mgmpGroup}`, { termEnd: '2020-01-01' }, 400, 'common.validation_failed');
    await refused(operator, 'PUT', `/api/v1/mgmp/groups/${ids.mgmpGroup}/members`, { members: [{ teacherId: ids.ketua, role: 'ketua' }, { teacherId: ids.anggota, role: 'ketua' }] }, 400, 'mgmp.invalid_members');
  });
});

describe('bad uploads: a clear 4xx and nothing written', () => {
  async function refusedUpload(session: Session, method: 'POST' | 'PUT', path: string, file: { name: string; content: Buffer; type?: string }, status: number, code: string, fields: Record<string, string> = {}) {
    const before = await snapshot();
    const res = await sendFile(session, method, path, file, fields);
    expect([file.name, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([file.name, status, code]);
    expect(res.json<ErrorBody>().error.message.length).toBeGreaterThan(0);
    expect(await snapshot()).toBe(before);
  }

  it('oversized, mislabelled, not accepted, empty, without a file, an over-long caption, or by a non-member', async () => {
    const m = `/api/v1/mgmp/meetings/${ids.meeting}/files`;
    const jpeg = await smallJpeg();
    await refusedUpload(operator, 'POST', m, { name: 'besar.jpg', content: Buffer.concat([jpeg, Buffer.alloc(LIMITS.imageFileMaxBytes)]), type: 'image/jpeg' }, 413, 'files.too_large');
    await refusedUpload(operator, 'POST', m, { name: 'besar.pdf', content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMITS.documentFileMaxBytes)]) }, 413, 'files.too_large');
    await refusedUpload(operator, 'POST', m, { name: 'foto.png', content: jpeg, type: 'image/jpeg' }, 415, 'files.mislabelled');
    await refusedUpload(operator, 'POST', m, { name: 'foto.jpg', content: jpeg, type: 'application/pdf' }, 415, 'files.mislabelled');
    await refusedUpload(operator, 'POST', m, { name: 'foto.jpg', content: Buffer.from('<script>alert(1)</script>'), type: 'image/jpeg' }, 415, 'files.mislabelled');
    await refusedUpload(operator, 'POST', m, { name: 'halaman.html', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'text/html' }, 415, 'files.type_not_allowed');
    await refusedUpload(operator, 'POST', m, { name: 'kosong.jpg', content: Buffer.alloc(0), type: 'image/jpeg' }, 400, 'files.empty');
    await refusedUpload(operator, 'POST', m, { name: 'foto.jpg', content: jpeg }, 400, 'common.validation_failed', { caption: 'x'.repeat(LIMITS.captionMax + 1) });
    const noFile = await operator.request('POST', m, Buffer.from('--b\r\nContent-Disposition: form-data; name="caption"\r\n\r\nx\r\n--b--\r\n'), { 'content-type': 'multipart/form-data; boundary=b' });
    expect([noFile.statusCode, noFile.json<ErrorBody>().error.code]).toEqual([400, 'files.empty']);
    const outsider = await login(ctx.app, 'guru1@contoh.sch.id');
    await refusedUpload(outsider, 'POST', m, { name: 'foto.jpg', content: jpeg, type: 'image/jpeg' }, 403, 'auth.forbidden');
    await refusedUpload(outsider, 'POST', `/api/v1/mgmp/follow-ups/${ids.followUp}/files`, { name: 'bukti.jpg', content: jpeg }, 403, 'auth.forbidden');
    await refusedUpload(outsider, 'PUT', `/api/v1/madrasahs/${ids.madrasah}/logo`, { name: 'logo.jpg', content: jpeg }, 403, 'auth.forbidden');
    await refusedUpload(operator, 'PUT', `/api/v1/madrasahs/${ids.madrasah}/logo`, { name: 'logo.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }, 415, 'files.type_not_allowed');
  });
});
