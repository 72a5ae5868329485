import { randomInt } from 'node:crypto';
import {
  MGMP_ATTENDANCE_CODES,
  MGMP_MEETING_STATUSES,
  type CreateMgmpMeetingInput,
  type MgmpAttendanceCode,
  type MgmpMeeting,
  type MgmpMeetingStatus,
  type MgmpProgrammeItem,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { canSeeMadrasah, type Actor } from '../tenancy/tenancy.models.ts';
import { carryAllOnto } from './agenda-carry.usecases.ts';
import { auditMgmp, loadGroup, requireManage, requireRead, requireTeacher, type GroupContext, type MgmpDeps } from './mgmp.context.ts';
import { mgmpErrors } from './mgmp.errors.ts';
import { canSeeGroup } from './mgmp.policies.ts';
import { guestFitsGroup, inviteeRefusal, inviteesEditable, sameInvitees } from './invitees.models.ts';
import {
  agendaEditable,
  agendaItemRemovable,
  canTransitionMeeting,
  carryOverTitle,
  checkInRefusal,
  isPresent,
  meetingTakesRecords,
  parseQuorum,
  programmeItemChangeRefusal,
  quorumMet,
  recordAttendanceByOfficer,
  todayInIndonesia,
  type AttendanceRecord,
} from './mgmp.models.ts';
import { memberRole, oneOf, oneOfOrNull, presentMeeting, presentMeetingSummary, presentProgrammeItem } from './mgmp.presenters.ts';
import type { MeetingRow } from './mgmp.repository.ts';

type ListInput = { q?: string | undefined; limit: number; offset: number };

/** A 6-digit code for self check-in (shown on the sekretaris' screen). */
function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Loads a meeting and its group for the actor. @throws mgmp.meeting_not_found */
export async function loadMeeting(tx: Tx, actor: Actor, id: string, deps: MgmpDeps, options: { lock?: boolean } = {}): Promise<{ meeting: MeetingRow; ctx: GroupContext }> {
  const meeting = options.lock ? await deps.mgmpRepository.lockMeeting(tx, actor.tenantId, id) : await deps.mgmpRepository.findMeeting(tx, actor.tenantId, id);
  if (!meeting) throw mgmpErrors['mgmp.meeting_not_found']();
  const ctx = await loadGroup(tx, actor, meeting.groupId, deps, () => mgmpErrors['mgmp.meeting_not_found']());
  return { meeting, ctx };
}

async function presentLoadedMeeting(tx: Tx, actor: Actor, meeting: MeetingRow, ctx: GroupContext, deps: MgmpDeps): Promise<MgmpMeeting> {
  const agenda = await deps.mgmpRepository.listAgenda(tx, actor.tenantId, meeting.id);
  const invitees = await deps.mgmpRepository.listInvitees(tx, actor.tenantId, meeting.id, meeting.groupId);
  return presentMeeting(meeting, agenda, ctx.access === 'manage', invitees);
}

/**
 * The invitation list to store: the given ids, checked (members of the group; guests: active teachers
 * of the group's madrasah, or of a madrasah the actor sees for a tenant-level group), or every member
 * when none is given. @throws mgmp.invalid_invitees (empty, a teacher twice, anyone else — also a
 * teacher of another tenant, whom RLS hides)
 */
async function resolveInvitees(tx: Tx, actor: Actor, ctx: GroupContext, ids: readonly string[] | undefined, deps: MgmpDeps): Promise<string[]> {
  const members = await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id);
  if (ids === undefined) return members.map((m) => m.teacherId);
  const memberIds = new Set(members.map((m) => m.teacherId));
  const found = new Map((await deps.mgmpRepository.findInviteeCandidates(tx, actor.tenantId, ids.filter((id) => !memberIds.has(id)))).map((t) => [t.id, t]));
  const refusal = inviteeRefusal(ids, memberIds, found, (t) => guestFitsGroup(ctx.group.madrasahId, t.madrasahId, (m) => canSeeMadrasah(actor, m)));
  if (refusal !== null) throw mgmpErrors['mgmp.invalid_invitees']();
  return [...ids];
}

