import fastifyMultipart from '@fastify/multipart';
import { errorBodySchema, idParamsSchema, idSchema, importCommitResultSchema, importPreviewSchema, LIMITS } from '@tumbuh/shared';
import { requireActor } from '../../../http/auth.ts';
import { commonErrors } from '../../../http/app-error.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { createTeacherImportsRepository } from './imports.repository.ts';
import { commitTeacherImport, getTeacherImport, previewTeacherImport, type TeacherImportDeps } from './imports.usecases.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  422: errorBodySchema,
};

function missing(path: string) {
  return commonErrors['common.validation_failed']([{ path, message: 'required' }]);
}

/** Teacher import: upload and preview, read a preview, commit. Operators only. */
export const teacherImportRoutes: RoutesPlugin = async (app, { deps }) => {
  // Encapsulated: only these routes accept multipart bodies.
  await app.register(fastifyMultipart, {
    limits: { fileSize: LIMITS.importFileMaxBytes, files: 1, fields: 5, parts: 6 },
  });
  const importDeps: TeacherImportDeps = { db: deps.db, importsRepository: createTeacherImportsRepository(), clock: deps.clock };

  app.post(
    '/teacher-imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'Upload a teacher file (.xlsx/.csv) and preview it; nothing is written to teachers',
        description:
          'multipart/form-data with the fields `madrasahId` (uuid) and `file` (Dapodik GTK export, EMIS or SIMPATIKA list, ' +
          `or any table with a "Nama" column; at most ${LIMITS.importFileMaxBytes} bytes and ${LIMITS.importRowsMax} rows).`,
        consumes: ['multipart/form-data'],
        response: { 201: importPreviewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw missing('file');
      let madrasahId: string | undefined;
      let upload: { fileName: string; buffer: Buffer } | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname === 'file' && !upload) upload = { fileName: part.filename || 'upload', buffer: await part.toBuffer() };
          else part.file.resume();
        } else if (part.fieldname === 'madrasahId' && typeof part.value === 'string') {
          madrasahId = part.value.trim();
        }
      }
      const parsedId = idSchema.safeParse(madrasahId);
      if (!parsedId.success) throw madrasahId ? commonErrors['common.validation_failed']([{ path: 'madrasahId', message: 'invalid uuid' }]) : missing('madrasahId');
      if (!upload || upload.buffer.length === 0) throw missing('file');
      const preview = await previewTeacherImport({ actor, madrasahId: parsedId.data, ...upload }, importDeps);
      return reply.status(201).send(preview);
    },
  );

  app.get(
    '/teacher-imports/:id',
    { schema: { tags: ['imports'], summary: 'A previewed or committed teacher import', params: idParamsSchema, response: { 200: importPreviewSchema, ...errors } } },
    async (request) => getTeacherImport({ actor: requireActor(request), importId: request.params.id }, importDeps),
  );

  app.post(
    '/teacher-imports/:id/commit',
    {
      schema: {
        tags: ['imports'],
        summary: 'Write a previewed import, all or nothing (422 people.import_rejected when any row has an error)',
        params: idParamsSchema,
        response: { 200: importCommitResultSchema, ...errors },
      },
    },
    async (request) => commitTeacherImport({ actor: requireActor(request), importId: request.params.id }, importDeps),
  );
};
