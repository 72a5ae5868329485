import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { isProcessAlive, openEmbeddedCluster, type EmbeddedCluster } from './embedded.ts';

/** A database ready for use, and how to let go of it. */
export interface OpenedDatabase {
  handle: DatabaseHandle;
  cluster: EmbeddedCluster | undefined;
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the configured database: `DATABASE_URL` when set, else the embedded server of the data
 * folder (started if needed, reused if a server or command already runs it).
 */
export async function openConfiguredDatabase(config: AppConfig, log: (line: string) => void = () => undefined): Promise<OpenedDatabase> {
  const cluster = config.databaseUrl ? undefined : await openEmbeddedCluster({ dataDir: config.dataDir, log });
  const url = config.databaseUrl ?? cluster?.url;
  if (!url) throw new Error('no database url');
  const handle = openDatabase(url, { poolSize: config.dbPoolSize });
  return {
    handle,
    cluster,
    url,
    close: async () => {
      await handle.close();
      await cluster?.stop();
    },
  };
}

/** Refused second start on the same data folder. */
export class ServerAlreadyRunningError extends Error {}

/**
 * Takes the data folder's server lock (`server.pid`). Refuses, with a clear message, when another
 * live `tumbuh serve` holds it; a lock left by a killed server is taken over.
 */
export async function acquireServerLock(dataDir: string, info: { url: string }): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'server.pid');
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const [pidText, url] = text.split('\n');
  const pid = Number(pidText);
  if (pid && pid !== process.pid && isProcessAlive(pid)) {
    throw new ServerAlreadyRunningError(
      `Tumbuh sudah berjalan untuk folder data ini (PID ${pid}${url ? `, ${url}` : ''}). Hentikan dulu atau pakai TUMBUH_DATA_DIR lain.\n` +
        `Tumbuh is already running on this data folder (PID ${pid}${url ? `, ${url}` : ''}). Stop it first or use another TUMBUH_DATA_DIR.`,
    );
  }
  await fs.writeFile(file, `${process.pid}\n${info.url}\n`);
  return async () => {
    const current = await fs.readFile(file, 'utf8').catch(() => '');
    if (Number(current.split('\n')[0]) === process.pid) await fs.rm(file, { force: true });
  };
}
