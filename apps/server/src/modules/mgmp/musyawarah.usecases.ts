import {
  MGMP_ATTENDANCE_CODES,
  MGMP_DECISION_STATUSES,
  MGMP_FOLLOW_UP_STATUSES,
  MGMP_MEETING_STATUSES,
  MGMP_MINUTES_STATUSES,
  MGMP_VOTE_CHOICES,
  type MgmpDecision,
  type MgmpFollowUp,
  type MgmpMinutes,
  type MgmpDecisionRevision,
  type MgmpVoteChoice,
  type ReviseMgmpDecisionInput,
  type UpdateMgmpFollowUpInput,
} from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import { carryToNextMeeting } from './agenda-carry.usecases.ts';
import { auditMgmp, loadGroup, requireActive, requireManage, requireRead, requireTeacher, type GroupContext, type MgmpDeps } from './mgmp.context.ts';
import { mgmpErrors } from './mgmp.errors.ts';
import {
  canTransitionDecision,
  canTransitionFollowUp,
  decisionRevisionRefusal,
  decisionTakesVotes,
  followUpOpen,
  isPresent,
  meetingTakesRecords,
  minutesEditable,
  parseQuorum,
  quorumMet,
  reviseWording,
  tallyVotes,
  todayInIndonesia,
  voteAdopts,
  voteCloseRefusal,
} from './mgmp.models.ts';
import { canLeadGroup, canUpdateFollowUp } from './mgmp.policies.ts';
import { oneOf, oneOfOrNull, presentDecision, presentFollowUp, presentMinutes } from './mgmp.presenters.ts';
import type { AgendaItemRow, DecisionRow, FollowUpRow, MeetingRow } from './mgmp.repository.ts';

type ListInput = { q?: string | undefined; limit: number; offset: number };

async function loadAgendaItem(tx: Tx, actor: Actor, id: string, deps: MgmpDeps): Promise<{ item: AgendaItemRow; meeting: MeetingRow; ctx: GroupContext }> {
  const item = await deps.mgmpRepository.findAgendaItem(tx, actor.tenantId, id);
  if (!item) throw mgmpErrors['mgmp.agenda_item_not_found']();
  const meeting = await deps.mgmpRepository.lockMeeting(tx, actor.tenantId, item.meetingId);
  if (!meeting) throw mgmpErrors['mgmp.agenda_item_not_found']();
  const ctx = await loadGroup(tx, actor, meeting.groupId, deps, () => mgmpErrors['mgmp.agenda_item_not_found']());
  return { item, meeting, ctx };
}

function requireRecordsAllowed(meeting: MeetingRow): void {
  if (!meetingTakesRecords(oneOf(MGMP_MEETING_STATUSES, meeting.status))) throw mgmpErrors['mgmp.meeting_cancelled']();
}

async function checkContributors(tx: Tx, actor: Actor, ctx: GroupContext, contributions: { teacherId: string }[], deps: MgmpDeps): Promise<void> {
  const members = new Set((await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id)).map((m) => m.teacherId));
  if (contributions.some((c) => !members.has(c.teacherId))) throw mgmpErrors['mgmp.invalid_members']();
}

// ---------- minutes (notulen) ----------
/** Every revision of an agenda item's minutes, newest first (old revisions stay readable). @throws mgmp.agenda_item_not_found, auth.forbidden */
export async function listMinutes(actor: Actor, agendaItemId: string, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { ctx } = await loadAgendaItem(tx, actor, agendaItemId, deps);
    requireRead(ctx);
    const rows = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    return { items: rows.map(presentMinutes), total: rows.length };
  });
}

/**
 * Writes the draft minutes of an agenda item (creates revision 1, or edits the current draft).
 * @throws mgmp.minutes_locked (the latest revision is approved), mgmp.meeting_cancelled, mgmp.invalid_members, auth.forbidden
 */
