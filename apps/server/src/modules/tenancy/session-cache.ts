import type { AuthChangeListener } from '../../db/database.ts';
import type { Actor } from './tenancy.models.ts';

/** What a session token resolves to. */
export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

interface Entry {
  resolved: ResolvedSession;
  userKey: string;
  /** The session's expiry as read from the database (ms since epoch, request clock). */
  expiresAtMs: number;
  /** When the session's expiry was last pushed forward (ms since epoch, request clock). */
  lastSeenAtMs: number;
  /** When the entry was stored (monotonic ms). */
  storedAt: number;
}

/** Entries live this long at most (and never past the session's own expiry). */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * Signed-in sessions resolved recently, by token hash: saves the session lookup (a round trip on its
 * own connection) on most authenticated requests. Safe because:
 * - an entry is used only while the change feed is live (every committed change to accounts, role
 *   grants and sessions is heard: `AuthChangeFeed`); when it is not, the cache is emptied and bypassed;
 * - a change drops every entry of that user (`*`: every entry) — changes made through this server's
 *   pool are heard before the writing request answers;
 * - a lookup that started before a change may not store what it read (a generation counter moves on
 *   every change; `store` refuses a generation older than the current one);
 * - an entry expires after `ttlMs`, and is never used at or after the session's expiry as read, nor
 *   when the session's sliding expiry is due to be pushed forward (the lookup then goes to the database);
 * - negative answers (unknown, expired, disabled) are never cached.
 */
export class SessionCache implements AuthChangeListener {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private generationNo = 0;
  private isLive = false;
  /** Counters, for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0, stored: 0, refused: 0, dropped: 0 };

  constructor(
    private readonly options: { ttlMs?: number; touchEveryMs: number; monotonic?: () => number },
  ) {}

  private now(): number {
    return (this.options.monotonic ?? performance.now.bind(performance))();
  }

  /** True while every change is heard (only then is anything served or stored). */
  get isServing(): boolean {
    return this.isLive;
  }

  /** The current generation: read it before a database lookup, hand it to `store`. */
  generation(): number {
    return this.generationNo;
  }

  /** The cached resolution of `tokenHash` at `nowMs` (request clock), or undefined. A copy: callers may change it. */
  get(tokenHash: string, nowMs: number): ResolvedSession | undefined {
    const entry = this.isLive ? this.entries.get(tokenHash) : undefined;
    if (!entry || this.now() - entry.storedAt >= (this.options.ttlMs ?? SESSION_CACHE_TTL_MS) || nowMs >= entry.expiresAtMs || nowMs - entry.lastSeenAtMs > this.options.touchEveryMs) {
      if (entry) this.remove(tokenHash, entry);
      this.stats.misses += 1;
      return undefined;
    }
    this.stats.hits += 1;
    const { actor, csrfToken } = entry.resolved;
    return { actor: { ...actor, roles: actor.roles.map((r) => ({ ...r })) }, csrfToken };
  }

  /**
   * Keeps what a database lookup found, unless anything changed since `generation` was read or the
   * feed is not live.
   */
  store(tokenHash: string, resolved: ResolvedSession, session: { expiresAt: Date; lastSeenAt: Date }, generation: number): void {
    if (!this.isLive || generation !== this.generationNo) {
      this.stats.refused += 1;
      return;
    }
    if (this.entries.size >= MAX_ENTRIES) this.clear();
    const userKey = `${resolved.actor.tenantId}:${resolved.actor.userId}`;
    const previous = this.entries.get(tokenHash);
    if (previous) this.remove(tokenHash, previous);
    const { actor, csrfToken } = resolved;
    this.entries.set(tokenHash, {
      resolved: { actor: { ...actor, roles: actor.roles.map((r) => ({ ...r })) }, csrfToken },
      userKey,
      expiresAtMs: session.expiresAt.getTime(),
      lastSeenAtMs: session.lastSeenAt.getTime(),
      storedAt: this.now(),
    });
    let tokens = this.byUser.get(userKey);
    if (!tokens) this.byUser.set(userKey, (tokens = new Set()));
    tokens.add(tokenHash);
    this.stats.stored += 1;
  }

  /** A change was committed: `<tenant id>:<user id>`, or `*` for anything. */
  change(key: string): void {
    this.generationNo += 1;
    if (key === '*') {
      this.clear();
      return;
    }
    const tokens = this.byUser.get(key);
    if (!tokens) return;
    this.byUser.delete(key);
    for (const t of tokens) this.entries.delete(t);
    this.stats.dropped += tokens.size;
  }

  /** The feed went up or down: either way, what is cached may have missed changes. */
  live(isLive: boolean): void {
    this.generationNo += 1;
    this.clear();
    this.isLive = isLive;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(tokenHash: string, entry: Entry): void {
    this.entries.delete(tokenHash);
    const tokens = this.byUser.get(entry.userKey);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.byUser.delete(entry.userKey);
  }

  private clear(): void {
    this.stats.dropped += this.entries.size;
    this.entries.clear();
    this.byUser.clear();
  }
}
