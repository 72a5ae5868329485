import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { madrasahs, teachers } from '../people/people.tables.ts';
import { assessmentPeriods, assessments } from './assessment-cycle.tables.ts';

/**
 * The computed PKG result of a final assessment, written by `persistAssessmentResult` (the pure
 * scoring module, pkg-scoring.models.ts) when it is finalised or revised, so distributions, growth
 * and recaps aggregate in SQL. Period, madrasah, teacher and rater kind are copied from the
 * assessment (they never change) so the aggregates need no join. See docs/pkg-scoring.md.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The assessment's id: one result per assessment. */
    id: uuid('id').notNull(),
    periodId: uuid('period_id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    /** kepala / pengawas / peer / self. */
    raterKind: text('rater_kind').notNull(),
    /** Nilai PKG: sum of the competency values. */
    total: integer('total').notNull(),
    maxTotal: integer('max_total').notNull(),
    /** Nilai PKG (100), rounded half-up to 2 decimals. */
    nilai: numeric('nilai', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    category: text('category').notNull(),
    creditPercent: integer('credit_percent').notNull(),
    /** The band rule the category was taken with (round-half-up / floor / exact). */
    bandRule: text('band_rule').notNull(),
    /** Competency values 1–4 and scores (sum of indicator ratings) in instrument order. */
    competencyValues: smallint('competency_values').array().notNull(),
    competencyScores: smallint('competency_scores').array().notNull(),
    /** Per focus dimension: `[{code, score, max, percent}]` over the indicators tagged with it. */
    focusScores: jsonb('focus_scores').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.id], foreignColumns: [assessments.tenantId, assessments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [assessmentPeriods.tenantId, assessmentPeriods.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    check('assessment_results_category_check', sql`${t.category} in ('Amat baik', 'Baik', 'Cukup', 'Sedang', 'Kurang')`),
    check('assessment_results_rater_kind_check', sql`${t.raterKind} in ('kepala', 'pengawas', 'peer', 'self')`),
    /** Distribution of a period (and the recap): results of one rater kind in a period. */
    index('assessment_results_period_idx').on(t.tenantId, t.periodId, t.raterKind, t.category),
    /** A teacher's growth across periods. */
    index('assessment_results_teacher_idx').on(t.tenantId, t.teacherId),
  ],
);