// ---------- programme (program kerja) ----------
/** The programme of a group (optionally one academic year), with planned vs held. @throws mgmp.group_not_found, auth.forbidden */
export async function listProgramme(actor: Actor, groupId: string, query: ListInput & { academicYear?: string | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    requireRead(await loadGroup(tx, actor, groupId, deps));
    const page = await deps.mgmpRepository.listProgramme(tx, actor.tenantId, groupId, query);
    return { items: page.items.map((r) => presentProgrammeItem(r.item, { topicName: r.topicName, personName: r.personName, meetingStatus: r.meetingStatus })), total: page.total, planned: page.planned, held: page.held };
  });
}

async function presentProgrammeRow(tx: Tx, actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpProgrammeItem> {
  const item = await deps.mgmpRepository.findProgrammeItem(tx, actor.tenantId, id);
  if (!item) throw mgmpErrors['mgmp.programme_item_not_found']();
  const topic = item.topicId ? await deps.mgmpRepository.findTopic(tx, actor.tenantId, item.topicId) : undefined;
  const [person] = item.personInChargeId ? await deps.mgmpRepository.findTeachers(tx, actor.tenantId, [item.personInChargeId]) : [];
  const meeting = item.meetingId ? await deps.mgmpRepository.findMeeting(tx, actor.tenantId, item.meetingId) : undefined;
  return presentProgrammeItem(item, { topicName: topic?.name ?? null, personName: person?.name ?? null, meetingStatus: meeting?.status ?? null });
}

async function checkProgrammeRefs(tx: Tx, actor: Actor, ctx: GroupContext, input: { topicId?: string | null | undefined; personInChargeId?: string | null | undefined }, deps: MgmpDeps) {
  if (input.topicId) {
    const topic = await deps.mgmpRepository.findTopic(tx, actor.tenantId, input.topicId);
    if (!topic || (topic.madrasahId !== null && topic.madrasahId !== ctx.group.madrasahId)) throw mgmpErrors['mgmp.topic_not_found']();
  }
  if (input.personInChargeId && !(await deps.mgmpRepository.findMemberRole(tx, actor.tenantId, ctx.group.id, input.personInChargeId))) throw mgmpErrors['mgmp.invalid_members']();
}

/** Adds a planned activity to a group's programme. @throws mgmp.group_not_found, mgmp.topic_not_found, mgmp.invalid_members, auth.forbidden */
export async function createProgrammeItem(
  actor: Actor,
  groupId: string,
  input: { academicYear: string; type: MgmpProgrammeItem['type']; topicId?: string | null | undefined; title: string; targetMonth: string; personInChargeId?: string | null | undefined },
  deps: MgmpDeps,
): Promise<MgmpProgrammeItem> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireManage(ctx);
    await checkProgrammeRefs(tx, actor, ctx, input, deps);
    const id = uuidv7();
    await deps.mgmpRepository.insertProgrammeItem(tx, { tenantId: actor.tenantId, id, groupId, academicYear: input.academicYear, type: input.type, topicId: input.topicId ?? null, title: input.title, targetMonth: input.targetMonth, personInChargeId: input.personInChargeId ?? null });
    const after = await presentProgrammeRow(tx, actor, id, deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.programme.create', entityType: 'mgmp_programme_item', entityId: id, after });
    return after;
  });
}

async function loadProgrammeItem(tx: Tx, actor: Actor, id: string, deps: MgmpDeps) {
  const item = await deps.mgmpRepository.findProgrammeItem(tx, actor.tenantId, id);
  if (!item) throw mgmpErrors['mgmp.programme_item_not_found']();
  const ctx = await loadGroup(tx, actor, item.groupId, deps, () => mgmpErrors['mgmp.programme_item_not_found']());
  return { item, ctx };
}

/** Why the activity may not be edited / removed now (see programmeItemChangeRefusal). @throws mgmp.programme_item_held, mgmp.already_scheduled */
async function requireProgrammeChange(tx: Tx, actor: Actor, item: { meetingId: string | null }, action: 'edit' | 'delete', deps: MgmpDeps): Promise<void> {
  const meeting = item.meetingId ? await deps.mgmpRepository.findMeeting(tx, actor.tenantId, item.meetingId) : undefined;
  const refusal = programmeItemChangeRefusal(action, meeting ? oneOf(MGMP_MEETING_STATUSES, meeting.status) : null);
  if (refusal === 'held') throw mgmpErrors['mgmp.programme_item_held']();
  if (refusal === 'scheduled') throw mgmpErrors['mgmp.already_scheduled']();
}

