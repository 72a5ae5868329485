import { errorBodySchema, mgmpMadrasahOverviewQuerySchema, mgmpMadrasahOverviewSchema } from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import { sendCachedJson } from '../cache/read-cache.reply.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { createMgmpRepository } from './mgmp.repository.ts';
import { createMgmpOverviewRepository } from './overview.repository.ts';
import { getMadrasahOverview, type MgmpOverviewDeps } from './overview.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** MGMP overview across groups: the kepala madrasah's view of every group, per group and in total. */
export const mgmpOverviewRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const deps: MgmpOverviewDeps = {
    db: appDeps.db,
    peopleRepository: appDeps.peopleRepository,
    clock: appDeps.clock,
    mgmpRepository: createMgmpRepository(),
    overviewRepository: createMgmpOverviewRepository(),
  };
  app.get(
    '/mgmp/overview',
    {
      schema: {
        tags: ['mgmp'],
        summary: 'Overview of every MGMP group the requester may read, per group and in total, for a period (default: the current semester)',
        querystring: mgmpMadrasahOverviewQuerySchema,
        response: { 200: mgmpMadrasahOverviewSchema, ...errors },
      },
    },
    async (r, reply) => {
      const answer = await getMadrasahOverview(requireActor(r), r.query, deps, app.readCache);
      if ('json' in answer) return sendCachedJson(reply, answer);
      return reply.header('x-read-cache', answer.hit ? 'hit' : 'miss').send(answer.overview);
    },
  );
};
