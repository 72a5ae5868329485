import {
  acknowledgeAssessmentSchema,
  assessmentListQuerySchema,
  assessmentListSchema,
  assessmentPeriodListQuerySchema,
  assessmentPeriodListSchema,
  assessmentPeriodSchema,
  assessmentEvidenceSchema,
  assessmentPeriodSummarySchema,
  assessmentSchema,
  createAssessmentPeriodSchema,
  createAssessmentSchema,
  errorBodySchema,
  idParamsSchema,
  okSchema,
  putAssessmentRatingsSchema,
  updateAssessmentPeriodSchema,
} from '@tumbuh/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth.ts';
import type { AppDeps } from '../../http/types.ts';
import { createAssessmentCycleRepository } from './assessment-cycle.repository.ts';
import {
  acknowledgeAssessment,
  createAssessment,
  createPeriod,
  deletePeriod,
  finaliseAssessment,
  getAssessment,
  getPeriod,
  getPeriodSummary,
  listAssessments,
  listPeriods,
  putRatings,
  updatePeriod,
  type AssessmentCycleDeps,
} from './assessment-cycle.usecases.ts';
import { getAssessmentEvidence } from './assessment-evidence.usecases.ts';
import { registerAssessmentSettingsRoutes } from './assessment-settings.routes.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['assessment'];

/**
 * The assessment cycle under /assessment: periods (kepala / operator), assessments by kepala,
 * pengawas, peer and self raters, bulk ratings, finalise, the teacher's acknowledgement and the
 * category distribution of a period. Registered by `assessmentRoutes`, which owns the instrument catalogue.
 */
export function registerAssessmentCycleRoutes(app: FastifyInstance, appDeps: AppDeps, instrumentCatalogue: InstrumentCatalogue): void {
  const deps: AssessmentCycleDeps = { db: appDeps.db, peopleRepository: appDeps.peopleRepository, clock: appDeps.clock, instrumentCatalogue, assessmentCycleRepository: createAssessmentCycleRepository() };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const p = '/assessment';

  // periods
  r.get(`${p}/periods`, { schema: { tags, summary: 'Assessment periods of the madrasahs in scope', querystring: assessmentPeriodListQuerySchema, response: { 200: assessmentPeriodListSchema, ...errors } } }, async (q) => listPeriods(requireActor(q), q.query, deps));
  r.post(`${p}/periods`, { schema: { tags, summary: 'Open a period (formatif / sumatif of an academic year): kepala or operator', body: createAssessmentPeriodSchema, response: { 201: assessmentPeriodSchema, ...errors } } }, async (q, reply) => reply.status(201).send(await createPeriod(requireActor(q), q.body, deps)));
  r.get(`${p}/periods/:id`, { schema: { tags, summary: 'One period', params: idParamsSchema, response: { 200: assessmentPeriodSchema, ...errors } } }, async (q) => getPeriod(requireActor(q), q.params.id, deps));
  r.patch(`${p}/periods/:id`, { schema: { tags, summary: 'Change a period’s dates, or close / reopen it', params: idParamsSchema, body: updateAssessmentPeriodSchema, response: { 200: assessmentPeriodSchema, ...errors } } }, async (q) => updatePeriod(requireActor(q), q.params.id, q.body, deps));
  r.delete(`${p}/periods/:id`, { schema: { tags, summary: 'Delete a period that holds no assessment', params: idParamsSchema, response: { 200: okSchema, ...errors } } }, async (q) => deletePeriod(requireActor(q), q.params.id, deps));
  r.get(`${p}/periods/:id/summary`, { schema: { tags, summary: 'Tingkat kinerja guru: categories of the final kepala assessments of a period', params: idParamsSchema, response: { 200: assessmentPeriodSummarySchema, ...errors } } }, async (q) => getPeriodSummary(requireActor(q), q.params.id, deps));

  // assessments
  r.get(`${p}/assessments`, { schema: { tags, summary: 'Assessments the requester may read (a guru: their own and those they rate)', querystring: assessmentListQuerySchema, response: { 200: assessmentListSchema, ...errors } } }, async (q) => listAssessments(requireActor(q), q.query, deps));
  r.post(`${p}/assessments`, { schema: { tags, summary: 'Open a draft assessment (kepala, pengawas, peer named by the kepala, self)', body: createAssessmentSchema, response: { 201: assessmentSchema, ...errors } } }, async (q, reply) => reply.status(201).send(await createAssessment(requireActor(q), q.body, deps)));
  r.get(`${p}/assessments/:id`, { schema: { tags, summary: 'One assessment with its ratings and PKG result', params: idParamsSchema, response: { 200: assessmentSchema, ...errors } } }, async (q) => getAssessment(requireActor(q), q.params.id, deps));
  r.get(`${p}/assessments/:id/evidence`, { schema: { tags, summary: 'Observation notes of the assessed teacher beside each indicator (same academic year, tagged to this instrument version; read-only)', params: idParamsSchema, response: { 200: assessmentEvidenceSchema, ...errors } } }, async (q) => getAssessmentEvidence(requireActor(q), q.params.id, deps));
  r.put(`${p}/assessments/:id/ratings`, { schema: { tags, summary: 'Rate indicators in bulk (rater, draft only; all or nothing)', params: idParamsSchema, body: putAssessmentRatingsSchema, response: { 200: assessmentSchema, ...errors } } }, async (q) => putRatings(requireActor(q), q.params.id, q.body, deps));
  r.post(`${p}/assessments/:id/finalise`, { schema: { tags, summary: 'Finalise (every indicator rated); final is immutable', params: idParamsSchema, response: { 200: assessmentSchema, ...errors } } }, async (q) => finaliseAssessment(requireActor(q), q.params.id, deps));
  r.post(`${p}/assessments/:id/acknowledge`, { schema: { tags, summary: 'The assessed teacher acknowledges (and may comment on) their final assessment', params: idParamsSchema, body: acknowledgeAssessmentSchema, response: { 200: assessmentSchema, ...errors } } }, async (q) => acknowledgeAssessment(requireActor(q), q.params.id, q.body, deps));

  // settings, period page, combined view, revisions
  registerAssessmentSettingsRoutes(app, appDeps, instrumentCatalogue);
}
