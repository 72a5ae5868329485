import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { auditLog } from '../audit/audit.tables.ts';
import { users } from '../tenancy/tenancy.tables.ts';

/** The audit action of a decision correction: its entries are the decision's revision history. */
export const DECISION_REVISE_ACTION = 'mgmp.decision.revise';

/**
 * SQL of decision corrections (part of the MGMP repository): there is no revision table; each
 * correction is an audit entry that keeps the wording before and after it, and those entries are
 * the decision's history. Every method takes the tenant.
 */
export const decisionRevisionsRepository = {
  /** The corrections of a decision, newest first, with the name of the account that made each. */
  async listDecisionRevisions(q: Queryable, tenantId: string, decisionId: string) {
    return q
      .select({ id: auditLog.id, at: auditLog.at, before: auditLog.before, after: auditLog.after, actorLabel: auditLog.actorLabel, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, and(eq(users.tenantId, auditLog.tenantId), eq(users.id, auditLog.actorUserId)))
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'mgmp_decision'), eq(auditLog.entityId, decisionId), eq(auditLog.action, DECISION_REVISE_ACTION)))
      .orderBy(desc(auditLog.at), desc(auditLog.id));
  },

  /** How many times each of these decisions was corrected (absent: never), in one query. */
  async countRevisionsOfDecisions(q: Queryable, tenantId: string, decisionIds: readonly string[]): Promise<Map<string, number>> {
    if (decisionIds.length === 0) return new Map();
    const rows = await q
      .select({ decisionId: auditLog.entityId, n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'mgmp_decision'), inArray(auditLog.entityId, [...decisionIds]), eq(auditLog.action, DECISION_REVISE_ACTION)))
      .groupBy(auditLog.entityId);
    return new Map(rows.flatMap((r) => (r.decisionId ? [[r.decisionId, r.n] as const] : [])));
  },

  /** How many times a decision was corrected (its current revision number). */
  async countDecisionRevisions(q: Queryable, tenantId: string, decisionId: string): Promise<number> {
    const rows = await q
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'mgmp_decision'), eq(auditLog.entityId, decisionId), eq(auditLog.action, DECISION_REVISE_ACTION)));
    return rows[0]?.n ?? 0;
  },
};
