import { createHash, randomBytes } from 'node:crypto';
import type { Me, RoleGrant } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { commonErrors } from '../../http/app-error.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.ts';
import { tenancyErrors } from './tenancy.errors.ts';
import { visibleMadrasahIds, type Actor } from './tenancy.models.ts';
import type { TenancyRepository } from './tenancy.repository.ts';
import { SessionCache, type ResolvedSession } from './session-cache.ts';

/** Idle lifetime of a session. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** A session's expiry is pushed forward at most this often (saves a write per request). */
const SESSION_TOUCH_MS = 3600 * 1000;

/** SHA-256 of a bearer token: what the database keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Counts failed logins per account in memory and refuses after too many in a window.
 * Per-address limits are applied by the HTTP rate limiter.
 */
export class LoginThrottle {
  private failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  isBlocked(key: string, now: number): boolean {
    const entry = this.failures.get(key);
    if (!entry) return false;
    if (now - entry.since > this.windowMs) {
      this.failures.delete(key);
      return false;
    }
    return entry.count >= this.maxFailures;
  }

  fail(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > this.windowMs) this.failures.set(key, { count: 1, since: now });
    else entry.count += 1;
    if (this.failures.size > 10_000) this.failures.clear();
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

interface AuthDeps {
  db: Database;
  tenancyRepository: TenancyRepository;
  clock?: () => Date;
}

/**
 * Checks email and password and opens a session.
 * @returns the cookie token (to set) and the actor.
 * @throws auth.invalid_credentials, auth.account_disabled, common.rate_limited
 */
export async function login(
  input: { email: string; password: string },
  deps: AuthDeps & { throttle: LoginThrottle },
): Promise<{ token: string; csrfToken: string; actor: Actor }> {
  const now = (deps.clock ?? (() => new Date()))();
  const key = input.email.toLowerCase();
  if (deps.throttle.isBlocked(key, now.getTime())) throw commonErrors['common.rate_limited']();
  const user = await deps.tenancyRepository.findUserByEmailForLogin(deps.db, input.email);
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await DUMMY_HASH_PROMISE, input.password)) && false;
  if (!user || !ok) {
    deps.throttle.fail(key, now.getTime());
    throw tenancyErrors['auth.invalid_credentials']();
  }
  if (!user.active) throw tenancyErrors['auth.account_disabled']();
  deps.throttle.succeed(key);
  return openSession(user.tenantId, user.id, deps, now);
}

