import fastifyMultipart from '@fastify/multipart';
import { errorBodySchema, fileContentQuerySchema, idParamsSchema, LIMITS, logoQuerySchema, okSchema, storedFileListSchema, storedFileSchema, uploadFieldsSchema, type FileOwnerKind } from '@tumbuh/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { commonErrors } from '../../http/app-error.ts';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { filesErrors } from './files.errors.ts';
import {
  deleteFile,
  deleteMadrasahLogo,
  getMadrasahLogo,
  listOwnerFiles,
  putMadrasahLogo,
  readFileContent,
  uploadOwnerFile,
  type FileContent,
  type FilesDeps,
  type Upload,
} from './files.usecases.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
  422: errorBodySchema,
};

const uploadDescription =
  'multipart/form-data with `file` (one file) and, for photos, an optional `caption`. The type is decided from the content ' +
  '(magic bytes): JPEG, PNG, WebP photos (at most ' +
  `${LIMITS.imageFileMaxBytes} bytes; stored re-encoded, long side ≤ ${LIMITS.imageMaxPixels} px, EXIF orientation applied, metadata removed, ` +
  `with a ${LIMITS.thumbMaxPixels} px thumbnail) and PDF, DOCX, XLSX, PPTX documents (at most ${LIMITS.documentFileMaxBytes} bytes). ` +
  'A part Content-Type or file extension that names another type: 415 files.mislabelled; too large: 413 files.too_large.';

const binary = z.string().describe('The file bytes (Content-Type of the stored file)');

/** Reads the one `file` part and the text fields of a multipart upload. */
async function readUpload(request: FastifyRequest): Promise<{ upload: Upload; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw filesErrors['files.empty']();
  let upload: Upload | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname === 'file' && !upload) {
          const data = await part.toBuffer();
          upload = { fileName: part.filename || 'berkas', declaredType: part.mimetype, data };
        } else part.file.resume();
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw filesErrors['files.too_large']();
    throw error;
  }
  if (!upload || upload.data.length === 0) throw filesErrors['files.empty']();
  return { upload, fields };
}

function readCaption(fields: Record<string, string>): string | null {
  const parsed = uploadFieldsSchema.safeParse({ caption: fields.caption });
  if (!parsed.success) throw commonErrors['common.validation_failed'](parsed.error.issues.map((i) => ({ path: `caption`, message: i.message })));
  return parsed.data.caption;
}

function sendContent(reply: FastifyReply, content: FileContent, cacheControl: string) {
  return reply
    .header('Content-Type', content.mediaType)
    .header('Content-Disposition', content.disposition)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', cacheControl)
    .header('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .send(content.data);
}

/**
 * Files: meeting photos and files, follow-up evidence, the madrasah logo. Bytes leave the server
 * only through these authenticated routes, after the owner's policy.
 */
export const filesRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  // Encapsulated: only these routes accept multipart bodies; the stream stops at the largest limit.
  await app.register(fastifyMultipart, {
    limits: { fileSize: Math.max(LIMITS.imageFileMaxBytes, LIMITS.documentFileMaxBytes), files: 1, fields: 4, parts: 5, fieldSize: 4 * LIMITS.captionMax },
  });
  const deps: FilesDeps = { db: appDeps.db, dataDir: appDeps.config.dataDir };

  const ownerRoutes: Array<{ path: string; kind: FileOwnerKind; tags: string[]; who: string }> = [
    { path: '/mgmp/meetings/:id/files', kind: 'mgmp_meeting', tags: ['mgmp', 'files'], who: 'officers of the group, the madrasah’s kepala / operator (add); members and pengawas (list)' },
    { path: '/mgmp/follow-ups/:id/files', kind: 'mgmp_follow_up', tags: ['mgmp', 'files'], who: 'the follow-up’s owners and the group’s officers (add); members (list)' },
    { path: '/observations/:id/files', kind: 'observation', tags: ['observation', 'files'], who: 'the observer and the kepala, until closed (add); whoever sees the notes (list); policy in observation.files.ts' },
  ];
  for (const route of ownerRoutes) {
    app.post(
      route.path,
      {
        schema: { tags: route.tags, summary: `Attach a photo or file (${route.who})`, description: uploadDescription, consumes: ['multipart/form-data'], params: idParamsSchema, response: { 201: storedFileSchema, ...errors } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { upload, fields } = await readUpload(request);
        return reply.status(201).send(await uploadOwnerFile(deps, actor, route.kind, request.params.id, upload, readCaption(fields)));
      },
    );
    app.get(
      route.path,
      { schema: { tags: route.tags, summary: `Photos and files, oldest first (${route.who})`, params: idParamsSchema, response: { 200: storedFileListSchema, ...errors } } },
      async (request) => listOwnerFiles(deps, requireActor(request), route.kind, request.params.id),
    );
  }

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'The content of a file (`variant=thumb`: the thumbnail of a photo); 404 files.not_found when the actor may not see its owner',
        description: 'Sent with the stored Content-Type, Content-Disposition (inline for photos, attachment for documents or `download=1`), X-Content-Type-Options: nosniff and Cache-Control: private.',
        params: idParamsSchema,
        querystring: fileContentQuerySchema,
        response: { 200: binary, ...errors },
      },
    },
    async (request, reply) => {
      const content = await readFileContent(deps, requireActor(request), request.params.id, { variant: request.query.variant, download: request.query.download === '1' });
      // A file id never gets other bytes: the browser may keep it.
      return sendContent(reply, content, 'private, max-age=86400, immutable');
    },
  );

  app.delete(
    '/files/:id',
    { schema: { tags: ['files'], summary: 'Delete a file (its uploader, or an officer / manager of its owner)', params: idParamsSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await deleteFile(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    '/madrasahs/:id/logo',
    {
      schema: {
        tags: ['people', 'files'],
        summary: 'Set or replace the madrasah logo used by the letterhead (kop) of printed documents (operator of the madrasah)',
        description: `multipart/form-data with \`file\`: a JPEG, PNG or WebP image (at most ${LIMITS.imageFileMaxBytes} bytes); stored ≤ 1000 px with a ${LIMITS.logoMaxPixels} px copy for the kop (PNG keeps transparency).`,
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 200: storedFileSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { upload } = await readUpload(request);
      return putMadrasahLogo(deps, actor, request.params.id, upload);
    },
  );

  app.get(
    '/madrasahs/:id/logo',
    {
      schema: {
        tags: ['people', 'files'],
        summary: 'The madrasah logo (`variant=thumb`: ≤ 300 px); 404 files.not_found when none was uploaded',
        params: idParamsSchema,
        querystring: logoQuerySchema,
        response: { 200: binary, ...errors },
      },
    },
    async (request, reply) => {
      const content = await getMadrasahLogo(deps, requireActor(request), request.params.id, request.query.variant);
      return sendContent(reply.header('ETag', `"${content.id}-${request.query.variant}"`), content, 'private, no-cache');
    },
  );

  app.delete(
    '/madrasahs/:id/logo',
    { schema: { tags: ['people', 'files'], summary: 'Remove the madrasah logo (operator of the madrasah)', params: idParamsSchema, response: { 200: okSchema, ...errors } } },
    async (request) => {
      await deleteMadrasahLogo(deps, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
};
