import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
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
