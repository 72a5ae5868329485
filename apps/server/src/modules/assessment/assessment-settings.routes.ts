import {
  assessmentRevisionListSchema,
  assessmentSchema,
  assessmentSettingsQuerySchema,
  assessmentSettingsSchema,
  combinedViewSchema,
  errorBodySchema,
  idParamsSchema,
  periodTeacherListSchema,
  periodTeacherParamsSchema,
  putAssessmentSettingsSchema,
  reviseAssessmentSchema,
} from '@tumbuh/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth.ts';
import type { AppDeps } from '../../http/types.ts';
import { createAssessmentCycleRepository } from './assessment-cycle.repository.ts';
import type { AssessmentCycleDeps } from './assessment-cycle.usecases.ts';
import { getCombinedView, listPeriodTeachers, listRevisions, reviseAssessment } from './assessment-revision.usecases.ts';
import { getSettings, putSettings } from './assessment-settings.usecases.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['assessment'];

/** Settings of a madrasah's PKG cycle, the period page, the combined raters view and audited revisions. */
export function registerAssessmentSettingsRoutes(app: FastifyInstance, appDeps: AppDeps, instrumentCatalogue: InstrumentCatalogue): void {
  const deps: AssessmentCycleDeps = { db: appDeps.db, peopleRepository: appDeps.peopleRepository, clock: appDeps.clock, instrumentCatalogue, assessmentCycleRepository: createAssessmentCycleRepository() };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const p = '/assessment';

  r.get(`${p}/settings`, { schema: { tags, summary: 'The madrasah’s assessment settings (defaults until saved)', querystring: assessmentSettingsQuerySchema, response: { 200: assessmentSettingsSchema, ...errors } } }, async (q) => getSettings(requireActor(q), q.query.madrasahId, deps));
  r.put(`${p}/settings`, { schema: { tags, summary: 'Save the madrasah’s assessment settings: band rule, period windows, rater weights (sum 100), combined view (kepala / operator)', body: putAssessmentSettingsSchema, response: { 200: assessmentSettingsSchema, ...errors } } }, async (q) => putSettings(requireActor(q), q.body, deps));
  r.get(`${p}/periods/:id/teachers`, { schema: { tags, summary: 'Teachers of a period with each rater’s status (kepala, pengawas, operator; no scores)', params: idParamsSchema, response: { 200: periodTeacherListSchema, ...errors } } }, async (q) => listPeriodTeachers(requireActor(q), q.params.id, deps));
  r.get(`${p}/periods/:id/teachers/:teacherId/combined`, { schema: { tags, summary: 'A teacher’s finalised results side by side and the weighted combination when the madrasah shows it', params: periodTeacherParamsSchema, response: { 200: combinedViewSchema, ...errors } } }, async (q) => getCombinedView(requireActor(q), q.params.id, q.params.teacherId, deps));
  r.post(`${p}/assessments/:id/revisions`, { schema: { tags, summary: 'Revise a final assessment with a reason (kepala or its rater); resets the acknowledgement', params: idParamsSchema, body: reviseAssessmentSchema, response: { 200: assessmentSchema, ...errors } } }, async (q) => reviseAssessment(requireActor(q), q.params.id, q.body, deps));
  r.get(`${p}/assessments/:id/revisions`, { schema: { tags, summary: 'Revision history of an assessment: every replaced version, oldest first', params: idParamsSchema, response: { 200: assessmentRevisionListSchema, ...errors } } }, async (q) => listRevisions(requireActor(q), q.params.id, deps));
}
