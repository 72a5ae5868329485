import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { madrasahs, teachers } from '../people/people.tables.ts';
import { users } from '../tenancy/tenancy.tables.ts';
import { instrumentIndicators, instruments } from './instruments.tables.ts';

/**
 * The assessment cycle: periods of an academic year, assessments of a teacher by one rater with one
 * instrument version, and the ratings per indicator. Every table is a tenant table: `tenant_id` in
 * the key and in every foreign key to tenant data; instruments are shared reference data.
 */

/** A PKG period of one madrasah: formatif or sumatif of an academic year, with its dates. */
export const assessmentPeriods = pgTable(
  'assessment_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    /** Tahun pelajaran, e.g. '2026/2027'. */
    academicYear: text('academic_year').notNull(),
    /** formatif / sumatif. */
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** open / closed. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    check('assessment_periods_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('assessment_periods_kind_check', sql`${t.kind} in ('formatif', 'sumatif')`),
    check('assessment_periods_status_check', sql`${t.status} in ('open', 'closed')`),
    uniqueIndex('assessment_periods_kind_key').on(t.tenantId, t.madrasahId, t.academicYear, t.kind),
  ],
);

/** One teacher assessed by one rater with one instrument version in a period. */
export const assessments = pgTable(
  'assessments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    periodId: uuid('period_id').notNull(),
    /** The madrasah of the period (and of the teacher), kept for scoping reads. */
    madrasahId: uuid('madrasah_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    /** The seeded instrument version the ratings belong to. */
    instrumentCode: text('instrument_code').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    raterUserId: uuid('rater_user_id').notNull(),
    /** kepala / pengawas / peer / self. */
    raterKind: text('rater_kind').notNull(),
    /** draft / final. */
    status: text('status').notNull(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    teacherComment: text('teacher_comment'),
    /** How many audited revisions replaced the finalised version (0 = never revised); history in assessment_revisions. */
    revision: integer('revision').notNull().default(0),
    revisedAt: timestamp('revised_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [assessmentPeriods.tenantId, assessmentPeriods.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    foreignKey({ columns: [t.tenantId, t.raterUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.instrumentCode, t.instrumentVersion], foreignColumns: [instruments.code, instruments.version] }),
    check('assessments_rater_kind_check', sql`${t.raterKind} in ('kepala', 'pengawas', 'peer', 'self')`),
    check('assessments_status_check', sql`${t.status} in ('draft', 'final')`),
    check('assessments_final_check', sql`(${t.status} = 'final') = (${t.finalisedAt} is not null)`),
    uniqueIndex('assessments_rater_key').on(t.tenantId, t.periodId, t.teacherId, t.raterUserId, t.instrumentCode),
    index('assessments_period_idx').on(t.tenantId, t.periodId, t.raterKind, t.status),
    index('assessments_teacher_idx').on(t.tenantId, t.teacherId),
  ],
);

/** The rating of one indicator (of the assessment's instrument version): a level of its scale (PKG: 0, 1 or 2), with the evidence. */
export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    tenantId: uuid('tenant_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    score: integer('score').notNull(),
    evidence: text('evidence'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.assessmentId, t.indicatorId] }),
    foreignKey({ columns: [t.tenantId, t.assessmentId], foreignColumns: [assessments.tenantId, assessments.id] }),
    foreignKey({ columns: [t.indicatorId], foreignColumns: [instrumentIndicators.id] }),
    // The score must be a level of the instrument version's scale: checked in code (ratingProblems)
    // and by the trigger assessment_ratings_on_scale (migration 0027); this CHECK bounds the range.
    check('assessment_ratings_score_range_check', sql`${t.score} between 0 and 100`),
  ],
);
