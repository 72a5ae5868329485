import { and, asc, count, desc, eq, exists, gte, ilike, inArray, isNull, lt, max, or, sql, type SQL } from 'drizzle-orm';
import { namedStatement, type Queryable } from '../../db/database.ts';
import { uuidv7 } from 'uuidv7';
import { auditInsertSql, type AuditActor } from '../audit/audit.repository.ts';
import { escapeLike } from '../people/people.models.ts';
import { clusters, subjects, teachers } from '../people/people.tables.ts';
import {
  mgmpAgendaItems,
  mgmpAttendance,
  mgmpDecisions,
  mgmpFollowUpOwners,
  mgmpFollowUps,
  mgmpGroups,
  mgmpMeetings,
  mgmpMembers,
  mgmpMinutes,
  mgmpProgrammeItems,
  mgmpTopics,
  mgmpVotes,
} from './mgmp.tables.ts';
import { meetingInviteesRepository } from './invitees.repository.ts';
import { agendaCarryRepository } from './agenda-carry.repository.ts';
import { decisionRevisionsRepository } from './decision-revisions.repository.ts';
import { overviewFigures } from './overview.repository.ts';

export type GroupRow = typeof mgmpGroups.$inferSelect;
export type MeetingRow = typeof mgmpMeetings.$inferSelect;
export type AgendaItemRow = typeof mgmpAgendaItems.$inferSelect;
export type MinutesRow = typeof mgmpMinutes.$inferSelect;
export type DecisionRow = typeof mgmpDecisions.$inferSelect;
export type FollowUpRow = typeof mgmpFollowUps.$inferSelect;
export type ProgrammeItemRow = typeof mgmpProgrammeItems.$inferSelect;
export type TopicRow = typeof mgmpTopics.$inferSelect;

/** The default topics of a programme (domain reference §3.3), copied into a tenant on first use. */
export const DEFAULT_TOPICS: readonly { code: string; name: string }[] = [
  { code: 'modul-ajar', name: 'Modul ajar / RPP' },
  { code: 'asesmen', name: 'Asesmen' },
  { code: 'model-pembelajaran', name: 'Model pembelajaran' },
  { code: 'pengelolaan-kelas', name: 'Pengelolaan kelas' },
  { code: 'lesson-study', name: 'Lesson study' },
  { code: 'ptk', name: 'Penelitian tindakan kelas (PTK)' },
  { code: 'diskusi-permasalahan', name: 'Diskusi permasalahan pembelajaran' },
];

function scope(column: typeof mgmpGroups.madrasahId | typeof mgmpTopics.madrasahId, ids: 'all' | string[]): SQL | undefined {
  if (ids === 'all') return undefined;
  return ids.length === 0 ? isNull(column) : or(isNull(column), inArray(column, ids));
}

const page = async <T>(items: Promise<T[]>, total: Promise<{ n: number }[]>) => {
  // One query at a time: a transaction's connection runs them in order anyway.
  const rows = await items;
  const totals = await total;
  return { items: rows, total: totals[0]?.n ?? 0 };
};

// The check-in path's statements (a whole room checks in within minutes): SQL text built once, named,
// so PostgreSQL plans each once per connection. The write alone (when the combined statement below
// did not write):
const checkInWrite = namedStatement<
  'tenantId' | 'meetingId' | 'teacherId' | 'at' | 'auditId' | 'actorUserId' | 'actorLabel' | 'madrasahId',
  { written_at: Date | null; prev_code: string | null; prev_checked_in_at: Date | null }
>('tumbuh_mgmp_check_in_v2', (p) => {
  const auditInsert = auditInsertSql({
    id: p.auditId,
    tenantId: p.tenantId as unknown as string,
    actor: { userId: p.actorUserId as unknown as string, label: p.actorLabel as unknown as string },
    madrasahId: p.madrasahId as unknown as string,
    action: 'mgmp.attendance.check_in',
    entityType: 'mgmp_meeting',
    entityId: p.meetingId as unknown as string,
    before: sql`(select jsonb_build_object('code', code) from prev)`,
    after: sql`jsonb_build_object('teacherId', ${p.teacherId}::text, 'code', 'H')`,
    when: sql`exists (select 1 from up)`,
  });
  return sql`
    with prev as (
      select code, checked_in_at from mgmp_attendance where tenant_id = ${p.tenantId}::uuid and meeting_id = ${p.meetingId}::uuid and teacher_id = ${p.teacherId}::uuid
    ), up as (
      insert into mgmp_attendance (tenant_id, meeting_id, teacher_id, code, note, source, checked_in_at, updated_at)
      values (${p.tenantId}::uuid, ${p.meetingId}::uuid, ${p.teacherId}::uuid, 'H', null, 'self', ${p.at}::timestamptz, now())
      on conflict (tenant_id, meeting_id, teacher_id) do update
        set code = 'H', source = 'self', checked_in_at = excluded.checked_in_at, updated_at = now()
        where not (mgmp_attendance.code = 'H' and mgmp_attendance.source = 'self')
      returning checked_in_at
    ), audit as (
      ${auditInsert}
    )
    select (select checked_in_at from up) as written_at, (select code from prev) as prev_code, (select checked_in_at from prev) as prev_checked_in_at`;
});