async function openSession(tenantId: string, userId: string, deps: AuthDeps, now: Date) {
  const token = newToken();
  const csrfToken = newToken();
  const sessionId = uuidv7();
  return withTenant(deps.db, tenantId, async (tx) => {
    await deps.tenancyRepository.insertSession(tx, {
      tenantId,
      id: sessionId,
      userId,
      tokenHash: hashToken(token),
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    await deps.tenancyRepository.updateUser(tx, tenantId, userId, { lastLoginAt: now });
    const actor = await loadActor(tx, deps.tenancyRepository, tenantId, userId, sessionId);
    return { token, csrfToken, actor };
  });
}

async function loadActor(
  tx: Parameters<TenancyRepository['getUser']>[0],
  repo: TenancyRepository,
  tenantId: string,
  userId: string,
  sessionId: string,
): Promise<Actor> {
  const user = await repo.getUser(tx, tenantId, userId);
  if (!user) throw tenancyErrors['tenancy.user_not_found']();
  const grants = await repo.listGrants(tx, tenantId, [userId]);
  return {
    userId,
    tenantId,
    sessionId,
    email: user.email,
    name: user.name,
    locale: user.locale === 'en' ? 'en' : 'id',
    teacherId: user.teacherId,
    roles: grants.map(({ role, madrasahId }) => ({ role, madrasahId })),
  };
}

/**
 * Resolves a cookie token to the actor, sliding the session's expiry. With a session cache, a
 * session resolved recently is answered from it (see `SessionCache` for why that is safe).
 * @returns the actor and the session's CSRF token, or undefined when the session is unknown,
 *   expired, or its user is disabled.
 */
export async function resolveSession(token: string, deps: AuthDeps & { sessionCache?: SessionCache }): Promise<ResolvedSession | undefined> {
  const now = (deps.clock ?? (() => new Date()))();
  const tokenHash = hashToken(token);
  const cache = deps.sessionCache;
  const cached = cache?.get(tokenHash, now.getTime());
  if (cached) return cached;
  const generation = cache?.generation() ?? 0;
  const found = await deps.tenancyRepository.findLiveSession(deps.db, tokenHash, now);
  if (!found || !found.user.active) return undefined;
  const { session, user, grants } = found;
  let { expiresAt, lastSeenAt } = session;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    lastSeenAt = now;
    await deps.tenancyRepository.touchSession(deps.db, session.tenantId, session.id, now, expiresAt);
  }
  const resolved: ResolvedSession = {
    csrfToken: session.csrfToken,
    actor: {
      userId: user.id,
      tenantId: user.tenantId,
      sessionId: session.id,
      email: user.email,
      name: user.name,
      locale: user.locale === 'en' ? 'en' : 'id',
      teacherId: user.teacherId,
      roles: grants.map(({ role, madrasahId }) => ({ role, madrasahId })),
    },
  };
  cache?.store(tokenHash, resolved, { expiresAt, lastSeenAt }, generation);
  return resolved;
}

/** A session cache for `resolveSession`, with this module's sliding-expiry interval. */
export function createSessionCache(options: { ttlMs?: number } = {}): SessionCache {
  return new SessionCache({ ttlMs: options.ttlMs, touchEveryMs: SESSION_TOUCH_MS });
}

/** Ends the actor's session. */
export async function logout(actor: Actor, deps: AuthDeps): Promise<void> {
  await withTenant(deps.db, actor.tenantId, (tx) => deps.tenancyRepository.deleteSession(tx, actor.tenantId, actor.sessionId));
}

/** Builds `GET /me`: the user, the tenant, roles and the madrasahs they can see. */
export async function getMe(actor: Actor, csrfToken: string, deps: AuthDeps): Promise<Me> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const tenant = await deps.tenancyRepository.getTenant(tx, actor.tenantId);
    if (!tenant) throw commonErrors['auth.unauthenticated']();
    const madrasahs = await deps.tenancyRepository.listMadrasahsOf(tx, actor.tenantId, visibleMadrasahIds(actor));
    return {
      user: { id: actor.userId, email: actor.email, name: actor.name, locale: actor.locale, teacherId: actor.teacherId },
      tenant: { id: tenant.id, name: tenant.name, kind: tenant.kind },
      roles: actor.roles,
      madrasahs,
      demo: tenant.demo,
      csrfToken,
    };
  });
}

/** Changes the actor's own language or display name. */
export async function updateMe(actor: Actor, patch: { locale?: 'id' | 'en'; name?: string }, deps: AuthDeps): Promise<Actor> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const before = await deps.tenancyRepository.getUser(tx, actor.tenantId, actor.userId);
    await deps.tenancyRepository.updateUser(tx, actor.tenantId, actor.userId, patch);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actor: { userId: actor.userId, label: actor.email },
      action: 'user.update_self',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: before?.locale, name: before?.name },
      after: patch,
    });
    return { ...actor, ...patch };
  });
}

/**
 * Accepts an invitation: creates the account with the invited role and opens a session.
 * @throws auth.invitation_invalid, tenancy.email_taken
 */
export async function acceptInvitation(
  input: { token: string; password: string },
  deps: AuthDeps,
): Promise<{ token: string; csrfToken: string; actor: Actor }> {
  const now = (deps.clock ?? (() => new Date()))();
  const invitation = await deps.tenancyRepository.findInvitationByTokenHash(deps.db, hashToken(input.token));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
    throw tenancyErrors['auth.invitation_invalid']();
  }
  if (await deps.tenancyRepository.findUserByEmailForLogin(deps.db, invitation.email)) {
    throw tenancyErrors['tenancy.email_taken']();
  }
  const passwordHash = await hashPassword(input.password);
  const userId = uuidv7();
  const grant: RoleGrant = { role: invitation.role as RoleGrant['role'], madrasahId: invitation.madrasahId };
  await withTenant(deps.db, invitation.tenantId, async (tx) => {
    await deps.tenancyRepository.insertUser(tx, {
      tenantId: invitation.tenantId,
      id: userId,
      email: invitation.email,
      name: invitation.name,
      passwordHash,
      teacherId: invitation.teacherId,
    });
    await deps.tenancyRepository.replaceGrants(tx, invitation.tenantId, userId, [grant], uuidv7);
    await deps.tenancyRepository.markInvitation(tx, invitation.tenantId, invitation.id, { acceptedAt: now });
    await recordAudit(tx, {
      tenantId: invitation.tenantId,
      actor: { userId, label: invitation.email },
      action: 'invitation.accept',
      entityType: 'user',
      entityId: userId,
      after: { email: invitation.email, name: invitation.name, roles: [grant] },
    });
  });
  return openSession(invitation.tenantId, userId, deps, now);
}
