import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { commonErrors } from './app-error.ts';
import type { Actor } from '../modules/tenancy/tenancy.models.ts';
import { createSessionCache, resolveSession } from '../modules/tenancy/auth.usecases.ts';
import type { SessionCache } from '../modules/tenancy/session-cache.ts';
import type { Database, DatabaseHandle } from '../db/database.ts';
import type { TenancyRepository } from '../modules/tenancy/tenancy.repository.ts';

export const SESSION_COOKIE = 'tumbuh_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
    csrfToken: string | undefined;
  }
}

/** Paths that accept a cookie-less JSON write (they create the session). */
/** Also the anonymous student-feedback answer: it acts on no account, so a session cookie sent along gives it nothing to forge. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/accept-invitation', '/api/v1/public/feedback/:token/answers']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie to `request.actor` on every API request, and refuses a
 * cookie-authenticated write without the matching `x-csrf-token` header.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Database; tenancyRepository: TenancyRepository; clock?: () => Date; sessionCache?: SessionCache }): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('csrfToken', undefined);
  // onRequest, before the body is parsed and validated: a validation error then speaks the user's
  // language, and a write without its CSRF token is refused before its body is even read.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(token, deps);
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
      }
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    if (request.actor && request.csrfToken) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) throw commonErrors['common.csrf_failed']();
    }
  });
}

/**
 * A session cache fed by the database's change feed for as long as the app lives; undefined when
 * `ttlMs` is 0. See `SessionCache` and docs/ARCHITECTURE.md "Session cache".
 */
export function openSessionCache(app: FastifyInstance, database: DatabaseHandle, ttlMs: number): SessionCache | undefined {
  if (ttlMs <= 0) return undefined;
  const cache = createSessionCache({ ttlMs });
  const unsubscribe = database.authChanges.subscribe(cache);
  app.addHook('onClose', async () => unsubscribe());
  return cache;
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw commonErrors['auth.unauthenticated']();
  return request.actor;
}
