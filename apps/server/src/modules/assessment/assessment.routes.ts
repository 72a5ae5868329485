import {
  errorBodySchema,
  instrumentCodeParamsSchema,
  instrumentVersionQuerySchema,
  pkgScoreRequestSchema,
  pkgScoreResultSchema,
} from '@tumbuh/shared';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { registerAssessmentCycleRoutes } from './assessment-cycle.routes.ts';
import { registerGrowthRoutes } from './growth.routes.ts';
import { createInstrumentCatalogue } from './instruments.catalogue.ts';
import { createInstrumentsRepository } from './instruments.repository.ts';
import { scoreWithInstrument } from './instruments.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * Official assessment instruments (reference data) and the stateless PKG calculator. Every route
 * needs a signed-in user, like the rest of the API; nothing here is tenant data. The assessment
 * cycle (tenant data) is registered from assessment-cycle.routes.ts with the same catalogue.
 */
export const assessmentRoutes: RoutesPlugin = async (app, { deps }) => {
  const useCaseDeps = { instrumentCatalogue: createInstrumentCatalogue({ db: deps.db, instrumentsRepository: createInstrumentsRepository() }) };
  registerAssessmentCycleRoutes(app, deps, useCaseDeps.instrumentCatalogue);
  registerGrowthRoutes(app, deps, useCaseDeps.instrumentCatalogue);

  // GET /instruments and /instruments/:code (official and madrasah-built) live in modules/instruments/instruments.routes.ts.

  app.post(
    '/instruments/:code/score',
    {
      schema: {
        tags: ['assessment'],
        summary: 'PKG calculator: score a full set of indicator ratings (nothing is stored)',
        params: instrumentCodeParamsSchema,
        querystring: instrumentVersionQuerySchema,
        body: pkgScoreRequestSchema,
        response: { 200: pkgScoreResultSchema, 422: errorBodySchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return scoreWithInstrument({ code: request.params.code, version: request.query.version }, request.body, useCaseDeps);
    },
  );
};
