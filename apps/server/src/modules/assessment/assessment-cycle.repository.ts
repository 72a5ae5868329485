import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { teachers } from '../people/people.tables.ts';
import { roleGrants, users } from '../tenancy/tenancy.tables.ts';
import type { AssessmentReadScope, PeerCandidate } from './assessment-cycle.models.ts';
import { assessmentPeriods, assessmentRatings, assessments } from './assessment-cycle.tables.ts';

export type PeriodRow = typeof assessmentPeriods.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type RatingRow = typeof assessmentRatings.$inferSelect;

/** An assessment with the names shown beside it and how many indicators are rated. */
export interface AssessmentListRow {
  assessment: AssessmentRow;
  teacherName: string;
  raterName: string;
  rated: number;
}

/** Where-clause of what `scope` may read (the SQL twin of `canReadAssessment`). */
function readable(scope: AssessmentReadScope): SQL | undefined {
  if (scope.leadMadrasahIds === 'all') return undefined;
  return or(
    scope.leadMadrasahIds.length > 0 ? inArray(assessments.madrasahId, scope.leadMadrasahIds) : undefined,
    eq(assessments.raterUserId, scope.userId),
    scope.teacherId ? and(eq(assessments.teacherId, scope.teacherId), or(eq(assessments.status, 'final'), eq(assessments.raterKind, 'self'))) : undefined,
  );
}

const ratedCount = sql<number>`(select count(*)::int from assessment_ratings r where r.tenant_id = ${assessments.tenantId} and r.assessment_id = ${assessments.id})`;

