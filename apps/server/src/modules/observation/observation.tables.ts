import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessmentPeriods } from '../assessment/assessment-cycle.tables.ts';
import { instrumentIndicators, instruments } from '../assessment/instruments.tables.ts';
import { mgmpGroups } from '../mgmp/mgmp.tables.ts';
import { madrasahs, teachers } from '../people/people.tables.ts';
import { users } from '../tenancy/tenancy.tables.ts';

/**
 * Classroom observation (observasi kelas, non-participant): the plan, the time-stamped notes
 * tagged to indicators of one instrument version, the ratings per indicator, the reflection
 * conversation and the agreed follow-up goals. Every table is a tenant table (tenant_id in the key
 * and in every foreign key to tenant data); instruments are shared reference data.
 */

/** One observation of one teacher's lesson by one observer, with one instrument version. */
export const observations = pgTable(
  'observations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    observerUserId: uuid('observer_user_id').notNull(),
    /** kepala / pengawas / peer (a guru named by the kepala). */
    observerKind: text('observer_kind').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** Rombongan belajar, e.g. "VIII-B". */
    rombel: text('rombel').notNull(),
    subjectName: text('subject_name').notNull(),
    topic: text('topic').notNull(),
    /** Focus dimensions chosen for this observation (codes of focus_dimensions). */
    focus: jsonb('focus').$type<string[]>().notNull(),
    /** Indicators chosen as focus (ids of the instrument version's indicators). */
    focusIndicatorIds: jsonb('focus_indicator_ids').$type<string[]>().notNull(),
    instrumentCode: text('instrument_code').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    /** Optional assessment period the observation belongs to. */
    periodId: uuid('period_id'),
    /** planned / in_progress / reflected / closed. */
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    reflectedAt: timestamp('reflected_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    foreignKey({ columns: [t.tenantId, t.observerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [assessmentPeriods.tenantId, assessmentPeriods.id] }),
    foreignKey({ columns: [t.instrumentCode, t.instrumentVersion], foreignColumns: [instruments.code, instruments.version] }),
    check('observations_observer_kind_check', sql`${t.observerKind} in ('kepala', 'pengawas', 'peer')`),
    check('observations_status_check', sql`${t.status} in ('planned', 'in_progress', 'reflected', 'closed')`),
    index('observations_teacher_idx').on(t.tenantId, t.teacherId, t.scheduledAt),
    index('observations_madrasah_idx').on(t.tenantId, t.madrasahId, t.scheduledAt),
    index('observations_observer_idx').on(t.tenantId, t.observerUserId),
  ],
);

/** A time-stamped note written during the lesson. The id is generated on the device, so a resent note is not doubled. */
export const observationNotes = pgTable(
  'observation_notes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    /** When it was noted (the device's clock, sent with the note). */
    notedAt: timestamp('noted_at', { withTimezone: true }).notNull(),
    text: text('text').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.observationId], foreignColumns: [observations.tenantId, observations.id] }),
    foreignKey({ columns: [t.tenantId, t.authorUserId], foreignColumns: [users.tenantId, users.id] }),
    index('observation_notes_observation_idx').on(t.tenantId, t.observationId, t.notedAt),
  ],
);

/** The indicators (of the observation's instrument version) a note is evidence for. */
export const observationNoteIndicators = pgTable(
  'observation_note_indicators',
  {
    tenantId: uuid('tenant_id').notNull(),
    noteId: uuid('note_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.noteId, t.indicatorId] }),
    foreignKey({ columns: [t.tenantId, t.noteId], foreignColumns: [observationNotes.tenantId, observationNotes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.indicatorId], foreignColumns: [instrumentIndicators.id] }),
    index('observation_note_indicators_indicator_idx').on(t.tenantId, t.indicatorId),
  ],
);

/** The rating of one indicator after the lesson, on the instrument's scale (PMM 1–3, PKG 0–2). */
export const observationRatings = pgTable(
  'observation_ratings',
  {
    tenantId: uuid('tenant_id').notNull(),
    observationId: uuid('observation_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    value: integer('value').notNull(),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.observationId, t.indicatorId] }),
    foreignKey({ columns: [t.tenantId, t.observationId], foreignColumns: [observations.tenantId, observations.id] }),
    foreignKey({ columns: [t.indicatorId], foreignColumns: [instrumentIndicators.id] }),
  ],
);

/** One turn of the reflection conversation: the teacher's reflection or the observer's feedback, attributed. */
export const observationReflections = pgTable(
  'observation_reflections',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    /** teacher / observer (the observer or the kepala). */
    authorRole: text('author_role').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.observationId], foreignColumns: [observations.tenantId, observations.id] }),
    foreignKey({ columns: [t.tenantId, t.authorUserId], foreignColumns: [users.tenantId, users.id] }),
    check('observation_reflections_role_check', sql`${t.authorRole} in ('teacher', 'observer')`),
    index('observation_reflections_observation_idx').on(t.tenantId, t.observationId, t.createdAt),
  ],
);

/** An agreed follow-up goal; optionally sent to the teacher's MGMP group (as an agenda item or a follow-up). */
export const observationGoals = pgTable(
  'observation_goals',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    observationId: uuid('observation_id').notNull(),
    what: text('what').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Where it was sent: the group, and the agenda item of its next meeting or (no meeting planned) a follow-up of the group. */
    mgmpGroupId: uuid('mgmp_group_id'),
    mgmpMeetingId: uuid('mgmp_meeting_id'),
    mgmpAgendaItemId: uuid('mgmp_agenda_item_id'),
    mgmpFollowUpId: uuid('mgmp_follow_up_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.observationId], foreignColumns: [observations.tenantId, observations.id] }),
    foreignKey({ columns: [t.tenantId, t.mgmpGroupId], foreignColumns: [mgmpGroups.tenantId, mgmpGroups.id] }),
    check('observation_goals_sent_check', sql`(${t.sentAt} is null) = (${t.mgmpGroupId} is null)`),
    index('observation_goals_observation_idx').on(t.tenantId, t.observationId),
  ],
);
