import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who changed what, when, with the row before and after. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Null for system actions (seed, CLI import without a user). */
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    /** The madrasah the change belongs to; null for tenant-level changes (accounts, tenant). */
    madrasahId: uuid('madrasah_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_madrasah_at_idx').on(t.tenantId, t.madrasahId, t.at),
  ],
);
