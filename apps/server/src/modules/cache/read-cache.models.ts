/**
 * The read-model cache: computed, serialised read payloads (and the small facts their permission
 * checks need) kept in memory per server process, bounded by size, least recently used first out.
 *
 * Correctness rests on generations, not on deleting entries:
 * - every tenant has a generation number; any change to that tenant's data (a successful write
 *   through this process, or a `tumbuh_changes` notification from PostgreSQL) bumps it;
 * - an entry is served only while its tenant's generation (and the cache's epoch) is the one it was
 *   computed under; a stale entry is a miss and is replaced;
 * - a request takes a `stamp` (tenant, generation, epoch) BEFORE it reads the database, and `set`
 *   refuses to store when the generation or epoch moved meanwhile: a payload read from a snapshot
 *   older than a committed change is never stored under a generation that claims to include it;
 * - while the change feed is down (`live` false) nothing is served or stored; going down or up
 *   bumps the epoch and empties everything (notifications may have been missed).
 * Keys always start with the tenant id: one tenant's entry can never be found under another's key.
 * Pure: no I/O; time comes from `now`.
 */

export interface CacheStamp {
  readonly tenantId: string;
  readonly generation: number;
  readonly epoch: number;
}

interface Entry {
  readonly tenantId: string;
  readonly generation: number;
  readonly epoch: number;
  readonly value: unknown;
  readonly size: number;
  /** Epoch milliseconds after which the entry is stale (time-dependent payloads); undefined: never. */
  readonly expiresAt: number | undefined;
}

export interface ReadCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  /** Misses that waited for a computation already under way instead of starting their own. */
  joined: number;
  live: boolean;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  /** Computations under way, by epoch, generation and key: concurrent misses of one key share one. */
  private readonly inflight = new Map<string, Promise<unknown>>();
  private joined = 0;
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private bytes = 0;
  private live = false;
  private hits = 0;
  private misses = 0;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: { maxBytes: number; now?: () => number; live?: boolean }) {
    this.maxBytes = Math.max(0, options.maxBytes);
    this.now = options.now ?? Date.now;
    this.live = options.live ?? false;
  }

  /** Whether entries are served and stored: a size above 0 and a working change feed. */
  get enabled(): boolean {
    return this.live && this.maxBytes > 0;
  }

  /** The change feed went up or down: either way everything cached so far is dropped. */
  setLive(live: boolean): void {
    if (live === this.live) return;
    this.flushAll();
    this.live = live;
  }

  /** What a request computing a payload for `tenantId` must take before it reads the database. */
  stamp(tenantId: string): CacheStamp {
    return { tenantId, generation: this.generations.get(tenantId) ?? 0, epoch: this.epoch };
  }

  /** Something of `tenantId` changed: its entries become stale (and computations in flight are not stored). */
  bump(tenantId: string): void {
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
  }

  /** Everything may have changed (TRUNCATE, a lost change feed): drop every entry of every tenant. */
  flushAll(): void {
    this.epoch += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  /** The value stored under `key` for the tenant, if it is still current; undefined otherwise. */
  get<T>(tenantId: string, key: string): T | undefined {
    if (!this.enabled) return undefined;
    const full = fullKey(tenantId, key);
    const entry = this.entries.get(full);
    if (!entry) {
      this.misses += 1;
      return undefined;
    }
    if (entry.tenantId !== tenantId || entry.epoch !== this.epoch || entry.generation !== (this.generations.get(tenantId) ?? 0) || (entry.expiresAt !== undefined && this.now() >= entry.expiresAt)) {
      this.remove(full, entry);
      this.misses += 1;
      return undefined;
    }
    // Most recently used goes last (a Map keeps insertion order).
    this.entries.delete(full);
    this.entries.set(full, entry);
    this.hits += 1;
    return entry.value as T;
  }

  /**
   * Stores `value` (of about `size` bytes) computed under `stamp`. Refused (false) when the cache is
   * off, the tenant changed since the stamp was taken, or the value alone exceeds the bound.
   */
  set(stamp: CacheStamp, key: string, value: unknown, size: number, expiresAt?: number): boolean {
    if (!this.enabled || stamp.epoch !== this.epoch || stamp.generation !== (this.generations.get(stamp.tenantId) ?? 0)) return false;
    if (size > this.maxBytes) return false;
    const full = fullKey(stamp.tenantId, key);
    const old = this.entries.get(full);
    if (old) this.remove(full, old);
    this.entries.set(full, { tenantId: stamp.tenantId, generation: stamp.generation, epoch: stamp.epoch, value, size, expiresAt });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(k, e);
    }
    return true;
  }

  /**
   * The value under `key`, or what `loader` computes (then stored under `stamp`). While the cache
   * is on, concurrent misses of the same key and generation wait for one computation (many readers
   * opening the same page right after a change cost one computation, not one each). `loader` must
   * not depend on who asks: its value is handed to every waiter. Off: `loader` runs every time.
   */
  async load<T>(stamp: CacheStamp, key: string, loader: () => Promise<{ value: T; size: number; expiresAt?: number | undefined }>): Promise<{ value: T; hit: boolean }> {
    const cached = this.get<T>(stamp.tenantId, key);
    if (cached !== undefined) return { value: cached, hit: true };
    if (!this.enabled) return { value: (await loader()).value, hit: false };
    const flightKey = `${stamp.epoch}\u0000${stamp.generation}\u0000${fullKey(stamp.tenantId, key)}`;
    let flight = this.inflight.get(flightKey) as Promise<T> | undefined;
    if (flight) this.joined += 1;
    else {
      flight = loader()
        .then((r) => {
          this.set(stamp, key, r.value, r.size, r.expiresAt);
          return r.value;
        })
        .finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    return { value: await flight, hit: false };
  }

  stats(): ReadCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses, joined: this.joined, live: this.live };
  }

  private remove(full: string, entry: Entry): void {
    this.entries.delete(full);
    this.bytes -= entry.size;
  }
}

function fullKey(tenantId: string, key: string): string {
  return `${tenantId}\u0000${key}`;
}

/** Approximate memory of a serialised payload (JS strings: up to 2 bytes per character) plus bookkeeping. */
export function sizeOfJson(json: string): number {
  return json.length * 2 + 200;
}

/** Fixed estimate for a small fact object (a group row, a teacher's madrasah). */
export const FACT_SIZE = 400;
