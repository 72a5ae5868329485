import { MGMP_DECISION_STATUSES, MGMP_FOLLOW_UP_STATUSES } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import type { Tx } from '../../db/database.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { auditMgmp, type MgmpDeps } from './mgmp.context.ts';
import { meetingReviewDay, missingCarryOvers } from './mgmp.models.ts';
import { oneOf } from './mgmp.presenters.ts';
import type { DecisionRow, GroupRow, MeetingRow } from './mgmp.repository.ts';

/**
 * "Open follow-ups come back on the next meeting's agenda by themselves" and "decisions due for
 * review show up on the next agenda" also for what arises after that meeting was planned: these
 * helpers run inside the transaction of the write that makes a follow-up open or a decision due,
 * and when a meeting starts. They append the missing items (same shape as at planning, see
 * `missingCarryOvers`), never twice, and audit each one.
 */

type FollowUpCandidate = Awaited<ReturnType<MgmpDeps['mgmpRepository']['openFollowUpsWithOrigin']>>[number];

async function appendCarryOvers(tx: Tx, actor: Actor, group: GroupRow, meeting: MeetingRow, day: string, followUps: FollowUpCandidate[], decisions: DecisionRow[], deps: MgmpDeps): Promise<number> {
  const agenda = await deps.mgmpRepository.listAgenda(tx, actor.tenantId, meeting.id);
  const items = missingCarryOvers({
    meetingId: meeting.id,
    day,
    agenda,
    followUps: followUps.map((f) => ({ ...f, status: oneOf(MGMP_FOLLOW_UP_STATUSES, f.status) })),
    decisions: decisions.map((d) => ({ ...d, status: oneOf(MGMP_DECISION_STATUSES, d.status) })),
  });
  if (items.length === 0) return 0;
  const first = await deps.mgmpRepository.nextAgendaOrdinal(tx, actor.tenantId, meeting.id);
  const rows = items.map((item, i) => ({ tenantId: actor.tenantId, id: uuidv7(), meetingId: meeting.id, ordinal: first + i, ...item }));
  await deps.mgmpRepository.insertAgendaItems(tx, rows);
  for (const row of rows) {
    await auditMgmp(tx, actor, group, {
      action: 'mgmp.agenda.carry_over',
      entityType: 'mgmp_agenda_item',
      entityId: row.id,
      after: { meetingId: row.meetingId, ordinal: row.ordinal, title: row.title, kind: row.kind, decisionId: row.decisionId, followUpId: row.followUpId },
    });
  }
  return rows.length;
}

/**
 * Puts the given follow-ups (when open) and decisions (when due for review by the meeting's day) on
 * the group's next planned meeting, if there is one and it does not carry them yet.
 */
export async function carryToNextMeeting(tx: Tx, actor: Actor, group: GroupRow, what: { followUpIds?: readonly string[]; decisionIds?: readonly string[] }, deps: MgmpDeps): Promise<number> {
  const now = deps.clock();
  const meeting = await deps.mgmpRepository.lockNextPlannedMeeting(tx, actor.tenantId, group.id, now);
  if (!meeting) return 0;
  const day = meetingReviewDay(meeting.startsAt, now);
  const followUps = what.followUpIds?.length ? await deps.mgmpRepository.openFollowUpsWithOrigin(tx, actor.tenantId, group.id, what.followUpIds) : [];
  const decisionIds = new Set(what.decisionIds ?? []);
  const decisions = decisionIds.size > 0 ? (await deps.mgmpRepository.decisionsDueForReview(tx, actor.tenantId, group.id, day)).filter((d) => decisionIds.has(d.id)) : [];
  return appendCarryOvers(tx, actor, group, meeting, day, followUps, decisions, deps);
}

/** When a meeting starts: every open follow-up and every decision due by its day is on its agenda. The caller holds the meeting's lock. */
export async function carryAllOnto(tx: Tx, actor: Actor, group: GroupRow, meeting: MeetingRow, deps: MgmpDeps): Promise<number> {
  const day = meetingReviewDay(meeting.startsAt, deps.clock());
  const followUps = await deps.mgmpRepository.openFollowUpsWithOrigin(tx, actor.tenantId, group.id);
  const decisions = await deps.mgmpRepository.decisionsDueForReview(tx, actor.tenantId, group.id, day);
  return appendCarryOvers(tx, actor, group, meeting, day, followUps, decisions, deps);
}
