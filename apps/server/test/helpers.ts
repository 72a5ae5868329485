import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type AppConfig } from '../src/config/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';

export const TEST_PASSWORD = 'tumbuh-demo-2026';
const TEMPLATE_DB = 'tumbuh_test_template';

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(): Promise<{ handle: DatabaseHandle; url: string; drop(): Promise<void> }> {
  const base = new URL(inject('testDatabaseUrl'));
  const name = `tumbuh_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase(url.toString(), { poolSize: 5 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: base.toString() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Test configuration: demo on, quiet logs, data folder unused (external database). */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // No overload guard in tests: on a loaded CI machine it answered logins with 503 and failed suites at random.
  return { ...loadConfig({ TUMBUH_DATA_DIR: '/tmp/tumbuh-unused', LOG_LEVEL: 'silent', TUMBUH_MAX_EVENT_LOOP_DELAY_MS: '0' }), ...overrides };
}

export interface TestContext {
  app: FastifyInstance;
  db: DatabaseHandle;
  close(): Promise<void>;
}

/** A database with the demo tenants and an app over it, for `app.inject`. */
export async function createTestContext(options: { seed?: boolean } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database.handle.db, TEST_PASSWORD);
  const app = await buildApp({ config: testConfig(), database: database.handle, logger: false });
  await app.ready();
  return {
    app,
    db: database.handle,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in client: cookie and CSRF header applied to every request. */
export interface Session {
  cookie: string;
  csrf: string;
  me: { user: { id: string; teacherId: string | null }; tenant: { id: string }; madrasahs: { id: string; name: string; npsn: string | null }[] };
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Logs in through the API and returns a session. */
export async function login(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const me = res.json();
  return {
    cookie,
    csrf: me.csrfToken,
    me,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': me.csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}