/** SQL of the assessment cycle. Every method takes the tenant; callers run it inside `withTenant`. */
export function createAssessmentCycleRepository() {
  const listSelect = (q: Queryable) =>
    q
      .select({ assessment: assessments, teacherName: teachers.name, raterName: users.name, rated: ratedCount })
      .from(assessments)
      .innerJoin(teachers, and(eq(teachers.tenantId, assessments.tenantId), eq(teachers.id, assessments.teacherId)))
      .innerJoin(users, and(eq(users.tenantId, assessments.tenantId), eq(users.id, assessments.raterUserId)));

  return {
    // ---------- periods ----------
    /** Periods of the madrasahs in `madrasahIds` ('all': every madrasah of the tenant), newest year first. */
    async listPeriods(
      q: Queryable,
      tenantId: string,
      f: { madrasahIds: 'all' | string[]; madrasahId?: string | undefined; academicYear?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: PeriodRow[]; total: number }> {
      const where = and(
        eq(assessmentPeriods.tenantId, tenantId),
        f.madrasahIds === 'all' ? undefined : f.madrasahIds.length === 0 ? sql`false` : inArray(assessmentPeriods.madrasahId, f.madrasahIds),
        f.madrasahId ? eq(assessmentPeriods.madrasahId, f.madrasahId) : undefined,
        f.academicYear ? eq(assessmentPeriods.academicYear, f.academicYear) : undefined,
        f.status ? eq(assessmentPeriods.status, f.status) : undefined,
      );
      // One query at a time: a transaction's connection runs them in order anyway.
      const items = await q.select().from(assessmentPeriods).where(where).orderBy(desc(assessmentPeriods.academicYear), asc(assessmentPeriods.startsOn), asc(assessmentPeriods.id)).limit(f.limit).offset(f.offset);
      const totals = await q.select({ n: count() }).from(assessmentPeriods).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    /** One period, or undefined (also for another tenant's id: RLS hides it). */
    async findPeriod(q: Queryable, tenantId: string, id: string): Promise<PeriodRow | undefined> {
      const rows = await q.select().from(assessmentPeriods).where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentPeriods.id, id))).limit(1);
      return rows[0];
    },

    /** The period of a madrasah with this academic year and kind, if any (one of each per year). */
    async findPeriodByKind(q: Queryable, tenantId: string, madrasahId: string, academicYear: string, kind: string): Promise<PeriodRow | undefined> {
      const rows = await q
        .select()
        .from(assessmentPeriods)
        .where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentPeriods.madrasahId, madrasahId), eq(assessmentPeriods.academicYear, academicYear), eq(assessmentPeriods.kind, kind)))
        .limit(1);
      return rows[0];
    },

    /** Inserts a period. */
    async insertPeriod(q: Queryable, row: typeof assessmentPeriods.$inferInsert): Promise<void> {
      await q.insert(assessmentPeriods).values(row);
    },

    /** Changes a period's dates or status. */
    async updatePeriod(q: Queryable, tenantId: string, id: string, patch: Partial<typeof assessmentPeriods.$inferInsert>): Promise<void> {
      await q.update(assessmentPeriods).set(patch).where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentPeriods.id, id)));
    },

    /** Deletes a period (callers check first that it has no assessments). */
    async deletePeriod(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(assessmentPeriods).where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentPeriods.id, id)));
    },

    /** How many assessments a period holds. */
    async countAssessmentsInPeriod(q: Queryable, tenantId: string, periodId: string): Promise<number> {
      const rows = await q.select({ n: count() }).from(assessments).where(and(eq(assessments.tenantId, tenantId), eq(assessments.periodId, periodId)));
      return rows[0]?.n ?? 0;
    },

    // ---------- raters ----------
    /** The account proposed as a peer rater: whether it is active, its teacher and that teacher's madrasah, and whether it holds the guru role there. */
    async findPeerCandidate(q: Queryable, tenantId: string, userId: string): Promise<PeerCandidate | undefined> {
      const rows = await q
        .select({ userId: users.id, active: users.active, teacherId: users.teacherId, teacherMadrasahId: teachers.madrasahId })
        .from(users)
        .leftJoin(teachers, and(eq(teachers.tenantId, users.tenantId), eq(teachers.id, users.teacherId)))
        .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)))
        .limit(1);
      const row = rows[0];
      if (!row) return undefined;
      const grants = await q.select({ madrasahId: roleGrants.madrasahId }).from(roleGrants).where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, userId), eq(roleGrants.role, 'guru')));
      const isGuru = grants.some((g) => g.madrasahId === null || g.madrasahId === row.teacherMadrasahId);
      return { userId: row.userId, active: row.active, teacherId: row.teacherId, teacherMadrasahId: row.teacherMadrasahId, isGuru };
    },

    // ---------- assessments ----------
    /** Assessments `scope` may read, with names and rated counts, newest first. */
    async listAssessments(
      q: Queryable,
      tenantId: string,
      scope: AssessmentReadScope,
      f: { periodId?: string | undefined; teacherId?: string | undefined; raterKind?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: AssessmentListRow[]; total: number }> {
      const where = and(
        eq(assessments.tenantId, tenantId),
        readable(scope),
        f.periodId ? eq(assessments.periodId, f.periodId) : undefined,
        f.teacherId ? eq(assessments.teacherId, f.teacherId) : undefined,
        f.raterKind ? eq(assessments.raterKind, f.raterKind) : undefined,
        f.status ? eq(assessments.status, f.status) : undefined,
      );
      const items = await listSelect(q).where(where).orderBy(desc(assessments.createdAt), desc(assessments.id)).limit(f.limit).offset(f.offset);
      const totals = await q.select({ n: count() }).from(assessments).where(where);
      return { items, total: totals[0]?.n ?? 0 };
    },

    /** One assessment with names and rated count, or undefined. */
    async findAssessment(q: Queryable, tenantId: string, id: string): Promise<AssessmentListRow | undefined> {
      const rows = await listSelect(q).where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id))).limit(1);
      return rows[0];
    },

    /** Locks an assessment row for a change (ratings, finalise, acknowledge), so concurrent writers queue. */
    async lockAssessment(q: Queryable, tenantId: string, id: string): Promise<AssessmentRow | undefined> {
      const rows = await q.select().from(assessments).where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id))).limit(1).for('update');
      return rows[0];
    },

    /** The assessment of this teacher by this rater with this instrument in this period, if any. */
    async findDuplicate(q: Queryable, tenantId: string, k: { periodId: string; teacherId: string; raterUserId: string; instrumentCode: string }): Promise<boolean> {
      const rows = await q
        .select({ id: assessments.id })
        .from(assessments)
        .where(
          and(
            eq(assessments.tenantId, tenantId),
            eq(assessments.periodId, k.periodId),
            eq(assessments.teacherId, k.teacherId),
            eq(assessments.raterUserId, k.raterUserId),
            eq(assessments.instrumentCode, k.instrumentCode),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },

    /** Inserts an assessment. */
    async insertAssessment(q: Queryable, row: typeof assessments.$inferInsert): Promise<void> {
      await q.insert(assessments).values(row);
    },

    /** Changes an assessment's status, acknowledgement or timestamps. */
    async updateAssessment(q: Queryable, tenantId: string, id: string, patch: Partial<typeof assessments.$inferInsert>): Promise<void> {
      await q.update(assessments).set(patch).where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id)));
    },

    /** The ratings of an assessment (any order; the use cases order them by the instrument). */
    async listRatings(q: Queryable, tenantId: string, assessmentId: string): Promise<RatingRow[]> {
      return q.select().from(assessmentRatings).where(and(eq(assessmentRatings.tenantId, tenantId), eq(assessmentRatings.assessmentId, assessmentId)));
    },

    /** Writes ratings (insert or replace per indicator) in one statement. */
    async upsertRatings(q: Queryable, tenantId: string, assessmentId: string, entries: readonly { indicatorId: string; score: number; evidence: string | null }[], now: Date): Promise<void> {
      if (entries.length === 0) return;
      await q
        .insert(assessmentRatings)
        .values(entries.map((e) => ({ tenantId, assessmentId, indicatorId: e.indicatorId, score: e.score, evidence: e.evidence, updatedAt: now })))
        .onConflictDoUpdate({
          target: [assessmentRatings.tenantId, assessmentRatings.assessmentId, assessmentRatings.indicatorId],
          set: { score: sql`excluded.score`, evidence: sql`excluded.evidence`, updatedAt: sql`excluded.updated_at` },
        });
    },

    /** Final assessments of a period by one rater kind, with their ratings, for the category distribution. */
    async listFinalWithRatings(q: Queryable, tenantId: string, periodId: string, raterKind: string) {
      const rows = await q
        .select({ id: assessments.id, instrumentCode: assessments.instrumentCode, instrumentVersion: assessments.instrumentVersion })
        .from(assessments)
        .where(and(eq(assessments.tenantId, tenantId), eq(assessments.periodId, periodId), eq(assessments.raterKind, raterKind), eq(assessments.status, 'final')));
      if (rows.length === 0) return [];
      const ratings = await q
        .select({ assessmentId: assessmentRatings.assessmentId, indicatorId: assessmentRatings.indicatorId, score: assessmentRatings.score })
        .from(assessmentRatings)
        .where(and(eq(assessmentRatings.tenantId, tenantId), inArray(assessmentRatings.assessmentId, rows.map((r) => r.id))));
      const byAssessment = new Map<string, { indicatorId: string; score: number }[]>();
      for (const r of ratings) {
        const list = byAssessment.get(r.assessmentId);
        if (list) list.push(r);
        else byAssessment.set(r.assessmentId, [r]);
      }
      return rows.map((r) => ({ ...r, ratings: byAssessment.get(r.id) ?? [] }));
    },
  };
}

export type AssessmentCycleRepository = ReturnType<typeof createAssessmentCycleRepository>;
