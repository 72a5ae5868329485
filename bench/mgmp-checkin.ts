/**
 * Attendance check-in throughput: members of running meetings check themselves in concurrently
 * through the real HTTP API (`POST /api/v1/mgmp/meetings/:id/check-in` with the meeting's code), each
 * with their own session (created in the database, not through the rate-limited login), including
 * deliberate duplicates (10 % of the check-ins are sent twice: half right after the first, so the two
 * race, half later). Afterwards the attendance rows and the audit entries are counted and compared
 * with the accepted requests. Target: ≥ 500 check-ins/s sustained, no lost or duplicated rows.
 *   node --import tsx bench/mgmp-checkin.ts [--meetings 250] [--members 40] [--teachers 1000] [--connections 50]
 */
import http from 'node:http';
import os from 'node:os';
import { loadConfig } from '../apps/server/src/config/config.ts';
import { openConfiguredDatabase } from '../apps/server/src/db/runtime.ts';
import { cleanUpDataDir, cliEnv, freePort, makeDataDir, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { numberArg as arg, percentile, processTreeCpuMs, writeResult } from './bench-support.ts';
import { createSessions, seedCheckIn } from './mgmp-bench-data.ts';

const MEETINGS = arg('meetings', 250);
const MEMBERS = arg('members', 40);
const TEACHERS = arg('teachers', 1000);
const CONNECTIONS = arg('connections', 50);

/** A deterministic shuffle (the same order on every run). */
function shuffle<T>(items: T[]): T[] {
  let seed = 7;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}


const dataDir = await makeDataDir('tumbuh-bench-checkin-');
const procs: CliProcess[] = [];
try {
  const port = await freePort();
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: process.env.TUMBUH_USE_BUILD ?? '0' }));
  procs.push(server);
  await waitHealthy(`http://127.0.0.1:${port}`, server, 120_000);

  const opened = await openConfiguredDatabase(loadConfig({ ...process.env, TUMBUH_DATA_DIR: dataDir }));
  const pool = opened.handle.pool;
  try {
    const data = await seedCheckIn(pool, { teachers: TEACHERS, meetings: MEETINGS, membersPerMeeting: MEMBERS });
    await pool.query('analyze');
    const sessions = new Map((await createSessions(pool, data.tenantId, data.users)).map((s) => [s.teacherId, s]));
    console.log(`${data.pairs.length} member check-ins possible in ${MEETINGS} running meetings, ${sessions.size} sessions`);

    // The requests: every pair once, in a shuffled order; 10 % again (every 20th right after itself, every 20th + 10 later on).
    const order = shuffle(data.pairs);
    const requests: typeof order = [];
    order.forEach((p, i) => {
      requests.push(p);
      if (i % 20 === 0) requests.push(p);
    });
    order.forEach((p, i) => {
      if (i % 20 === 10) requests.splice(Math.min(requests.length, (i * 7919) % requests.length), 0, p);
    });
    const duplicates = requests.length - data.pairs.length;

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const post = (p: (typeof requests)[number]) =>
      new Promise<number>((resolve) => {
        const s = sessions.get(p.teacherId);
        const body = JSON.stringify({ code: p.code });
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: `/api/v1/mgmp/meetings/${p.meetingId}/check-in`, agent, headers: { cookie: s?.cookie ?? '', 'x-csrf-token': s?.csrf ?? '', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(-1));
        req.end(body);
      });

    const statuses = new Map<number, number>();
    const accepted = new Set<string>();
    const latencies: number[] = [];
    const perSecond: number[] = [];
    let next = 0;
    const loadAverageBefore = os.loadavg()[0];
    const serverCpuBefore = processTreeCpuMs(server.child.pid ?? 0);
    const nodeCpuBefore = processTreeCpuMs(server.child.pid ?? 0, { rootOnly: true });
    const clientCpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < requests.length) {
          const p = requests[next++];
          if (!p) break;
          const t = performance.now();
          const status = await post(p);
          const done = performance.now();
          latencies.push(done - t);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 200) {
            accepted.add(`${p.meetingId}/${p.teacherId}`);
            const second = Math.floor((done - started) / 1000);
            perSecond[second] = (perSecond[second] ?? 0) + 1;
          }
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    const serverCpuMs = processTreeCpuMs(server.child.pid ?? 0) - serverCpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const serverCpuMsPerRequest = serverCpuMs / requests.length;
    const nodeCpuMsPerRequest = (processTreeCpuMs(server.child.pid ?? 0, { rootOnly: true }) - nodeCpuBefore) / requests.length;
    agent.destroy();
    const loadAverageAfter = os.loadavg()[0];

    // Count what the database holds.
    const rows = (await pool.query<{ meeting_id: string; teacher_id: string }>(`select meeting_id, teacher_id from mgmp_attendance where tenant_id = $1 and code = 'H' and source = 'self'`, [data.tenantId])).rows;
    const stored = new Set(rows.map((r) => `${r.meeting_id}/${r.teacher_id}`));
    const audits = Number((await pool.query<{ n: string }>(`select count(*) as n from audit_log where tenant_id = $1 and action = 'mgmp.attendance.check_in'`, [data.tenantId])).rows[0]?.n ?? 0);
    const lost = [...accepted].filter((k) => !stored.has(k)).length;
    const unexpected = [...stored].filter((k) => !accepted.has(k)).length;
    latencies.sort((a, b) => a - b);
    const ok = statuses.get(200) ?? 0;
    const perSecondDense = Array.from({ length: Math.ceil(elapsedS) }, (_, i) => perSecond[i] ?? 0);
    const fullSeconds = perSecondDense.slice(0, Math.max(1, Math.floor(elapsedS)));
    await writeResult('mgmp-checkin', {
      command: `node --import tsx bench/mgmp-checkin.ts --meetings ${MEETINGS} --members ${MEMBERS} --teachers ${TEACHERS} --connections ${CONNECTIONS}`,
      setup: `server from ${process.env.TUMBUH_USE_BUILD === '1' ? 'the build' : 'sources (tsx)'}, embedded PostgreSQL, ${MEETINGS} running meetings × ${MEMBERS} members, ${TEACHERS} teacher accounts with sessions made in the database, ${CONNECTIONS} keep-alive connections from one Node process on the same machine`,
      requests: requests.length,
      distinctCheckIns: data.pairs.length,
      duplicatesSent: duplicates,
      statuses: Object.fromEntries(statuses),
      elapsedS: Number(elapsedS.toFixed(2)),
      checkInsPerSecond: Number((ok / elapsedS).toFixed(1)),
      newRowsPerSecond: Number((accepted.size / elapsedS).toFixed(1)),
      acceptedPerSecond: { slowestFullSecond: Math.min(...fullSeconds), fastestSecond: Math.max(...perSecondDense) },
      perSecond: perSecondDense,
      latencyMs: { p50: Number(percentile(latencies, 50).toFixed(1)), p90: Number(percentile(latencies, 90).toFixed(1)), p99: Number(percentile(latencies, 99).toFixed(1)), max: Number((latencies.at(-1) ?? 0).toFixed(1)) },
      check: { acceptedDistinct: accepted.size, rowsStored: rows.length, distinctRowsStored: stored.size, lost, rowsWithoutAcceptedRequest: unexpected, auditEntries: audits },
      loadAverageBefore,
      loadAverageAfter,
      // Load-independent: CPU of the server + PostgreSQL per check-in, and what 2 idle cores would then serve.
      serverCpuMsPerRequest: Number(serverCpuMsPerRequest.toFixed(2)),
      ofWhichNodeServerMs: Number(nodeCpuMsPerRequest.toFixed(2)),
      clientCpuMsPerRequest: Number(((clientCpu.user + clientCpu.system) / 1000 / requests.length).toFixed(2)),
      projectedCheckInsPerSecondOn2IdleCores: Math.round(2000 / Math.max(0.01, serverCpuMsPerRequest)),
      target: { checkInsPerSecond: 500, lost: 0, duplicated: 0 },
    });
  } finally {
    await opened.handle.close();
  }
} finally {
  await cleanUpDataDir(dataDir, procs);
}
