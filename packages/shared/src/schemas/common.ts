import { z } from 'zod';
import { LIMITS } from '../limits.ts';

/** A UUID (v7 in practice). */
export const idSchema = z.uuid();

/** `?q=&limit=&offset=` of every list endpoint. */
export const listQuerySchema = z.strictObject({
  q: z.string().trim().max(LIMITS.nameMax).optional().describe('Free-text search'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageMax).default(LIMITS.pageDefault),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** `{ items, total }` of every list endpoint. */
export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Route parameter `:id`. */
export const idParamsSchema = z.strictObject({ id: idSchema });

/** Text that is trimmed, non-empty and bounded. */
export const requiredText = (max: number = LIMITS.nameMax) => z.string().trim().min(1).max(max);
/** Optional text: empty string becomes null. */
export const optionalText = (max: number = LIMITS.nameMax) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v === '' || v === null ? null : v));

/** `{ ok: true }` for writes that return nothing else. */
export const okSchema = z.object({ ok: z.literal(true) });
