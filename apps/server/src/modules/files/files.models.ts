import { ALLOWED_UPLOAD_TYPES, maxUploadBytes, type FileCategory } from '@tumbuh/shared';

/**
 * Pure rules of uploads: which type a file is (from its content, never from the client's label),
 * whether the client's label agrees, size limits, safe names and headers. Table-tested in
 * files.models.test.ts.
 */

export type AllowedUploadType = (typeof ALLOWED_UPLOAD_TYPES)[number];

/** What the content sniffer (`file-type`, magic bytes) found; undefined when it recognised nothing. */
export type DetectedType = { mime: string; ext: string } | undefined;

export type UploadVerdict =
  | { ok: true; type: AllowedUploadType }
  | { ok: false; code: 'files.empty' | 'files.type_not_allowed' | 'files.mislabelled' | 'files.too_large' };

/** Labels a client may send that say nothing about the type. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-binary', 'application/unknown']);

/** Spellings browsers and phones use for the same type. */
const TYPE_ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'application/x-pdf': 'application/pdf',
};

/** The type a client's label names, lower-cased, without parameters, aliases resolved. */
export function normaliseDeclaredType(declared: string | undefined | null): string {
  const base = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return TYPE_ALIASES[base] ?? base;
}

/** The lower-cased extension of a file name ('' when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Decides whether an upload is accepted. The type comes from the content; a client label
 * (`Content-Type` of the part) or an extension that names another type is `files.mislabelled`;
 * a generic label or a name without extension is fine. Order: empty, unknown type, not allowed
 * for this owner, mislabelled, too large for its category.
 */
export function classifyUpload(input: {
  detected: DetectedType;
  declaredType?: string | null | undefined;
  fileName: string;
  byteSize: number;
  categories?: readonly FileCategory[] | undefined;
}): UploadVerdict {
  if (input.byteSize <= 0) return { ok: false, code: 'files.empty' };
  const detectedMime = input.detected?.mime;
  const type = detectedMime ? ALLOWED_UPLOAD_TYPES.find((t) => t.mediaType === detectedMime) : undefined;
  if (!type) {
    // A file whose label or name claims an accepted type but whose content is not one is mislabelled.
    const declared = normaliseDeclaredType(input.declaredType);
    const ext = extensionOf(input.fileName);
    const claimsAllowed = ALLOWED_UPLOAD_TYPES.some((t) => t.mediaType === declared || (t.extensions as readonly string[]).includes(ext));
    return { ok: false, code: claimsAllowed ? 'files.mislabelled' : 'files.type_not_allowed' };
  }
  if (input.categories && !input.categories.includes(type.category)) return { ok: false, code: 'files.type_not_allowed' };
  const declared = normaliseDeclaredType(input.declaredType);
  if (!GENERIC_TYPES.has(declared) && declared !== type.mediaType) return { ok: false, code: 'files.mislabelled' };
  const ext = extensionOf(input.fileName);
  if (ext !== '' && !(type.extensions as readonly string[]).includes(ext)) return { ok: false, code: 'files.mislabelled' };
  if (input.byteSize > maxUploadBytes(type.category)) return { ok: false, code: 'files.too_large' };
  return { ok: true, type };
}

/**
 * A client's file name made safe to store and to send back: no folders, no control or
 * reserved characters, at most 120 characters (the extension kept), never empty.
 */
export function cleanFileName(name: string | undefined | null, fallback = 'berkas'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (cleaned.length > 120) {
    const ext = extensionOf(cleaned);
    const keep = ext && ext.length <= 10 ? `.${ext}` : '';
    cleaned = cleaned.slice(0, 120 - keep.length) + keep;
  }
  return cleaned || fallback;
}

/** The name under which a stored file is sent: an image re-encoded to another type gets that type's extension. */
export function downloadName(originalName: string, mediaType: string): string {
  const type = ALLOWED_UPLOAD_TYPES.find((t) => t.mediaType === mediaType);
  if (!type) return originalName;
  const ext = extensionOf(originalName);
  if ((type.extensions as readonly string[]).includes(ext)) return originalName;
  const stem = ext ? originalName.slice(0, -(ext.length + 1)) : originalName;
  return `${stem || 'berkas'}.${type.extensions[0]}`;
}

/**
 * `Content-Disposition` with an ASCII fallback (`filename=`) and the exact name as RFC 5987
 * `filename*`, so no quote, semicolon or line break of a name can break the header.
 */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment'): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;]/g, '_').replace(/ {2,}/g, ' ').trim() || 'berkas';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Stored format of a re-encoded image: PNG keeps transparency; everything else becomes JPEG (what PDFs embed). */
export function storedImageFormat(hasAlpha: boolean): 'png' | 'jpeg' {
  return hasAlpha ? 'png' : 'jpeg';
}

/** Whether the actor may delete a file: its uploader while they may still see the owner, or a manager of the owner. */
export function canDeleteFile(input: { uploadedByActor: boolean; canRead: boolean; canManage: boolean }): boolean {
  return input.canManage || (input.uploadedByActor && input.canRead);
}