/** Changes a planned activity (not one already held). @throws mgmp.programme_item_not_found, mgmp.programme_item_held, mgmp.topic_not_found, auth.forbidden */
export async function updateProgrammeItem(
  actor: Actor,
  id: string,
  patch: { academicYear?: string | undefined; type?: MgmpProgrammeItem['type'] | undefined; topicId?: string | null | undefined; title?: string | undefined; targetMonth?: string | undefined; personInChargeId?: string | null | undefined },
  deps: MgmpDeps,
): Promise<MgmpProgrammeItem> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, ctx } = await loadProgrammeItem(tx, actor, id, deps);
    requireManage(ctx);
    await requireProgrammeChange(tx, actor, item, 'edit', deps);
    await checkProgrammeRefs(tx, actor, ctx, patch, deps);
    const before = await presentProgrammeRow(tx, actor, id, deps);
    await deps.mgmpRepository.updateProgrammeItem(tx, actor.tenantId, id, patch);
    const after = await presentProgrammeRow(tx, actor, id, deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.programme.update', entityType: 'mgmp_programme_item', entityId: id, before, after });
    return after;
  });
}

/** Removes a planned activity that is not scheduled (or whose meeting was cancelled). @throws mgmp.programme_item_not_found, mgmp.already_scheduled, mgmp.programme_item_held, auth.forbidden */
export async function deleteProgrammeItem(actor: Actor, id: string, deps: MgmpDeps): Promise<{ ok: true }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, ctx } = await loadProgrammeItem(tx, actor, id, deps);
    requireManage(ctx);
    await requireProgrammeChange(tx, actor, item, 'delete', deps);
    const before = await presentProgrammeRow(tx, actor, id, deps);
    await deps.mgmpRepository.deleteProgrammeItem(tx, actor.tenantId, id);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.programme.delete', entityType: 'mgmp_programme_item', entityId: id, before });
    return { ok: true as const };
  });
}

/** Turns a planned activity into a meeting in one action (title from the plan unless given; invited: every member unless given). @throws mgmp.programme_item_not_found, mgmp.already_scheduled, mgmp.invalid_invitees, auth.forbidden */
export async function scheduleProgrammeItem(
  actor: Actor,
  id: string,
  input: { title?: string | undefined; startsAt: string; endsAt: string; place?: string | null | undefined; onlineUrl?: string | null | undefined; invitedTeacherIds?: string[] | undefined },
  deps: MgmpDeps,
): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, ctx } = await loadProgrammeItem(tx, actor, id, deps);
    requireManage(ctx);
    if (item.meetingId) throw mgmpErrors['mgmp.already_scheduled']();
    const meeting = await insertMeeting(tx, actor, ctx, { ...input, title: input.title ?? item.title, agenda: [{ title: item.title, kind: 'biasa' }] }, deps);
    await deps.mgmpRepository.updateProgrammeItem(tx, actor.tenantId, id, { meetingId: meeting.id });
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.programme.schedule', entityType: 'mgmp_programme_item', entityId: id, after: { meetingId: meeting.id } });
    return meeting;
  });
}

// ---------- meetings ----------
/** Meetings of a group, newest first. @throws mgmp.group_not_found, auth.forbidden */
export async function listMeetings(actor: Actor, groupId: string, query: ListInput & { status?: MgmpMeetingStatus | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    requireRead(await loadGroup(tx, actor, groupId, deps));
    const page = await deps.mgmpRepository.listMeetings(tx, actor.tenantId, groupId, query);
    return { items: page.items.map(presentMeetingSummary), total: page.total };
  });
}

/** One meeting with its agenda; the check-in code only for officers. @throws mgmp.meeting_not_found, auth.forbidden */
export async function getMeeting(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await loadMeeting(tx, actor, id, deps);
    requireRead(ctx);
    return presentLoadedMeeting(tx, actor, meeting, ctx, deps);
  });
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (!(endsAt.getTime() > startsAt.getTime())) throw mgmpErrors['mgmp.invalid_time']();
}

/**
 * Inserts a meeting (status direncanakan) with its agenda: first the decisions due for review and
 * the open follow-ups of the group (they come back by themselves), then the given items.
 */
