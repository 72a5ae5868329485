import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { teachers } from '../people/people.tables.ts';
import { mgmpMeetingInvitees, mgmpMembers } from './mgmp.tables.ts';

/** SQL of a meeting's invitation list (part of the MGMP repository). Every method takes the tenant. */
export const meetingInviteesRepository = {
  /** The invitees of a meeting with their names and their office in the group (null: a guest); members first by office, then by name. */
  async listInvitees(q: Queryable, tenantId: string, meetingId: string, groupId: string) {
    return q
      .select({ teacherId: mgmpMeetingInvitees.teacherId, name: teachers.name, role: mgmpMembers.role })
      .from(mgmpMeetingInvitees)
      .innerJoin(teachers, and(eq(teachers.tenantId, mgmpMeetingInvitees.tenantId), eq(teachers.id, mgmpMeetingInvitees.teacherId)))
      .leftJoin(mgmpMembers, and(eq(mgmpMembers.tenantId, mgmpMeetingInvitees.tenantId), eq(mgmpMembers.groupId, groupId), eq(mgmpMembers.teacherId, mgmpMeetingInvitees.teacherId)))
      .where(and(eq(mgmpMeetingInvitees.tenantId, tenantId), eq(mgmpMeetingInvitees.meetingId, meetingId)))
      .orderBy(sql`case ${mgmpMembers.role} when 'ketua' then 0 when 'sekretaris' then 1 when 'bendahara' then 2 when 'anggota' then 3 else 4 end`, asc(teachers.name), asc(teachers.id));
  },

  /** Teachers named in an invitation list as the tenant has them (id, madrasah, active). */
  async findInviteeCandidates(q: Queryable, tenantId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return q.select({ id: teachers.id, madrasahId: teachers.madrasahId, active: teachers.active }).from(teachers).where(and(eq(teachers.tenantId, tenantId), inArray(teachers.id, [...ids])));
  },

  /** Replaces a meeting's invitation list (one delete, one multi-row insert). */
  async replaceInvitees(q: Queryable, tenantId: string, meetingId: string, teacherIds: readonly string[]): Promise<void> {
    await q.delete(mgmpMeetingInvitees).where(and(eq(mgmpMeetingInvitees.tenantId, tenantId), eq(mgmpMeetingInvitees.meetingId, meetingId)));
    if (teacherIds.length > 0) await q.insert(mgmpMeetingInvitees).values(teacherIds.map((teacherId) => ({ tenantId, meetingId, teacherId })));
  },
};
