import path from 'node:path';
import { z } from 'zod';

/** Environment the server and the CLI read, validated once at start-up. */
const envSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on; 0.0.0.0 opens it to the school's LAN. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** External PostgreSQL (≥ 15). When unset, an embedded server is started in the data folder. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database and uploaded files live. */
  TUMBUH_DATA_DIR: z.string().min(1).default('./data'),
  /** Password of every demo account. */
  TUMBUH_DEMO_PASSWORD: z.string().min(8).default('tumbuh-demo-2026'),
  /** `0`/`false` turns demo data off: a production start loads no demo tenants. */
  TUMBUH_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  /** Public base URL used in invitation links; defaults to http://HOST:PORT. */
  TUMBUH_PUBLIC_URL: z.string().url().optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Connections in the pool. */
  TUMBUH_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  /** Event-loop delay (ms) above which requests get 503 `common.unavailable` instead of queueing; 0 turns the guard off. */
  TUMBUH_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** How long (ms) a resolved sign-in session may be reused without asking the database (see SessionCache); 0 turns it off. */
  TUMBUH_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(30_000),
  /** Memory (MB) of the read-model cache (computed MGMP overviews, teachers' growth); 0 turns it off. */
  TUMBUH_READ_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  demo: boolean;
  publicUrl: string;
  /** True when TUMBUH_PUBLIC_URL is set: links sent out of the app (student feedback link, QR) use publicUrl, not the browser's address. */
  publicUrlConfigured?: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dbPoolSize: number;
  /** 0: no overload guard. */
  maxEventLoopDelayMs: number;
  /** Lifetime of a session-cache entry in ms; 0: no session cache. */
  sessionCacheMs: number;
  /** Bytes the read-model cache may hold; 0: off. */
  readCacheBytes: number;
}

/** Thrown when the environment is invalid; its message lists every problem. */
export class ConfigError extends Error {}

/** Reads and validates the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TUMBUH_DATA_DIR),
    demoPassword: e.TUMBUH_DEMO_PASSWORD,
    demo: e.TUMBUH_DEMO === '1' || e.TUMBUH_DEMO === 'true',
    publicUrl: (e.TUMBUH_PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, ''),
    publicUrlConfigured: e.TUMBUH_PUBLIC_URL !== undefined,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.TUMBUH_DB_POOL,
    maxEventLoopDelayMs: e.TUMBUH_MAX_EVENT_LOOP_DELAY_MS,
    sessionCacheMs: e.TUMBUH_SESSION_CACHE_MS,
    readCacheBytes: Math.round(e.TUMBUH_READ_CACHE_MB * 1024 * 1024),
  };
}
