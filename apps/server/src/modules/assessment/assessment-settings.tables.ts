import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { madrasahs } from '../people/people.tables.ts';
import { users } from '../tenancy/tenancy.tables.ts';
import { assessments } from './assessment-cycle.tables.ts';

/**
 * Assessment settings of a madrasah (tenant data; one row per madrasah, absent = the defaults of
 * assessment-settings.models.ts) and the revision history of finalised assessments.
 */

/** How a madrasah runs its PKG cycle: band rule, period windows, rater weights of the combined view. */
export const assessmentSettings = pgTable(
  'assessment_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    /** round-half-up / floor / exact (see docs/pkg-scoring.md). */
    bandRule: text('band_rule').notNull(),
    /** First day of the academic year, 'MM-DD' (default '07-01'). */
    yearStartsOn: text('year_starts_on').notNull(),
    /** Default windows of the PKG periods within an academic year, 'MM-DD'. */
    formatifStartsOn: text('formatif_starts_on').notNull(),
    formatifEndsOn: text('formatif_ends_on').notNull(),
    sumatifStartsOn: text('sumatif_starts_on').notNull(),
    sumatifEndsOn: text('sumatif_ends_on').notNull(),
    /** Rater weights (percent) of the combined view; they sum to 100. */
    weightKepala: integer('weight_kepala').notNull(),
    weightPengawas: integer('weight_pengawas').notNull(),
    weightPeer: integer('weight_peer').notNull(),
    weightSelf: integer('weight_self').notNull(),
    /** Whether the combined view shows the weighted combination at all. */
    showCombined: boolean('show_combined').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.updatedBy], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('assessment_settings_madrasah_key').on(t.tenantId, t.madrasahId),
    check('assessment_settings_band_rule_check', sql`${t.bandRule} in ('round-half-up', 'floor', 'exact')`),
    check(
      'assessment_settings_weights_check',
      sql`${t.weightKepala} between 0 and 100 and ${t.weightPengawas} between 0 and 100 and ${t.weightPeer} between 0 and 100 and ${t.weightSelf} between 0 and 100 and ${t.weightKepala} + ${t.weightPengawas} + ${t.weightPeer} + ${t.weightSelf} = 100`,
    ),
  ],
);

/**
 * One replaced version of a final assessment: what it was before an audited revision (ratings,
 * result, acknowledgement), why it was revised, by whom and when. Append-only.
 */
export const assessmentRevisions = pgTable(
  'assessment_revisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    /** The version number that was replaced (0 = the first finalised version). */
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    revisedBy: uuid('revised_by').notNull(),
    revisedAt: timestamp('revised_at', { withTimezone: true }).notNull(),
    /** The replaced version: { ratings, score, finalisedAt, acknowledgedAt, teacherComment }. */
    previous: jsonb('previous').notNull(),
    /** The indicators the revision changed: [{ indicatorId, before, after }]. */
    changes: jsonb('changes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.assessmentId], foreignColumns: [assessments.tenantId, assessments.id] }),
    foreignKey({ columns: [t.tenantId, t.revisedBy], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('assessment_revisions_version_key').on(t.tenantId, t.assessmentId, t.revision),
  ],
);
