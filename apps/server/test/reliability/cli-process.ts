import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const BIN = path.join(ROOT, 'apps', 'server', 'bin', 'tumbuh.mjs');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A temporary data folder the embedded PostgreSQL (run as `postgres` when we are root) can reach. */
export async function makeDataDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755);
  return dir;
}

/** The environment of a `tumbuh` process on `dataDir`: embedded database, demo data, quiet logs. */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TUMBUH_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', TUMBUH_DEMO: '1', ...extra };
  delete env.DATABASE_URL;
  delete env.TUMBUH_DEMO_PASSWORD;
  return env;
}

/** A running `tumbuh` child process with its output collected. */
export interface CliProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal name) when the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `node apps/server/bin/tumbuh.mjs <args>`. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, output: () => out, exited };
}

/** Waits until `GET /api/health` answers 200; throws with the server's output when it exits or times out. */
export async function waitHealthy(baseUrl: string, proc: CliProcess, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let ended = false;
  void proc.exited.then(() => (ended = true));
  while (Date.now() < until) {
    if (ended) throw new Error(`server exited before it was healthy:\n${proc.output()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${proc.output()}`);
}

/** The pid in the data folder's `postgres/postmaster.pid`, if the file is there. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Stops whatever a test left running on `dataDir` (server, then an orphaned PostgreSQL) and removes it. */
export async function cleanUpDataDir(dataDir: string, procs: CliProcess[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  const pid = await postmasterPid(dataDir);
  if (pid && alive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(dataDir)) await fs.rm(dataDir, { recursive: true, force: true });
}

/** A signed-in API client (cookie and CSRF header on every request). */
export interface ApiSession {
  madrasahId: string;
  post(url: string, body: unknown): Promise<Response>;
  get(url: string): Promise<Response>;
}

/** Logs in through the real HTTP API. */
export async function apiLogin(baseUrl: string, email: string, password = 'tumbuh-demo-2026'): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await res.json()) as { csrfToken: string; madrasahs: { id: string }[] };
  const madrasahId = me.madrasahs[0]?.id;
  if (!madrasahId) throw new Error('login answered without a madrasah');
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  return {
    madrasahId,
    post: (url, body) =>
      fetch(`${baseUrl}${url}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    get: (url) => fetch(`${baseUrl}${url}`, { headers }),
  };
}