export async function saveMinutesDraft(
  actor: Actor,
  agendaItemId: string,
  input: { summary: string; problems?: string | null | undefined; contributions: { teacherId: string; text: string }[] },
  deps: MgmpDeps,
): Promise<MgmpMinutes> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await loadAgendaItem(tx, actor, agendaItemId, deps);
    requireManage(ctx);
    requireRecordsAllowed(meeting);
    await checkContributors(tx, actor, ctx, input.contributions, deps);
    const [latest] = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    const fields = { summary: input.summary, problems: input.problems ?? null, contributions: input.contributions };
    if (latest && !minutesEditable(oneOf(MGMP_MINUTES_STATUSES, latest.status))) throw mgmpErrors['mgmp.minutes_locked']();
    if (latest) {
      if (!(await deps.mgmpRepository.updateDraftMinutes(tx, actor.tenantId, latest.id, fields))) throw mgmpErrors['mgmp.minutes_locked']();
    } else {
      await deps.mgmpRepository.insertMinutes(tx, { tenantId: actor.tenantId, id: uuidv7(), agendaItemId, revision: 1, status: 'draft', ...fields });
    }
    const [after] = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    if (!after) throw mgmpErrors['mgmp.minutes_not_found']();
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.minutes.save', entityType: 'mgmp_minutes', entityId: after.id, before: latest ? presentMinutes(latest) : null, after: presentMinutes(after) });
    return presentMinutes(after);
  });
}

/** The ketua approves the current draft; it is then locked. @throws mgmp.minutes_not_found, mgmp.minutes_locked, auth.forbidden */
export async function approveMinutes(actor: Actor, agendaItemId: string, deps: MgmpDeps): Promise<MgmpMinutes> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await loadAgendaItem(tx, actor, agendaItemId, deps);
    requireRead(ctx);
    if (!canLeadGroup(actor, ctx.group, ctx.myRole)) throw commonErrors['auth.forbidden']();
    requireActive(ctx);
    requireRecordsAllowed(meeting);
    const [latest] = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    if (!latest) throw mgmpErrors['mgmp.minutes_not_found']();
    const now = deps.clock();
    if (!(await deps.mgmpRepository.updateDraftMinutes(tx, actor.tenantId, latest.id, { status: 'approved', approvedBy: actor.userId, approvedAt: now }))) throw mgmpErrors['mgmp.minutes_locked']();
    const after = presentMinutes({ ...latest, status: 'approved', approvedBy: actor.userId, approvedAt: now, updatedAt: now });
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.minutes.approve', entityType: 'mgmp_minutes', entityId: latest.id, before: presentMinutes(latest), after });
    return after;
  });
}

/**
 * Corrects approved minutes: a new draft revision with the reason; the approved one stays as it was.
 * @throws mgmp.minutes_not_found, mgmp.minutes_not_approved (the latest is still a draft), auth.forbidden
 */
export async function reviseMinutes(
  actor: Actor,
  agendaItemId: string,
  input: { summary: string; problems?: string | null | undefined; contributions: { teacherId: string; text: string }[]; reason: string },
  deps: MgmpDeps,
): Promise<MgmpMinutes> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { meeting, ctx } = await loadAgendaItem(tx, actor, agendaItemId, deps);
    requireManage(ctx);
    requireRecordsAllowed(meeting);
    await checkContributors(tx, actor, ctx, input.contributions, deps);
    const [latest] = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    if (!latest) throw mgmpErrors['mgmp.minutes_not_found']();
    if (minutesEditable(oneOf(MGMP_MINUTES_STATUSES, latest.status))) throw mgmpErrors['mgmp.minutes_not_approved']();
    const row = { tenantId: actor.tenantId, id: uuidv7(), agendaItemId, revision: latest.revision + 1, status: 'draft', summary: input.summary, problems: input.problems ?? null, contributions: input.contributions, correctionReason: input.reason };
    await deps.mgmpRepository.insertMinutes(tx, row);
    const [after] = await deps.mgmpRepository.listMinutes(tx, actor.tenantId, agendaItemId);
    if (!after) throw mgmpErrors['mgmp.minutes_not_found']();
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.minutes.revise', entityType: 'mgmp_minutes', entityId: row.id, before: presentMinutes(latest), after: presentMinutes(after) });
    return presentMinutes(after);
  });
}

