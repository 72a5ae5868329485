import { distributionQuerySchema, distributionSchema, errorBodySchema, idParamsSchema, movementQuerySchema, movementSchema, recapQuerySchema, teacherGrowthSchema } from '@tumbuh/shared';
import { readMadrasahLogo } from '../files/files.usecases.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { sendCachedJson } from '../cache/read-cache.reply.ts';
import type { AppDeps } from '../../http/types.ts';
import { createAssessmentCycleRepository } from './assessment-cycle.repository.ts';
import { createAssessmentResultsRepository } from './assessment-results.repository.ts';
import { getDistribution, getMovement, getTeacherGrowthJson, type GrowthDeps } from './growth.usecases.ts';
import type { InstrumentCatalogue } from './instruments.catalogue.ts';
import { assessmentRekapPdf, periodRecapXlsx, tenantRecapXlsx, XLSX_TYPE } from './recap.usecases.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const tags = ['assessment'];

/** OpenAPI for a file answer: the bytes under its media type. */
function fileResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/**
 * Growth and the madrasah / district view over persisted PKG results: the category distribution
 * per period (overall, by madrasah, cluster, MGMP group), who improved or declined, a teacher's
 * growth, and the period's XLSX recap. No SQL, no rules here.
 */
export function registerGrowthRoutes(app: FastifyInstance, appDeps: AppDeps, instrumentCatalogue: InstrumentCatalogue): GrowthDeps {
  const deps: GrowthDeps = {
    db: appDeps.db,
    peopleRepository: appDeps.peopleRepository,
    clock: appDeps.clock,
    instrumentCatalogue,
    assessmentCycleRepository: createAssessmentCycleRepository(),
    assessmentResultsRepository: createAssessmentResultsRepository(),
    readMadrasahLogo: (tx, tenantId, madrasahId) => readMadrasahLogo({ db: tx, dataDir: appDeps.config.dataDir }, tenantId, madrasahId),
  };
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assessment/distribution',
    {
      schema: {
        tags,
        summary: 'Tingkat kinerja guru: categories of the final kepala results per period, for a madrasah or every madrasah in scope, overall or by madrasah / cluster / MGMP group',
        querystring: distributionQuerySchema,
        response: { 200: distributionSchema, ...errors },
      },
    },
    async (q) => getDistribution(requireActor(q), q.query, deps),
  );
  r.get(
    '/assessment/movement',
    {
      schema: {
        tags,
        summary: 'Who improved or declined between two periods (Nilai PKG delta and category change of the final kepala results)',
        querystring: movementQuerySchema,
        response: { 200: movementSchema, ...errors },
      },
    },
    async (q) => getMovement(requireActor(q), q.query, deps),
  );
  r.get(
    '/teachers/:id/growth',
    {
      schema: {
        tags,
        summary: 'A teacher’s growth across periods: Nilai PKG and category, competency values, focus dimensions, raters side by side (kepala, operator, assigned pengawas; the teacher themself)',
        params: idParamsSchema,
        response: { 200: teacherGrowthSchema, ...errors },
      },
    },
    async (q, reply) => sendCachedJson(reply, await getTeacherGrowthJson(requireActor(q), q.params.id, deps, app.readCache)),
  );
  r.get(
    '/assessment/periods/:id/rekap.xlsx',
    {
      schema: {
        tags,
        summary: 'XLSX recap of every teacher of a period: NUPTK/NIP, name, madrasah, K1–K14, total, Nilai PKG, category, % AK, band rule',
        params: idParamsSchema,
        response: { 200: fileResponse(XLSX_TYPE, 'The workbook'), ...errors },
      },
    },
    async (q, reply) => {
      const file = await periodRecapXlsx(requireActor(q), q.params.id, deps);
      return sendFile(reply, XLSX_TYPE, file);
    },
  );
  r.get(
    '/assessment/rekap.xlsx',
    {
      schema: {
        tags,
        summary: 'XLSX recap of a period (academic year + kind) across every madrasah in scope, or one madrasah: same columns as the period recap',
        querystring: recapQuerySchema,
        response: { 200: fileResponse(XLSX_TYPE, 'The workbook'), ...errors },
      },
    },
    async (q, reply) => sendFile(reply, XLSX_TYPE, await tenantRecapXlsx(requireActor(q), q.query, deps)),
  );
  r.get(
    '/assessment/assessments/:id/rekap.pdf',
    {
      schema: {
        tags,
        summary: 'Rekap Hasil PKG (Lampiran 1C) of a final assessment as PDF: identity, period, 14 competency values, Nilai PKG, category, signatures of the teacher, the rater and the kepala',
        params: idParamsSchema,
        response: { 200: fileResponse('application/pdf', 'The PDF'), 409: errorBodySchema, ...errors },
      },
    },
    async (q, reply) => sendFile(reply, 'application/pdf', await assessmentRekapPdf(requireActor(q), q.params.id, deps)),
  );
  return deps;
}

/** Sends bytes as a download, never cached by shared caches. */
function sendFile(reply: FastifyReply, mediaType: string, file: { fileName: string; body: Buffer }): FastifyReply {
  return reply
        .header('content-type', mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
}
