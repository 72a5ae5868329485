import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillPlaceholders, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { RelationalSchemaConfig, TablesRelationalConfig } from 'drizzle-orm';
import { drizzle, NodePgSession, NodePgTransaction, type NodePgDatabase, type NodePgSessionOptions } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The query builder over the pool. System-level: not tenant-scoped; use `withTenant` for request work. */
export type Database = NodePgDatabase<Schema>;
/** A transaction handle (what `withTenant` and `db.transaction` hand to their callback). */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either: repository methods accept both. */
export type Queryable = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  /** Changes to accounts, role grants and sessions, as PostgreSQL announces them (see `AuthChangeFeed`). */
  authChanges: AuthChangeFeed;
  close(): Promise<void>;
}

/** The channel migration 0023's triggers notify: `<tenant id>:<user id>`, or `*` (anything may have changed). */
export const AUTH_CHANGES_CHANNEL = 'tumbuh_auth_changed';

/** Told about changes to what a signed-in request is resolved from. */
export interface AuthChangeListener {
  /** The account, role grants or sessions of `<tenant id>:<user id>` changed; `*`: anything may have. */
  change(key: string): void;
  /** True: every committed change is now heard. False: changes may be missed (drop everything cached). */
  live(isLive: boolean): void;
}

/**
 * Announces committed changes to accounts, role grants and sessions (migration 0023's triggers).
 * Every pool connection LISTENs from the moment it connects, and PostgreSQL hands a listening connection
 * its own notifications before it answers the COMMIT (or the autocommitted statement): a change written
 * through this pool reaches the listeners before the writing call returns. Changes by other processes
 * arrive through one dedicated listening connection, kept while anyone subscribes; while it is down the
 * feed is not live.
 */
export interface AuthChangeFeed {
  /** Starts telling `listener` (and calls `listener.live` with the current state at once); returns the unsubscribe. */
  subscribe(listener: AuthChangeListener): () => void;
}

function createAuthChangeFeed(url: string): AuthChangeFeed & { close(): void; onPoolConnect(client: pg.ClientBase): Promise<void> } {
  const listeners = new Set<AuthChangeListener>();
  let listener: pg.Client | undefined;
  let listenerLive = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const isLive = () => listenerLive && !closed;
  const announceLive = () => {
    for (const l of listeners) l.live(isLive());
  };
  const onNotification = (n: pg.Notification) => {
    if (n.channel !== AUTH_CHANGES_CHANNEL) return;
    for (const l of listeners) l.change(n.payload || '*');
  };
  /** Run on every new pool connection before it is handed out (the pool's `onConnect`): it LISTENs first. */
  const onPoolConnect = async (client: pg.ClientBase) => {
    client.on('notification', onNotification);
    await client.query(`listen ${AUTH_CHANGES_CHANNEL}`);
  };
  const stopListener = () => {
    clearTimeout(retry);
    retry = undefined;
    const client = listener;
    listener = undefined;
    listenerLive = false;
    client?.end().catch(() => undefined);
  };
  const startListener = async () => {
    if (closed || listeners.size === 0 || listener) return;
    const client = new pg.Client({ connectionString: url, application_name: 'tumbuh-auth-listener' });
    listener = client;
    const fail = () => {
      if (listener !== client) return;
      listener = undefined;
      listenerLive = false;
      announceLive();
      client.end().catch(() => undefined);
      if (!closed && listeners.size > 0) {
        retry = setTimeout(() => void startListener(), 1000);
        retry.unref();
      }
    };
    client.on('error', fail);
    client.on('end', fail);
    client.on('notification', onNotification);
    try {
      await client.connect();
      await client.query(`listen ${AUTH_CHANGES_CHANNEL}`);
      if (listener !== client) return;
      listenerLive = true;
      announceLive();
    } catch {
      fail();
    }
  };
  return {
    onPoolConnect,
    subscribe(l) {
      listeners.add(l);
      l.live(isLive());
      void startListener();
      return () => {
        listeners.delete(l);
        if (listeners.size === 0) stopListener();
      };
    },
    close() {
      closed = true;
      stopListener();
      announceLive();
    },
  };
}

