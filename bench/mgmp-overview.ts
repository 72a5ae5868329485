/**
 * MGMP overview figures on a district tenant with 300 groups, 10,000 meetings and ~200,000
 * attendance rows: 20 concurrent clients (autocannon) for `--duration` seconds on
 *   1. the group overview page API  `GET /api/v1/mgmp/groups/:id/overview` (target p99 ≤ 50 ms),
 *      rotating over 60 groups, default period (the group's term = the whole year);
 *   2. the madrasah overview `GET /api/v1/mgmp/overview?madrasahId=…` (30 groups each), rotating over
 *      the 10 madrasahs, default period (current semester);
 *   3. the district-wide overview `GET /api/v1/mgmp/overview?from=…&to=…` (all 300 groups, a whole year).
 *   node --import tsx bench/mgmp-overview.ts [--duration 20] [--repeat 1] [--explain] [--serve]
 * Runs the server (sources through tsx unless TUMBUH_USE_BUILD=1) on a temporary data folder; the data
 * is bulk SQL (bench/mgmp-bench-data.ts); the session is created in the database.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { loadConfig } from '../apps/server/src/config/config.ts';
import { openConfiguredDatabase } from '../apps/server/src/db/runtime.ts';
import { cleanUpDataDir, cliEnv, freePort, makeDataDir, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { median, processTreeCpuMs, writeResult } from './bench-support.ts';
import { createSessions, seedDistrict, type District } from './mgmp-bench-data.ts';

interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string>; requests: { method: 'GET'; path: string }[] }) => Promise<AutocannonResult>;
const require = createRequire(import.meta.url);
const autocannon: Autocannon = require('autocannon');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const DURATION = arg('duration', 20);
const REPEAT = arg('repeat', 1);
const EXPLAIN = process.argv.includes('--explain');
const YEAR = new Date().getUTCFullYear();
const SHAPE = { madrasahs: 10, teachersPerMadrasah: 100, groupsPerMadrasah: 30, membersPerGroup: 21, meetings: 10_000, heldShare: 0.95 };

const dataDir = await makeDataDir('tumbuh-bench-mgmp-');
const procs: CliProcess[] = [];
try {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: process.env.TUMBUH_USE_BUILD ?? '0' }));
  procs.push(server);
  await waitHealthy(baseUrl, server, 120_000);

  const opened = await openConfiguredDatabase(loadConfig({ ...process.env, TUMBUH_DATA_DIR: dataDir }));
  const started = performance.now();
  let cookie = '';
  let district: District;
  try {
    const pool = opened.handle.pool;
    district = await seedDistrict(pool, SHAPE, YEAR);
    // As autovacuum would have done by then: statistics and the visibility map (index-only scans).
    await pool.query('vacuum analyze');
    const [session] = await createSessions(pool, district.tenantId, [district.kepala]);
    cookie = session?.cookie ?? '';
    if (EXPLAIN) await explain(pool, district.tenantId, district.groupIds[0] ?? '');
  } finally {
    await opened.handle.close();
  }
  const seedMs = Math.round(performance.now() - started);
  console.log(`seeded in ${seedMs} ms: ${JSON.stringify(district.counts)}`);

  if (process.argv.includes('--serve')) {
    // Exploration: keep the server and data up, print how to reach them, wait for Ctrl-C.
    const info = { baseUrl, cookie, databaseUrl: opened.url, tenantId: district.tenantId, groupId: district.groupIds[0], madrasahId: district.madrasahIds[0], dataDir };
    console.log(`SERVE ${JSON.stringify(info)}`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  } else await measure(baseUrl, cookie, district, seedMs, server.child.pid ?? 0);
} finally {
  await cleanUpDataDir(dataDir, procs);
}

async function measure(baseUrl: string, cookie: string, district: District, seedMs: number, serverPid: number): Promise<void> {
  const groupPaths = district.groupIds.filter((_, i) => i % 5 === 0).map((id) => ({ method: 'GET' as const, path: `/api/v1/mgmp/groups/${id}/overview` }));
  const madrasahPaths = district.madrasahIds.map((id) => ({ method: 'GET' as const, path: `/api/v1/mgmp/overview?madrasahId=${id}` }));
  const districtPaths = [{ method: 'GET' as const, path: `/api/v1/mgmp/overview?from=${YEAR}-01-01&to=${YEAR}-12-31` }];
  for (const [label, paths] of [['group', groupPaths], ['madrasah', madrasahPaths], ['district', districtPaths]] as const) {
    const probe = await fetch(`${baseUrl}${paths[0]?.path ?? ''}`, { headers: { cookie } });
    const body = (await probe.json()) as { meetings?: { planned: number }; totals?: { groups: number; meetings: { planned: number } } };
    console.log(`probe ${label}: ${probe.status} ${JSON.stringify(body.meetings ?? { groups: body.totals?.groups, meetings: body.totals?.meetings })}`);
    if (probe.status !== 200) throw new Error(`probe ${label} failed`);
  }

  const runs: Record<string, unknown[]> = { group: [], madrasah: [], district: [] };
  for (let r = 0; r < REPEAT; r++) {
    for (const [label, paths] of [['group', groupPaths], ['madrasah', madrasahPaths], ['district', districtPaths]] as const) {
      await autocannon({ url: baseUrl, connections: 20, duration: 3, headers: { cookie }, requests: paths }); // warm-up
      const loadAverageBefore = os.loadavg()[0];
      const serverCpuBefore = processTreeCpuMs(serverPid);
      const nodeCpuBefore = processTreeCpuMs(serverPid, { rootOnly: true });
      const clientCpuBefore = process.cpuUsage();
      const res = await autocannon({ url: baseUrl, connections: 20, duration: DURATION, headers: { cookie }, requests: paths });
      const serverCpuMs = processTreeCpuMs(serverPid) - serverCpuBefore;
      const nodeCpuMs = processTreeCpuMs(serverPid, { rootOnly: true }) - nodeCpuBefore;
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
      const run = {
        loadAverageBefore,
        durationS: res.duration,
        latencyMs: { p50: res.latency.p50, p90: res.latency.p90, p99: res.latency.p99, average: res.latency.average, max: res.latency.max },
        requestsPerSecond: res.requests.average,
        requests: res.requests.total,
        non2xx: res.non2xx,
        errors: res.errors,
        timeouts: res.timeouts,
        // Load-independent: CPU of the server + PostgreSQL per request, and what 2 idle cores would then serve.
        serverCpuMsPerRequest: Number((serverCpuMs / Math.max(1, res.requests.total)).toFixed(2)),
        ofWhichNodeServerMs: Number((nodeCpuMs / Math.max(1, res.requests.total)).toFixed(2)),
        clientCpuMsPerRequest: Number((clientCpuMs / Math.max(1, res.requests.total)).toFixed(2)),
        projectedRequestsPerSecondOn2IdleCores: Math.round(2000 / Math.max(0.01, serverCpuMs / Math.max(1, res.requests.total))),
      };
      console.log(`${label} run ${r + 1}: ${JSON.stringify(run)}`);
      runs[label]?.push(run);
    }
  }
  const p99s = (label: string) => (runs[label] as { latencyMs: { p99: number } }[]).map((x) => x.latencyMs.p99);
  await writeResult('mgmp-overview', {
    command: `node --import tsx bench/mgmp-overview.ts --duration ${DURATION} --repeat ${REPEAT}`,
    setup: `server from ${process.env.TUMBUH_USE_BUILD === '1' ? 'the build' : 'sources (tsx)'}, embedded PostgreSQL, demo data + a district tenant (${JSON.stringify(SHAPE)}), kepala with a tenant-wide grant, autocannon 20 connections`,
    data: district.counts,
    seedMs,
    target: { groupOverviewP99Ms: 50 },
    groupOverview: { paths: `${groupPaths.length} groups, default period (term = ${YEAR})`, medianP99Ms: median(p99s('group')), runs: runs.group },
    madrasahOverview: { paths: `${madrasahPaths.length} madrasahs × 30 groups, default period (current semester)`, medianP99Ms: median(p99s('madrasah')), runs: runs.madrasah },
    districtOverview: { paths: `all ${district.groupIds.length} groups, ${YEAR}-01-01…${YEAR}-12-31`, medianP99Ms: median(p99s('district')), runs: runs.district },
  });
}

/** Prints EXPLAIN ANALYZE of the group-overview queries as the application role, under row-level security. */
async function explain(pool: import('pg').Pool, tenantId: string, groupId: string): Promise<void> {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const queries: [string, string][] = [
    ['meetings with presence', `select m.id, m.status, (select count(*) from mgmp_attendance a where a.tenant_id = m.tenant_id and a.meeting_id = m.id and a.code = 'H') from mgmp_meetings m where m.tenant_id = $1 and m.group_id = $2 and m.starts_at >= $3::date and m.starts_at < $4::date + 1`],
    ['member attendance', `select mm.teacher_id, count(a.teacher_id), count(a.teacher_id) filter (where a.code = 'H') from mgmp_members mm join teachers t on t.tenant_id = mm.tenant_id and t.id = mm.teacher_id left join (mgmp_attendance a join mgmp_meetings mt on mt.tenant_id = a.tenant_id and mt.id = a.meeting_id and mt.status = 'selesai' and mt.starts_at >= $3::date and mt.starts_at < $4::date + 1) on a.tenant_id = mm.tenant_id and a.teacher_id = mm.teacher_id and mt.group_id = mm.group_id where mm.tenant_id = $1 and mm.group_id = $2 group by mm.teacher_id, t.name`],
    ['decisions', `select count(*) from mgmp_decisions where tenant_id = $1 and group_id = $2 and created_at >= $3::date and created_at < $4::date + 1`],
    ['follow-ups', `select count(*) from mgmp_follow_ups where tenant_id = $1 and group_id = $2 and due_date >= $3::date and due_date <= $4::date`],
    ['topics', `select t.id, count(distinct m.id) from mgmp_programme_items p join mgmp_topics t on t.tenant_id = p.tenant_id and t.id = p.topic_id join mgmp_meetings m on m.tenant_id = p.tenant_id and m.id = p.meeting_id where p.tenant_id = $1 and p.group_id = $2 and m.status = 'selesai' and m.starts_at >= $3::date and m.starts_at < $4::date + 1 group by t.id`],
  ];
  const client = await pool.connect();
  try {
    for (const [label, text] of queries) {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true), set_config('role', 'tumbuh_app', true)`, [tenantId]);
      const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers off) ${text}`, [tenantId, groupId, from, to]);
      await client.query('rollback');
      console.log(`--- ${label}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  } finally {
    client.release();
  }
}