/**
 * The whole happy path of a self check-in in one statement: loads the meeting (status, times, code,
 * the group's madrasah, the member's office) and — only when the member holds an office, the code
 * matches, the meeting is not cancelled and `at` lies in [starts − 30 min, ends] — writes the row and
 * its audit entry like `tumbuh_mgmp_check_in_v2`. The use case still decides with the rules in
 * mgmp.models.ts on the facts returned: a refusal there rolls the write back, and an acceptance the
 * guard did not write goes through the separate write. No row: no such meeting in the tenant.
 */
const checkInAtOnce = namedStatement<
  'tenantId' | 'meetingId' | 'teacherId' | 'code' | 'at' | 'auditId' | 'actorUserId' | 'actorLabel',
  { status: string; starts_at: Date; ends_at: Date; check_in_code: string; madrasah_id: string | null; my_role: string | null; attempted: boolean; written_at: Date | null; prev_code: string | null; prev_checked_in_at: Date | null }
>('tumbuh_mgmp_check_in_at_once', (p) => {
  const auditInsert = auditInsertSql({
    id: p.auditId,
    tenantId: p.tenantId as unknown as string,
    actor: { userId: p.actorUserId as unknown as string, label: p.actorLabel as unknown as string },
    madrasahId: sql`(select madrasah_id from m)` as unknown as string,
    action: 'mgmp.attendance.check_in',
    entityType: 'mgmp_meeting',
    entityId: p.meetingId as unknown as string,
    before: sql`(select jsonb_build_object('code', code) from prev)`,
    after: sql`jsonb_build_object('teacherId', ${p.teacherId}::text, 'code', 'H')`,
    when: sql`exists (select 1 from up)`,
  });
  return sql`
    with m as (
      select m.status, m.starts_at, m.ends_at, m.check_in_code, g.madrasah_id,
        (select mm.role from mgmp_members mm where mm.tenant_id = m.tenant_id and mm.group_id = m.group_id and mm.teacher_id = ${p.teacherId}::uuid) as my_role
      from mgmp_meetings m
      join mgmp_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
      where m.tenant_id = ${p.tenantId}::uuid and m.id = ${p.meetingId}::uuid
      limit 1
    ), ok as (
      select 1 from m
      where m.my_role is not null and m.check_in_code = ${p.code}::text and m.status <> 'dibatalkan'
        and ${p.at}::timestamptz >= m.starts_at - interval '30 minutes' and ${p.at}::timestamptz <= m.ends_at
    ), prev as (
      select code, checked_in_at from mgmp_attendance where tenant_id = ${p.tenantId}::uuid and meeting_id = ${p.meetingId}::uuid and teacher_id = ${p.teacherId}::uuid
    ), up as (
      insert into mgmp_attendance (tenant_id, meeting_id, teacher_id, code, note, source, checked_in_at, updated_at)
      select ${p.tenantId}::uuid, ${p.meetingId}::uuid, ${p.teacherId}::uuid, 'H', null, 'self', ${p.at}::timestamptz, now() from ok
      on conflict (tenant_id, meeting_id, teacher_id) do update
        set code = 'H', source = 'self', checked_in_at = excluded.checked_in_at, updated_at = now()
        where not (mgmp_attendance.code = 'H' and mgmp_attendance.source = 'self')
      returning checked_in_at
    ), audit as (
      ${auditInsert}
    )
    select m.status, m.starts_at, m.ends_at, m.check_in_code, m.madrasah_id, m.my_role,
      exists (select 1 from ok) as attempted,
      (select checked_in_at from up) as written_at, (select code from prev) as prev_code, (select checked_in_at from prev) as prev_checked_in_at
    from m`;
});

