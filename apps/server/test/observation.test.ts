import type { ErrorBody, InstrumentDetail, MgmpFollowUp, MgmpGroupSummary, MgmpMeeting, Observation, ObservationMgmpGroups, ObservationNote, TeacherGrowth } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listObservationNotesForTeacher } from '../src/modules/observation/observation.usecases.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';
import { sendFile, smallJpeg } from './multipart.ts';

/**
 * Classroom observation on real PostgreSQL: the plan → during → after flow, idempotent notes by
 * device id, indicators of another instrument version refused, who sees what (the teacher only
 * after sharing, other teachers nothing, other tenants 404), closed is immutable, every write
 * audited, goals sent to the MGMP group through its use cases (agenda item of the next planned
 * meeting, or a follow-up when none is planned), and bad input answering 4xx with nothing written.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const O = '/api/v1/observations';
let ctx: TestContext;
let kepala: Session;
let guru: Session; // guru1: Ahmad Fauzi, member of MGMP Rumpun PAI
let koordinator: Session; // Khoirul Anam, another guru (ketua MIPA)
let pengawasY: Session;
let operatorY: Session;
let pmm: InstrumentDetail;
let pkg: InstrumentDetail;
let pmmIds: string[];
let pkgIndicator: string;
let teacherId: string;

async function call<T>(session: Session, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([method, url, res.statusCode], res.body).toEqual([method, url, status]);
  return res.json<T>();
}

async function refused(session: Session, method: Method, url: string, body: unknown, status: number, code: string): Promise<void> {
  const res = await session.request(method, url, body);
  expect([method, url, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([method, url, status, code]);
}

async function count(table: string): Promise<number> {
  const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return res.rows[0]?.n ?? 0;
}

const TABLES = ['observations', 'observation_notes', 'observation_note_indicators', 'observation_ratings', 'observation_reflections', 'observation_goals', 'mgmp_agenda_items', 'mgmp_follow_ups', 'audit_log'];
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

const plan = (extra: Record<string, unknown> = {}) => ({
  teacherId,
  observerKind: 'kepala',
  scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
  rombel: 'VIII-B',
  subjectName: 'Akidah Akhlak',
  topic: 'Akhlak terpuji kepada orang tua',
  focus: ['pengelolaan-kelas'],
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  koordinator = await login(ctx.app, 'koordinator@contoh.sch.id');
  pengawasY = await login(ctx.app, 'pengawas@yayasan.sch.id');
  operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
  teacherId = guru.me.user.teacherId ?? '';
  pmm = await call<InstrumentDetail>(kepala, 'GET', '/api/v1/instruments/pmm-2024-observasi');
  pkg = await call<InstrumentDetail>(kepala, 'GET', '/api/v1/instruments/pkg-2009-guru-mapel');
  pmmIds = pmm.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.map((i) => i.id)));
  pkgIndicator = pkg.domains[0]?.competencies[0]?.indicators[0]?.id ?? '';
});
afterAll(async () => ctx?.close());

describe('plan → during → after', () => {
  let obs: Observation;
  const noteId = uuidv7();

  it('the kepala plans an observation with the PMM instrument by default; the plan is audited', async () => {
    const audits = await count('audit_log');
    obs = await call<Observation>(kepala, 'POST', O, plan({ focusIndicatorIds: [pmmIds[0]] }), 201);
    expect(obs).toMatchObject({ status: 'planned', instrument: { code: 'pmm-2024-observasi', version: 1 }, observer: { kind: 'kepala', userId: kepala.me.user.id }, rombel: 'VIII-B', can: { edit: true } });
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('a focus indicator of another instrument version is refused', async () => {
    const before = await snapshot();
    await refused(kepala, 'POST', O, plan({ focusIndicatorIds: [pkgIndicator] }), 422, 'observation.unknown_indicator');
    expect(await snapshot()).toEqual(before);
  });

  it('a note (device id) starts the observation; resending it changes nothing; a changed text edits it', async () => {
    const body = { notedAt: new Date().toISOString(), text: 'Guru membuka dengan salam dan apersepsi.', indicatorIds: [pmmIds[0], pmmIds[1]] };
    const first = await call<ObservationNote>(kepala, 'PUT', `${O}/${obs.id}/notes/${noteId}`, body);
    expect(first.indicatorIds).toEqual([pmmIds[0], pmmIds[1]].sort());
    const afterFirst = await snapshot();
    const again = await call<ObservationNote>(kepala, 'PUT', `${O}/${obs.id}/notes/${noteId}`, body);
    expect(again).toEqual(first);
    expect(await snapshot()).toEqual(afterFirst);
    const got = await call<Observation>(kepala, 'GET', `${O}/${obs.id}`);
    expect(got.status).toBe('in_progress');
    expect(got.notes).toHaveLength(1);
    await call<ObservationNote>(kepala, 'PUT', `${O}/${obs.id}/notes/${noteId}`, { ...body, text: 'Guru membuka dengan salam, doa dan apersepsi.' });
    expect((await call<Observation>(kepala, 'GET', `${O}/${obs.id}`)).notes[0]?.text).toContain('doa');
  });

  it('a note tagged with an indicator of another version (PKG) is refused 422 and nothing is written', async () => {
    const before = await snapshot();
    await refused(kepala, 'PUT', `${O}/${obs.id}/notes/${uuidv7()}`, { notedAt: new Date().toISOString(), text: 'x', indicatorIds: [pkgIndicator] }, 422, 'observation.unknown_indicator');
    expect(await snapshot()).toEqual(before);
  });

  it('a note id already used by another observation is refused', async () => {
    const other = await call<Observation>(kepala, 'POST', O, plan(), 201);
    await refused(kepala, 'PUT', `${O}/${other.id}/notes/${noteId}`, { notedAt: new Date().toISOString(), text: 'x' }, 409, 'observation.note_conflict');
  });

  it('the observed teacher sees the plan but no notes before it is shared; another teacher sees nothing', async () => {
    const seen = await call<Observation>(guru, 'GET', `${O}/${obs.id}`);
    expect(seen).toMatchObject({ evidenceVisible: false, notes: [], noteCount: 0, can: { edit: false, reflect: false } });
    await refused(koordinator, 'GET', `${O}/${obs.id}`, undefined, 404, 'observation.not_found');
    expect((await call<{ items: { id: string }[] }>(koordinator, 'GET', O)).items.map((i) => i.id)).not.toContain(obs.id);
    await refused(guru, 'PUT', `${O}/${obs.id}/notes/${uuidv7()}`, { notedAt: new Date().toISOString(), text: 'x' }, 403, 'auth.forbidden');
    await refused(guru, 'POST', `${O}/${obs.id}/reflections`, { text: 'Refleksi' }, 409, 'observation.not_shared');
  });

  it('ratings on the PMM scale (1–3); a value off the scale or an indicator of another version is refused, all or nothing', async () => {
    const before = await snapshot();
    await refused(kepala, 'PUT', `${O}/${obs.id}/ratings`, { ratings: [{ indicatorId: pmmIds[0], value: 3 }, { indicatorId: pmmIds[1], value: 0 }] }, 422, 'observation.invalid_rating_value');
    await refused(kepala, 'PUT', `${O}/${obs.id}/ratings`, { ratings: [{ indicatorId: pmmIds[0], value: 3 }, { indicatorId: pkgIndicator, value: 2 }] }, 422, 'observation.unknown_indicator');
    expect(await snapshot()).toEqual(before);
    const rated = await call<Observation>(kepala, 'PUT', `${O}/${obs.id}/ratings`, { ratings: [{ indicatorId: pmmIds[0], value: 3 }, { indicatorId: pmmIds[1], value: 2, comment: 'Belum semua siswa terlibat' }] });
    expect(rated.ratings).toHaveLength(2);
  });

  it('a goal goes to the next planned meeting of the teacher’s MGMP group as an agenda item (via the MGMP use cases), once', async () => {
    let o = await call<Observation>(kepala, 'POST', `${O}/${obs.id}/goals`, { what: 'Memakai kartu giliran agar semua siswa menjawab', dueDate: '2027-01-31' });
    const goal = o.goals[0];
    expect(goal?.sent).toBeNull();
    const groups = await call<ObservationMgmpGroups>(kepala, 'GET', `${O}/${obs.id}/mgmp-groups`);
    const pai = groups.items.find((g) => g.name === 'MGMP Rumpun PAI');
    expect(groups.items.map((g) => g.name)).toEqual(['MGMP Rumpun PAI']);
    expect(pai?.nextMeeting).not.toBeNull();
    // a group the teacher is not in is refused
    const all = await call<{ items: MgmpGroupSummary[] }>(kepala, 'GET', '/api/v1/mgmp/groups');
    const mipa = all.items.find((g) => g.name === 'MGMP MIPA');
    await refused(kepala, 'POST', `${O}/${obs.id}/goals/${goal?.id}/send-to-mgmp`, { groupId: mipa?.id }, 422, 'observation.teacher_not_in_group');
    o = await call<Observation>(kepala, 'POST', `${O}/${obs.id}/goals/${goal?.id}/send-to-mgmp`, { groupId: pai?.id });
    const sent = o.goals[0]?.sent;
    expect(sent).toMatchObject({ groupId: pai?.id, groupName: 'MGMP Rumpun PAI', as: 'agenda', meetingId: pai?.nextMeeting?.id });
    const meeting = await call<MgmpMeeting>(kepala, 'GET', `/api/v1/mgmp/meetings/${pai?.nextMeeting?.id}`);
    expect(meeting.agenda.find((a) => a.id === sent?.agendaItemId)?.title).toContain('Memakai kartu giliran');
    const audit = await ctx.db.db.execute<{ action: string }>(sql`select action from audit_log where action in ('mgmp.agenda.create', 'observation.goal.send') order by id`);
    expect(audit.rows.map((r) => r.action).slice(-2)).toEqual(['mgmp.agenda.create', 'observation.goal.send']);
    await refused(kepala, 'POST', `${O}/${obs.id}/goals/${goal?.id}/send-to-mgmp`, { groupId: pai?.id }, 409, 'observation.goal_already_sent');
  });

  it('after sharing, the teacher sees notes and ratings and writes their reflection; feedback and reflection are attributed', async () => {
    await call<Observation>(kepala, 'POST', `${O}/${obs.id}/transition`, { to: 'reflected' });
    const seen = await call<Observation>(guru, 'GET', `${O}/${obs.id}`);
    expect(seen).toMatchObject({ evidenceVisible: true, status: 'reflected', can: { edit: false, reflect: true } });
    expect(seen.notes).toHaveLength(1);
    await call<Observation>(kepala, 'POST', `${O}/${obs.id}/reflections`, { text: 'Pembukaan sudah baik; perhatikan siswa di belakang.' });
    const o = await call<Observation>(guru, 'POST', `${O}/${obs.id}/reflections`, { text: 'Saya akan memakai kartu giliran.' });
    expect(o.reflections.map((r) => [r.role, r.author.userId])).toEqual([
      ['observer', kepala.me.user.id],
      ['teacher', guru.me.user.id],
    ]);
    const goals = await call<{ items: { what: string }[] }>(guru, 'GET', `${O}/goals?teacherId=${teacherId}`);
    expect(goals.items.map((g) => g.what)).toContain('Memakai kartu giliran agar semua siswa menjawab');
  });

  it('a closed observation is immutable: notes, ratings, reflection, goals and moves are refused and nothing changes', async () => {
    await call<Observation>(kepala, 'POST', `${O}/${obs.id}/transition`, { to: 'closed' });
    const before = await snapshot();
    await refused(kepala, 'PUT', `${O}/${obs.id}/notes/${noteId}`, { notedAt: new Date().toISOString(), text: 'ubah' }, 409, 'observation.closed');
    await refused(kepala, 'DELETE', `${O}/${obs.id}/notes/${noteId}`, undefined, 409, 'observation.closed');
    await refused(kepala, 'PUT', `${O}/${obs.id}/ratings`, { ratings: [{ indicatorId: pmmIds[0], value: 1 }] }, 409, 'observation.closed');
    await refused(guru, 'POST', `${O}/${obs.id}/reflections`, { text: 'lagi' }, 409, 'observation.closed');
    await refused(kepala, 'POST', `${O}/${obs.id}/goals`, { what: 'x', dueDate: '2027-01-01' }, 409, 'observation.closed');
    await refused(kepala, 'PATCH', `${O}/${obs.id}`, { topic: 'lain' }, 409, 'observation.closed');
    await refused(kepala, 'POST', `${O}/${obs.id}/transition`, { to: 'in_progress' }, 409, 'observation.closed');
    expect(await snapshot()).toEqual(before);
  });

  it('the growth page function lists only notes of shared observations, in the range', async () => {
    const notes = await listObservationNotesForTeacher(ctx.db.db, kepala.me.tenant.id, teacherId, { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000 * 2) });
    expect(notes.map((n) => n.observationId)).toEqual([obs.id]);
    expect(await listObservationNotesForTeacher(ctx.db.db, kepala.me.tenant.id, teacherId, { to: '2025-01-01T00:00:00Z' })).toEqual([]);
    // the demo's formatif observation of this teacher (August 2025): its three notes, with their indicator tags
    const formatif = await listObservationNotesForTeacher(ctx.db.db, kepala.me.tenant.id, teacherId, { from: '2025-08-01T00:00:00Z', to: '2025-08-31T00:00:00Z' });
    expect(formatif).toHaveLength(3);
    expect(formatif.every((n) => n.indicatorIds.length > 0 && pmmIds.includes(n.indicatorIds[0] ?? ''))).toBe(true);
  });

  it('the teacher’s growth page carries the notes of the shared observations with their indicator tags (the evidence behind each change)', async () => {
    const res = await kepala.request('GET', `/api/v1/teachers/${teacherId}/growth`);
    expect(res.statusCode, res.body).toBe(200);
    const notes = res.json<TeacherGrowth>().observationNotes;
    expect(notes.some((n) => n.observationId === obs.id)).toBe(true);
    const formatif = notes.filter((n) => n.notedAt.startsWith('2025-08'));
    expect(formatif).toHaveLength(3);
    expect(formatif.every((n) => n.indicatorIds.length > 0 && n.text.length > 0)).toBe(true);
  });
});

describe('demo data', () => {
  it('the kepala sees observations across both periods; Khoirul Anam’s sumatif goal is on MGMP MIPA’s next meeting and on his own goal list', async () => {
    const list = await call<{ items: { teacher: { name: string }; status: string; periodId: string | null }[] }>(kepala, 'GET', `${O}?limit=100`);
    expect(list.items.length).toBeGreaterThanOrEqual(6);
    expect(new Set(list.items.map((o) => o.status))).toEqual(new Set(['planned', 'in_progress', 'reflected', 'closed']));
    const goals = await call<{ items: { what: string; sent: { groupName: string; as: string; meetingId: string | null; agendaItemId: string | null } | null }[] }>(koordinator, 'GET', `${O}/goals?teacherId=${koordinator.me.user.teacherId}`);
    const sent = goals.items.find((g) => g.sent !== null)?.sent;
    expect(sent).toMatchObject({ groupName: 'MGMP MIPA', as: 'agenda' });
    const meeting = await call<MgmpMeeting>(koordinator, 'GET', `/api/v1/mgmp/meetings/${sent?.meetingId}`);
    expect(meeting.status).toBe('direncanakan');
    expect(meeting.agenda.some((a) => a.id === sent?.agendaItemId && a.title.includes('kartu giliran'))).toBe(true);
  });
});

describe('photos (files module, owner kind observation)', () => {
  it('the observer adds photos until closed; the teacher sees them only once shared; other tenants get 404', async () => {
    const o = await call<Observation>(kepala, 'POST', O, plan(), 201);
    await call(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'in_progress' });
    const res = await sendFile(kepala, 'POST', `${O}/${o.id}/files`, { name: 'papan.jpg', content: await smallJpeg(), type: 'image/jpeg' }, { caption: 'Papan tulis' });
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json<{ id: string; ownerKind: string; caption: string }>();
    expect(photo).toMatchObject({ ownerKind: 'observation', caption: 'Papan tulis' });
    expect((await guru.request('GET', `/api/v1/files/${photo.id}`)).statusCode).toBe(404);
    expect((await guru.request('GET', `${O}/${o.id}/files`)).statusCode).toBe(403);
    expect((await sendFile(guru, 'POST', `${O}/${o.id}/files`, { name: 'x.jpg', content: await smallJpeg(), type: 'image/jpeg' })).statusCode).toBe(403);
    expect((await pengawasY.request('GET', `/api/v1/files/${photo.id}`)).statusCode).toBe(404);
    expect((await sendFile(pengawasY, 'POST', `${O}/${o.id}/files`, { name: 'x.jpg', content: await smallJpeg(), type: 'image/jpeg' })).statusCode).toBe(404);
    await call(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'reflected' });
    expect((await guru.request('GET', `/api/v1/files/${photo.id}`)).statusCode).toBe(200);
    expect((await call<{ items: { id: string }[] }>(guru, 'GET', `${O}/${o.id}/files`)).items.map((f) => f.id)).toEqual([photo.id]);
    await call(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'closed' });
    const closed = await sendFile(kepala, 'POST', `${O}/${o.id}/files`, { name: 'y.jpg', content: await smallJpeg(), type: 'image/jpeg' });
    expect([closed.statusCode, closed.json<ErrorBody>().error.code]).toEqual([409, 'observation.closed']);
    const del = await kepala.request('DELETE', `/api/v1/files/${photo.id}`);
    expect([del.statusCode, del.json<ErrorBody>().error.code]).toEqual([409, 'observation.closed']);
  });
});

describe('status moves', () => {
  it('only the next status is allowed', async () => {
    const o = await call<Observation>(kepala, 'POST', O, plan(), 201);
    await refused(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'reflected' }, 409, 'observation.invalid_transition');
    await refused(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'closed' }, 409, 'observation.invalid_transition');
    await refused(kepala, 'PUT', `${O}/${o.id}/ratings`, { ratings: [{ indicatorId: pmmIds[0], value: 1 }] }, 409, 'observation.invalid_transition');
    expect((await call<Observation>(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'in_progress' })).startedAt).not.toBeNull();
  });
});

describe('observers', () => {
  it('a peer named by the kepala observes and edits, but cannot send to an MGMP group they do not manage', async () => {
    const o = await call<Observation>(kepala, 'POST', O, plan({ observerKind: 'peer', observerUserId: koordinator.me.user.id }), 201);
    expect(o.observer).toMatchObject({ kind: 'peer', userId: koordinator.me.user.id });
    await call(koordinator, 'PUT', `${O}/${o.id}/notes/${uuidv7()}`, { notedAt: new Date().toISOString(), text: 'Siswa aktif berdiskusi', indicatorIds: [pmmIds[2]] });
    const withGoal = await call<Observation>(koordinator, 'POST', `${O}/${o.id}/goals`, { what: 'Diskusi kelompok', dueDate: '2027-02-01' });
    const all = await call<{ items: MgmpGroupSummary[] }>(kepala, 'GET', '/api/v1/mgmp/groups');
    const pai = all.items.find((g) => g.name === 'MGMP Rumpun PAI');
    await refused(koordinator, 'POST', `${O}/${o.id}/goals/${withGoal.goals[0]?.id}/send-to-mgmp`, { groupId: pai?.id }, 403, 'auth.forbidden');
  });

  it('peer candidates: the kepala gets the other gurus with an account (not the observed teacher); a guru gets 403', async () => {
    const list = await call<{ items: { userId: string }[] }>(kepala, 'GET', `${O}/peer-candidates?teacherId=${teacherId}`);
    expect(list.items.map((c) => c.userId)).toContain(koordinator.me.user.id);
    expect(list.items.map((c) => c.userId)).not.toContain(guru.me.user.id);
    await refused(guru, 'GET', `${O}/peer-candidates?teacherId=${koordinator.me.user.teacherId}`, undefined, 403, 'auth.forbidden');
  });

  it('a guru cannot plan an observation, nor name themself; a peer must be another guru of the madrasah', async () => {
    await refused(guru, 'POST', O, plan({ teacherId: koordinator.me.user.teacherId }), 403, 'observation.observer_not_allowed');
    await refused(kepala, 'POST', O, plan({ observerKind: 'peer', observerUserId: guru.me.user.id }), 422, 'observation.invalid_peer_observer');
    await refused(kepala, 'POST', O, plan({ observerKind: 'pengawas' }), 403, 'observation.observer_not_allowed');
  });
});

describe('goal with no planned meeting becomes a follow-up of the group', () => {
  it('after the planned meeting is cancelled, the goal is a follow-up owned by the teacher, on their follow-up list', async () => {
    const all = await call<{ items: MgmpGroupSummary[] }>(kepala, 'GET', '/api/v1/mgmp/groups');
    const pai = all.items.find((g) => g.name === 'MGMP Rumpun PAI');
    const planned = await call<{ items: { id: string }[] }>(kepala, 'GET', `/api/v1/mgmp/groups/${pai?.id}/meetings?status=direncanakan`);
    for (const m of planned.items) await call(kepala, 'POST', `/api/v1/mgmp/meetings/${m.id}/cancel`, { reason: 'Bentrok dengan ujian' });
    const o = await call<Observation>(kepala, 'POST', O, plan(), 201);
    await call(kepala, 'POST', `${O}/${o.id}/transition`, { to: 'in_progress' });
    const g = (await call<Observation>(kepala, 'POST', `${O}/${o.id}/goals`, { what: 'Asesmen formatif di akhir', dueDate: '2027-03-01' })).goals[0];
    const sent = (await call<Observation>(kepala, 'POST', `${O}/${o.id}/goals/${g?.id}/send-to-mgmp`, { groupId: pai?.id })).goals[0]?.sent;
    expect(sent).toMatchObject({ as: 'follow-up', meetingId: null, agendaItemId: null });
    const mine = await call<{ items: MgmpFollowUp[] }>(guru, 'GET', '/api/v1/mgmp/follow-ups/mine');
    expect(mine.items.find((f) => f.id === sent?.followUpId)?.what).toContain('Asesmen formatif di akhir');
  });
});

describe('tenant isolation and bad input', () => {
  let obs: Observation;
  let noteId: string;
  let goalId: string;
  let yObs: Observation;

  beforeAll(async () => {
    obs = await call<Observation>(kepala, 'POST', O, plan(), 201);
    noteId = uuidv7();
    await call(kepala, 'PUT', `${O}/${obs.id}/notes/${noteId}`, { notedAt: new Date().toISOString(), text: 'catatan', indicatorIds: [pmmIds[0]] });
    goalId = (await call<Observation>(kepala, 'POST', `${O}/${obs.id}/goals`, { what: 'Tujuan', dueDate: '2027-01-01' })).goals[0]?.id ?? '';
    const assigned = pengawasY.me.madrasahs[0]?.id ?? '';
    const teachersY = (await call<{ items: { id: string }[] }>(operatorY, 'GET', `/api/v1/teachers?madrasahId=${assigned}&limit=5`)).items;
    yObs = await call<Observation>(pengawasY, 'POST', O, { ...plan(), teacherId: teachersY[0]?.id, observerKind: 'pengawas' }, 201);
  });

  const endpoints = (id: string, note: string, goal: string, teacher: string, groupId: string): { method: Method; url: string; body?: unknown }[] => [
    { method: 'GET', url: `${O}/${id}` },
    { method: 'PATCH', url: `${O}/${id}`, body: { topic: 'Baru' } },
    { method: 'POST', url: `${O}/${id}/transition`, body: { to: 'in_progress' } },
    { method: 'PUT', url: `${O}/${id}/notes/${note}`, body: { notedAt: new Date().toISOString(), text: 'x' } },
    { method: 'DELETE', url: `${O}/${id}/notes/${note}` },
    { method: 'PUT', url: `${O}/${id}/ratings`, body: { ratings: [{ indicatorId: pmmIds[0], value: 1 }] } },
    { method: 'POST', url: `${O}/${id}/reflections`, body: { text: 'x' } },
    { method: 'POST', url: `${O}/${id}/goals`, body: { what: 'x', dueDate: '2027-01-01' } },
    { method: 'DELETE', url: `${O}/${id}/goals/${goal}` },
    { method: 'POST', url: `${O}/${id}/goals/${goal}/send-to-mgmp`, body: { groupId } },
    { method: 'GET', url: `${O}/${id}/mgmp-groups` },
    { method: 'GET', url: `${O}/goals?teacherId=${teacher}` },
    { method: 'GET', url: `${O}/peer-candidates?teacherId=${teacher}` },
    { method: 'POST', url: O, body: { ...plan(), teacherId: teacher, observerKind: 'pengawas' } },
  ];

  it('every endpoint answers 404 for the other tenant’s ids (both directions), and nothing changes', async () => {
    const before = await snapshot();
    const all = await call<{ items: MgmpGroupSummary[] }>(kepala, 'GET', '/api/v1/mgmp/groups');
    const groupId = all.items[0]?.id ?? '';
    for (const e of endpoints(obs.id, noteId, goalId, teacherId, groupId)) {
      const res = await pengawasY.request(e.method, e.url, e.body);
      expect([e.method, e.url, res.statusCode]).toEqual([e.method, e.url, 404]);
    }
    for (const e of endpoints(yObs.id, uuidv7(), uuidv7(), yObs.teacher.id, uuidv7())) {
      const res = await kepala.request(e.method, e.url, e.body);
      expect([e.method, e.url, res.statusCode]).toEqual([e.method, e.url, 404]);
    }
    expect(await snapshot()).toEqual(before);
    expect((await call<{ items: { id: string }[] }>(pengawasY, 'GET', O)).items.map((i) => i.id)).toEqual([yObs.id]);
  });

  it('bad input on every write endpoint answers 4xx with a code and changes nothing', async () => {
    const before = await snapshot();
    const id = obs.id;
    const cases: { method: Method; url: string; body?: unknown; raw?: string }[] = [
      { method: 'POST', url: O, body: {} },
      { method: 'POST', url: O, body: { ...plan(), extra: 1 } },
      { method: 'POST', url: O, body: { ...plan(), teacherId: 'not-a-uuid' } },
      { method: 'POST', url: O, body: { ...plan(), scheduledAt: 'kemarin' } },
      { method: 'POST', url: O, body: { ...plan(), rombel: 'x'.repeat(500) } },
      { method: 'POST', url: O, body: { ...plan(), topic: 'a\u0000b' } },
      { method: 'POST', url: O, body: { ...plan(), focus: ['bukan-fokus'] } },
      { method: 'POST', url: O, body: { ...plan(), instrumentCode: 'tidak-ada' } },
      { method: 'POST', url: O, body: { ...plan(), periodId: uuidv7() } },
      { method: 'POST', url: O, body: { ...plan(), teacherId: uuidv7() } },
      { method: 'POST', url: O, raw: '{"teacherId":' },
      { method: 'PATCH', url: `${O}/${id}`, body: { rombel: '' } },
      { method: 'PATCH', url: `${O}/not-a-uuid`, body: { topic: 'x' } },
      { method: 'PATCH', url: `${O}/${id}`, body: { focusIndicatorIds: [pkgIndicator] } },
      { method: 'POST', url: `${O}/${id}/transition`, body: { to: 'planned' } },
      { method: 'POST', url: `${O}/${id}/transition`, body: {} },
      { method: 'PUT', url: `${O}/${id}/notes/not-a-uuid`, body: { notedAt: new Date().toISOString(), text: 'x' } },
      { method: 'PUT', url: `${O}/${id}/notes/${uuidv7()}`, body: { notedAt: new Date().toISOString(), text: '' } },
      { method: 'PUT', url: `${O}/${id}/notes/${uuidv7()}`, body: { notedAt: new Date().toISOString(), text: 'x'.repeat(5000) } },
      { method: 'PUT', url: `${O}/${id}/notes/${uuidv7()}`, body: { notedAt: new Date().toISOString(), text: 'x', indicatorIds: [pmmIds[0], pmmIds[0]] } },
      { method: 'PUT', url: `${O}/${id}/notes/${uuidv7()}`, body: { text: 'x' } },
      { method: 'DELETE', url: `${O}/${id}/notes/${uuidv7()}` },
      { method: 'PUT', url: `${O}/${id}/ratings`, body: { ratings: [] } },
      { method: 'PUT', url: `${O}/${id}/ratings`, body: { ratings: [{ indicatorId: pmmIds[0], value: 'tiga' }] } },
      { method: 'PUT', url: `${O}/${id}/ratings`, body: { ratings: [{ indicatorId: pmmIds[0], value: 1 }, { indicatorId: pmmIds[0], value: 2 }] } },
      { method: 'PUT', url: `${O}/${id}/ratings`, body: { ratings: [{ indicatorId: pmmIds[0], value: 1.5 }] } },
      { method: 'POST', url: `${O}/${id}/reflections`, body: { text: '   ' } },
      { method: 'POST', url: `${O}/${id}/goals`, body: { what: 'x', dueDate: '2027-02-30' } },
      { method: 'POST', url: `${O}/${id}/goals`, body: { what: 'x' } },
      { method: 'DELETE', url: `${O}/${id}/goals/${uuidv7()}` },
      { method: 'POST', url: `${O}/${id}/goals/${goalId}/send-to-mgmp`, body: { groupId: 'x' } },
      { method: 'POST', url: `${O}/${id}/goals/${goalId}/send-to-mgmp`, body: { groupId: uuidv7() } },
      { method: 'GET', url: `${O}?status=selesai` },
      { method: 'GET', url: `${O}/goals` },
    ];
    for (const c of cases) {
      const res = c.raw
        ? await ctx.app.inject({ method: c.method, url: c.url, headers: { cookie: kepala.cookie, 'x-csrf-token': kepala.csrf, 'content-type': 'application/json' }, payload: c.raw })
        : await kepala.request(c.method, c.url, c.body);
      const body = res.json<ErrorBody>();
      expect([c.method, c.url, res.statusCode >= 400 && res.statusCode < 500, typeof body.error?.code, typeof body.error?.message], res.body).toEqual([c.method, c.url, true, 'string', 'string']);
      expect(res.body).not.toContain('    at ');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the message is in Bahasa Indonesia (the account’s language)', async () => {
    const res = await kepala.request('PUT', `${O}/${obs.id}/ratings`, { ratings: [{ indicatorId: pkgIndicator, value: 1 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.message).toBe('Indikator tidak termasuk versi instrumen observasi ini.');
  });
});