// ---------- decisions (musyawarah) ----------
async function presentDecisions(tx: Tx, actor: Actor, rows: DecisionRow[], deps: MgmpDeps): Promise<MgmpDecision[]> {
  const votes = await deps.mgmpRepository.votesOf(tx, actor.tenantId, rows.map((d) => d.id));
  const today = todayInIndonesia(deps.clock());
  return rows.map((d) => presentDecision(d, votes.filter((v) => v.decisionId === d.id), today));
}

async function loadDecision(tx: Tx, actor: Actor, id: string, deps: MgmpDeps, lock = false) {
  const decision = lock ? await deps.mgmpRepository.lockDecision(tx, actor.tenantId, id) : await deps.mgmpRepository.findDecision(tx, actor.tenantId, id);
  if (!decision) throw mgmpErrors['mgmp.decision_not_found']();
  const ctx = await loadGroup(tx, actor, decision.groupId, deps, () => mgmpErrors['mgmp.decision_not_found']());
  return { decision, ctx };
}

/** Decisions of a group (filter by status, or those due for review). @throws mgmp.group_not_found, auth.forbidden */
export async function listDecisions(actor: Actor, groupId: string, query: ListInput & { status?: 'open' | 'closed' | undefined; dueForReview?: 'true' | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    requireRead(await loadGroup(tx, actor, groupId, deps));
    const page = await deps.mgmpRepository.listDecisions(tx, actor.tenantId, { ...query, groupId, dueForReviewOn: query.dueForReview ? todayInIndonesia(deps.clock()) : undefined });
    return { items: await presentDecisions(tx, actor, page.items, deps), total: page.total };
  });
}

/** One decision with its votes and tally. @throws mgmp.decision_not_found, auth.forbidden */
export async function getDecision(actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { decision, ctx } = await loadDecision(tx, actor, id, deps);
    requireRead(ctx);
    const [presented] = await presentDecisions(tx, actor, [decision], deps);
    if (!presented) throw mgmpErrors['mgmp.decision_not_found']();
    return presented;
  });
}

/** Puts a proposal to musyawarah on an agenda item (the item becomes a proposal item). @throws mgmp.agenda_item_not_found, mgmp.meeting_cancelled, auth.forbidden */
export async function openDecision(actor: Actor, agendaItemId: string, input: { proposal: string }, deps: MgmpDeps): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { item, meeting, ctx } = await loadAgendaItem(tx, actor, agendaItemId, deps);
    requireManage(ctx);
    requireRecordsAllowed(meeting);
    const row = { tenantId: actor.tenantId, id: uuidv7(), groupId: ctx.group.id, meetingId: meeting.id, agendaItemId, proposal: input.proposal, status: 'open', createdAt: deps.clock() };
    await deps.mgmpRepository.insertDecision(tx, row);
    if (item.kind === 'biasa') await deps.mgmpRepository.updateAgendaItem(tx, actor.tenantId, agendaItemId, { kind: 'proposal' });
    const decision = await deps.mgmpRepository.findDecision(tx, actor.tenantId, row.id);
    if (!decision) throw mgmpErrors['mgmp.decision_not_found']();
    const [after] = await presentDecisions(tx, actor, [decision], deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.decision.open', entityType: 'mgmp_decision', entityId: row.id, after });
    if (!after) throw mgmpErrors['mgmp.decision_not_found']();
    return after;
  });
}

/**
 * A present member votes once (setuju / abstain / tidak_setuju / blok); an officer may record the
 * vote of a present member. @throws mgmp.decision_closed, mgmp.not_member, mgmp.voter_not_present, mgmp.already_voted, auth.forbidden
 */
