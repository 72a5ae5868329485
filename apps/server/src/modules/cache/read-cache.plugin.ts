import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import pg from 'pg';
import { ReadCache } from './read-cache.models.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The read-model cache of this server process (see modules/cache/read-cache.models.ts). */
    readCache: ReadCache;
    /** Its change listener; undefined when the cache is off. */
    readCacheListener: ChangeListener | undefined;
  }
}

/** The PostgreSQL channel the change triggers notify (migration 0022). */
export const CHANGES_CHANNEL = 'tumbuh_changes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Keeps the cache in step with PostgreSQL: one dedicated connection LISTENs on `tumbuh_changes`
 * (the triggers of migration 0022 send the changed tenant's id, '*' for everything). The cache is
 * live only while that connection listens; when it drops, the cache empties and turns off, and the
 * listener reconnects (backing off up to 10 s), emptying the cache again once it listens.
 */
export class ChangeListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<{ payload: string; resolve: () => void }>();
  /** Resolves once the first LISTEN succeeded (or failed: the listener then retries in the background). */
  readonly ready: Promise<void>;

  constructor(
    private readonly connection: pg.ClientConfig,
    private readonly cache: ReadCache,
    private readonly log: { warn(obj: unknown, msg: string): void } = { warn: () => undefined },
  ) {
    this.ready = this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ ...this.connection, keepAlive: true });
    this.client = client;
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      this.cache.setLive(false);
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      this.log.warn({ err: error }, 'read cache: change feed lost, cache emptied; reconnecting');
      client.end().catch(() => undefined);
      this.schedule();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => {
      if (msg.channel !== CHANGES_CHANNEL) return;
      const payload = msg.payload ?? '*';
      if (UUID.test(payload)) this.cache.bump(payload.toLowerCase());
      else this.cache.flushAll();
      for (const w of this.waiters) {
        if (w.payload === payload) {
          this.waiters.delete(w);
          w.resolve();
        }
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
      if (this.stopped || lost) return;
      this.retryMs = 250;
      this.cache.setLive(true);
    } catch (error) {
      onLost(error);
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(10_000, this.retryMs * 2);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, wait);
    this.timer.unref();
  }

  /** Resolves when the next notification with this payload (a tenant id, or '*') has been applied to the cache. */
  nextChange(payload: string): Promise<void> {
    return new Promise((resolve) => this.waiters.add({ payload, resolve }));
  }

  /** Whether the listening connection is up. */
  get listening(): boolean {
    return this.cache.stats().live;
  }

  /** The backend of the listening connection (tests terminate it to simulate a lost feed). */
  async backendPid(): Promise<number | undefined> {
    const r = await this.client?.query<{ pid: number }>('select pg_backend_pid() as pid');
    return r?.rows[0]?.pid;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.cache.setLive(false);
    await this.client?.end().catch(() => undefined);
  }
}

export interface ReadCachePluginOptions {
  /** Bytes the cache may hold; 0 turns it off (no listener either). */
  maxBytes: number;
  /** The application's pool: the listener connects with the same settings. */
  pool: pg.Pool;
}

/**
 * Decorates the app with `readCache`, starts the change listener, and bumps the tenant's
 * generation when a write request of a signed-in user succeeds (read-your-own-writes in this
 * process without waiting for the notification). Registered at the root (not encapsulated).
 */
const plugin: FastifyPluginAsync<ReadCachePluginOptions> = async (app: FastifyInstance, options) => {
  const cache = new ReadCache({ maxBytes: options.maxBytes });
  app.decorate('readCache', cache);
  app.decorate('readCacheListener', undefined as ChangeListener | undefined);
  if (options.maxBytes <= 0) return;
  const connection = (options.pool as unknown as { options: pg.ClientConfig }).options;
  const listener = new ChangeListener(connection, cache, app.log);
  app.readCacheListener = listener;
  await listener.ready;
  app.addHook('onSend', async (request, reply, payload) => {
    if (!READ_METHODS.has(request.method) && reply.statusCode < 400 && request.actor) cache.bump(request.actor.tenantId);
    return payload;
  });
  app.addHook('onClose', async () => listener.stop());
};
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
export const readCachePlugin = plugin;
