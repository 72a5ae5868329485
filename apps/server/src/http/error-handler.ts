import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Locale } from '@tumbuh/shared';
import { z } from 'zod';
import { AppError, commonErrors } from './app-error.ts';
import { requestLocale } from './locale.ts';

const ZOD_LOCALES = { id: z.locales.id().localeError, en: z.locales.en().localeError };

/**
 * A field problem in the reader's language. Our own refinements carry a stable code as their
 * message (e.g. `invalid_nik`), which is kept for the client to translate; zod's built-in
 * problems are re-worded with zod's Indonesian or English locale.
 */
function fieldMessage(v: { keyword: string; message?: string | undefined; params?: Record<string, unknown> | undefined }, locale: Locale): string {
  if (v.keyword === 'custom' || !v.params) return v.message ?? v.keyword;
  const issue = { ...v.params, code: v.keyword, path: [], message: v.message ?? '', input: undefined };
  const worded: unknown = ZOD_LOCALES[locale](issue as Parameters<(typeof ZOD_LOCALES)['id']>[0]);
  if (typeof worded === 'string') return worded;
  if (typeof worded === 'object' && worded !== null && typeof (worded as { message?: unknown }).message === 'string') return (worded as { message: string }).message;
  return v.message ?? v.keyword;
}

const FASTIFY_CODES: Record<string, keyof typeof commonErrors> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'common.payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'common.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'common.validation_failed',
  FST_REQ_FILE_TOO_LARGE: 'common.payload_too_large',
  FST_FILES_LIMIT: 'common.payload_too_large',
  FST_PARTS_LIMIT: 'common.payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'common.unsupported_media_type',
  FST_ERR_VALIDATION: 'common.validation_failed',
};

/**
 * Unique or exclusion constraint violated, or a trigger refused a change to a frozen row
 * (`restrict_violation`, e.g. a published instrument): the state conflicts with the request.
 */
const POSTGRES_CONFLICTS = new Set(['23505', '23P01', '23001']);
/**
 * Values PostgreSQL refuses: foreign key, check constraint (also raised by triggers such as the
 * rating-on-scale guard), invalid text representation, string too long, bad
 * date/time, a NUL or unconvertible character in text, an invalid LIKE escape, a number out of range.
 */
const POSTGRES_BAD_INPUT = new Set(['23503', '23514', '22P02', '22001', '22007', '22008', '22021', '22P05', '22025', '22003']);

/**
 * The SQLSTATE of a PostgreSQL error, also when the query builder wrapped it (Drizzle throws a
 * DrizzleQueryError whose `cause` is the driver's error).
 */
function postgresCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code: unknown = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function toAppError(error: unknown, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  if (typeof error !== 'object' || error === null) return commonErrors['common.internal']();
  const e = error as Partial<FastifyError> & { code?: string; statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: [error.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)].join('.'),
      code: v.keyword,
      message: fieldMessage(v, locale),
    }));
    return commonErrors['common.validation_failed'](details);
  }
  if (e.code && FASTIFY_CODES[e.code]) return commonErrors[FASTIFY_CODES[e.code] ?? 'common.internal']();
  if (e.statusCode === 429) return commonErrors['common.rate_limited']();
  // PostgreSQL errors caused by the input that slipped past a use case's own checks: answer 4xx, not 5xx.
  const sqlState = postgresCode(error);
  if (sqlState && POSTGRES_CONFLICTS.has(sqlState)) return commonErrors['common.conflict']();
  if (sqlState && POSTGRES_BAD_INPUT.has(sqlState)) return commonErrors['common.validation_failed']();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return commonErrors['common.validation_failed']();
  return commonErrors['common.internal']();
}

/** One error shape for the whole API: `{ error: { code, message, details? } }`; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const locale = requestLocale(request);
    const appError = toAppError(error, locale);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
    }
    const body: { error: { code: string; message: string; details?: unknown } } = {
      error: { code: appError.code, message: appError.messageFor(locale) },
    };
    if (appError.details !== undefined) body.error.details = appError.details;
    void reply.status(appError.status).send(body);
  });
}