/** SQL of the MGMP module. Every method takes the tenant; callers run it inside `withTenant`. */
export function createMgmpRepository() {
  return {
    // ---------- groups and members ----------
    /**
     * Groups visible in `madrasahIds` (tenant-level groups always), each with the role of `teacherId`,
     * its member count, its subject / cluster names and its next meeting (the earliest planned or
     * running one that has not ended by `now`). Two queries for any page size (rows, total): the
     * extras are correlated subqueries and a lateral join, served by the members' primary key and
     * `mgmp_meetings_group_idx`. The caller decides who may see the next meeting.
     */
    async listGroups(
      q: Queryable,
      tenantId: string,
      f: { madrasahIds: 'all' | string[]; madrasahId?: string | undefined; q?: string | undefined; archived: 'true' | 'false' | 'all'; teacherId: string | null; mineOnly: boolean; now: Date; limit: number; offset: number },
    ) {
      const myRole = f.teacherId
        ? sql<string | null>`(select m.role from mgmp_members m where m.tenant_id = ${mgmpGroups.tenantId} and m.group_id = ${mgmpGroups.id} and m.teacher_id = ${f.teacherId})`
        : sql<string | null>`null::text`;
      const memberCount = sql<number>`(select count(*)::int from mgmp_members m where m.tenant_id = ${mgmpGroups.tenantId} and m.group_id = ${mgmpGroups.id})`.mapWith(Number);
      const next = q
        .select({ id: mgmpMeetings.id, title: mgmpMeetings.title, startsAt: mgmpMeetings.startsAt, status: mgmpMeetings.status })
        .from(mgmpMeetings)
        .where(
          and(
            eq(mgmpMeetings.tenantId, mgmpGroups.tenantId),
            eq(mgmpMeetings.groupId, mgmpGroups.id),
            inArray(mgmpMeetings.status, ['direncanakan', 'berlangsung']),
            gte(mgmpMeetings.endsAt, f.now),
          ),
        )
        .orderBy(asc(mgmpMeetings.startsAt), asc(mgmpMeetings.id))
        .limit(1)
        .as('next_meeting');
      const where = and(
        eq(mgmpGroups.tenantId, tenantId),
        scope(mgmpGroups.madrasahId, f.madrasahIds),
        f.madrasahId ? eq(mgmpGroups.madrasahId, f.madrasahId) : undefined,
        f.archived === 'all' ? undefined : f.archived === 'true' ? sql`${mgmpGroups.archivedAt} is not null` : isNull(mgmpGroups.archivedAt),
        f.q ? ilike(mgmpGroups.name, `%${escapeLike(f.q)}%`) : undefined,
        f.mineOnly
          ? f.teacherId
            ? exists(q.select({ one: sql`1` }).from(mgmpMembers).where(and(eq(mgmpMembers.tenantId, mgmpGroups.tenantId), eq(mgmpMembers.groupId, mgmpGroups.id), eq(mgmpMembers.teacherId, f.teacherId))))
            : sql`false`
          : undefined,
      );
      return page(
        q
          .select({
            group: mgmpGroups,
            myRole,
            memberCount,
            subjectName: subjects.name,
            clusterName: clusters.name,
            nextMeeting: { id: next.id, title: next.title, startsAt: next.startsAt, status: next.status },
          })
          .from(mgmpGroups)
          .leftJoin(subjects, and(eq(subjects.tenantId, mgmpGroups.tenantId), eq(subjects.id, mgmpGroups.subjectId)))
          .leftJoin(clusters, and(eq(clusters.tenantId, mgmpGroups.tenantId), eq(clusters.id, mgmpGroups.clusterId)))
          .leftJoinLateral(next, sql`true`)
          .where(where)
          .orderBy(asc(mgmpGroups.name), asc(mgmpGroups.id))
          .limit(f.limit)
          .offset(f.offset),
        q.select({ n: count() }).from(mgmpGroups).where(where),
      );
    },

    async findGroup(q: Queryable, tenantId: string, id: string): Promise<GroupRow | undefined> {
      // Named: every group page and overview loads its group first; planned once per connection.
      const rows = await q.select().from(mgmpGroups).where(and(eq(mgmpGroups.tenantId, tenantId), eq(mgmpGroups.id, id))).limit(1).prepare('tumbuh_mgmp_find_group').execute();
      return rows[0];
    },

    async insertGroup(q: Queryable, row: typeof mgmpGroups.$inferInsert): Promise<void> {
      await q.insert(mgmpGroups).values(row);
    },

    async updateGroup(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpGroups.$inferInsert>): Promise<void> {
      if (!Object.values(patch).some((v) => v !== undefined)) return;
      await q.update(mgmpGroups).set(patch).where(and(eq(mgmpGroups.tenantId, tenantId), eq(mgmpGroups.id, id)));
    },

    /** Members of a group with their names, officers first. */
    async listMembers(q: Queryable, tenantId: string, groupId: string) {
      return q
        .select({ teacherId: mgmpMembers.teacherId, role: mgmpMembers.role, name: teachers.name })
        .from(mgmpMembers)
        .innerJoin(teachers, and(eq(teachers.tenantId, mgmpMembers.tenantId), eq(teachers.id, mgmpMembers.teacherId)))
        .where(and(eq(mgmpMembers.tenantId, tenantId), eq(mgmpMembers.groupId, groupId)))
        .orderBy(sql`case ${mgmpMembers.role} when 'ketua' then 0 when 'sekretaris' then 1 when 'bendahara' then 2 else 3 end`, asc(teachers.name));
    },

    /** The role of a teacher in a group, or undefined when not a member. */
    async findMemberRole(q: Queryable, tenantId: string, groupId: string, teacherId: string): Promise<string | undefined> {
      const rows = await q
        .select({ role: mgmpMembers.role })
        .from(mgmpMembers)
        .where(and(eq(mgmpMembers.tenantId, tenantId), eq(mgmpMembers.groupId, groupId), eq(mgmpMembers.teacherId, teacherId)))
        .limit(1)
        .prepare('tumbuh_mgmp_find_member_role')
        .execute();
      return rows[0]?.role;
    },

    async replaceMembers(q: Queryable, tenantId: string, groupId: string, members: readonly { teacherId: string; role: string }[]): Promise<void> {
      await q.delete(mgmpMembers).where(and(eq(mgmpMembers.tenantId, tenantId), eq(mgmpMembers.groupId, groupId)));
      if (members.length > 0) await q.insert(mgmpMembers).values(members.map((m) => ({ tenantId, groupId, teacherId: m.teacherId, role: m.role })));
    },

    /** Teachers by id (id, madrasah, name): to check references in a body. */
    async findTeachers(q: Queryable, tenantId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return q.select({ id: teachers.id, madrasahId: teachers.madrasahId, name: teachers.name }).from(teachers).where(and(eq(teachers.tenantId, tenantId), inArray(teachers.id, [...ids])));
    },

    // ---------- topics ----------
    /** Copies the default topics into the tenant once (idempotent). */
    async ensureDefaultTopics(q: Queryable, tenantId: string, newId: () => string): Promise<void> {
      await q
        .insert(mgmpTopics)
        .values(DEFAULT_TOPICS.map((t) => ({ tenantId, id: newId(), madrasahId: null, code: t.code, name: t.name })))
        .onConflictDoNothing();
    },

    async listTopics(q: Queryable, tenantId: string, f: { madrasahIds: 'all' | string[]; madrasahId?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(mgmpTopics.tenantId, tenantId),
        scope(mgmpTopics.madrasahId, f.madrasahIds),
        f.madrasahId ? or(isNull(mgmpTopics.madrasahId), eq(mgmpTopics.madrasahId, f.madrasahId)) : undefined,
        f.q ? ilike(mgmpTopics.name, `%${escapeLike(f.q)}%`) : undefined,
      );
      return page(
        q.select().from(mgmpTopics).where(where).orderBy(sql`${mgmpTopics.code} is null`, asc(mgmpTopics.createdAt), asc(mgmpTopics.name)).limit(f.limit).offset(f.offset),
        q.select({ n: count() }).from(mgmpTopics).where(where),
      );
    },

    async findTopic(q: Queryable, tenantId: string, id: string): Promise<TopicRow | undefined> {
      const rows = await q.select().from(mgmpTopics).where(and(eq(mgmpTopics.tenantId, tenantId), eq(mgmpTopics.id, id))).limit(1);
      return rows[0];
    },

    async insertTopic(q: Queryable, row: typeof mgmpTopics.$inferInsert): Promise<void> {
      await q.insert(mgmpTopics).values(row);
    },

    // ---------- programme ----------
    /** Programme items of a group with topic, person in charge and meeting status; plus planned / held counts. */
    async listProgramme(q: Queryable, tenantId: string, groupId: string, f: { academicYear?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(mgmpProgrammeItems.tenantId, tenantId),
        eq(mgmpProgrammeItems.groupId, groupId),
        f.academicYear ? eq(mgmpProgrammeItems.academicYear, f.academicYear) : undefined,
        f.q ? ilike(mgmpProgrammeItems.title, `%${escapeLike(f.q)}%`) : undefined,
      );
      const joined = q
        .select({ item: mgmpProgrammeItems, topicName: mgmpTopics.name, personName: teachers.name, meetingStatus: mgmpMeetings.status })
        .from(mgmpProgrammeItems)
        .leftJoin(mgmpTopics, and(eq(mgmpTopics.tenantId, mgmpProgrammeItems.tenantId), eq(mgmpTopics.id, mgmpProgrammeItems.topicId)))
        .leftJoin(teachers, and(eq(teachers.tenantId, mgmpProgrammeItems.tenantId), eq(teachers.id, mgmpProgrammeItems.personInChargeId)))
        .leftJoin(mgmpMeetings, and(eq(mgmpMeetings.tenantId, mgmpProgrammeItems.tenantId), eq(mgmpMeetings.id, mgmpProgrammeItems.meetingId)));
      // One query at a time: a transaction's connection runs them in order anyway.
      const items = await joined.where(where).orderBy(asc(mgmpProgrammeItems.targetMonth), asc(mgmpProgrammeItems.id)).limit(f.limit).offset(f.offset);
      const counts = await q
          .select({ planned: count(), held: sql<number>`count(*) filter (where ${mgmpMeetings.status} = 'selesai')::int` })
          .from(mgmpProgrammeItems)
          .leftJoin(mgmpMeetings, and(eq(mgmpMeetings.tenantId, mgmpProgrammeItems.tenantId), eq(mgmpMeetings.id, mgmpProgrammeItems.meetingId)))
          .where(where);
      return { items, total: counts[0]?.planned ?? 0, planned: counts[0]?.planned ?? 0, held: counts[0]?.held ?? 0 };
    },

    async findProgrammeItem(q: Queryable, tenantId: string, id: string): Promise<ProgrammeItemRow | undefined> {
      const rows = await q.select().from(mgmpProgrammeItems).where(and(eq(mgmpProgrammeItems.tenantId, tenantId), eq(mgmpProgrammeItems.id, id))).limit(1);
      return rows[0];
    },

    async insertProgrammeItem(q: Queryable, row: typeof mgmpProgrammeItems.$inferInsert): Promise<void> {
      await q.insert(mgmpProgrammeItems).values(row);
    },

    async updateProgrammeItem(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpProgrammeItems.$inferInsert>): Promise<void> {
      if (!Object.values(patch).some((v) => v !== undefined)) return;
      await q.update(mgmpProgrammeItems).set(patch).where(and(eq(mgmpProgrammeItems.tenantId, tenantId), eq(mgmpProgrammeItems.id, id)));
    },

    async deleteProgrammeItem(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(mgmpProgrammeItems).where(and(eq(mgmpProgrammeItems.tenantId, tenantId), eq(mgmpProgrammeItems.id, id)));
    },

    // ---------- meetings and agenda ----------
    async listMeetings(q: Queryable, tenantId: string, groupId: string, f: { status?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(mgmpMeetings.tenantId, tenantId),
        eq(mgmpMeetings.groupId, groupId),
        f.status ? eq(mgmpMeetings.status, f.status) : undefined,
        f.q ? ilike(mgmpMeetings.title, `%${escapeLike(f.q)}%`) : undefined,
      );
      return page(
        q.select().from(mgmpMeetings).where(where).orderBy(desc(mgmpMeetings.startsAt), desc(mgmpMeetings.id)).limit(f.limit).offset(f.offset),
        q.select({ n: count() }).from(mgmpMeetings).where(where),
      );
    },

    async findMeeting(q: Queryable, tenantId: string, id: string): Promise<MeetingRow | undefined> {
      const rows = await q.select().from(mgmpMeetings).where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpMeetings.id, id))).limit(1);
      return rows[0];
    },

    /**
     * Locks the meeting row for the rest of the transaction (concurrent votes, status changes, officers'
     * saves). `for no key update`: it still excludes every other locker, but not the foreign-key checks
     * (`for key share`) of rows inserted under the meeting — with `for update`, an officer's attendance
     * save and a member's self check-in of the same person deadlocked (each waiting for the other).
     */
    async lockMeeting(q: Queryable, tenantId: string, id: string): Promise<MeetingRow | undefined> {
      const rows = await q.select().from(mgmpMeetings).where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpMeetings.id, id))).limit(1).for('no key update');
      return rows[0];
    },

    async insertMeeting(q: Queryable, row: typeof mgmpMeetings.$inferInsert): Promise<void> {
      await q.insert(mgmpMeetings).values(row);
    },

    async updateMeeting(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpMeetings.$inferInsert>): Promise<void> {
      await q.update(mgmpMeetings).set({ ...patch, updatedAt: new Date() }).where(and(eq(mgmpMeetings.tenantId, tenantId), eq(mgmpMeetings.id, id)));
    },

    async listAgenda(q: Queryable, tenantId: string, meetingId: string): Promise<AgendaItemRow[]> {
      return q.select().from(mgmpAgendaItems).where(and(eq(mgmpAgendaItems.tenantId, tenantId), eq(mgmpAgendaItems.meetingId, meetingId))).orderBy(asc(mgmpAgendaItems.ordinal), asc(mgmpAgendaItems.id));
    },

    async findAgendaItem(q: Queryable, tenantId: string, id: string): Promise<AgendaItemRow | undefined> {
      const rows = await q.select().from(mgmpAgendaItems).where(and(eq(mgmpAgendaItems.tenantId, tenantId), eq(mgmpAgendaItems.id, id))).limit(1);
      return rows[0];
    },

    async nextAgendaOrdinal(q: Queryable, tenantId: string, meetingId: string): Promise<number> {
      const rows = await q.select({ m: max(mgmpAgendaItems.ordinal) }).from(mgmpAgendaItems).where(and(eq(mgmpAgendaItems.tenantId, tenantId), eq(mgmpAgendaItems.meetingId, meetingId)));
      return (rows[0]?.m ?? 0) + 1;
    },

    async insertAgendaItems(q: Queryable, rows: (typeof mgmpAgendaItems.$inferInsert)[]): Promise<void> {
      if (rows.length > 0) await q.insert(mgmpAgendaItems).values(rows);
    },

    async updateAgendaItem(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpAgendaItems.$inferInsert>): Promise<void> {
      await q.update(mgmpAgendaItems).set(patch).where(and(eq(mgmpAgendaItems.tenantId, tenantId), eq(mgmpAgendaItems.id, id)));
    },

    /** How many minutes revisions, decisions and follow-ups hang on an agenda item (it is part of the record when any does). */
    async agendaItemRecords(q: Queryable, tenantId: string, id: string): Promise<{ minutes: number; decisions: number; followUps: number }> {
      const [m] = await q.select({ n: count() }).from(mgmpMinutes).where(and(eq(mgmpMinutes.tenantId, tenantId), eq(mgmpMinutes.agendaItemId, id)));
      const [d] = await q.select({ n: count() }).from(mgmpDecisions).where(and(eq(mgmpDecisions.tenantId, tenantId), eq(mgmpDecisions.agendaItemId, id)));
      const [f] = await q.select({ n: count() }).from(mgmpFollowUps).where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.agendaItemId, id)));
      return { minutes: m?.n ?? 0, decisions: d?.n ?? 0, followUps: f?.n ?? 0 };
    },

    async deleteAgendaItem(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(mgmpAgendaItems).where(and(eq(mgmpAgendaItems.tenantId, tenantId), eq(mgmpAgendaItems.id, id)));
    },

    /** Open follow-ups (belum, sedang) of a group, oldest due first: they come back on the next agenda. */
    async openFollowUpsOfGroup(q: Queryable, tenantId: string, groupId: string): Promise<FollowUpRow[]> {
      return q
        .select()
        .from(mgmpFollowUps)
        .where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.groupId, groupId), inArray(mgmpFollowUps.status, ['belum', 'sedang'])))
        .orderBy(asc(mgmpFollowUps.dueDate), asc(mgmpFollowUps.id));
    },

    /** Closed decisions of a group whose review date has come (by `today`) and that were not reviewed. */
    async decisionsDueForReview(q: Queryable, tenantId: string, groupId: string, today: string): Promise<DecisionRow[]> {
      return q
        .select()
        .from(mgmpDecisions)
        .where(and(eq(mgmpDecisions.tenantId, tenantId), eq(mgmpDecisions.groupId, groupId), eq(mgmpDecisions.status, 'closed'), sql`${mgmpDecisions.reviewDate} <= ${today}`, isNull(mgmpDecisions.reviewedAt)))
        .orderBy(asc(mgmpDecisions.reviewDate), asc(mgmpDecisions.id));
    },

    // ---------- attendance ----------
    async listAttendance(q: Queryable, tenantId: string, meetingId: string) {
      return q
        .select({ row: mgmpAttendance, name: teachers.name })
        .from(mgmpAttendance)
        .innerJoin(teachers, and(eq(teachers.tenantId, mgmpAttendance.tenantId), eq(teachers.id, mgmpAttendance.teacherId)))
        .where(and(eq(mgmpAttendance.tenantId, tenantId), eq(mgmpAttendance.meetingId, meetingId)));
    },

    async findAttendance(q: Queryable, tenantId: string, meetingId: string, teacherId: string) {
      const rows = await q
        .select()
        .from(mgmpAttendance)
        .where(and(eq(mgmpAttendance.tenantId, tenantId), eq(mgmpAttendance.meetingId, meetingId), eq(mgmpAttendance.teacherId, teacherId)))
        .limit(1);
      return rows[0];
    },

    /**
     * Loads the meeting for a self check-in and, when the obvious conditions hold, writes it in the
     * same statement (see `checkInAtOnce`). `attempted`: the write was tried (then `written` says
     * what it did); otherwise nothing was written.
     */
    async checkInAtOnce(q: Queryable, input: { tenantId: string; meetingId: string; teacherId: string; code: string; at: Date; actor: AuditActor }) {
      const row = (
        await checkInAtOnce(q, { tenantId: input.tenantId, meetingId: input.meetingId, teacherId: input.teacherId, code: input.code, at: input.at.toISOString(), auditId: uuidv7(), actorUserId: input.actor.userId, actorLabel: input.actor.label })
      ).rows[0];
      if (!row) return undefined;
      return {
        meeting: { status: row.status, startsAt: row.starts_at, endsAt: row.ends_at, checkInCode: row.check_in_code },
        madrasahId: row.madrasah_id,
        myRole: row.my_role,
        attempted: row.attempted,
        written: { writtenAt: row.written_at, previous: row.prev_code ? { code: row.prev_code, checkedInAt: row.prev_checked_in_at } : null },
      };
    },

    /**
     * A member's self check-in in one statement: inserts H (source self, time `at`), or turns a row
     * the sekretaris recorded into a self check-in (its note, the officer's, is kept); a repeated self check-in changes nothing and
     * keeps its first time (the primary key makes a second row impossible, also under concurrency).
     * When a row was written, the same statement appends the audit entry (action
     * `mgmp.attendance.check_in`, before = the previous code or null, after = the teacher and H):
     * one round trip for the write and its audit. Returns the time written (null when nothing
     * changed) and the row as it was before.
     */
    async checkInAttendance(q: Queryable, tenantId: string, meetingId: string, teacherId: string, at: Date, audit: { actor: AuditActor; madrasahId: string | null }) {
      const result = await checkInWrite(q, { tenantId, meetingId, teacherId, at: at.toISOString(), auditId: uuidv7(), actorUserId: audit.actor.userId, actorLabel: audit.actor.label, madrasahId: audit.madrasahId });
      const row = result.rows[0];
      const date = (v: string | Date | null | undefined) => (v === null || v === undefined ? null : new Date(v));
      return { writtenAt: date(row?.written_at), previous: row?.prev_code ? { code: row.prev_code, checkedInAt: date(row.prev_checked_in_at) } : null };
    },

    /**
     * The stored rows of `teacherIds` at a meeting, locked (`for update`) until the transaction ends,
     * so a self check-in of one of them waits for the officer's write instead of being overwritten.
     */
    async lockAttendance(q: Queryable, tenantId: string, meetingId: string, teacherIds: string[]) {
      if (teacherIds.length === 0) return [];
      return q
        .select()
        .from(mgmpAttendance)
        .where(and(eq(mgmpAttendance.tenantId, tenantId), eq(mgmpAttendance.meetingId, meetingId), inArray(mgmpAttendance.teacherId, teacherIds)))
        .for('update');
    },

    /** Inserts rows for members with nothing recorded yet; a row that exists meanwhile is left alone. Returns the teachers inserted. */
    async insertAttendanceIfAbsent(q: Queryable, rows: (typeof mgmpAttendance.$inferInsert)[]): Promise<Set<string>> {
      if (rows.length === 0) return new Set();
      const inserted = await q.insert(mgmpAttendance).values(rows).onConflictDoNothing().returning({ teacherId: mgmpAttendance.teacherId });
      return new Set(inserted.map((r) => r.teacherId));
    },

    /** Writes rows the caller has locked (`lockAttendance`) and decided in full: every column as given. */
    async writeAttendance(q: Queryable, rows: (typeof mgmpAttendance.$inferInsert)[]): Promise<void> {
      if (rows.length === 0) return;
      await q
        .insert(mgmpAttendance)
        .values(rows)
        .onConflictDoUpdate({
          target: [mgmpAttendance.tenantId, mgmpAttendance.meetingId, mgmpAttendance.teacherId],
          set: { code: sql`excluded.code`, note: sql`excluded.note`, source: sql`excluded.source`, checkedInAt: sql`excluded.checked_in_at`, updatedAt: sql`now()` },
        });
    },

    // ---------- minutes ----------
    /** Every revision of an agenda item's minutes, newest first. */
    async listMinutes(q: Queryable, tenantId: string, agendaItemId: string): Promise<MinutesRow[]> {
      return q.select().from(mgmpMinutes).where(and(eq(mgmpMinutes.tenantId, tenantId), eq(mgmpMinutes.agendaItemId, agendaItemId))).orderBy(desc(mgmpMinutes.revision));
    },

    async insertMinutes(q: Queryable, row: typeof mgmpMinutes.$inferInsert): Promise<void> {
      await q.insert(mgmpMinutes).values(row);
    },

    /** Changes a draft; the `status = 'draft'` guard keeps an approved revision untouched even under a race. */
    async updateDraftMinutes(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpMinutes.$inferInsert>): Promise<boolean> {
      const rows = await q
        .update(mgmpMinutes)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(mgmpMinutes.tenantId, tenantId), eq(mgmpMinutes.id, id), eq(mgmpMinutes.status, 'draft')))
        .returning({ id: mgmpMinutes.id });
      return rows.length === 1;
    },

    // ---------- decisions and votes ----------
    async listDecisions(q: Queryable, tenantId: string, f: { groupId?: string | undefined; meetingId?: string | undefined; status?: string | undefined; dueForReviewOn?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(mgmpDecisions.tenantId, tenantId),
        f.groupId ? eq(mgmpDecisions.groupId, f.groupId) : undefined,
        f.meetingId ? eq(mgmpDecisions.meetingId, f.meetingId) : undefined,
        f.status ? eq(mgmpDecisions.status, f.status) : undefined,
        f.dueForReviewOn ? and(eq(mgmpDecisions.status, 'closed'), sql`${mgmpDecisions.reviewDate} <= ${f.dueForReviewOn}`, isNull(mgmpDecisions.reviewedAt)) : undefined,
        f.q ? or(ilike(mgmpDecisions.proposal, `%${escapeLike(f.q)}%`), ilike(mgmpDecisions.statement, `%${escapeLike(f.q)}%`)) : undefined,
      );
      return page(
        q.select().from(mgmpDecisions).where(where).orderBy(desc(mgmpDecisions.createdAt), desc(mgmpDecisions.id)).limit(f.limit).offset(f.offset),
        q.select({ n: count() }).from(mgmpDecisions).where(where),
      );
    },

    async findDecision(q: Queryable, tenantId: string, id: string): Promise<DecisionRow | undefined> {
      const rows = await q.select().from(mgmpDecisions).where(and(eq(mgmpDecisions.tenantId, tenantId), eq(mgmpDecisions.id, id))).limit(1);
      return rows[0];
    },

    /** Locks the decision row: votes and closing are serialised per decision. */
    async lockDecision(q: Queryable, tenantId: string, id: string): Promise<DecisionRow | undefined> {
      const rows = await q.select().from(mgmpDecisions).where(and(eq(mgmpDecisions.tenantId, tenantId), eq(mgmpDecisions.id, id))).limit(1).for('update');
      return rows[0];
    },

    async insertDecision(q: Queryable, row: typeof mgmpDecisions.$inferInsert): Promise<void> {
      await q.insert(mgmpDecisions).values(row);
    },

    async updateDecision(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpDecisions.$inferInsert>): Promise<void> {
      await q.update(mgmpDecisions).set(patch).where(and(eq(mgmpDecisions.tenantId, tenantId), eq(mgmpDecisions.id, id)));
    },

    /** Votes of several decisions with the voters' names. */
    async votesOf(q: Queryable, tenantId: string, decisionIds: readonly string[]) {
      if (decisionIds.length === 0) return [];
      return q
        .select({ decisionId: mgmpVotes.decisionId, teacherId: mgmpVotes.teacherId, choice: mgmpVotes.choice, name: teachers.name })
        .from(mgmpVotes)
        .innerJoin(teachers, and(eq(teachers.tenantId, mgmpVotes.tenantId), eq(teachers.id, mgmpVotes.teacherId)))
        .where(and(eq(mgmpVotes.tenantId, tenantId), inArray(mgmpVotes.decisionId, [...decisionIds])))
        .orderBy(asc(mgmpVotes.castAt));
    },

    /** Inserts a vote; false when this member already voted on this decision. */
    async insertVote(q: Queryable, row: typeof mgmpVotes.$inferInsert): Promise<boolean> {
      const rows = await q.insert(mgmpVotes).values(row).onConflictDoNothing().returning({ teacherId: mgmpVotes.teacherId });
      return rows.length === 1;
    },

    // ---------- follow-ups ----------
    async listFollowUps(
      q: Queryable,
      tenantId: string,
      f: { groupId?: string | undefined; ownerTeacherId?: string | undefined; status?: string | undefined; overdueOn?: string | undefined; q?: string | undefined; limit: number; offset: number },
    ) {
      const where = and(
        eq(mgmpFollowUps.tenantId, tenantId),
        f.groupId ? eq(mgmpFollowUps.groupId, f.groupId) : undefined,
        f.ownerTeacherId
          ? exists(
              q
                .select({ one: sql`1` })
                .from(mgmpFollowUpOwners)
                .where(and(eq(mgmpFollowUpOwners.tenantId, mgmpFollowUps.tenantId), eq(mgmpFollowUpOwners.followUpId, mgmpFollowUps.id), eq(mgmpFollowUpOwners.teacherId, f.ownerTeacherId))),
            )
          : undefined,
        f.status ? eq(mgmpFollowUps.status, f.status) : undefined,
        f.overdueOn ? and(inArray(mgmpFollowUps.status, ['belum', 'sedang']), lt(mgmpFollowUps.dueDate, f.overdueOn)) : undefined,
        f.q ? ilike(mgmpFollowUps.what, `%${escapeLike(f.q)}%`) : undefined,
      );
      return page(
        q.select().from(mgmpFollowUps).where(where).orderBy(asc(mgmpFollowUps.dueDate), asc(mgmpFollowUps.id)).limit(f.limit).offset(f.offset),
        q.select({ n: count() }).from(mgmpFollowUps).where(where),
      );
    },

    async findFollowUp(q: Queryable, tenantId: string, id: string): Promise<FollowUpRow | undefined> {
      const rows = await q.select().from(mgmpFollowUps).where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.id, id))).limit(1);
      return rows[0];
    },

    /** Owners of several follow-ups with their names. */
    async ownersOf(q: Queryable, tenantId: string, followUpIds: readonly string[]) {
      if (followUpIds.length === 0) return [];
      return q
        .select({ followUpId: mgmpFollowUpOwners.followUpId, teacherId: mgmpFollowUpOwners.teacherId, name: teachers.name })
        .from(mgmpFollowUpOwners)
        .innerJoin(teachers, and(eq(teachers.tenantId, mgmpFollowUpOwners.tenantId), eq(teachers.id, mgmpFollowUpOwners.teacherId)))
        .where(and(eq(mgmpFollowUpOwners.tenantId, tenantId), inArray(mgmpFollowUpOwners.followUpId, [...followUpIds])))
        .orderBy(asc(teachers.name));
    },

    async insertFollowUp(q: Queryable, row: typeof mgmpFollowUps.$inferInsert): Promise<void> {
      await q.insert(mgmpFollowUps).values(row);
    },

    async updateFollowUp(q: Queryable, tenantId: string, id: string, patch: Partial<typeof mgmpFollowUps.$inferInsert>): Promise<void> {
      await q.update(mgmpFollowUps).set({ ...patch, updatedAt: new Date() }).where(and(eq(mgmpFollowUps.tenantId, tenantId), eq(mgmpFollowUps.id, id)));
    },

    async replaceFollowUpOwners(q: Queryable, tenantId: string, followUpId: string, teacherIds: readonly string[]): Promise<void> {
      await q.delete(mgmpFollowUpOwners).where(and(eq(mgmpFollowUpOwners.tenantId, tenantId), eq(mgmpFollowUpOwners.followUpId, followUpId)));
      await q.insert(mgmpFollowUpOwners).values([...new Set(teacherIds)].map((teacherId) => ({ tenantId, followUpId, teacherId })));
    },

    // ---------- overview ----------
    /** Every figure of the overview of some groups in one statement (see overview.repository.ts). */
    overviewFigures,

    // ---------- decision corrections (decision-revisions.repository.ts), carrying onto the next meeting (agenda-carry.repository.ts) ----------
    ...decisionRevisionsRepository,
    ...agendaCarryRepository,

    // ---------- meeting invitees (invitees.repository.ts) ----------
    ...meetingInviteesRepository,
  };
}
export type MgmpRepository = ReturnType<typeof createMgmpRepository>;
