import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { teachers } from '../people/people.tables.ts';
import { roleGrants, tenants, users } from '../tenancy/tenancy.tables.ts';
import { mgmpAttendance, mgmpFollowUps, mgmpMeetings, mgmpMinutes } from './mgmp.tables.ts';

/**
 * SQL for the printed MGMP records (PDF and XLSX) that the main repository does not already offer:
 * the kop's tenant, the kepala madrasah who signs "Mengetahui", NIPs, the latest minutes of several
 * items, a meeting's follow-ups and the attendance matrix. Every method takes the tenant.
 */
export function createMgmpRecordsRepository() {
  return {
    async findTenant(q: Queryable, tenantId: string): Promise<{ name: string; kind: string } | undefined> {
      const rows = await q.select({ name: tenants.name, kind: tenants.kind }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
      return rows[0];
    },

    /**
     * The kepala madrasah of a madrasah (or a tenant-wide one for a tenant-level group): the oldest
     * active grant; name and NIP from the linked teacher record when there is one.
     */
    async findKepala(q: Queryable, tenantId: string, madrasahId: string | null): Promise<{ name: string; nip: string | null } | undefined> {
      const rows = await q
        .select({ userName: users.name, teacherName: teachers.name, nip: teachers.nip })
        .from(roleGrants)
        .innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId)))
        .leftJoin(teachers, and(eq(teachers.tenantId, users.tenantId), eq(teachers.id, users.teacherId)))
        .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.role, 'kepala_madrasah'), madrasahId ? or(eq(roleGrants.madrasahId, madrasahId), isNull(roleGrants.madrasahId)) : isNull(roleGrants.madrasahId), eq(users.active, true)))
        .orderBy(sql`${roleGrants.madrasahId} is null`, asc(roleGrants.createdAt))
        .limit(1);
      const row = rows[0];
      return row ? { name: row.teacherName ?? row.userName, nip: row.nip } : undefined;
    },

    /** NIP of several teachers (null when they have none). */
    async teacherNips(q: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
      if (ids.length === 0) return new Map();
      const rows = await q.select({ id: teachers.id, nip: teachers.nip }).from(teachers).where(and(eq(teachers.tenantId, tenantId), inArray(teachers.id, [...ids])));
      return new Map(rows.map((r) => [r.id, r.nip]));
    },

    /** The latest revision of the minutes of each agenda item (approved or draft). */
    async latestMinutes(q: Queryable, tenantId: string, agendaItemIds: readonly string[]) {
      if (agendaItemIds.length === 0) return [];
      return q
        .selectDistinctOn([mgmpMinutes.agendaItemId])
        .from(mgmpMinutes)
        .where(and(eq(mgmpMinutes.tenantId, tenantId), inArray(mgmpMinutes.agendaItemId, [...agendaItemIds])))
        .orderBy(mgmpMinutes.agendaItemId, desc(mgmpMinutes.revision));
    },

    /** Follow-ups assigned at a meeting: from one of its decisions or one of its agenda items. */
    async followUpsFrom(q: Queryable, tenantId: string, decisionIds: readonly string[], agendaItemIds: readonly string[]) {
      const from = [decisionIds.length ? inArray(mgmpFollowUps.decisionId, [...decisionIds]) : undefined, agendaItemIds.length ? inArray(mgmpFollowUps.agendaItemId, [...agendaItemIds]) : undefined].filter((c) => c !== undefined);
      if (from.length === 0) return [];
      return q
        .select()
        .from(mgmpFollowUps)
        .where(and(eq(mgmpFollowUps.tenantId, tenantId), or(...from)))
        .orderBy(asc(mgmpFollowUps.dueDate), asc(mgmpFollowUps.id));
    },

    /** Every follow-up of a group, by due date. */
    async followUpsOfGroup(q: Queryable, tenantId: string, groupId: string) {
      return q.select().from(mgmpFollowUps).where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.groupId, groupId))).orderBy(asc(mgmpFollowUps.dueDate), asc(mgmpFollowUps.id));
    },

    /** Meetings of a group that started between two days (inclusive), not cancelled, oldest first. */
    async meetingsBetween(q: Queryable, tenantId: string, groupId: string, from: string, to: string) {
      return q
        .select({ id: mgmpMeetings.id, title: mgmpMeetings.title, startsAt: mgmpMeetings.startsAt, status: mgmpMeetings.status })
        .from(mgmpMeetings)
        .where(
          and(
            eq(mgmpMeetings.tenantId, tenantId),
            eq(mgmpMeetings.groupId, groupId),
            ne(mgmpMeetings.status, 'dibatalkan'),
            sql`${mgmpMeetings.startsAt} >= (${from}::date - interval '7 hours')`,
            sql`${mgmpMeetings.startsAt} < (${to}::date + 1 - interval '7 hours')`,
          ),
        )
        .orderBy(asc(mgmpMeetings.startsAt), asc(mgmpMeetings.id));
    },

    /** Attendance codes of several meetings. */
    async attendanceOf(q: Queryable, tenantId: string, meetingIds: readonly string[]) {
      if (meetingIds.length === 0) return [];
      return q
        .select({ meetingId: mgmpAttendance.meetingId, teacherId: mgmpAttendance.teacherId, code: mgmpAttendance.code })
        .from(mgmpAttendance)
        .where(and(eq(mgmpAttendance.tenantId, tenantId), inArray(mgmpAttendance.meetingId, [...meetingIds])));
    },
  };
}
export type MgmpRecordsRepository = ReturnType<typeof createMgmpRecordsRepository>;
