import {
  MGMP_AGENDA_KINDS,
  MGMP_DECISION_OUTCOMES,
  MGMP_DECISION_STATUSES,
  MGMP_FOLLOW_UP_STATUSES,
  MGMP_MEETING_STATUSES,
  MGMP_MEMBER_ROLES,
  MGMP_MINUTES_STATUSES,
  MGMP_PROGRAMME_TYPES,
  MGMP_VOTE_CHOICES,
  type MgmpAccess,
  type MgmpAgendaItem,
  type MgmpDecision,
  type MgmpFollowUp,
  type MgmpGroup,
  type MgmpGroupSummary,
  type MgmpMeeting,
  type MgmpMeetingSummary,
  type MgmpMember,
  type MgmpMemberRole,
  type MgmpMinutes,
  type MgmpProgrammeItem,
  type MgmpTopic,
} from '@tumbuh/shared';
import { checkInWindow, isDueForReview, isOverdue, parseQuorum, tallyVotes } from './mgmp.models.ts';
import type { AgendaItemRow, DecisionRow, FollowUpRow, GroupRow, MeetingRow, MinutesRow, ProgrammeItemRow, TopicRow } from './mgmp.repository.ts';

/** Narrows a stored text to one of the domain's words; anything else is a corrupt row. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`unexpected stored value: ${String(value)}`);
  return found;
}
/** Like `oneOf`, null stays null. */
export function oneOfOrNull<T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  return value === null || value === undefined ? null : oneOf(values, value);
}
export const memberRole = (v: string | null | undefined): MgmpMemberRole | null => oneOfOrNull(MGMP_MEMBER_ROLES, v);

function presentGroupBase(g: GroupRow, access: MgmpAccess, myRole: MgmpMemberRole | null) {
  return { id: g.id, madrasahId: g.madrasahId, subjectId: g.subjectId, clusterId: g.clusterId, name: g.name, archived: g.archivedAt !== null, access, myRole };
}

/** What the group list adds to a group row (see `MgmpRepository.listGroups`). */
export interface GroupListExtras {
  memberCount: number;
  subjectName: string | null;
  clusterName: string | null;
  nextMeeting: { id: string; title: string; startsAt: Date; status: string } | null;
}

/** A group on the list. The next meeting only for those who may read the group's meetings (not `exists`). */
export function presentGroupSummary(g: GroupRow, access: MgmpAccess, myRole: MgmpMemberRole | null, extras: GroupListExtras): MgmpGroupSummary {
  const next = access === 'exists' ? null : extras.nextMeeting;
  return {
    ...presentGroupBase(g, access, myRole),
    memberCount: extras.memberCount,
    nextMeeting: next ? { id: next.id, title: next.title, startsAt: next.startsAt.toISOString(), status: oneOf(MGMP_MEETING_STATUSES, next.status) } : null,
    subjectName: extras.subjectName,
    clusterName: extras.clusterName,
  };
}

export function presentGroup(g: GroupRow, access: MgmpAccess, myRole: MgmpMemberRole | null, members: { teacherId: string; name: string; role: string }[]): MgmpGroup {
  const presentedMembers: MgmpMember[] = members.map((m) => ({ teacherId: m.teacherId, name: m.name, role: oneOf(MGMP_MEMBER_ROLES, m.role) }));
  return {
    ...presentGroupBase(g, access, myRole),
    termStart: g.termStart,
    termEnd: g.termEnd,
    quorum: parseQuorum(g.quorum),
    archivedAt: g.archivedAt?.toISOString() ?? null,
    members: presentedMembers,
  };
}

export function presentTopic(t: TopicRow): MgmpTopic {
  return { id: t.id, madrasahId: t.madrasahId, code: t.code, name: t.name };
}

export function presentProgrammeItem(i: ProgrammeItemRow, extra: { topicName: string | null; personName: string | null; meetingStatus: string | null }): MgmpProgrammeItem {
  return {
    id: i.id,
    groupId: i.groupId,
    academicYear: i.academicYear,
    type: oneOf(MGMP_PROGRAMME_TYPES, i.type),
    topicId: i.topicId,
    topicName: extra.topicName,
    title: i.title,
    targetMonth: i.targetMonth,
    personInChargeId: i.personInChargeId,
    personInChargeName: extra.personName,
    meetingId: i.meetingId,
    meetingStatus: oneOfOrNull(MGMP_MEETING_STATUSES, extra.meetingStatus),
  };
}

