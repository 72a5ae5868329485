/**
 * PKG scoring throughput on one core: validates and scores N random full assessments (14
 * competencies, 78 indicator ratings each) exactly as the calculator endpoint does after JSON
 * parsing, and writes bench/results/pkg-scoring.json. Target: ≥ 200,000 assessments per second.
 *
 *   node --import tsx bench/pkg-scoring.ts [--n 1000000] [--runs 5] [--rule round-half-up]
 *
 * JavaScript runs on Node's one main thread, so this is a one-core figure by construction. Two
 * rates are kept per run: per second of wall-clock time, and per second of CPU time of this
 * process (user + system, GC threads included, so it is the conservative one). On a shared,
 * loaded machine the wall-clock rate mostly measures the other processes; the target is judged
 * on the CPU-time median, and the load average is recorded beside it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PkgBandRule } from '@tumbuh/shared';
import { scorePkg, validatePkgRatings, type PkgDefinition } from '../apps/server/src/modules/assessment/pkg-scoring.models.ts';

/** Indicator counts of pkg-2009-guru-mapel v1 (the seeded instrument; domain-indonesia.md §1.2). */
const COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
const DEFINITION: PkgDefinition = { competencies: COUNTS.map((n, i) => ({ number: i + 1, indicatorCount: n })) };
const TARGET_PER_SECOND = 200_000;
const POOL = 10_000;
const WARMUP = 100_000;

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    rule: { type: 'string', default: 'round-half-up' },
  },
});
const n = Number(values.n);
const runs = Number(values.runs);
const rules: readonly PkgBandRule[] = ['round-half-up', 'floor', 'exact'];
const rule = rules.find((r) => r === values.rule);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1 || !rule) {
  console.error('usage: node --import tsx bench/pkg-scoring.ts [--n 1000000] [--runs 5] [--rule round-half-up|floor|exact]');
  process.exit(2);
}

/** A small deterministic PRNG (mulberry32), so every run scores the same assessments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A pool of distinct random assessments in the API's input shape ({"1":[…],…,"14":[…]}), cycled through.
const next = random(20_260_401);
const pool: Record<string, number[]>[] = Array.from({ length: POOL }, () =>
  Object.fromEntries(COUNTS.map((count, i) => [String(i + 1), Array.from({ length: count }, () => Math.floor(next() * 3))])),
);

function scoreMany(count: number, bandRule: PkgBandRule): number {
  let checksum = 0;
  for (let k = 0; k < count; k++) {
    const checked = validatePkgRatings(DEFINITION, pool[k % POOL] ?? {});
    if (!checked.ok) throw new Error('generated ratings must be valid');
    const result = scorePkg(DEFINITION, checked.ratings, bandRule);
    checksum += result.total + result.creditPercent;
  }
  return checksum;
}

scoreMany(WARMUP, rule);
const wallRates: number[] = [];
const cpuRates: number[] = [];
let checksum = 0;
const loadBefore = os.loadavg()[0] ?? 0;
for (let r = 0; r < runs; r++) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  checksum += scoreMany(n, rule);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  wallRates.push(Math.round(n / seconds));
  cpuRates.push(Math.round(n / cpuSeconds));
  console.log(
    `run ${r + 1}/${runs}: ${n.toLocaleString('en')} assessments in ${seconds.toFixed(3)} s wall, ${cpuSeconds.toFixed(3)} s CPU → ` +
      `${(wallRates.at(-1) ?? 0).toLocaleString('en')}/s wall, ${(cpuRates.at(-1) ?? 0).toLocaleString('en')}/s CPU`,
  );
}
const stats = (rates: number[]) => {
  const sorted = [...rates].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: rates };
};
const perCpuSecond = stats(cpuRates);
const perWallSecond = stats(wallRates);
const median = perCpuSecond.median;
const result = {
  benchmark: 'pkg-scoring',
  what: 'validatePkgRatings + scorePkg on random full PKG assessments (14 competencies, 78 ratings), one core',
  command: `node --import tsx bench/pkg-scoring.ts --n ${n} --runs ${runs} --rule ${rule}`,
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number((os.loadavg()[0] ?? 0).toFixed(2)) },
  assessmentsPerRun: n,
  rule,
  perCpuSecond,
  perWallSecond,
  microsecondsPerAssessment: Number((1e6 / median).toFixed(3)),
  target: TARGET_PER_SECOND,
  meetsTarget: median >= TARGET_PER_SECOND,
  checksum,
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'pkg-scoring.json');
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`median ${median.toLocaleString('en')} assessments per CPU-second, ${perWallSecond.median.toLocaleString('en')} per wall-clock second (load ${result.loadAverage1m.before}; target ${TARGET_PER_SECOND.toLocaleString('en')}/s): ${result.meetsTarget ? 'met' : 'NOT met'}; written to ${path.relative(process.cwd(), out)}`);
if (!result.meetsTarget) process.exitCode = 1;