async function insertMeeting(
  tx: Tx,
  actor: Actor,
  ctx: GroupContext,
  input: {
    title: string;
    startsAt: string;
    endsAt: string;
    place?: string | null | undefined;
    onlineUrl?: string | null | undefined;
    agenda: { title: string; kind: 'biasa' | 'proposal' }[];
    invitedTeacherIds?: string[] | undefined;
  },
  deps: MgmpDeps,
): Promise<MgmpMeeting> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkTimes(startsAt, endsAt);
  const invited = await resolveInvitees(tx, actor, ctx, input.invitedTeacherIds, deps);
  const id = uuidv7();
  const row = { tenantId: actor.tenantId, id, groupId: ctx.group.id, title: input.title, startsAt, endsAt, place: input.place ?? null, onlineUrl: input.onlineUrl ?? null, status: 'direncanakan', cancelReason: null, checkInCode: newCheckInCode() };
  await deps.mgmpRepository.insertMeeting(tx, row);
  await deps.mgmpRepository.replaceInvitees(tx, actor.tenantId, id, invited);
  const due = await deps.mgmpRepository.decisionsDueForReview(tx, actor.tenantId, ctx.group.id, todayInIndonesia(startsAt));
  const open = await deps.mgmpRepository.openFollowUpsOfGroup(tx, actor.tenantId, ctx.group.id);
  const items = [
    ...due.map((d) => ({ title: carryOverTitle({ kind: 'decision', statement: d.statement, proposal: d.proposal }), kind: 'keputusan-review', decisionId: d.id, followUpId: null })),
    ...open.map((f) => ({ title: carryOverTitle({ kind: 'follow-up', what: f.what }), kind: 'tindak-lanjut-review', decisionId: null, followUpId: f.id })),
    ...input.agenda.map((a) => ({ title: a.title, kind: a.kind, decisionId: null, followUpId: null })),
  ];
  await deps.mgmpRepository.insertAgendaItems(tx, items.map((a, i) => ({ tenantId: actor.tenantId, id: uuidv7(), meetingId: id, ordinal: i + 1, ...a })));
  const meeting = await presentLoadedMeeting(tx, actor, { ...row, createdAt: new Date(), updatedAt: new Date() }, ctx, deps);
  await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.meeting.create', entityType: 'mgmp_meeting', entityId: id, after: { ...meeting, checkInCode: null } });
  return meeting;
}

/** Plans a meeting of a group (invited: every member unless given); open follow-ups and decisions due for review join its agenda. @throws mgmp.group_not_found, mgmp.invalid_time, mgmp.invalid_invitees, auth.forbidden */
export async function createMeeting(actor: Actor, groupId: string, input: CreateMgmpMeetingInput, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireManage(ctx);
    return insertMeeting(tx, actor, ctx, input, deps);
  });
}

async function manageMeeting(tx: Tx, actor: Actor, id: string, deps: MgmpDeps) {
  const loaded = await loadMeeting(tx, actor, id, deps, { lock: true });
  requireManage(loaded.ctx);
  return loaded;
}

/**
 * Changes a planned or running meeting's title, time or place; its invitation list only while it is
 * planned. @throws mgmp.meeting_not_found, mgmp.invalid_time, mgmp.invalid_transition, mgmp.invitees_locked, mgmp.invalid_invitees, auth.forbidden
 */
