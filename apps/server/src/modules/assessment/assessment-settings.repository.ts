import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { teachers } from '../people/people.tables.ts';
import { users } from '../tenancy/tenancy.tables.ts';
import { assessmentRatings, assessments } from './assessment-cycle.tables.ts';
import { assessmentRevisions, assessmentSettings } from './assessment-settings.tables.ts';

export type SettingsRow = typeof assessmentSettings.$inferSelect;
export type RevisionRow = typeof assessmentRevisions.$inferSelect;

const ratedCount = sql<number>`(select count(*)::int from assessment_ratings r where r.tenant_id = ${assessments.tenantId} and r.assessment_id = ${assessments.id})`;

/** SQL of the assessment settings, the period page, the combined view and revisions. Every method takes the tenant. */
export function createAssessmentSettingsRepository() {
  return {
    /** The madrasah's saved settings with the name of who saved them last, or undefined (defaults apply). */
    async findSettings(q: Queryable, tenantId: string, madrasahId: string): Promise<{ settings: SettingsRow; updatedByName: string } | undefined> {
      const rows = await q
        .select({ settings: assessmentSettings, updatedByName: users.name })
        .from(assessmentSettings)
        .innerJoin(users, and(eq(users.tenantId, assessmentSettings.tenantId), eq(users.id, assessmentSettings.updatedBy)))
        .where(and(eq(assessmentSettings.tenantId, tenantId), eq(assessmentSettings.madrasahId, madrasahId)))
        .limit(1);
      return rows[0];
    },

    /** Inserts or replaces the madrasah's settings (one row per madrasah). */
    async upsertSettings(q: Queryable, row: typeof assessmentSettings.$inferInsert): Promise<void> {
      const { tenantId: _t, id: _i, madrasahId: _m, createdAt: _c, ...patch } = row;
      await q.insert(assessmentSettings).values(row).onConflictDoUpdate({ target: [assessmentSettings.tenantId, assessmentSettings.madrasahId], set: patch });
    },

    /** Active teachers of a madrasah, by name, with their active account if they have one (a peer rater must have one). */
    async listTeachersOf(q: Queryable, tenantId: string, madrasahId: string): Promise<{ id: string; name: string; userId: string | null }[]> {
      const account = sql<string | null>`(select u.id from users u where u.tenant_id = ${teachers.tenantId} and u.teacher_id = ${teachers.id} and u.active order by u.id limit 1)`;
      return q
        .select({ id: teachers.id, name: teachers.name, userId: account })
        .from(teachers)
        .where(and(eq(teachers.tenantId, tenantId), eq(teachers.madrasahId, madrasahId), eq(teachers.active, true)))
        .orderBy(asc(teachers.name), asc(teachers.id));
    },

    /** Every assessment of a period (optionally of one teacher) with the rater's name and how many indicators are rated. */
    async listPeriodAssessments(q: Queryable, tenantId: string, periodId: string, teacherId?: string) {
      return q
        .select({ assessment: assessments, raterName: users.name, rated: ratedCount })
        .from(assessments)
        .innerJoin(users, and(eq(users.tenantId, assessments.tenantId), eq(users.id, assessments.raterUserId)))
        .where(and(eq(assessments.tenantId, tenantId), eq(assessments.periodId, periodId), teacherId ? eq(assessments.teacherId, teacherId) : undefined))
        .orderBy(asc(assessments.createdAt), asc(assessments.id));
    },

    /** Ratings of some assessments. */
    async listRatingsOf(q: Queryable, tenantId: string, assessmentIds: readonly string[]) {
      if (assessmentIds.length === 0) return [];
      return q
        .select({ assessmentId: assessmentRatings.assessmentId, indicatorId: assessmentRatings.indicatorId, score: assessmentRatings.score, evidence: assessmentRatings.evidence })
        .from(assessmentRatings)
        .where(and(eq(assessmentRatings.tenantId, tenantId), inArray(assessmentRatings.assessmentId, [...assessmentIds])));
    },

    /** Appends one replaced version to the history. */
    async insertRevision(q: Queryable, row: typeof assessmentRevisions.$inferInsert): Promise<void> {
      await q.insert(assessmentRevisions).values(row);
    },

    /** The revision history of an assessment, oldest first, with the reviser's name. */
    async listRevisions(q: Queryable, tenantId: string, assessmentId: string): Promise<{ revision: RevisionRow; revisedByName: string }[]> {
      return q
        .select({ revision: assessmentRevisions, revisedByName: users.name })
        .from(assessmentRevisions)
        .innerJoin(users, and(eq(users.tenantId, assessmentRevisions.tenantId), eq(users.id, assessmentRevisions.revisedBy)))
        .where(and(eq(assessmentRevisions.tenantId, tenantId), eq(assessmentRevisions.assessmentId, assessmentId)))
        .orderBy(asc(assessmentRevisions.revision));
    },
  };
}

export type AssessmentSettingsRepository = ReturnType<typeof createAssessmentSettingsRepository>;
