import { MGMP_ATTENDANCE_CODES, MGMP_PROGRAMME_TYPES, type MgmpAttendanceCode } from '@tumbuh/shared';
import type { Tx } from '../../db/database.ts';
import { imageDataUrl, kopAuthorityLines, placeName, type KopInput } from '../documents/documents.models.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { withTenant } from '../../db/database.ts';
import { loadGroup, type GroupContext, type MgmpDeps } from './mgmp.context.ts';
import { requireReadRecords } from './records.policies.ts';
import { loadMeeting } from './meetings.usecases.ts';
import { todayInIndonesia } from './mgmp.models.ts';
import { memberRole, oneOf, oneOfOrNull, presentDecision, presentFollowUp, presentMinutes } from './mgmp.presenters.ts';
import type { MeetingRecord, ProgrammeRecord, RecordHeader } from './records.documents.ts';
import type { MgmpRecordsRepository } from './records.repository.ts';
import type { AttendanceMatrix, FollowUpSheet } from './records.workbooks.ts';

/**
 * Loads what the printed MGMP records show, through the MGMP repositories, for the readers of
 * records.policies.ts: members of the group, its officers, the madrasah's kepala / operator /
 * pengawas and peneliti; other teachers get 403, other tenants and madrasahs 404. Logo and meeting photos
 * come from the files module (`files`), read in the same tenant transaction.
 */

/** The files module's reads, as the records need them (run inside the records' tenant transaction). */
export interface RecordFiles {
  readMadrasahLogo(q: Tx, tenantId: string, madrasahId: string): Promise<{ data: Buffer; mediaType: string } | null>;
  listOwnerImages(q: Tx, tenantId: string, ownerKind: 'mgmp_meeting', ownerId: string): Promise<{ id: string; caption: string | null; data: Buffer; mediaType: string }[]>;
}

export interface RecordsDeps extends MgmpDeps {
  recordsRepository: MgmpRecordsRepository;
  files: RecordFiles | null;
}

const ALL = 10_000;

/** Tahun pelajaran (July–June) of a day: '2026-11-24' → '2026/2027'. */
export function academicYearOf(day: string): string {
  const [y = 0, m = 1] = day.split('-').map(Number);
  return m >= 7 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

interface LoadedHeader {
  header: RecordHeader;
  members: { teacherId: string; name: string; role: string; nip: string | null }[];
}

async function loadHeader(tx: Tx, actor: Actor, ctx: GroupContext, deps: RecordsDeps): Promise<LoadedHeader> {
  const tenant = await deps.recordsRepository.findTenant(tx, actor.tenantId);
  const madrasah = ctx.group.madrasahId ? await deps.peopleRepository.findMadrasah(tx, actor.tenantId, ctx.group.madrasahId) : undefined;
  const memberRows = await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id);
  const nips = await deps.recordsRepository.teacherNips(tx, actor.tenantId, memberRows.map((m) => m.teacherId));
  const members = memberRows.map((m) => ({ ...m, nip: nips.get(m.teacherId) ?? null }));
  const kepala = await deps.recordsRepository.findKepala(tx, actor.tenantId, ctx.group.madrasahId);
  const officer = (role: string) => members.find((m) => m.role === role);
  const institutionName = madrasah?.name ?? tenant?.name ?? '';
  const kop: KopInput = {
    authorityLines: kopAuthorityLines(tenant ?? { kind: 'madrasah', name: '' }, madrasah ?? null),
    institutionName,
    address: madrasah?.address ?? null,
    region: [madrasah?.city, madrasah?.province].filter((p) => p && p.trim()).join(', ') || null,
    npsn: madrasah?.npsn ?? null,
    nsm: madrasah?.nsm ?? null,
    logo: deps.files && ctx.group.madrasahId ? imageDataUrl(await deps.files.readMadrasahLogo(tx, actor.tenantId, ctx.group.madrasahId)) : null,
  };
  const ketua = officer('ketua');
  const sekretaris = officer('sekretaris');
  return {
    header: {
      kop,
      place: placeName(madrasah?.city),
      groupName: ctx.group.name,
      institutionName,
      ketua: { role: 'Ketua', name: ketua?.name ?? null, nip: ketua?.nip ?? null },
      sekretaris: { role: 'Sekretaris', name: sekretaris?.name ?? null, nip: sekretaris?.nip ?? null },
      kepala: kepala ? { role: 'Kepala Madrasah', name: kepala.name, nip: kepala.nip } : null,
    },
    members,
  };
}

