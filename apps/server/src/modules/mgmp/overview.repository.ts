import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { mgmpDecisions, mgmpFollowUps, mgmpGroups, mgmpMeetings, mgmpProgrammeItems, mgmpTopics } from './mgmp.tables.ts';

/**
 * SQL of the madrasah-wide MGMP overview: one group query, then one aggregate query per figure
 * (meetings with presence, decisions, follow-ups, topics), each grouped by group over every group
 * at once — five queries for any number of groups. The period rules are those of the per-group
 * overview (`mgmp.repository.ts`): meetings by start day, decisions by creation day, follow-ups by
 * due day, topics of held meetings. Every method takes the tenant; callers run it inside `withTenant`.
 */
export function createMgmpOverviewRepository() {
  return {
    /** Groups in the madrasahs `madrasahIds` (tenant-level groups always; only those of `madrasahId` when given) with the role of `teacherId` and the member count. */
    async groupsInScope(q: Queryable, tenantId: string, f: { madrasahIds: 'all' | string[]; madrasahId?: string | undefined; teacherId: string | null }) {
      const myRole = f.teacherId
        ? sql<string | null>`(select m.role from mgmp_members m where m.tenant_id = ${mgmpGroups.tenantId} and m.group_id = ${mgmpGroups.id} and m.teacher_id = ${f.teacherId})`
        : sql<string | null>`null::text`;
      const memberCount = sql<number>`(select count(*)::int from mgmp_members m where m.tenant_id = ${mgmpGroups.tenantId} and m.group_id = ${mgmpGroups.id})`.mapWith(Number);
      let scope: SQL | undefined;
      if (f.madrasahId) scope = eq(mgmpGroups.madrasahId, f.madrasahId);
      else if (f.madrasahIds !== 'all') scope = f.madrasahIds.length === 0 ? isNull(mgmpGroups.madrasahId) : or(isNull(mgmpGroups.madrasahId), inArray(mgmpGroups.madrasahId, f.madrasahIds));
      return q
        .select({ id: mgmpGroups.id, name: mgmpGroups.name, madrasahId: mgmpGroups.madrasahId, archivedAt: mgmpGroups.archivedAt, myRole, memberCount })
        .from(mgmpGroups)
        .where(and(eq(mgmpGroups.tenantId, tenantId), scope))
        .orderBy(mgmpGroups.name, mgmpGroups.id);
    },

    /** Per group: meetings starting in the period by status, and the number of members marked H summed over the held ones. */
    async meetingFigures(q: Queryable, tenantId: string, groupIds: readonly string[], from: string, to: string) {
      if (groupIds.length === 0) return [];
      return q
        .select({
          groupId: mgmpMeetings.groupId,
          planned: sql<number>`count(*)::int`,
          held: sql<number>`count(*) filter (where ${mgmpMeetings.status} = 'selesai')::int`,
          cancelled: sql<number>`count(*) filter (where ${mgmpMeetings.status} = 'dibatalkan')::int`,
          upcoming: sql<number>`count(*) filter (where ${mgmpMeetings.status} in ('direncanakan', 'berlangsung'))::int`,
          presentTotal: sql<number>`coalesce(sum(p.present) filter (where ${mgmpMeetings.status} = 'selesai'), 0)::int`,
        })
        .from(mgmpMeetings)
        .leftJoin(
          sql`lateral (select count(*)::int as present from mgmp_attendance a where a.tenant_id = ${mgmpMeetings.tenantId} and a.meeting_id = ${mgmpMeetings.id} and a.code = 'H') p`,
          sql`${mgmpMeetings.status} = 'selesai'`,
        )
        .where(and(eq(mgmpMeetings.tenantId, tenantId), inArray(mgmpMeetings.groupId, [...groupIds]), sql`${mgmpMeetings.startsAt} >= ${from}::date`, sql`${mgmpMeetings.startsAt} < ${to}::date + 1`))
        .groupBy(mgmpMeetings.groupId);
    },

    /** Per group: decisions created in the period — closed (made), open, reviewed, due for review by `today`. */
    async decisionFigures(q: Queryable, tenantId: string, groupIds: readonly string[], from: string, to: string, today: string) {
      if (groupIds.length === 0) return [];
      return q
        .select({
          groupId: mgmpDecisions.groupId,
          made: sql<number>`count(*) filter (where ${mgmpDecisions.status} = 'closed')::int`,
          open: sql<number>`count(*) filter (where ${mgmpDecisions.status} = 'open')::int`,
          reviewed: sql<number>`count(*) filter (where ${mgmpDecisions.reviewedAt} is not null)::int`,
          dueForReview: sql<number>`count(*) filter (where ${mgmpDecisions.status} = 'closed' and ${mgmpDecisions.reviewDate} <= ${today} and ${mgmpDecisions.reviewedAt} is null)::int`,
        })
        .from(mgmpDecisions)
        .where(and(eq(mgmpDecisions.tenantId, tenantId), inArray(mgmpDecisions.groupId, [...groupIds]), sql`${mgmpDecisions.createdAt} >= ${from}::date`, sql`${mgmpDecisions.createdAt} < ${to}::date + 1`))
        .groupBy(mgmpDecisions.groupId);
    },

    /** Per group: follow-ups due in the period — all, done, open, overdue by `today`. */
    async followUpFigures(q: Queryable, tenantId: string, groupIds: readonly string[], from: string, to: string, today: string) {
      if (groupIds.length === 0) return [];
      return q
        .select({
          groupId: mgmpFollowUps.groupId,
          total: sql<number>`count(*)::int`,
          done: sql<number>`count(*) filter (where ${mgmpFollowUps.status} = 'selesai')::int`,
          open: sql<number>`count(*) filter (where ${mgmpFollowUps.status} in ('belum', 'sedang'))::int`,
          overdue: sql<number>`count(*) filter (where ${mgmpFollowUps.status} in ('belum', 'sedang') and ${mgmpFollowUps.dueDate} < ${today})::int`,
        })
        .from(mgmpFollowUps)
        .where(and(eq(mgmpFollowUps.tenantId, tenantId), inArray(mgmpFollowUps.groupId, [...groupIds]), sql`${mgmpFollowUps.dueDate} >= ${from}::date`, sql`${mgmpFollowUps.dueDate} <= ${to}::date`))
        .groupBy(mgmpFollowUps.groupId);
    },

    /** Per group and topic: held meetings in the period that realised a programme item of that topic. */
    async topicFigures(q: Queryable, tenantId: string, groupIds: readonly string[], from: string, to: string) {
      if (groupIds.length === 0) return [];
      return q
        .select({ groupId: mgmpProgrammeItems.groupId, topicId: mgmpTopics.id, name: mgmpTopics.name, meetings: sql<number>`count(distinct ${mgmpMeetings.id})::int` })
        .from(mgmpProgrammeItems)
        .innerJoin(mgmpTopics, and(eq(mgmpTopics.tenantId, mgmpProgrammeItems.tenantId), eq(mgmpTopics.id, mgmpProgrammeItems.topicId)))
        .innerJoin(mgmpMeetings, and(eq(mgmpMeetings.tenantId, mgmpProgrammeItems.tenantId), eq(mgmpMeetings.id, mgmpProgrammeItems.meetingId)))
        .where(
          and(
            eq(mgmpProgrammeItems.tenantId, tenantId),
            inArray(mgmpProgrammeItems.groupId, [...groupIds]),
            eq(mgmpMeetings.status, 'selesai'),
            sql`${mgmpMeetings.startsAt} >= ${from}::date`,
            sql`${mgmpMeetings.startsAt} < ${to}::date + 1`,
          ),
        )
        .groupBy(mgmpProgrammeItems.groupId, mgmpTopics.id, mgmpTopics.name)
        .orderBy(mgmpTopics.name);
    },
  };
}
export type MgmpOverviewRepository = ReturnType<typeof createMgmpOverviewRepository>;