export async function updateMeeting(
  actor: Actor,
  id: string,
  patch: { title?: string | undefined; startsAt?: string | undefined; endsAt?: string | undefined; place?: string | null | undefined; onlineUrl?: string | null | undefined; invitedTeacherIds?: string[] | undefined },
  deps: MgmpDeps,
): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await manageMeeting(tx, actor, id, deps);
    const status = oneOf(MGMP_MEETING_STATUSES, meeting.status);
    if (status === 'selesai' || status === 'dibatalkan') throw mgmpErrors['mgmp.invalid_transition']();
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : meeting.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : meeting.endsAt;
    checkTimes(startsAt, endsAt);
    const invitedBefore = (await deps.mgmpRepository.listInvitees(tx, actor.tenantId, id, meeting.groupId)).map((i) => i.teacherId);
    let invitedAfter = invitedBefore;
    if (patch.invitedTeacherIds !== undefined) {
      if (!inviteesEditable(status)) throw mgmpErrors['mgmp.invitees_locked']();
      invitedAfter = await resolveInvitees(tx, actor, ctx, patch.invitedTeacherIds, deps);
      if (!sameInvitees(invitedBefore, invitedAfter)) await deps.mgmpRepository.replaceInvitees(tx, actor.tenantId, id, invitedAfter);
    }
    await deps.mgmpRepository.updateMeeting(tx, actor.tenantId, id, { title: patch.title, startsAt, endsAt, place: patch.place, onlineUrl: patch.onlineUrl });
    const after = await deps.mgmpRepository.findMeeting(tx, actor.tenantId, id);
    if (!after) throw mgmpErrors['mgmp.meeting_not_found']();
    await auditMgmp(tx, actor, ctx.group, {
      action: 'mgmp.meeting.update',
      entityType: 'mgmp_meeting',
      entityId: id,
      before: { ...presentMeetingSummary(meeting), invitedTeacherIds: invitedBefore },
      after: { ...presentMeetingSummary(after), invitedTeacherIds: invitedAfter },
    });
    return presentLoadedMeeting(tx, actor, after, ctx, deps);
  });
}

/** Moves a meeting along direncanakan → berlangsung → selesai (cancelling has its own use case). @throws mgmp.invalid_transition */
export async function transitionMeeting(actor: Actor, id: string, to: 'berlangsung' | 'selesai', deps: MgmpDeps): Promise<MgmpMeeting> {
  return changeStatus(actor, id, to, null, deps);
}

/** Cancels a planned or running meeting, with the reason. @throws mgmp.invalid_transition */
export async function cancelMeeting(actor: Actor, id: string, reason: string, deps: MgmpDeps): Promise<MgmpMeeting> {
  return changeStatus(actor, id, 'dibatalkan', reason, deps);
}

async function changeStatus(actor: Actor, id: string, to: MgmpMeetingStatus, reason: string | null, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await manageMeeting(tx, actor, id, deps);
    const from = oneOf(MGMP_MEETING_STATUSES, meeting.status);
    if (!canTransitionMeeting(from, to)) throw mgmpErrors['mgmp.invalid_transition']();
    await deps.mgmpRepository.updateMeeting(tx, actor.tenantId, id, { status: to, cancelReason: reason });
    await auditMgmp(tx, actor, ctx.group, { action: `mgmp.meeting.${to}`, entityType: 'mgmp_meeting', entityId: id, before: { status: from }, after: { status: to, cancelReason: reason } });
    // Starting: every open follow-up and every decision due by its day is on the agenda (also what arose after it was planned).
    if (to === 'berlangsung') await carryAllOnto(tx, actor, ctx.group, meeting, deps);
    return presentLoadedMeeting(tx, actor, { ...meeting, status: to, cancelReason: reason }, ctx, deps);
  });
}

// ---------- agenda ----------
/** The agenda changes only while the meeting is planned or running. @throws mgmp.meeting_cancelled, mgmp.agenda_locked */
function requireAgendaEditable(meeting: MeetingRow): void {
  const status = oneOf(MGMP_MEETING_STATUSES, meeting.status);
  if (!meetingTakesRecords(status)) throw mgmpErrors['mgmp.meeting_cancelled']();
  if (!agendaEditable(status)) throw mgmpErrors['mgmp.agenda_locked']();
}

/** Loads an agenda item with its meeting (locked) for a manager; another tenant's or madrasah's item answers 404. */
async function manageAgendaItem(tx: Tx, actor: Actor, id: string, deps: MgmpDeps) {
  const item = await deps.mgmpRepository.findAgendaItem(tx, actor.tenantId, id);
  if (!item) throw mgmpErrors['mgmp.agenda_item_not_found']();
  const { meeting, ctx } = await loadMeeting(tx, actor, item.meetingId, deps, { lock: true }).catch(() => {
    throw mgmpErrors['mgmp.agenda_item_not_found']();
  });
  requireManage(ctx);
  requireAgendaEditable(meeting);
  return { item, meeting, ctx };
}

