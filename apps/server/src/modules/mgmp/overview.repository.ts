import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { executeNamed, type Queryable } from '../../db/database.ts';
import { mgmpGroups, mgmpMembers } from './mgmp.tables.ts';

/** A figure of one group as the overview statement returns it. */
export interface MeetingFigures { groupId: string; planned: number; held: number; cancelled: number; upcoming: number; presentTotal: number }
export interface DecisionFigures { groupId: string; made: number; open: number; reviewed: number; dueForReview: number }
export interface FollowUpFigures { groupId: string; total: number; done: number; open: number; overdue: number }
export interface TopicFigures { groupId: string; topicId: string; name: string; meetings: number }
export interface MemberFigures { teacherId: string; name: string; recorded: number; present: number }
export interface OverviewFigures { meetings: MeetingFigures[]; decisions: DecisionFigures[]; followUps: FollowUpFigures[]; topics: TopicFigures[]; members: MemberFigures[] }

/**
 * Every figure of the MGMP overview for a set of groups and a period, in ONE statement (one round
 * trip, one plan): per group, the meetings starting in the period by status with the members marked
 * H summed over the held ones (`presentTotal`); decisions created in the period (closed = made, open,
 * reviewed, due for review by `today`); follow-ups due in the period (done, open, overdue by `today`);
 * topics of programme items realised by a held meeting of the period; and, with `withMembers`, per
 * member of the groups the held meetings recorded and those marked H. Day bounds are inclusive
 * (`from` … `to`). Only equality and range conditions on indexed columns, so they stay index
 * conditions under row-level security. Run inside `withTenant`.
 */
export async function overviewFigures(q: Queryable, tenantId: string, groupIds: readonly string[], from: string, to: string, today: string, withMembers: boolean): Promise<OverviewFigures> {
  if (groupIds.length === 0) return { meetings: [], decisions: [], followUps: [], topics: [], members: [] };
  // One array parameter (the ids come from the database), not one parameter per group.
  const groups = sql`${`{${groupIds.join(',')}}`}::uuid[]`;
  // Named: the text never changes (the groups are one array parameter), so PostgreSQL parses it
  // once per connection (and may keep a generic plan) instead of planning this long statement per
  // request. One group (the group page) and many (the madrasah / district overview) keep separate plans.
  const name = groupIds.length === 1 ? 'tumbuh_mgmp_overview_figures_one' : 'tumbuh_mgmp_overview_figures_many';
  const result = await executeNamed<{ [K in keyof OverviewFigures]: OverviewFigures[K] | null }>(q, name, sql`
    with mt as materialized (
      select m.group_id, m.id, m.status,
        case when m.status = 'selesai'
          then (select count(*) from mgmp_attendance a where a.tenant_id = m.tenant_id and a.meeting_id = m.id and a.code = 'H')
          else 0 end as present
      from mgmp_meetings m
      where m.tenant_id = ${tenantId} and m.group_id = any(${groups}) and m.starts_at >= ${from}::date and m.starts_at < ${to}::date + 1
    ),
    meetings as (
      select group_id as "groupId", count(*)::int as planned,
        count(*) filter (where status = 'selesai')::int as held,
        count(*) filter (where status = 'dibatalkan')::int as cancelled,
        count(*) filter (where status in ('direncanakan', 'berlangsung'))::int as upcoming,
        coalesce(sum(present), 0)::int as "presentTotal"
      from mt group by group_id
    ),
    decisions as (
      select group_id as "groupId",
        count(*) filter (where status = 'closed')::int as made,
        count(*) filter (where status = 'open')::int as open,
        count(*) filter (where reviewed_at is not null)::int as reviewed,
        count(*) filter (where status = 'closed' and review_date <= ${today}::date and reviewed_at is null)::int as "dueForReview"
      from mgmp_decisions
      where tenant_id = ${tenantId} and group_id = any(${groups}) and created_at >= ${from}::date and created_at < ${to}::date + 1
      group by group_id
    ),
    follow_ups as (
      select group_id as "groupId", count(*)::int as total,
        count(*) filter (where status = 'selesai')::int as done,
        count(*) filter (where status in ('belum', 'sedang'))::int as open,
        count(*) filter (where status in ('belum', 'sedang') and due_date < ${today}::date)::int as overdue
      from mgmp_follow_ups
      where tenant_id = ${tenantId} and group_id = any(${groups}) and due_date >= ${from}::date and due_date <= ${to}::date
      group by group_id
    ),
    topics as (
      select p.group_id as "groupId", t.id as "topicId", t.name, count(distinct mt.id)::int as meetings
      from mgmp_programme_items p
      join mt on mt.id = p.meeting_id and mt.status = 'selesai'
      join mgmp_topics t on t.tenant_id = p.tenant_id and t.id = p.topic_id
      where p.tenant_id = ${tenantId} and p.group_id = any(${groups})
      group by p.group_id, t.id, t.name
    ),
    presence as (
      select a.teacher_id, count(*)::int as recorded, count(*) filter (where a.code = 'H')::int as present
      from mt join mgmp_attendance a on a.tenant_id = ${tenantId} and a.meeting_id = mt.id
      where mt.status = 'selesai' and ${withMembers}
      group by a.teacher_id
    ),
    members as (
      select mm.teacher_id as "teacherId", t.name, coalesce(p.recorded, 0) as recorded, coalesce(p.present, 0) as present
      from mgmp_members mm
      join teachers t on t.tenant_id = mm.tenant_id and t.id = mm.teacher_id
      left join presence p on p.teacher_id = mm.teacher_id
      where mm.tenant_id = ${tenantId} and mm.group_id = any(${groups}) and ${withMembers}
    )
    select
      (select json_agg(meetings) from meetings) as meetings,
      (select json_agg(decisions) from decisions) as decisions,
      (select json_agg(follow_ups) from follow_ups) as "followUps",
      (select json_agg(topics order by topics.name, topics."topicId") from topics) as topics,
      (select json_agg(members order by members.name, members."teacherId") from members) as members
  `);
  const row = result.rows[0];
  return { meetings: row?.meetings ?? [], decisions: row?.decisions ?? [], followUps: row?.followUps ?? [], topics: row?.topics ?? [], members: row?.members ?? [] };
}

/**
 * SQL of the madrasah-wide MGMP overview: the groups in scope, then `overviewFigures` over all of
 * them — two queries for any number of groups. The period rules are those of the per-group overview:
 * meetings by start day, decisions by creation day, follow-ups by due day, topics of held meetings.
 * Every method takes the tenant; callers run it inside `withTenant`.
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

    /** Every office the teacher holds, as group id → role (`ketua`, `anggota`, …): one small read. */
    async rolesOfTeacher(q: Queryable, tenantId: string, teacherId: string): Promise<Record<string, string>> {
      const rows = await q.select({ groupId: mgmpMembers.groupId, role: mgmpMembers.role }).from(mgmpMembers).where(and(eq(mgmpMembers.tenantId, tenantId), eq(mgmpMembers.teacherId, teacherId)));
      return Object.fromEntries(rows.map((r) => [r.groupId, r.role]));
    },

    overviewFigures,
  };
}
export type MgmpOverviewRepository = ReturnType<typeof createMgmpOverviewRepository>;
