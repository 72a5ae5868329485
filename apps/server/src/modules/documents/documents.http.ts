import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from './documents.models.ts';

export const PDF_MEDIA_TYPE = 'application/pdf';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** OpenAPI for a file answer: the bytes under its media type. */
export function fileResponse(mediaType: string, description: string) {
  return { description, content: { [mediaType]: { schema: z.string().meta({ format: 'binary' }) } } };
}

/** Sends bytes as a download (`Content-Disposition: attachment`), never cached by shared caches. */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; mediaType: string; body: Buffer }): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
