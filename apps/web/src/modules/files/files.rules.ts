import { ALLOWED_UPLOAD_TYPES, LIMITS, maxUploadBytes, type FileCategory } from '@tumbuh/shared';

/**
 * Checks done in the browser before an upload, so a teacher on a weak connection learns at once
 * that a file is too large or of the wrong type (the server checks again, by content).
 */

type Candidate = { name: string; type: string; size: number };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** The category a chosen file claims (by its type, else its extension); null when it is not accepted. */
export function categoryOf(file: Pick<Candidate, 'name' | 'type'>): FileCategory | null {
  const type = file.type.toLowerCase() === 'image/jpg' ? 'image/jpeg' : file.type.toLowerCase();
  const byType = ALLOWED_UPLOAD_TYPES.find((t) => t.mediaType === type);
  if (byType) return byType.category;
  const ext = extensionOf(file.name);
  const byExt = ALLOWED_UPLOAD_TYPES.find((t) => (t.extensions as readonly string[]).includes(ext));
  return byExt ? byExt.category : null;
}

/** Why a file cannot be sent, or null when it may (categories: what the owner takes). */
export function uploadProblem(file: Candidate, categories: readonly FileCategory[] = ['image', 'document']): 'wrongType' | 'tooLarge' | null {
  const category = categoryOf(file);
  if (!category || !categories.includes(category)) return 'wrongType';
  if (file.size > maxUploadBytes(category)) return 'tooLarge';
  return null;
}

/** Photos at or under this size and long side are sent as they are. */
export const REENCODE_ABOVE_BYTES = 1_500_000;

/** Whether a photo should be made smaller in the browser before sending. */
export function shouldDownscale(photo: { type: string; size: number; width: number; height: number }, maxPixels: number = LIMITS.imageMaxPixels): boolean {
  if (!/^image\/(jpeg|png|webp)$/.test(photo.type)) return false;
  return Math.max(photo.width, photo.height) > maxPixels || photo.size > REENCODE_ABOVE_BYTES;
}

/** The size to draw a photo at: long side at most `maxPixels`, proportions kept, never enlarged. */
export function fitWithin(width: number, height: number, maxPixels: number = LIMITS.imageMaxPixels): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxPixels) return { width, height };
  const scale = maxPixels / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The name of a photo re-encoded as JPEG. */
export function jpegName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name || 'foto'}.jpg`;
}

/** "850 KB", "1,2 MB" (Indonesian decimal comma) — sizes as people read them. */
export function formatBytes(bytes: number, locale: 'id' | 'en'): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(Math.round(bytes / 1024))} KB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}
