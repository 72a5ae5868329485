import { withTenant, type Database } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { hasAnyRole, visibleMadrasahIds, type Actor } from '../tenancy/tenancy.models.ts';
import { listAudit } from './audit.repository.ts';

/**
 * Reads the audit log: operators and kepala madrasah only. A reader scoped to one madrasah sees
 * that madrasah's entries; tenant-level entries (accounts) need a tenant-wide grant.
 * @throws auth.forbidden
 */
export async function listAuditEntries(
  actor: Actor,
  query: { entityType?: string | undefined; entityId?: string | undefined; limit: number; offset: number },
  deps: { db: Database },
) {
  if (!hasAnyRole(actor, ['operator', 'kepala_madrasah'])) throw commonErrors['auth.forbidden']();
  const madrasahIds = visibleMadrasahIds(actor);
  const page = await withTenant(deps.db, actor.tenantId, (tx) => listAudit(tx, actor.tenantId, { ...query, madrasahIds }));
  return {
    items: page.items.map((e) => ({
      id: e.id,
      actorLabel: e.actorLabel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      madrasahId: e.madrasahId,
      before: e.before,
      after: e.after,
      at: e.at.toISOString(),
    })),
    total: page.total,
  };
}
