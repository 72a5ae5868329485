import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { mgmpAgendaItems, mgmpDecisions, mgmpFollowUps, mgmpMeetings } from './mgmp.tables.ts';

/**
 * SQL for carrying open follow-ups and decisions due for review onto the group's next planned
 * meeting after it was planned (part of the MGMP repository). Every method takes the tenant.
 */
export const agendaCarryRepository = {
  /**
   * The group's next planned meeting: the earliest one still direncanakan that has not ended by
   * `now`, locked for the rest of the transaction (agenda numbering; two writes carrying the same
   * follow-up wait for each other, so it is added once).
   */
  async lockNextPlannedMeeting(q: Queryable, tenantId: string, groupId: string, now: Date) {
    const rows = await q
      .select()
      .from(mgmpMeetings)
      .where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpMeetings.groupId, groupId), eq(mgmpMeetings.status, 'direncanakan'), gt(mgmpMeetings.endsAt, now)))
      .orderBy(asc(mgmpMeetings.startsAt), asc(mgmpMeetings.id))
      .limit(1)
      .for('update');
    return rows[0];
  },

  /**
   * Open follow-ups (belum, sedang) of a group, oldest due first, each with the meeting it came
   * from (through its agenda item, else its decision; null for neither). `ids` narrows to those.
   */
  async openFollowUpsWithOrigin(q: Queryable, tenantId: string, groupId: string, ids?: readonly string[]) {
    if (ids && ids.length === 0) return [];
    return q
      .select({ id: mgmpFollowUps.id, what: mgmpFollowUps.what, status: mgmpFollowUps.status, originMeetingId: sql<string | null>`coalesce(${mgmpAgendaItems.meetingId}, ${mgmpDecisions.meetingId})` })
      .from(mgmpFollowUps)
      .leftJoin(mgmpAgendaItems, and(eq(mgmpAgendaItems.tenantId, mgmpFollowUps.tenantId), eq(mgmpAgendaItems.id, mgmpFollowUps.agendaItemId)))
      .leftJoin(mgmpDecisions, and(eq(mgmpDecisions.tenantId, mgmpFollowUps.tenantId), eq(mgmpDecisions.id, mgmpFollowUps.decisionId)))
      .where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.groupId, groupId), inArray(mgmpFollowUps.status, ['belum', 'sedang']), ids ? inArray(mgmpFollowUps.id, [...ids]) : undefined))
      .orderBy(asc(mgmpFollowUps.dueDate), asc(mgmpFollowUps.id));
  },
};
