import { errorBodySchema, listQuerySchema, idSchema } from '@tumbuh/shared';
import { z } from 'zod';
import { withTenant } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { hasAnyRole } from '../tenancy/tenancy.models.ts';
import { listAudit } from './audit.repository.ts';

const auditQuerySchema = listQuerySchema.extend({ entityType: z.string().max(40).optional(), entityId: idSchema.optional() });
const auditEntrySchema = z.object({
  id: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});

/** Read access to the audit log: operators and kepala madrasah of the tenant. */
export const auditRoutes: RoutesPlugin = async (app, { deps }) => {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], summary: 'Audit log (who changed what, when)', querystring: auditQuerySchema, response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }), 401: errorBodySchema, 403: errorBodySchema } } },
    async (request) => {
      const actor = requireActor(request);
      if (!hasAnyRole(actor, ['operator', 'kepala_madrasah'])) throw commonErrors['auth.forbidden']();
      const page = await withTenant(deps.db, actor.tenantId, (tx) => listAudit(tx, actor.tenantId, request.query));
      return {
        items: page.items.map((e) => ({ id: e.id, actorLabel: e.actorLabel, action: e.action, entityType: e.entityType, entityId: e.entityId, before: e.before, after: e.after, at: e.at.toISOString() })),
        total: page.total,
      };
    },
  );
};
