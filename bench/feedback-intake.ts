/**
 * Student feedback intake: anonymous answer sheets POSTed to /api/v1/public/feedback/:token/answers
 * through the real HTTP API, each from a new device key, spread over many open rounds (a district's
 * classes answering at once), 20 concurrent connections for ~20 s with autocannon. Afterwards the
 * answer rows in PostgreSQL are counted and compared with the accepted (201) responses: none may be
 * lost. Target: ≥ 300 answers/s sustained, 0 lost.
 *   node --import tsx bench/feedback-intake.ts [--duration 20] [--rounds 150] [--connections 20]
 * Runs the built server (TUMBUH_USE_BUILD=1) on a temporary data folder with the demo data.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../apps/server/src/config/config.ts';
import { openConfiguredDatabase } from '../apps/server/src/db/runtime.ts';
import { apiLogin, cleanUpDataDir, cliEnv, freePort, makeDataDir, ROOT, runCli, waitHealthy, type CliProcess } from '../apps/server/test/reliability/cli-process.ts';
import { numberArg as arg, runAutocannon as autocannon, type AutocannonRequest, writeResult } from './bench-support.ts';

const DURATION = arg('duration', 20);
const ROUNDS = arg('rounds', 150);
const CONNECTIONS = arg('connections', 20);
const TARGET_PER_SECOND = 300;

const dataDir = await makeDataDir('tumbuh-bench-feedback-');
const procs: CliProcess[] = [];
try {
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = runCli(['serve'], cliEnv(dataDir, { PORT: String(port), TUMBUH_USE_BUILD: '1' }));
  procs.push(server);
  await waitHealthy(baseUrl, server, 90_000);

  // The kepala opens the rounds through the API, one per class and teacher.
  const kepala = await apiLogin(baseUrl, 'kepala@contoh.sch.id');
  const teachers = (await (await kepala.get('/api/v1/teachers?limit=100')).json()) as { items: { id: string }[] };
  const rounds: { id: string; token: string; itemIds: string[] }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const teacher = teachers.items[i % teachers.items.length];
    const res = await kepala.post('/api/v1/feedback/rounds', { teacherId: teacher?.id, className: `B-${i}` });
    if (res.status !== 201) throw new Error(`open round: ${res.status} ${await res.text()}`);
    const round = (await res.json()) as { id: string; token: string };
    const form = (await (await fetch(`${baseUrl}/api/v1/public/feedback/${round.token}`)).json()) as { items: { id: string }[] };
    rounds.push({ id: round.id, token: round.token, itemIds: form.items.map((x) => x.id) });
  }
  console.log(`${rounds.length} rounds opened, ${rounds[0]?.itemIds.length} items each`);

  let next = 0;
  const makeRequest = (): AutocannonRequest => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      const round = rounds[next++ % rounds.length];
      if (!round) return req;
      const body = {
        deviceKey: randomBytes(16).toString('base64url'),
        answers: round.itemIds.map((itemId, k) => ({ itemId, value: ((next + k) % 4) + 1 })),
        comment: next % 5 === 0 ? 'Pelajarannya menyenangkan.' : null,
      };
      return { ...req, path: `/api/v1/public/feedback/${round.token}/answers`, body: JSON.stringify(body) };
    },
  });

  // A control on the same server just before: what this machine gives a request that does almost
  // nothing (GET /api/health, one `select 1`), so a run on a busy machine can be read in proportion.
  const control = (await autocannon({ url: `${baseUrl}/api/health`, connections: CONNECTIONS, duration: 5 })).requests.average;
  const loadAverage = os.loadavg()[0];
  const result = await autocannon({ url: baseUrl, connections: CONNECTIONS, duration: DURATION, requests: [makeRequest()] });
  const accepted = result['2xx'];

  // None lost: the rows in the database equal the accepted answers.
  const opened = await openConfiguredDatabase(loadConfig({ ...process.env, TUMBUH_DATA_DIR: dataDir }));
  let stored = 0;
  let storedValues = 0;
  try {
    const ids = rounds.map((r) => r.id);
    stored = (await opened.handle.pool.query<{ n: number }>('select count(*)::int as n from feedback_answers where round_id = any($1::uuid[])', [ids])).rows[0]?.n ?? 0;
    storedValues = (
      await opened.handle.pool.query<{ n: number }>('select count(*)::int as n from feedback_answer_values v join feedback_answers a on a.tenant_id = v.tenant_id and a.id = v.answer_id where a.round_id = any($1::uuid[])', [ids])
    ).rows[0]?.n ?? 0;
  } finally {
    await opened.handle.close();
  }
  const perSecond = Math.round((accepted / result.duration) * 10) / 10;
  const itemsPerSheet = rounds[0]?.itemIds.length ?? 0;
  await writeResult('feedback-intake', {
    command: `node --import tsx bench/feedback-intake.ts --duration ${DURATION} --rounds ${ROUNDS} --connections ${CONNECTIONS}`,
    setup: `built server, embedded PostgreSQL, demo data; ${ROUNDS} open rounds (${itemsPerSheet} items each) answered round-robin, every sheet from a new device key; autocannon ${CONNECTIONS} connections`,
    durationS: result.duration,
    accepted,
    answersPerSecond: perSecond,
    minRequestsPerSecond: result.requests.min,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats ?? null,
    errors: result.errors,
    timeouts: result.timeouts,
    storedAnswers: stored,
    storedValues,
    // Requests still in flight when autocannon stops are stored but not counted as answered: at most one per connection.
    lost: Math.max(0, accepted - stored),
    storedButUncounted: Math.max(0, stored - accepted),
    valuesConsistent: storedValues === stored * itemsPerSheet,
    loadAverageBefore: loadAverage,
    loadAverageAfter: os.loadavg()[0],
    controlHealthRequestsPerSecond: control,
    target: { answersPerSecond: TARGET_PER_SECOND, lost: 0 },
    met: perSecond >= TARGET_PER_SECOND && stored >= accepted && stored - accepted <= CONNECTIONS && storedValues === stored * itemsPerSheet,
  });
} finally {
  await cleanUpDataDir(dataDir, procs);
}