/** Appends an agenda item (planned or running meeting). @throws mgmp.meeting_not_found, mgmp.meeting_cancelled, mgmp.agenda_locked, auth.forbidden */
export async function addAgendaItem(actor: Actor, meetingId: string, input: { title: string; kind: 'biasa' | 'proposal' }, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await manageMeeting(tx, actor, meetingId, deps);
    requireAgendaEditable(meeting);
    const id = uuidv7();
    const ordinal = await deps.mgmpRepository.nextAgendaOrdinal(tx, actor.tenantId, meetingId);
    await deps.mgmpRepository.insertAgendaItems(tx, [{ tenantId: actor.tenantId, id, meetingId, ordinal, title: input.title, kind: input.kind }]);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.agenda.create', entityType: 'mgmp_agenda_item', entityId: id, after: { meetingId, ordinal, ...input } });
    return presentLoadedMeeting(tx, actor, meeting, ctx, deps);
  });
}

/** Renames an agenda item (planned or running meeting). @throws mgmp.agenda_item_not_found, mgmp.agenda_locked, mgmp.meeting_cancelled, auth.forbidden */
export async function updateAgendaItem(actor: Actor, id: string, input: { title: string }, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, meeting, ctx } = await manageAgendaItem(tx, actor, id, deps);
    await deps.mgmpRepository.updateAgendaItem(tx, actor.tenantId, id, { title: input.title });
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.agenda.update', entityType: 'mgmp_agenda_item', entityId: id, before: { title: item.title }, after: input });
    return presentLoadedMeeting(tx, actor, meeting, ctx, deps);
  });
}

/**
 * Removes an agenda item that carries no minutes, decision or follow-up, and closes the gap in the
 * numbering. @throws mgmp.agenda_item_not_found, mgmp.agenda_item_has_records, mgmp.agenda_locked, mgmp.meeting_cancelled, auth.forbidden
 */
export async function deleteAgendaItem(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, meeting, ctx } = await manageAgendaItem(tx, actor, id, deps);
    if (!agendaItemRemovable(await deps.mgmpRepository.agendaItemRecords(tx, actor.tenantId, id))) throw mgmpErrors['mgmp.agenda_item_has_records']();
    await deps.mgmpRepository.deleteAgendaItem(tx, actor.tenantId, id);
    const rest = await deps.mgmpRepository.listAgenda(tx, actor.tenantId, meeting.id);
    for (const [i, a] of rest.entries()) if (a.ordinal !== i + 1) await deps.mgmpRepository.updateAgendaItem(tx, actor.tenantId, a.id, { ordinal: i + 1 });
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.agenda.delete', entityType: 'mgmp_agenda_item', entityId: id, before: { meetingId: meeting.id, ordinal: item.ordinal, title: item.title, kind: item.kind } });
    return presentLoadedMeeting(tx, actor, meeting, ctx, deps);
  });
}

/** Puts the agenda in the given order (every item of the meeting, once; planned or running meeting). @throws mgmp.meeting_not_found, mgmp.agenda_locked, common.validation_failed, auth.forbidden */
export async function reorderAgenda(actor: Actor, meetingId: string, ids: string[], deps: MgmpDeps): Promise<MgmpMeeting> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await manageMeeting(tx, actor, meetingId, deps);
    requireAgendaEditable(meeting);
    const agenda = await deps.mgmpRepository.listAgenda(tx, actor.tenantId, meetingId);
    const current = new Set(agenda.map((a) => a.id));
    if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((i) => !current.has(i))) {
      throw commonErrors['common.validation_failed']([{ path: 'body.ids', code: 'custom', message: 'agenda_ids_mismatch' }]);
    }
    for (const [i, id] of ids.entries()) await deps.mgmpRepository.updateAgendaItem(tx, actor.tenantId, id, { ordinal: i + 1 });
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.agenda.reorder', entityType: 'mgmp_meeting', entityId: meetingId, before: { ids: agenda.map((a) => a.id) }, after: { ids } });
    return presentLoadedMeeting(tx, actor, meeting, ctx, deps);
  });
}

// ---------- attendance ----------
/**
 * The daftar hadir: the invitees (members by office, then guests), then anyone else recorded (a member
 * who checked in uninvited, a record from before). Presence and quorum count the group's members.
 */
