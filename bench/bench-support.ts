import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../apps/server/test/reliability/cli-process.ts';

/** What the numbers were measured on, written beside them. */
export function machineInfo(): Record<string, string | number> {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return { node: process.version, platform: `${os.platform()} ${os.release()}`, cpu, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), commit };
}

/** Writes `bench/results/<name>.json` and prints it. */
export async function writeResult(name: string, result: Record<string, unknown>): Promise<void> {
  const dir = path.join(ROOT, 'bench', 'results');
  await fs.mkdir(dir, { recursive: true });
  const body = { benchmark: name, measuredAt: new Date().toISOString(), machine: machineInfo(), ...result };
  await fs.writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
  console.log(JSON.stringify(body, null, 2));
}

/** The median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const a = sorted[mid] ?? 0;
  const b = sorted[mid - 1] ?? a;
  return sorted.length % 2 === 1 ? a : (a + b) / 2;
}

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants (the server, its
 * embedded PostgreSQL and the backends), read from /proc. Linux only; 0 elsewhere. On a machine
 * shared with other work, CPU per request is the figure that does not depend on the load.
 */
export function processTreeCpuMs(rootPid: number, options: { rootOnly?: boolean } = {}): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const e of entries) {
    try {
      const text = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(e), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    if (!options.rootOnly) queue.push(...(children.get(pid) ?? []));
  }
  return ticks * 10; // USER_HZ = 100
}

// ---------- command line ----------

/** The positive number after `--name` on the command line (`--duration 20`), or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** True when the bare flag `--name` is on the command line. */
export function flagArg(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

// ---------- autocannon ----------

/** What autocannon answers, the fields the benchmarks read (it ships no types). */
export interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  requests: { average: number; total: number; min: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Seconds. */
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}

/** One entry of autocannon's `requests` list (rotated per connection). */
export interface AutocannonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Called before each send; returns the request to send. `context` is per connection. */
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  /** Called with every answer. */
  onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}

/** Runs autocannon with typed options and result. */
export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: AutocannonOptions) => Promise<AutocannonResult>;
  return autocannon(options);
}

/**
 * One request entry whose path walks `paths` in one sequence shared by all connections (autocannon
 * otherwise runs the list from the start on every connection, in lockstep: 20 clients asking the
 * same key at once).
 */
export function sharedSequence(paths: AutocannonRequest[], onResponse?: AutocannonRequest['onResponse']): AutocannonRequest[] {
  let next = 0;
  const first = paths[0];
  if (!first) throw new Error('no paths');
  return [{ ...first, ...(onResponse ? { onResponse } : {}), setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]?.path ?? first.path }) }];
}

/** The value at percentile `p` (0–100) of an ascending list; 0 when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}