export async function castVote(actor: Actor, decisionId: string, input: { choice: MgmpVoteChoice; teacherId?: string | undefined }, deps: MgmpDeps): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { decision, ctx } = await loadDecision(tx, actor, decisionId, deps, true);
    const voterId = input.teacherId ?? requireTeacher(actor);
    if (voterId !== actor.teacherId) requireManage(ctx);
    else if (ctx.myRole === null) throw mgmpErrors['mgmp.not_member']();
    if (!decisionTakesVotes(oneOf(MGMP_DECISION_STATUSES, decision.status))) throw mgmpErrors['mgmp.decision_closed']();
    if (!(await deps.mgmpRepository.findMemberRole(tx, actor.tenantId, ctx.group.id, voterId))) throw mgmpErrors['mgmp.not_member']();
    const attendance = await deps.mgmpRepository.findAttendance(tx, actor.tenantId, decision.meetingId, voterId);
    if (!isPresent(oneOfOrNull(MGMP_ATTENDANCE_CODES, attendance?.code))) throw mgmpErrors['mgmp.voter_not_present']();
    if (!(await deps.mgmpRepository.insertVote(tx, { tenantId: actor.tenantId, decisionId, teacherId: voterId, choice: input.choice, castAt: deps.clock() }))) throw mgmpErrors['mgmp.already_voted']();
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.decision.vote', entityType: 'mgmp_decision', entityId: decisionId, after: { teacherId: voterId, choice: input.choice } });
    const [after] = await presentDecisions(tx, actor, [decision], deps);
    if (!after) throw mgmpErrors['mgmp.decision_not_found']();
    return after;
  });
}

/**
 * Closes a musyawarah. Mufakat: recorded by the ketua (or kepala madrasah). Vote: needs the group's
 * quorum among members present at the meeting, and a blok answered in the rationale.
 * @throws mgmp.decision_closed, mgmp.quorum_not_met, mgmp.block_unanswered, auth.forbidden
 */
export async function closeDecision(
  actor: Actor,
  decisionId: string,
  input: { outcome: 'mufakat' | 'vote'; statement: string; rationale?: string | null | undefined; reviewDate?: string | null | undefined },
  deps: MgmpDeps,
): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { decision, ctx } = await loadDecision(tx, actor, decisionId, deps, true);
    requireManage(ctx);
    if (input.outcome === 'mufakat' && !canLeadGroup(actor, ctx.group, ctx.myRole)) throw commonErrors['auth.forbidden']();
    if (!canTransitionDecision(oneOf(MGMP_DECISION_STATUSES, decision.status), 'closed')) throw mgmpErrors['mgmp.decision_closed']();
    const votes = await deps.mgmpRepository.votesOf(tx, actor.tenantId, [decisionId]);
    const tally = tallyVotes(votes.map((v) => oneOf(MGMP_VOTE_CHOICES, v.choice)));
    let adopted = true;
    if (input.outcome === 'vote') {
      const members = await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id);
      const attendance = await deps.mgmpRepository.listAttendance(tx, actor.tenantId, decision.meetingId);
      const memberIds = new Set(members.map((m) => m.teacherId));
      const present = attendance.filter((a) => memberIds.has(a.row.teacherId) && isPresent(oneOfOrNull(MGMP_ATTENDANCE_CODES, a.row.code))).length;
      const refusal = voteCloseRefusal({ quorumMet: quorumMet(parseQuorum(ctx.group.quorum), members.length, present), tally, rationale: input.rationale });
      if (refusal === 'quorum_not_met') throw mgmpErrors['mgmp.quorum_not_met']({ members: members.length, present });
      if (refusal === 'block_unanswered') throw mgmpErrors['mgmp.block_unanswered']();
      adopted = voteAdopts(tally);
    }
    const now = deps.clock();
    const patch = { status: 'closed', outcome: input.outcome, adopted, statement: input.statement, rationale: input.rationale ?? null, reviewDate: input.reviewDate ?? null, closedAt: now, closedBy: actor.userId };
    await deps.mgmpRepository.updateDecision(tx, actor.tenantId, decisionId, patch);
    const [before] = await presentDecisions(tx, actor, [decision], deps);
    const [after] = await presentDecisions(tx, actor, [{ ...decision, ...patch }], deps);
    if (!after) throw mgmpErrors['mgmp.decision_not_found']();
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.decision.close', entityType: 'mgmp_decision', entityId: decisionId, before, after });
    if (patch.reviewDate !== null) await carryToNextMeeting(tx, actor, ctx.group, { decisionIds: [decisionId] }, deps);
    return after;
  });
}

