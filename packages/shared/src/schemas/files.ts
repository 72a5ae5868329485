import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { idSchema, listResponseSchema } from './common.ts';

/** What a stored file belongs to. Extensible: a new owner kind is a new entry here and a policy in its module. */
export const FILE_OWNER_KINDS = ['mgmp_meeting', 'mgmp_follow_up', 'madrasah_logo', 'observation'] as const;
export type FileOwnerKind = (typeof FILE_OWNER_KINDS)[number];

/** Images are re-encoded (resized, EXIF orientation applied, metadata stripped); documents are kept as uploaded. */
export const FILE_CATEGORIES = ['image', 'document'] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

/** The types accepted, decided from the file's content (magic bytes), with the extensions that may name them. */
export const ALLOWED_UPLOAD_TYPES = [
  { mediaType: 'image/jpeg', category: 'image', extensions: ['jpg', 'jpeg', 'jfif'] },
  { mediaType: 'image/png', category: 'image', extensions: ['png'] },
  { mediaType: 'image/webp', category: 'image', extensions: ['webp'] },
  { mediaType: 'application/pdf', category: 'document', extensions: ['pdf'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', category: 'document', extensions: ['docx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', category: 'document', extensions: ['xlsx'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', category: 'document', extensions: ['pptx'] },
] as const satisfies ReadonlyArray<{ mediaType: string; category: FileCategory; extensions: readonly string[] }>;

/** `accept` attribute of a file input taking any allowed type. */
export const UPLOAD_ACCEPT = ALLOWED_UPLOAD_TYPES.flatMap((t) => [t.mediaType, ...t.extensions.map((e) => `.${e}`)]).join(',');

/** Largest upload of a category, in bytes. */
export function maxUploadBytes(category: FileCategory): number {
  return category === 'image' ? LIMITS.imageFileMaxBytes : LIMITS.documentFileMaxBytes;
}

/** A stored file as the API shows it. */
export const storedFileSchema = z.object({
  id: idSchema,
  ownerKind: z.string(),
  ownerId: idSchema,
  category: z.enum(FILE_CATEGORIES),
  originalName: z.string(),
  mediaType: z.string().describe('Type of the stored bytes (an uploaded WebP photo is stored as JPEG or PNG)'),
  byteSize: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  caption: z.string().nullable(),
  createdBy: z.string().nullable().describe('Name (or e-mail) of the uploader'),
  createdAt: z.string(),
  url: z.string().describe('GET this (with the session cookie) for the content'),
  thumbUrl: z.string().nullable(),
  canDelete: z.boolean(),
});
export type StoredFile = z.infer<typeof storedFileSchema>;

export const storedFileListSchema = listResponseSchema(storedFileSchema);
export type StoredFileList = z.infer<typeof storedFileListSchema>;

/** `GET /files/:id?variant=thumb` */
export const fileContentQuerySchema = z.strictObject({
  variant: z.enum(['full', 'thumb']).default('full'),
  download: z.enum(['0', '1']).optional().describe('1: Content-Disposition attachment instead of inline'),
});

/** `GET /madrasahs/:id/logo?variant=thumb&v=…` (`v`: any version marker the client adds to bypass its cache after a change). */
export const logoQuerySchema = z.strictObject({
  variant: z.enum(['full', 'thumb']).default('full'),
  v: z.string().max(40).optional(),
});

/** Text fields of an upload form (multipart). */
export const uploadFieldsSchema = z.strictObject({
  caption: z.string().trim().max(LIMITS.captionMax).optional().transform((v) => (v ? v : null)),
});
