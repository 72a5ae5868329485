/**
 * Start-up time of `npm start` (its script, scripts/start.mjs, run directly) to a healthy
 * `/api/health`: the first start on an empty data folder (PostgreSQL initialised, migrated, demo
 * data loaded) and later starts on the same folder (median of 3). The web client and the server
 * bundle are built beforehand, as `npm ci` does through the root `prepare` script;
 * `--with-build` also times that build (forced).
 *   node --import tsx bench/startup.ts [--with-build]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { cleanUpDataDir, cliEnv, freePort, makeDataDir, ROOT, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { median, writeResult } from './bench-support.ts';

function startNpmStart(dataDir: string, port: number): CliProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: cliEnv(dataDir, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, output: () => out, exited };
}

/** Milliseconds from spawning `npm start` to the first 200 from /api/health. */
async function timeToHealthy(dataDir: string): Promise<{ ms: number; proc: CliProcess }> {
  const port = await freePort();
  const started = performance.now();
  const proc = startNpmStart(dataDir, port);
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { ms: Math.round(performance.now() - started), proc };
    if (proc.child.exitCode !== null) throw new Error(`server exited:\n${proc.output()}`);
    if (performance.now() - started > 120_000) throw new Error(`not healthy after 120 s:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(proc: CliProcess): Promise<void> {
  proc.child.kill('SIGTERM');
  await proc.exited;
}

/** Runs scripts/build-if-needed.mjs (with `--force`: both builds) and times it. */
async function timeBuild(force: boolean): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.mjs'), ...(force ? ['--force'] : [])], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build failed: ${code}`))));
  });
  return Math.round(performance.now() - started);
}

const buildMs = process.argv.includes('--with-build') ? await timeBuild(true) : undefined;
// Built as after `npm ci`, so the first start measures the server, not the build.
await timeBuild(false);
const loadAverage = os.loadavg()[0];

const dataDir = await makeDataDir('tumbuh-bench-start-');
const procs: CliProcess[] = [];
try {
  const first = await timeToHealthy(dataDir);
  procs.push(first.proc);
  console.log(`first start (empty data folder): ${first.ms} ms`);
  await stop(first.proc);
  const later: number[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await timeToHealthy(dataDir);
    procs.push(run.proc);
    later.push(run.ms);
    console.log(`later start ${i + 1}: ${run.ms} ms`);
    await stop(run.proc);
  }
  await writeResult('startup', {
    command: 'node scripts/start.mjs (what `npm start` runs), TUMBUH_DATA_DIR=<empty temp folder>, web client and server bundle already built by npm ci',
    firstStartMs: first.ms,
    laterStartsMs: later,
    laterStartMedianMs: median(later),
    npmCiBuildMs: buildMs ?? null,
    loadAverageBefore: loadAverage,
    targets: { firstStartMs: 10_000, laterStartMs: 3_000 },
  });
} finally {
  await cleanUpDataDir(dataDir, procs);
}