export function presentMeetingSummary(m: MeetingRow): MgmpMeetingSummary {
  return {
    id: m.id,
    groupId: m.groupId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: oneOf(MGMP_MEETING_STATUSES, m.status),
    cancelReason: m.cancelReason,
  };
}

export function presentAgendaItem(a: AgendaItemRow): MgmpAgendaItem {
  return { id: a.id, meetingId: a.meetingId, ordinal: a.ordinal, title: a.title, kind: oneOf(MGMP_AGENDA_KINDS, a.kind), followUpId: a.followUpId, decisionId: a.decisionId };
}

export function presentMeeting(m: MeetingRow, agenda: AgendaItemRow[], showCode: boolean, invitees: readonly { teacherId: string; name: string; role: string | null }[]): MgmpMeeting {
  const window = checkInWindow(m);
  return {
    ...presentMeetingSummary(m),
    checkInCode: showCode ? m.checkInCode : null,
    checkInOpensAt: window.opensAt.toISOString(),
    checkInClosesAt: window.closesAt.toISOString(),
    agenda: agenda.map(presentAgendaItem),
    invitees: invitees.map((i) => ({ teacherId: i.teacherId, name: i.name, role: memberRole(i.role) })),
  };
}

function contributionsOf(value: unknown): { teacherId: string; text: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const { teacherId, text } = c as { teacherId?: unknown; text?: unknown };
    return typeof teacherId === 'string' && typeof text === 'string' ? [{ teacherId, text }] : [];
  });
}

export function presentMinutes(m: MinutesRow): MgmpMinutes {
  return {
    id: m.id,
    agendaItemId: m.agendaItemId,
    revision: m.revision,
    summary: m.summary,
    problems: m.problems,
    contributions: contributionsOf(m.contributions),
    status: oneOf(MGMP_MINUTES_STATUSES, m.status),
    correctionReason: m.correctionReason,
    approvedAt: m.approvedAt?.toISOString() ?? null,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function presentDecision(d: DecisionRow, votes: { teacherId: string; name: string; choice: string }[], today: string): MgmpDecision {
  const status = oneOf(MGMP_DECISION_STATUSES, d.status);
  const presentedVotes = votes.map((v) => ({ teacherId: v.teacherId, name: v.name, choice: oneOf(MGMP_VOTE_CHOICES, v.choice) }));
  return {
    id: d.id,
    groupId: d.groupId,
    meetingId: d.meetingId,
    agendaItemId: d.agendaItemId,
    proposal: d.proposal,
    status,
    outcome: oneOfOrNull(MGMP_DECISION_OUTCOMES, d.outcome),
    adopted: d.adopted,
    statement: d.statement,
    rationale: d.rationale,
    reviewDate: d.reviewDate,
    reviewedAt: d.reviewedAt?.toISOString() ?? null,
    reviewNote: d.reviewNote,
    dueForReview: isDueForReview({ status, reviewDate: d.reviewDate, reviewedAt: d.reviewedAt }, today),
    closedAt: d.closedAt?.toISOString() ?? null,
    tally: tallyVotes(presentedVotes.map((v) => v.choice)),
    votes: presentedVotes,
  };
}

export function presentFollowUp(f: FollowUpRow, owners: { teacherId: string; name: string }[], today: string): MgmpFollowUp {
  const status = oneOf(MGMP_FOLLOW_UP_STATUSES, f.status);
  return {
    id: f.id,
    groupId: f.groupId,
    decisionId: f.decisionId,
    agendaItemId: f.agendaItemId,
    what: f.what,
    dueDate: f.dueDate,
    status,
    evidence: f.evidence,
    overdue: isOverdue({ status, dueDate: f.dueDate }, today),
    owners: owners.map((o) => ({ teacherId: o.teacherId, name: o.name })),
    completedAt: f.completedAt?.toISOString() ?? null,
  };
}
