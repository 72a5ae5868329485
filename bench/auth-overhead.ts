/**
 * What every authenticated request pays before its own work: `GET /api/v1/me` (session → actor,
 * then one tenant transaction with the tenant row and the madrasah list) by one signed-in user,
 * 20 connections for `--duration` seconds with autocannon, after a 3 s warm-up. Reports req/s,
 * latency and the CPU of the server + its PostgreSQL per request (from /proc).
 *   node --import tsx bench/auth-overhead.ts [--duration 10] [--connections 20]
 * Runs the built server (TUMBUH_USE_BUILD=1) on a temporary data folder with the demo data.
 */
import os from 'node:os';
import { cleanUpDataDir, cliEnv, freePort, makeDataDir, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { numberArg, processTreeCpuMs, runAutocannon, writeResult } from './bench-support.ts';

const DURATION = numberArg('duration', 10);
const CONNECTIONS = numberArg('connections', 20);

const dataDir = await makeDataDir('tumbuh-bench-auth-');
const procs: CliProcess[] = [];
try {
  const port = await freePort();
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: process.env.TUMBUH_USE_BUILD ?? '1' }));
  procs.push(server);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, server, 120_000);
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'guru1@contoh.sch.id', password: 'tumbuh-demo-2026' }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  await runAutocannon({ url: `${baseUrl}/api/v1/me`, connections: CONNECTIONS, duration: 3, headers });
  const loadAverageBefore = os.loadavg()[0];
  const cpuBefore = processTreeCpuMs(server.child.pid ?? 0);
  const nodeBefore = processTreeCpuMs(server.child.pid ?? 0, { rootOnly: true });
  const result = await runAutocannon({ url: `${baseUrl}/api/v1/me`, connections: CONNECTIONS, duration: DURATION, headers });
  const requests = result.requests.total;
  await writeResult('auth-overhead', {
    command: `node --import tsx bench/auth-overhead.ts --duration ${DURATION} --connections ${CONNECTIONS}`,
    setup: `server from ${process.env.TUMBUH_USE_BUILD === '0' ? 'sources (tsx)' : 'the build'}, embedded PostgreSQL, demo data, GET /api/v1/me as guru1 with ${CONNECTIONS} autocannon connections on the same machine`,
    sessionCacheMs: process.env.TUMBUH_SESSION_CACHE_MS ?? 'default',
    requests,
    requestsPerSecond: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    serverCpuMsPerRequest: Number(((processTreeCpuMs(server.child.pid ?? 0) - cpuBefore) / Math.max(1, requests)).toFixed(3)),
    ofWhichNodeServerMs: Number(((processTreeCpuMs(server.child.pid ?? 0, { rootOnly: true }) - nodeBefore) / Math.max(1, requests)).toFixed(3)),
    loadAverageBefore,
    loadAverageAfter: os.loadavg()[0],
  });
} finally {
  await cleanUpDataDir(dataDir, procs);
}