/** Marks a closed decision as reviewed, with what the group found (it leaves the "due for review" list; the decision itself stays as closed). @throws mgmp.decision_not_found, mgmp.invalid_transition, auth.forbidden */
export async function reviewDecision(actor: Actor, decisionId: string, input: { note?: string | null | undefined }, deps: MgmpDeps): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { decision, ctx } = await loadDecision(tx, actor, decisionId, deps, true);
    requireManage(ctx);
    if (decision.status !== 'closed' || decision.reviewedAt !== null) throw mgmpErrors['mgmp.invalid_transition']();
    const now = deps.clock();
    const reviewNote = input.note?.trim() || null;
    await deps.mgmpRepository.updateDecision(tx, actor.tenantId, decisionId, { reviewedAt: now, reviewNote });
    const [after] = await presentDecisions(tx, actor, [{ ...decision, reviewedAt: now, reviewNote }], deps);
    if (!after) throw mgmpErrors['mgmp.decision_not_found']();
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.decision.review', entityType: 'mgmp_decision', entityId: decisionId, before: { reviewedAt: null, reviewNote: null }, after: { reviewedAt: now.toISOString(), reviewNote } });
    return after;
  });
}

/**
 * Corrects a closed decision: its statement, rationale or review date, with the reason (an audited
 * revision; the outcome and the votes stay as they were). The earlier wording stays readable in the
 * revision history (`listDecisionRevisions`). A new review date that is due by the next planned
 * meeting puts the decision on its agenda.
 * @throws mgmp.decision_not_found, auth.forbidden (not the ketua, kepala madrasah or operator), mgmp.group_archived,
 * mgmp.decision_open, mgmp.revision_no_change, mgmp.block_unanswered (a vote with a blok keeps an answer in its rationale)
 */
export async function reviseDecision(actor: Actor, decisionId: string, input: ReviseMgmpDecisionInput, deps: MgmpDeps): Promise<MgmpDecision> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { decision, ctx } = await loadDecision(tx, actor, decisionId, deps, true);
    const reviser = { myRole: ctx.myRole, kepalaMadrasah: hasRole(actor, 'kepala_madrasah', ctx.group.madrasahId), operator: hasRole(actor, 'operator', ctx.group.madrasahId) };
    const refusal = decisionRevisionRefusal({ status: oneOf(MGMP_DECISION_STATUSES, decision.status), archived: ctx.group.archivedAt !== null, reviser });
    if (refusal === 'forbidden') throw commonErrors['auth.forbidden']();
    if (refusal === 'archived') throw mgmpErrors['mgmp.group_archived']();
    if (refusal === 'open') throw mgmpErrors['mgmp.decision_open']();
    const current = { statement: decision.statement, rationale: decision.rationale, reviewDate: decision.reviewDate };
    const { next, changed } = reviseWording(current, input);
    if (!changed) throw mgmpErrors['mgmp.revision_no_change']();
    const votes = await deps.mgmpRepository.votesOf(tx, actor.tenantId, [decisionId]);
    const blocked = tallyVotes(votes.map((v) => oneOf(MGMP_VOTE_CHOICES, v.choice))).blok > 0;
    if (decision.outcome === 'vote' && blocked && !next.rationale?.trim()) throw mgmpErrors['mgmp.block_unanswered']();
    const revision = (await deps.mgmpRepository.countDecisionRevisions(tx, actor.tenantId, decisionId)) + 1;
    await deps.mgmpRepository.updateDecision(tx, actor.tenantId, decisionId, next);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.decision.revise', entityType: 'mgmp_decision', entityId: decisionId, before: { revision: revision - 1, ...current }, after: { revision, ...next, reason: input.reason } });
    if (next.reviewDate !== null && next.reviewDate !== current.reviewDate) await carryToNextMeeting(tx, actor, ctx.group, { decisionIds: [decisionId] }, deps);
    const [after] = await presentDecisions(tx, actor, [{ ...decision, ...next }], deps);
    if (!after) throw mgmpErrors['mgmp.decision_not_found']();
    return after;
  });
}

const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
function wordingOf(v: unknown): MgmpDecisionRevision['before'] {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  return { statement: textOrNull(o.statement), rationale: textOrNull(o.rationale), reviewDate: textOrNull(o.reviewDate) };
}

