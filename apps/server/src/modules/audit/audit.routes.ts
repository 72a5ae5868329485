import { errorBodySchema, idSchema, listQuerySchema } from '@tumbuh/shared';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { listAuditEntries } from './audit.usecases.ts';

const auditQuerySchema = listQuerySchema.extend({ entityType: z.string().max(40).optional(), entityId: idSchema.optional() });
const auditEntrySchema = z.object({
  id: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  madrasahId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});

/** Read access to the audit log (operators and kepala madrasah, within their scope). */
export const auditRoutes: RoutesPlugin = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (who changed what, when)',
        querystring: auditQuerySchema,
        response: { 200: z.object({ items: z.array(auditEntrySchema), total: z.number() }), 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => listAuditEntries(requireActor(request), request.query, deps),
  );
};
