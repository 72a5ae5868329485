import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { AppConfig } from './config/config.ts';
import { runMigrations } from './db/database.ts';
import { acquireServerLock, openConfiguredDatabase } from './db/runtime.ts';
import { DEMO, seedDemo } from './demo/demo.seed.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/**
 * `tumbuh serve`: takes the data-folder lock, opens (or starts) PostgreSQL, migrates, loads the
 * demo data on first start (unless demo is off), and listens. On SIGTERM/SIGINT it stops taking
 * requests, finishes the ones in flight, then stops PostgreSQL cleanly.
 */
export async function startServer(config: AppConfig, out: (line: string) => void = console.log): Promise<RunningServer> {
  const started = Date.now();
  const releaseLock = await acquireServerLock(config.dataDir, { url: config.publicUrl });
  let opened;
  try {
    opened = await openConfiguredDatabase(config, (line) => out(`[db] ${line}`));
    await runMigrations(opened.handle);
    if (config.demo && (await seedDemo(opened.handle.db, config.demoPassword, { dataDir: config.dataDir }))) out('[demo] demo data loaded');
  } catch (error) {
    await opened?.close().catch(() => undefined);
    await releaseLock();
    throw error;
  }
  const database = opened;
  const app = await buildApp({ config, database: database.handle });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost}:${port}`;

  out('');
  out(`Tumbuh siap / ready: ${url}  (${Date.now() - started} ms)`);
  out(`Basis data / database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}`);
  if (config.demo) {
    out('Mode demo / demo mode. Akun demo / demo accounts:');
    for (const email of DEMO.accounts) out(`  ${email}`);
    out(`  kata sandi / password: ${config.demoPassword === 'tumbuh-demo-2026' ? 'tumbuh-demo-2026' : '(TUMBUH_DEMO_PASSWORD)'}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await database.close();
      await releaseLock();
    })();
    return stopping;
  };
  return { app, url, stop };
}