/** The corrections of a decision from the audit log, newest first: who, when, why, the wording before and after. @throws mgmp.decision_not_found, auth.forbidden */
export async function listDecisionRevisions(actor: Actor, decisionId: string, deps: MgmpDeps): Promise<{ items: MgmpDecisionRevision[]; total: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const { ctx } = await loadDecision(tx, actor, decisionId, deps);
    requireRead(ctx);
    const rows = await deps.mgmpRepository.listDecisionRevisions(tx, actor.tenantId, decisionId);
    const items = rows.map((r, i): MgmpDecisionRevision => {
      const after = typeof r.after === 'object' && r.after !== null ? (r.after as Record<string, unknown>) : {};
      return {
        revision: typeof after.revision === 'number' ? after.revision : rows.length - i,
        reason: textOrNull(after.reason) ?? '',
        revisedAt: r.at.toISOString(),
        revisedBy: r.actorName ?? r.actorLabel,
        before: wordingOf(r.before),
        after: wordingOf(r.after),
      };
    });
    return { items, total: items.length };
  });
}

// ---------- follow-ups (tindak lanjut) ----------
async function presentFollowUps(tx: Tx, actor: Actor, rows: FollowUpRow[], deps: MgmpDeps): Promise<MgmpFollowUp[]> {
  const owners = await deps.mgmpRepository.ownersOf(tx, actor.tenantId, rows.map((f) => f.id));
  const today = todayInIndonesia(deps.clock());
  return rows.map((f) => presentFollowUp(f, owners.filter((o) => o.followUpId === f.id), today));
}

async function presentOne(tx: Tx, actor: Actor, id: string, deps: MgmpDeps): Promise<MgmpFollowUp> {
  const row = await deps.mgmpRepository.findFollowUp(tx, actor.tenantId, id);
  const [presented] = row ? await presentFollowUps(tx, actor, [row], deps) : [];
  if (!presented) throw mgmpErrors['mgmp.follow_up_not_found']();
  return presented;
}

/** Follow-ups of a group, by due date; `overdue` flags open ones past their date. @throws mgmp.group_not_found, auth.forbidden */
export async function listFollowUps(actor: Actor, groupId: string, query: ListInput & { status?: MgmpFollowUp['status'] | undefined; overdue?: 'true' | undefined }, deps: MgmpDeps) {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    requireRead(await loadGroup(tx, actor, groupId, deps));
    const page = await deps.mgmpRepository.listFollowUps(tx, actor.tenantId, { ...query, groupId, overdueOn: query.overdue ? todayInIndonesia(deps.clock()) : undefined });
    return { items: await presentFollowUps(tx, actor, page.items, deps), total: page.total };
  });
}

/** The requester's own follow-ups across their groups (a teacher's page). @throws mgmp.no_teacher_account */
export async function listMyFollowUps(actor: Actor, query: ListInput & { status?: MgmpFollowUp['status'] | undefined; overdue?: 'true' | undefined }, deps: MgmpDeps) {
  const teacherId = requireTeacher(actor);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const page = await deps.mgmpRepository.listFollowUps(tx, actor.tenantId, { ...query, ownerTeacherId: teacherId, overdueOn: query.overdue ? todayInIndonesia(deps.clock()) : undefined });
    return { items: await presentFollowUps(tx, actor, page.items, deps), total: page.total };
  });
}

async function checkOwners(tx: Tx, actor: Actor, ctx: GroupContext, ownerIds: string[], deps: MgmpDeps): Promise<void> {
  const members = new Set((await deps.mgmpRepository.listMembers(tx, actor.tenantId, ctx.group.id)).map((m) => m.teacherId));
  if (ownerIds.length === 0 || ownerIds.some((o) => !members.has(o))) throw mgmpErrors['mgmp.invalid_members']();
}

/**
 * Assigns a follow-up to one or more members, from a decision or an agenda item of the group.
 * @throws mgmp.invalid_members (no owner, or an owner outside the group), mgmp.decision_not_found, mgmp.agenda_item_not_found, auth.forbidden
 */
