import { execSync } from 'node:child_process';
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
