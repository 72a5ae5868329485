import type { ErrorCode, Locale } from '@tumbuh/shared';

/** What a module declares for each of its errors: HTTP status and the message in both languages. */
export interface ErrorDefinition {
  status: number;
  id: string;
  en: string;
}

/** A failure a person can act on. Carries a stable code; the HTTP layer turns it into `{ error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly messages: { id: string; en: string },
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'AppError';
  }

  /** The message in the requested language. */
  messageFor(locale: Locale): string {
    return this.messages[locale];
  }
}

/**
 * Declares a module's errors once and returns a factory per code:
 * `const errors = defineErrors({ 'people.teacher_not_found': { status: 404, id: '…', en: '…' } })`
 * then `throw errors['people.teacher_not_found']()`.
 */
export function defineErrors<const T extends Partial<Record<ErrorCode, ErrorDefinition>>>(definitions: T) {
  const factories = {} as { [K in keyof T & ErrorCode]: (details?: unknown) => AppError };
  for (const code of Object.keys(definitions) as (keyof T & ErrorCode)[]) {
    const def = definitions[code] as ErrorDefinition;
    factories[code] = (details?: unknown) => new AppError(code, def.status, { id: def.id, en: def.en }, details);
  }
  return factories;
}

/** Errors every module may raise. */
export const commonErrors = defineErrors({
  'common.validation_failed': { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The submitted data is invalid.' },
  'common.malformed_json': { status: 400, id: 'Isi permintaan bukan JSON yang valid.', en: 'The request body is not valid JSON.' },
  'common.not_found': { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  'common.payload_too_large': { status: 413, id: 'Berkas atau data terlalu besar.', en: 'The file or data is too large.' },
  'common.unsupported_media_type': { status: 415, id: 'Jenis isi permintaan tidak didukung.', en: 'Unsupported content type.' },
  'common.rate_limited': { status: 429, id: 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.', en: 'Too many attempts. Try again shortly.' },
  'common.csrf_failed': { status: 403, id: 'Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.', en: 'Request refused (security token mismatch). Reload the page.' },
  'common.conflict': { status: 409, id: 'Data bentrok dengan data yang sudah ada.', en: 'This conflicts with existing data.' },
  'common.internal': { status: 500, id: 'Terjadi kesalahan pada server. Coba lagi.', en: 'Something went wrong on the server. Try again.' },
  'common.unavailable': { status: 503, id: 'Server sedang sibuk. Coba lagi sebentar.', en: 'The server is busy. Try again shortly.' },
  'auth.unauthenticated': { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'auth.forbidden': { status: 403, id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
});