async function attendanceSheet(tx: Tx, actor: Actor, ctx: GroupContext, meetingId: string, deps: MgmpDeps) {
  const members = await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id);
  const invitees = await deps.mgmpRepository.listInvitees(tx, actor.tenantId, meetingId, ctx.group.id);
  const rows = await deps.mgmpRepository.listAttendance(tx, actor.tenantId, meetingId);
  const byTeacher = new Map(rows.map((r) => [r.row.teacherId, r]));
  const roleOf = new Map(members.map((m) => [m.teacherId, m.role]));
  const invitedIds = new Set(invitees.map((i) => i.teacherId));
  const items = [
    ...invitees.map((i) => ({ teacherId: i.teacherId, name: i.name, role: memberRole(i.role), invited: true, rec: byTeacher.get(i.teacherId) })),
    ...rows.filter((r) => !invitedIds.has(r.row.teacherId)).map((r) => ({ teacherId: r.row.teacherId, name: r.name, role: memberRole(roleOf.get(r.row.teacherId)), invited: false, rec: r })),
  ].map(({ teacherId, name, role, invited, rec }) => ({
    teacherId,
    name,
    role,
    code: oneOfOrNull(MGMP_ATTENDANCE_CODES, rec?.row.code),
    note: rec?.row.note ?? null,
    checkedInAt: rec?.row.checkedInAt?.toISOString() ?? null,
    source: oneOfOrNull(['sekretaris', 'self'] as const, rec?.row.source),
    invited,
  }));
  const present = members.filter((m) => isPresent(oneOfOrNull(MGMP_ATTENDANCE_CODES, byTeacher.get(m.teacherId)?.row.code))).length;
  return { items, total: items.length, present, members: members.length, invited: invitees.length, quorumMet: quorumMet(parseQuorum(ctx.group.quorum), members.length, present) };
}

/** The daftar hadir of a meeting: every invitee with their code (null = not recorded), others recorded, and whether quorum is met. */
export async function getAttendance(actor: Actor, meetingId: string, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { ctx } = await loadMeeting(tx, actor, meetingId, deps);
    requireRead(ctx);
    return attendanceSheet(tx, actor, ctx, meetingId, deps);
  });
}

/**
 * Records attendance for members of the meeting's group (an officer's bulk entry): all or nothing.
 * Each entry goes through `recordAttendanceByOfficer`: a member's self check-in (source and time) is
 * kept when H is set again, the check-in time is never cleared, and a note changes only when the
 * entry carries the `note` key (null clears it). The rows are locked before they are decided, so a
 * concurrent self check-in is not lost. Only rows that change are written and audited
 * (`mgmp.attendance.put`, before/after: teacher, code, note, source, checkedInAt of those rows).
 * @throws mgmp.meeting_cancelled, mgmp.not_member (a teacher outside the group), auth.forbidden
 */
export async function putAttendance(actor: Actor, meetingId: string, entries: { teacherId: string; code: MgmpAttendanceCode; note?: string | null | undefined }[], deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await manageMeeting(tx, actor, meetingId, deps);
    if (!meetingTakesRecords(oneOf(MGMP_MEETING_STATUSES, meeting.status))) throw mgmpErrors['mgmp.meeting_cancelled']();
    const members = new Set((await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id)).map((m) => m.teacherId));
    // Invited guests (a narasumber) are recorded by the officer too: they cannot check themselves in.
    for (const i of await deps.mgmpRepository.listInvitees(tx, actor.tenantId, meetingId, ctx.group.id)) members.add(i.teacherId);
    if (entries.some((e) => !members.has(e.teacherId)) || new Set(entries.map((e) => e.teacherId)).size !== entries.length) throw mgmpErrors['mgmp.not_member']();

    const stored = async (teacherIds: string[]) =>
      new Map((await deps.mgmpRepository.lockAttendance(tx, actor.tenantId, meetingId, teacherIds)).map((r) => [r.teacherId, storedAttendance(r)] as const));
    const decide = (entry: (typeof entries)[number], previous: AttendanceRecord | null) => ({ entry, previous, ...recordAttendanceByOfficer(previous, entry) });
    const row = (teacherId: string, r: AttendanceRecord) => ({ tenantId: actor.tenantId, meetingId, teacherId, code: r.code, note: r.note, source: r.source, checkedInAt: r.checkedInAt });

    const before = await stored(entries.map((e) => e.teacherId));
    const decided = entries.map((e) => decide(e, before.get(e.teacherId) ?? null));
    // New rows first; a member who checked in between the read and this insert keeps that row, which is then decided again.
    const fresh = decided.filter((d) => d.previous === null);
    const inserted = await deps.mgmpRepository.insertAttendanceIfAbsent(tx, fresh.map((d) => row(d.entry.teacherId, d.next)));
    const raced = fresh.filter((d) => !inserted.has(d.entry.teacherId));
    const again = await stored(raced.map((d) => d.entry.teacherId));
    const settled = decided.map((d) => (d.previous === null && !inserted.has(d.entry.teacherId) ? decide(d.entry, again.get(d.entry.teacherId) ?? null) : d));
    const updates = settled.filter((d) => d.previous !== null && d.changed);
    await deps.mgmpRepository.writeAttendance(tx, updates.map((d) => row(d.entry.teacherId, d.next)));

    const changes = settled.filter((d) => d.changed);
    if (changes.length > 0) {
      await auditMgmp(tx, actor, ctx.group, {
        action: 'mgmp.attendance.put',
        entityType: 'mgmp_meeting',
        entityId: meetingId,
        before: changes.map((d) => auditedAttendance(d.entry.teacherId, d.previous)),
        after: changes.map((d) => auditedAttendance(d.entry.teacherId, d.next)),
      });
    }
    return attendanceSheet(tx, actor, ctx, meetingId, deps);
  });
}

