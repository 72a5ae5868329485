import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clusters, madrasahs, subjects, teachers } from '../people/people.tables.ts';

/**
 * MGMP (Musyawarah Guru Mata Pelajaran): groups, their annual programme, meetings with agenda,
 * attendance and minutes (notulen), musyawarah decisions with votes, and follow-ups (tindak lanjut).
 * Every table is a tenant table: `tenant_id` in the key and in every foreign key.
 */

/** An MGMP group of one subject or one cluster; `madrasah_id` null = tenant-level (district) group. */
export const mgmpGroups = pgTable(
  'mgmp_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Null for a group across the tenant's madrasahs (district MGMP). */
    madrasahId: uuid('madrasah_id'),
    subjectId: uuid('subject_id'),
    clusterId: uuid('cluster_id'),
    name: text('name').notNull(),
    /** Periode kepengurusan. */
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    /** `{kind:'majority'}` (more than half present) or `{kind:'fraction', numerator, denominator}`. */
    quorum: jsonb('quorum').notNull().default({ kind: 'majority' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.subjectId], foreignColumns: [subjects.tenantId, subjects.id] }),
    foreignKey({ columns: [t.tenantId, t.clusterId], foreignColumns: [clusters.tenantId, clusters.id] }),
    check('mgmp_groups_term_check', sql`${t.termEnd} >= ${t.termStart}`),
    index('mgmp_groups_madrasah_idx').on(t.tenantId, t.madrasahId, t.name),
  ],
);

/** Membership and office (ketua / sekretaris / bendahara / anggota). A teacher may be in several groups. */
export const mgmpMembers = pgTable(
  'mgmp_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    groupId: uuid('group_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.groupId, t.teacherId] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    index('mgmp_members_teacher_idx').on(t.tenantId, t.teacherId),
  ],
);

/** Topics of programme items: the defaults (with a `code`) plus those a madrasah adds. */
export const mgmpTopics = pgTable(
  'mgmp_topics',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Null for the tenant-wide defaults and tenant-level additions. */
    madrasahId: uuid('madrasah_id'),
    /** Stable code of a default topic; null for an added one. */
    code: text('code'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    uniqueIndex('mgmp_topics_code_key').on(t.tenantId, t.code),
  ],
);

/** A meeting of a group. Status: direncanakan → berlangsung → selesai, or dibatalkan (with reason). */
export const mgmpMeetings = pgTable(
  'mgmp_meetings',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    status: text('status').notNull(),
    cancelReason: text('cancel_reason'),
    /** Short code members type (or scan) to check themselves in during the window. */
    checkInCode: text('check_in_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }),
    check('mgmp_meetings_time_check', sql`${t.endsAt} > ${t.startsAt}`),
    index('mgmp_meetings_group_idx').on(t.tenantId, t.groupId, t.startsAt),
  ],
);

/**
 * Who is invited to a meeting: by default every member of the group when it was planned; the officer
 * may narrow the list and add guests (teachers of the group's madrasah who are not members, e.g. a
 * narasumber). Changed only while the meeting is planned (direncanakan).
 */
export const mgmpMeetingInvitees = pgTable(
  'mgmp_meeting_invitees',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.teacherId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [mgmpMeetings.tenantId, mgmpMeetings.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    index('mgmp_meeting_invitees_teacher_idx').on(t.tenantId, t.teacherId),
  ],
);

