import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../../db/database.ts';
import { auditLog } from './audit.tables.ts';

/** Who did it: a signed-in user, or the system (seed, CLI). */
export interface AuditActor {
  userId: string | null;
  label: string;
}

export interface AuditEntry {
  tenantId: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The madrasah the change belongs to (scopes who may read the entry); omit for tenant-level changes. */
  madrasahId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit entry. Call it with the transaction that makes the change, so the change and
 * its record land (or roll back) together.
 */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  // Named: every write of every module records one; PostgreSQL plans it once per connection.
  await q
    .insert(auditLog)
    .values({
    tenantId: entry.tenantId,
    id: uuidv7(),
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    madrasahId: entry.madrasahId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    })
    .prepare('tumbuh_record_audit')
    .execute();
}

/**
 * The audit insert as an SQL fragment (`insert into audit_log … select … where <when>`), for a hot
 * write that records its audit entry in the SAME statement (one round trip less): `before` and
 * `after` are SQL expressions giving jsonb (or null), `when` decides whether the entry is written
 * (e.g. only when the write changed a row). Use it as a data-modifying CTE of that statement.
 * `id` (a new UUID v7 by default) lets a statement built once take the entry's id as a placeholder.
 */
export function auditInsertSql(entry: Omit<AuditEntry, 'before' | 'after'> & { before: SQL; after: SQL; when: SQL; id?: unknown }): SQL {
  return sql`insert into audit_log (tenant_id, id, actor_user_id, actor_label, action, entity_type, entity_id, madrasah_id, before, after)
    select ${entry.tenantId}::uuid, ${entry.id ?? uuidv7()}::uuid, ${entry.actor.userId}::uuid, ${entry.actor.label}::text, ${entry.action}::text, ${entry.entityType}::text, ${entry.entityId}::uuid, ${entry.madrasahId ?? null}::uuid, ${entry.before}, ${entry.after}
    where ${entry.when}`;
}

/**
 * Lists audit entries of the tenant, newest first, optionally for one entity. A reader scoped to some
 * madrasahs sees only entries of those madrasahs (tenant-level entries need a tenant-wide role).
 */
export async function listAudit(
  q: Queryable,
  tenantId: string,
  filter: { madrasahIds: 'all' | string[]; entityType?: string | undefined; entityId?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    eq(auditLog.tenantId, tenantId),
    filter.madrasahIds === 'all' ? undefined : filter.madrasahIds.length === 0 ? sql`false` : inArray(auditLog.madrasahId, filter.madrasahIds),
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
  );
  // One query at a time: a transaction's connection runs them in order anyway.
  const items = await q.select().from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(filter.limit).offset(filter.offset);
  const totals = await q.select({ n: count() }).from(auditLog).where(where);
  return { items, total: totals[0]?.n ?? 0 };
}