function storedAttendance(r: { code: string; note: string | null; source: string; checkedInAt: Date | null }): AttendanceRecord {
  return { code: oneOf(MGMP_ATTENDANCE_CODES, r.code), note: r.note, source: oneOf(['sekretaris', 'self'] as const, r.source), checkedInAt: r.checkedInAt };
}

function auditedAttendance(teacherId: string, r: AttendanceRecord | null) {
  return { teacherId, code: r?.code ?? null, note: r?.note ?? null, source: r?.source ?? null, checkedInAt: r?.checkedInAt?.toISOString() ?? null };
}

/**
 * A member checks themself in with the meeting's code, during [starts − 30 min, ends]. Checking in
 * again is harmless: nothing changes and the first check-in time is answered.
 * @throws mgmp.meeting_not_found, mgmp.not_member, mgmp.meeting_cancelled, mgmp.check_in_outside_window, mgmp.wrong_check_in_code
 */
export async function checkIn(actor: Actor, meetingId: string, code: string, deps: MgmpDeps) {
  const teacherId = requireTeacher(actor);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    // The hot path (a whole room checks in within minutes): one statement loads the meeting and, when
    // the obvious conditions hold, writes the row and its audit entry. The rules below still decide:
    // a refusal throws and rolls that write back; an acceptance the statement did not write is written now.
    const now = deps.clock();
    const found = await deps.mgmpRepository.checkInAtOnce(tx, { tenantId: actor.tenantId, meetingId, teacherId, code, at: now, actor: { userId: actor.userId, label: actor.email } });
    if (!found || !canSeeGroup(actor, { madrasahId: found.madrasahId })) throw mgmpErrors['mgmp.meeting_not_found']();
    const { meeting } = found;
    if (memberRole(found.myRole) === null) throw mgmpErrors['mgmp.not_member']();
    const refusal = checkInRefusal({ status: oneOf(MGMP_MEETING_STATUSES, meeting.status), startsAt: meeting.startsAt, endsAt: meeting.endsAt }, now);
    if (refusal === 'cancelled') throw mgmpErrors['mgmp.meeting_cancelled']();
    if (refusal === 'outside_window') throw mgmpErrors['mgmp.check_in_outside_window']();
    if (code !== meeting.checkInCode) throw mgmpErrors['mgmp.wrong_check_in_code']();
    const written = found.attempted
      ? found.written
      : await deps.mgmpRepository.checkInAttendance(tx, actor.tenantId, meetingId, teacherId, now, { actor: { userId: actor.userId, label: actor.email }, madrasahId: found.madrasahId });
    // Already checked in: the first time stands (read again only when a concurrent check-in won the race).
    const checkedInAt = written.writtenAt ?? written.previous?.checkedInAt ?? (await deps.mgmpRepository.findAttendance(tx, actor.tenantId, meetingId, teacherId))?.checkedInAt ?? now;
    return { meetingId, teacherId, code: 'H' as const, checkedInAt: checkedInAt.toISOString() };
  });
}