/** A planned activity of the annual programme (program kerja); `meeting_id` once it became a meeting. */
export const mgmpProgrammeItems = pgTable(
  'mgmp_programme_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    /** Tahun pelajaran, e.g. '2026/2027'. */
    academicYear: text('academic_year').notNull(),
    /** rutin / pengembangan / penunjang. */
    type: text('type').notNull(),
    topicId: uuid('topic_id'),
    title: text('title').notNull(),
    /** 'YYYY-MM'. */
    targetMonth: text('target_month').notNull(),
    personInChargeId: uuid('person_in_charge_id'),
    meetingId: uuid('meeting_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }),
    foreignKey({ columns: [t.tenantId, t.topicId], foreignColumns: [mgmpTopics.tenantId, mgmpTopics.id] }),
    foreignKey({ columns: [t.tenantId, t.personInChargeId], foreignColumns: [teachers.tenantId, teachers.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [mgmpMeetings.tenantId, mgmpMeetings.id] }),
    index('mgmp_programme_group_idx').on(t.tenantId, t.groupId, t.academicYear, t.targetMonth),
  ],
);

/** An agenda item of a meeting, ordered; may carry over a follow-up or a decision due for review. */
export const mgmpAgendaItems = pgTable(
  'mgmp_agenda_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    /** biasa / proposal / tindak-lanjut-review / keputusan-review. */
    kind: text('kind').notNull(),
    followUpId: uuid('follow_up_id'),
    decisionId: uuid('decision_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [mgmpMeetings.tenantId, mgmpMeetings.id] }),
    index('mgmp_agenda_meeting_idx').on(t.tenantId, t.meetingId, t.ordinal),
  ],
);

/** Daftar hadir: one row per member and meeting, H / I / S / A. */
export const mgmpAttendance = pgTable(
  'mgmp_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    code: text('code').notNull(),
    note: text('note'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** 'sekretaris' (marked by an officer) or 'self' (checked in with the code). */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.teacherId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [mgmpMeetings.tenantId, mgmpMeetings.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    index('mgmp_attendance_teacher_idx').on(t.tenantId, t.teacherId),
    /** Members marked H per meeting, read from the index alone: the presence counts of the overviews. */
    index('mgmp_attendance_present_idx').on(t.tenantId, t.meetingId).where(sql`${t.code} = 'H'`),
  ],
);

/** Minutes (notulen) of one agenda item. An approved revision is never changed: a correction adds a revision. */
export const mgmpMinutes = pgTable(
  'mgmp_minutes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    revision: integer('revision').notNull(),
    summary: text('summary').notNull(),
    problems: text('problems'),
    /** `[{teacherId, text}]`: who contributed what. */
    contributions: jsonb('contributions').notNull().default([]),
    /** draft / approved. */
    status: text('status').notNull(),
    correctionReason: text('correction_reason'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.agendaItemId], foreignColumns: [mgmpAgendaItems.tenantId, mgmpAgendaItems.id] }),
    uniqueIndex('mgmp_minutes_revision_key').on(t.tenantId, t.agendaItemId, t.revision),
  ],
);

/** A proposal put to musyawarah on an agenda item, closed by mufakat or by a vote. */
export const mgmpDecisions = pgTable(
  'mgmp_decisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    proposal: text('proposal').notNull(),
    /** open / closed. */
    status: text('status').notNull(),
    /** mufakat / vote, once closed. */
    outcome: text('outcome'),
    /** Whether the proposal was adopted (for a vote: setuju > tidak_setuju). */
    adopted: boolean('adopted'),
    statement: text('statement'),
    rationale: text('rationale'),
    reviewDate: date('review_date', { mode: 'string' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** What the group found when it reviewed the decision (the review itself is audited). */
    reviewNote: text('review_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [mgmpMeetings.tenantId, mgmpMeetings.id] }),
    foreignKey({ columns: [t.tenantId, t.agendaItemId], foreignColumns: [mgmpAgendaItems.tenantId, mgmpAgendaItems.id] }),
    index('mgmp_decisions_group_idx').on(t.tenantId, t.groupId, t.status, t.reviewDate),
  ],
);

/** One vote per present member and decision. */
export const mgmpVotes = pgTable(
  'mgmp_votes',
  {
    tenantId: uuid('tenant_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    /** setuju / abstain / tidak_setuju / blok. */
    choice: text('choice').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.decisionId, t.teacherId] }),
    foreignKey({ columns: [t.tenantId, t.decisionId], foreignColumns: [mgmpDecisions.tenantId, mgmpDecisions.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
  ],
);

/** A follow-up (tindak lanjut) from a decision or an agenda item. */
export const mgmpFollowUps = pgTable(
  'mgmp_follow_ups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    groupId: uuid('group_id').notNull(),
    decisionId: uuid('decision_id'),
    agendaItemId: uuid('agenda_item_id'),
    what: text('what').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** belum / sedang / selesai / batal. */
    status: text('status').notNull(),
    evidence: text('evidence'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.groupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }),
    foreignKey({ columns: [t.tenantId, t.decisionId], foreignColumns: [mgmpDecisions.tenantId, mgmpDecisions.id] }),
    foreignKey({ columns: [t.tenantId, t.agendaItemId], foreignColumns: [mgmpAgendaItems.tenantId, mgmpAgendaItems.id] }),
    index('mgmp_follow_ups_group_idx').on(t.tenantId, t.groupId, t.status, t.dueDate),
  ],
);

/** Owners of a follow-up (one or more teachers). */
export const mgmpFollowUpOwners = pgTable(
  'mgmp_follow_up_owners',
  {
    tenantId: uuid('tenant_id').notNull(),
    followUpId: uuid('follow_up_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.followUpId, t.teacherId] }),
    foreignKey({ columns: [t.tenantId, t.followUpId], foreignColumns: [mgmpFollowUps.tenantId, mgmpFollowUps.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    index('mgmp_follow_up_owners_teacher_idx').on(t.tenantId, t.teacherId),
  ],
);