// DATE columns come back as 'YYYY-MM-DD' text, never shifted through a JS Date.
pg.types.setTypeParser(1082, (v: string) => v);

/** Opens a pool on the given PostgreSQL URL. */
export function openDatabase(url: string, options: { poolSize?: number } = {}): DatabaseHandle {
  const authChanges = createAuthChangeFeed(url);
  // Every connection LISTENs before first use (a connection that cannot is not handed out): see AuthChangeFeed.
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000, onConnect: authChanges.onPoolConnect });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    authChanges,
    close: async () => {
      authChanges.close();
      await pool.end();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Drizzle's own parts of a database handle (public at runtime, marked internal in its types). */
interface DrizzleInternals {
  dialect: PgDialect;
  session: { client: pg.Pool | pg.PoolClient; schema: RelationalSchemaConfig<TablesRelationalConfig> | undefined; options: NodePgSessionOptions };
}

/**
 * Runs `fn` in one transaction as the tenant: sets `app.tenant_id` and switches to the
 * `tumbuh_app` role for the transaction, so PostgreSQL's row-level security hides every
 * other tenant's rows even from a query that forgot its filter.
 *
 * What drizzle's `db.transaction` does, but `begin` and the two `set_config` travel in one
 * round trip (one simple-protocol message): every API request saves a round trip. The tenant id
 * is checked to be a UUID before it is written into that text (it always is: it comes from the
 * session row); anything else takes the parameterised two-step way.
 */
export async function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { dialect, session: parent } = db as unknown as DrizzleInternals;
  if (!UUID.test(tenantId) || !(parent.client instanceof pg.Pool)) {
    return db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'tumbuh_app', true)`);
      return fn(tx);
    });
  }
  const client = await parent.client.connect();
  try {
    const session = new NodePgSession(client, dialect, parent.schema, parent.options);
    const tx = new NodePgTransaction(dialect, session, parent.schema) as unknown as Tx;
    try {
      await client.query(`begin; select set_config('app.tenant_id', '${tenantId}', true), set_config('role', 'tumbuh_app', true)`);
      const result = await fn(tx);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * Runs raw SQL as a named (prepared) statement: PostgreSQL parses and plans it once per
 * connection instead of on every call. Only for hot queries whose text never changes (the name
 * must always stand for the same text).
 */
export async function executeNamed<T extends Record<string, unknown>>(q: Queryable, name: string, query: SQL): Promise<pg.QueryResult<T>> {
  const { dialect, session } = q as unknown as { dialect: PgDialect; session: NodePgSession<Record<string, unknown>, TablesRelationalConfig> };
  return (await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute()) as pg.QueryResult<T>;
}

/**
 * A hot statement whose SQL text is built once, on first use, and runs as a named prepared
 * statement straight on the driver: no query builder and no SQL rendering per call (that was
 * 10–15 % of the server's CPU on the check-in path). `build` receives a placeholder for every
 * value name (`p.tenantId`) and returns the statement; the statement must not depend on anything
 * but those placeholders. Rows come back as PostgreSQL names them, timestamps as `Date`.
 */
export function namedStatement<K extends string, R extends Record<string, unknown>>(
  name: string,
  build: (p: Record<K, Placeholder>) => SQL,
): (q: Queryable, values: Record<K, unknown>) => Promise<pg.QueryResult<R>> {
  let built: { sql: string; params: unknown[] } | undefined;
  return async (q, values) => {
    built ??= new PgDialect().sqlToQuery(build(new Proxy({} as Record<K, Placeholder>, { get: (_, key) => sql.placeholder(String(key)) })));
    const client = (q as unknown as DrizzleInternals).session.client;
    return client.query<R>({ name, text: built.sql, values: fillPlaceholders(built.params, values) });
  };
}

/** The folder of SQL migrations, found from source or from the built bundle. */
export function migrationsFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('migrations folder (drizzle/) not found');
}

const MIGRATION_LOCK = 7_420_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so two servers (or a server and
 * `tumbuh migrate`) never migrate at once.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const client = await handle.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(handle.db, { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(handle: DatabaseHandle, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = handle.pool.query('select 1').then(() => true as const);
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
