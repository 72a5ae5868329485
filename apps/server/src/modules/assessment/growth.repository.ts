import { and, eq, gt, isNull, min } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { feedbackRounds } from '../feedback/feedback.tables.ts';

/**
 * SQL the teacher's growth page needs beyond the results and feedback repositories. Every method
 * takes the tenant; callers run it inside `withTenant`.
 */
export function createGrowthRepository() {
  return {
    /**
     * The next moment a feedback round of the teacher closes by its deadline (`closes_at` after `now`,
     * not closed by hand): the growth page shows such a round as closed from then on, so a cached
     * page is stale at that moment even though no row changed. Null: none pending.
     */
    async nextFeedbackDeadline(q: Queryable, tenantId: string, teacherId: string, now: Date): Promise<Date | null> {
      const rows = await q
        .select({ next: min(feedbackRounds.closesAt) })
        .from(feedbackRounds)
        .where(and(eq(feedbackRounds.tenantId, tenantId), eq(feedbackRounds.teacherId, teacherId), isNull(feedbackRounds.closedAt), gt(feedbackRounds.closesAt, now)));
      const next = rows[0]?.next;
      return next ? new Date(next) : null;
    },
  };
}
export type GrowthRepository = ReturnType<typeof createGrowthRepository>;