/** Everything a meeting's daftar hadir, notulen and laporan show. @throws mgmp.meeting_not_found, auth.forbidden */
export async function loadMeetingRecord(actor: Actor, meetingId: string, deps: RecordsDeps): Promise<{ record: MeetingRecord; day: string }> {
  const today = todayInIndonesia(deps.clock());
  const record = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await loadMeeting(tx, actor, meetingId, deps);
    requireReadRecords(actor, ctx);
    const { header, members } = await loadHeader(tx, actor, ctx, deps);
    const repo = deps.mgmpRepository;

    // Daftar hadir: the invitees (members by office, then guests), then anyone else recorded (a member
    // who checked in uninvited, someone who has since left the group).
    const recorded = await repo.listAttendance(tx, actor.tenantId, meetingId);
    const invitees = await repo.listInvitees(tx, actor.tenantId, meetingId, ctx.group.id);
    const byTeacher = new Map(recorded.map((r) => [r.row.teacherId, r]));
    const invitedIds = new Set(invitees.map((i) => i.teacherId));
    const roleOf = new Map(members.map((m) => [m.teacherId, m.role]));
    const others = recorded.filter((r) => !invitedIds.has(r.row.teacherId));
    const nips = await deps.recordsRepository.teacherNips(tx, actor.tenantId, [...invitees.map((i) => i.teacherId), ...others.map((r) => r.row.teacherId)]);
    const attendance = [
      ...invitees.map((i) => ({ teacherId: i.teacherId, name: i.name, nip: nips.get(i.teacherId) ?? null, role: memberRole(i.role) })),
      ...others.map((r) => ({ teacherId: r.row.teacherId, name: r.name, nip: nips.get(r.row.teacherId) ?? null, role: memberRole(roleOf.get(r.row.teacherId)) })),
    ].map((l) => {
      const rec = byTeacher.get(l.teacherId);
      return { name: l.name, nip: l.nip, role: l.role, code: oneOfOrNull<MgmpAttendanceCode>(MGMP_ATTENDANCE_CODES, rec?.row.code), note: rec?.row.note ?? null };
    });

    // Agenda with the latest minutes and the decisions of each item.
    const agendaRows = await repo.listAgenda(tx, actor.tenantId, meetingId);
    const agendaIds = agendaRows.map((a) => a.id);
    const minutes = new Map((await deps.recordsRepository.latestMinutes(tx, actor.tenantId, agendaIds)).map((m) => [m.agendaItemId, presentMinutes(m)]));
    const decisionRows = (await repo.listDecisions(tx, actor.tenantId, { meetingId, limit: ALL, offset: 0 })).items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const votes = await repo.votesOf(tx, actor.tenantId, decisionRows.map((d) => d.id));
    const decisions = decisionRows.map((d) => presentDecision(d, votes.filter((v) => v.decisionId === d.id), today));
    const revisions = await repo.countRevisionsOfDecisions(tx, actor.tenantId, decisionRows.map((d) => d.id));
    const contributorIds = [...new Set([...minutes.values()].flatMap((m) => m.contributions.map((c) => c.teacherId)))];
    const names = new Map((await repo.findTeachers(tx, actor.tenantId, contributorIds)).map((t) => [t.id, t.name]));
    const agenda = agendaRows.map((a) => {
      const m = minutes.get(a.id);
      return {
        ordinal: a.ordinal,
        title: a.title,
        minutes: m ? { summary: m.summary, problems: m.problems, contributions: m.contributions.map((c) => ({ name: names.get(c.teacherId) ?? '-', text: c.text })), status: m.status, revision: m.revision, correctionReason: m.correctionReason } : null,
        decisions: decisions
          .filter((d) => d.agendaItemId === a.id)
          .map((d) => ({ proposal: d.proposal, status: d.status, outcome: d.outcome, adopted: d.adopted, statement: d.statement, rationale: d.rationale, reviewDate: d.reviewDate, tally: d.tally, revision: revisions.get(d.id) ?? 0 })),
      };
    });

    // Follow-ups assigned at this meeting.
    const followUpRows = await deps.recordsRepository.followUpsFrom(tx, actor.tenantId, decisionRows.map((d) => d.id), agendaIds);
    const owners = await repo.ownersOf(tx, actor.tenantId, followUpRows.map((f) => f.id));
    const followUps = followUpRows.map((f) => presentFollowUp(f, owners.filter((o) => o.followUpId === f.id), today)).map((f) => ({ what: f.what, owners: f.owners.map((o) => o.name), dueDate: f.dueDate, status: f.status, overdue: f.overdue, evidence: f.evidence }));

    const record: MeetingRecord = {
      ...header,
      meeting: { title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, onlineUrl: meeting.onlineUrl, status: meeting.status, cancelReason: meeting.cancelReason },
      attendance,
      agenda,
      followUps,
      photos: [],
    };
    if (!deps.files) return record;
    const images = await deps.files.listOwnerImages(tx, actor.tenantId, 'mgmp_meeting', meetingId);
    return { ...record, photos: images.flatMap((p) => (imageDataUrl(p) ? [{ caption: p.caption, dataUrl: imageDataUrl(p) ?? '' }] : [])) };
  });
  return { record, day: todayInIndonesia(record.meeting.startsAt) };
}

