import type { FastifyRequest } from 'fastify';
import type { Locale } from '@tumbuh/shared';

/** The language to answer in: the signed-in user's choice, else Accept-Language, else Indonesian. */
export function requestLocale(request: FastifyRequest): Locale {
  if (request.actor) return request.actor.locale;
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^\s*en\b/i.test(header)) return 'en';
  return 'id';
}