export async function createFollowUp(
  actor: Actor,
  groupId: string,
  input: { what: string; dueDate: string; ownerIds: string[]; decisionId?: string | null | undefined; agendaItemId?: string | null | undefined },
  deps: MgmpDeps,
): Promise<MgmpFollowUp> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const ctx = await loadGroup(tx, actor, groupId, deps);
    requireManage(ctx);
    await checkOwners(tx, actor, ctx, input.ownerIds, deps);
    if (input.decisionId) {
      const d = await deps.mgmpRepository.findDecision(tx, actor.tenantId, input.decisionId);
      if (!d || d.groupId !== groupId) throw mgmpErrors['mgmp.decision_not_found']();
    }
    if (input.agendaItemId) {
      const a = await deps.mgmpRepository.findAgendaItem(tx, actor.tenantId, input.agendaItemId);
      const m = a ? await deps.mgmpRepository.findMeeting(tx, actor.tenantId, a.meetingId) : undefined;
      if (!m || m.groupId !== groupId) throw mgmpErrors['mgmp.agenda_item_not_found']();
    }
    const id = uuidv7();
    await deps.mgmpRepository.insertFollowUp(tx, { tenantId: actor.tenantId, id, groupId, decisionId: input.decisionId ?? null, agendaItemId: input.agendaItemId ?? null, what: input.what, dueDate: input.dueDate, status: 'belum' });
    await deps.mgmpRepository.replaceFollowUpOwners(tx, actor.tenantId, id, input.ownerIds);
    const after = await presentOne(tx, actor, id, deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.follow_up.create', entityType: 'mgmp_follow_up', entityId: id, after });
    await carryToNextMeeting(tx, actor, ctx.group, { followUpIds: [id] }, deps);
    return after;
  });
}

/**
 * Updates a follow-up. Its owners change status and evidence of their own; officers change
 * everything. @throws mgmp.follow_up_not_found, mgmp.invalid_transition, mgmp.invalid_members, auth.forbidden
 */
export async function updateFollowUp(actor: Actor, id: string, patch: UpdateMgmpFollowUpInput, deps: MgmpDeps): Promise<MgmpFollowUp> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await deps.mgmpRepository.findFollowUp(tx, actor.tenantId, id);
    if (!row) throw mgmpErrors['mgmp.follow_up_not_found']();
    const ctx = await loadGroup(tx, actor, row.groupId, deps, () => mgmpErrors['mgmp.follow_up_not_found']());
    const before = await presentOne(tx, actor, id, deps);
    const right = canUpdateFollowUp(ctx.access, actor.teacherId, before.owners.map((o) => o.teacherId));
    if (right === 'none') throw commonErrors['auth.forbidden']();
    if (right === 'own' && (patch.what !== undefined || patch.dueDate !== undefined || patch.ownerIds !== undefined)) throw commonErrors['auth.forbidden']();
    if (ctx.group.archivedAt !== null) throw mgmpErrors['mgmp.group_archived']();
    const from = oneOf(MGMP_FOLLOW_UP_STATUSES, row.status);
    if (patch.status && !canTransitionFollowUp(from, patch.status)) throw mgmpErrors['mgmp.invalid_transition']();
    if (patch.ownerIds) await checkOwners(tx, actor, ctx, patch.ownerIds, deps);
    const completedAt = patch.status === undefined ? undefined : patch.status === 'selesai' ? (row.completedAt ?? deps.clock()) : null;
    await deps.mgmpRepository.updateFollowUp(tx, actor.tenantId, id, { status: patch.status, evidence: patch.evidence, what: patch.what, dueDate: patch.dueDate, completedAt });
    if (patch.ownerIds) await deps.mgmpRepository.replaceFollowUpOwners(tx, actor.tenantId, id, patch.ownerIds);
    const after = await presentOne(tx, actor, id, deps);
    await auditMgmp(tx, actor, ctx.group, { action: 'mgmp.follow_up.update', entityType: 'mgmp_follow_up', entityId: id, before, after });
    // Reopened (selesai → sedang, batal → belum): it comes back on the next planned meeting.
    if (!followUpOpen(from) && followUpOpen(after.status)) await carryToNextMeeting(tx, actor, ctx.group, { followUpIds: [id] }, deps);
    return after;
  });
}