/** The program kerja of one academic year (default: the current one). @throws mgmp.group_not_found, auth.forbidden */
export async function loadProgrammeRecord(actor: Actor, groupId: string, query: { academicYear?: string | undefined }, deps: RecordsDeps): Promise<ProgrammeRecord> {
  const today = todayInIndonesia(deps.clock());
  const academicYear = query.academicYear ?? academicYearOf(today);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireReadRecords(actor, ctx);
    const { header } = await loadHeader(tx, actor, ctx, deps);
    const page = await deps.mgmpRepository.listProgramme(tx, actor.tenantId, groupId, { academicYear, limit: ALL, offset: 0 });
    const items = page.items.map((r) => ({
      type: oneOf(MGMP_PROGRAMME_TYPES, r.item.type),
      title: r.item.title,
      topic: r.topicName,
      targetMonth: r.item.targetMonth,
      personInCharge: r.personName,
      meetingStatus: r.meetingStatus,
    }));
    return { ...header, academicYear, date: today, items };
  });
}

/** The members × meetings matrix of a period (default: the group's term). @throws mgmp.group_not_found, auth.forbidden */
export async function loadAttendanceMatrix(actor: Actor, groupId: string, query: { from?: string | undefined; to?: string | undefined }, deps: RecordsDeps): Promise<AttendanceMatrix> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireReadRecords(actor, ctx);
    const { header, members } = await loadHeader(tx, actor, ctx, deps);
    const from = query.from ?? ctx.group.termStart;
    const to = query.to ?? ctx.group.termEnd;
    const meetings = await deps.recordsRepository.meetingsBetween(tx, actor.tenantId, groupId, from, to);
    const rows = await deps.recordsRepository.attendanceOf(tx, actor.tenantId, meetings.map((m) => m.id));
    const codes = new Map<string, MgmpAttendanceCode>();
    for (const r of rows) {
      const code = oneOfOrNull<MgmpAttendanceCode>(MGMP_ATTENDANCE_CODES, r.code);
      if (code) codes.set(`${r.meetingId}:${r.teacherId}`, code);
    }
    return {
      groupName: header.groupName,
      institutionName: header.institutionName,
      from,
      to,
      meetings: meetings.map((m) => ({ ...m, day: todayInIndonesia(m.startsAt) })),
      members: members.map((m) => ({ teacherId: m.teacherId, name: m.name, nip: m.nip, role: memberRole(m.role) })),
      codes,
    };
  });
}

/** Every follow-up of a group with owners, overdue flag and the decision it came from. @throws mgmp.group_not_found, auth.forbidden */
export async function loadFollowUpSheet(actor: Actor, groupId: string, deps: RecordsDeps): Promise<FollowUpSheet> {
  const today = todayInIndonesia(deps.clock());
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireReadRecords(actor, ctx);
    const tenant = await deps.recordsRepository.findTenant(tx, actor.tenantId);
    const madrasah = ctx.group.madrasahId ? await deps.peopleRepository.findMadrasah(tx, actor.tenantId, ctx.group.madrasahId) : undefined;
    const rows = await deps.recordsRepository.followUpsOfGroup(tx, actor.tenantId, groupId);
    const owners = await deps.mgmpRepository.ownersOf(tx, actor.tenantId, rows.map((f) => f.id));
    const decisions = new Map((await deps.mgmpRepository.listDecisions(tx, actor.tenantId, { groupId, limit: ALL, offset: 0 })).items.map((d) => [d.id, d.statement ?? d.proposal]));
    return {
      groupName: ctx.group.name,
      institutionName: madrasah?.name ?? tenant?.name ?? '',
      today,
      items: rows.map((row) => {
        const f = presentFollowUp(row, owners.filter((o) => o.followUpId === row.id), today);
        return { what: f.what, owners: f.owners.map((o) => o.name), dueDate: f.dueDate, status: f.status, overdue: f.overdue, evidence: f.evidence, decision: row.decisionId ? (decisions.get(row.decisionId) ?? null) : null, completedAt: row.completedAt ? todayInIndonesia(row.completedAt) : null };
      }),
    };
  });
}
