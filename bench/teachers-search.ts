/**
 * `GET /api/v1/teachers?q=…` on a tenant with 10,000 teachers: 20 concurrent connections for
 * ~20 s with autocannon, the query varied over names and identifier fragments. Target:
 * p99 ≤ 30 ms on loopback.
 *   node --import tsx bench/teachers-search.ts [--duration 20] [--teachers 10000]
 * Runs the built server (TUMBUH_USE_BUILD=1) on a temporary data folder with the demo data, and
 * adds the teachers to "MTs Contoh" through the same builders as the demo seed.
 */
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../apps/server/src/config/config.ts';
import { openConfiguredDatabase } from '../apps/server/src/db/runtime.ts';
import { buildTeachers, type TeacherInput } from '../apps/server/src/demo/builders.ts';
import { apiLogin, cleanUpDataDir, cliEnv, freePort, makeDataDir, ROOT, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { numberArg as arg, runAutocannon as autocannon, writeResult } from './bench-support.ts';

const DURATION = arg('duration', 20);
const TEACHERS = arg('teachers', 10_000);
const QUERIES = ['ahmad', 'siti', 'nur', 'rahman', 'wati', 'hasan', 'dewi', 'yusuf', 'fitri', 'sari', '0012', 'hidayat', 'a', 'muh', 'lestari', 'zain'];

const FIRST = ['Ahmad', 'Siti', 'Muhammad', 'Nur', 'Dewi', 'Abdul', 'Fitri', 'Yusuf', 'Sri', 'Hasan', 'Rina', 'Agus', 'Zainal', 'Lailatul', 'Eko', 'Umi', 'Rizky', 'Wahyu', 'Ika', 'Imam'];
const LAST = ['Fauzi', 'Aminah', 'Rahman', 'Hidayat', 'Lestari', 'Wati', 'Sari', 'Hasanah', 'Prasetyo', 'Arifin', 'Maulana', 'Rahmawati', 'Syafi\'i', 'Nugroho', 'Kurniawan', 'Handayani', 'Setiawan', 'Yulianti', 'Basri', 'Zahro'];
const TITLES = ['S.Pd', 'S.Pd.I', 'S.Ag', 'M.Pd', 'S.Si', 'Lc', 'S.Kom'];

/** Deterministic teachers: names from common Indonesian parts, unique 16-digit NUPTK. */
function teacherInputs(count: number, subjectIds: string[]): TeacherInput[] {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    name: `${FIRST[rand(FIRST.length)]} ${LAST[rand(LAST.length)]} ${i}, ${TITLES[rand(TITLES.length)]}`,
    gender: rand(2) === 0 ? 'L' : 'P',
    employmentStatus: (['PNS', 'PPPK', 'GTY', 'GTT', 'HONOR'] as const)[rand(5)] ?? 'GTY',
    nuptk: String(1_000_000_000 + i * 7).padStart(16, '0'),
    subjectIds: subjectIds.length > 0 ? [subjectIds[rand(subjectIds.length)] ?? ''].filter(Boolean) : [],
  }));
}

const dataDir = await makeDataDir('tumbuh-bench-search-');
const procs: CliProcess[] = [];
try {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: '1' }));
  procs.push(server);
  await waitHealthy(baseUrl, server, 90_000);

  // The server's PostgreSQL is reused (its owner is alive), as any command would.
  const opened = await openConfiguredDatabase(loadConfig({ ...process.env, TUMBUH_DATA_DIR: dataDir }));
  const seeded = performance.now();
  try {
    const found = await opened.handle.pool.query<{ tenant_id: string; id: string }>(`select tenant_id, id from madrasahs where npsn = '99999001'`);
    const madrasah = found.rows[0];
    if (!madrasah) throw new Error('demo madrasah 99999001 not found');
    const subjects = await opened.handle.pool.query<{ id: string }>('select id from subjects where tenant_id = $1 and madrasah_id = $2', [madrasah.tenant_id, madrasah.id]);
    const inputs = teacherInputs(TEACHERS, subjects.rows.map((r) => r.id));
    for (let i = 0; i < inputs.length; i += 2000) await buildTeachers(opened.handle.db, madrasah.tenant_id, madrasah.id, inputs.slice(i, i + 2000));
    await opened.handle.pool.query('analyze');
  } finally {
    await opened.handle.close();
  }
  const seedMs = Math.round(performance.now() - seeded);
  console.log(`${TEACHERS} teachers added in ${seedMs} ms`);

  const session = await apiLogin(baseUrl, 'operator@contoh.sch.id');
  const probe = await session.get('/api/v1/teachers?q=ahmad');
  const probeBody = (await probe.json()) as { total: number; items: unknown[] };
  console.log(`probe: ${probe.status}, q=ahmad → total ${probeBody.total}, page ${probeBody.items.length}`);
  const cookieRes = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'operator@contoh.sch.id', password: 'tumbuh-demo-2026' }),
  });
  const cookie = (cookieRes.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const requests = QUERIES.map((q) => ({ method: 'GET' as const, path: `/api/v1/teachers?q=${encodeURIComponent(q)}` }));

  await autocannon({ url: baseUrl, connections: 20, duration: 3, headers: { cookie }, requests }); // warm-up
  const loadAverage = os.loadavg()[0];
  const result = await autocannon({ url: baseUrl, connections: 20, duration: DURATION, headers: { cookie }, requests });
  await writeResult('teachers-search', {
    command: `node --import tsx bench/teachers-search.ts --duration ${DURATION} --teachers ${TEACHERS}`,
    setup: `built server, embedded PostgreSQL, ${TEACHERS} teachers + demo data in one tenant, autocannon 20 connections, ${QUERIES.length} different q values`,
    teachers: TEACHERS,
    seedMs,
    durationS: result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, average: result.latency.average, max: result.latency.max },
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverageBefore: loadAverage,
    target: { p99Ms: 30 },
  });
} finally {
  await cleanUpDataDir(dataDir, procs);
}
