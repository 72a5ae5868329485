import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers.ts';
import { ROOT } from './cli-process.ts';
import path from 'node:path';

/**
 * `npx tumbuh score` as a user runs it: the real command (apps/server/bin/tumbuh.mjs, commander,
 * `withDatabase`, `process.exitCode`) on a migrated database, input on stdin (`-`). Exit code 0
 * with the JSON answer; exit code 2 with a message naming the competency for input that cannot
 * be scored (the in-process rules are table-tested in score.command.test.ts).
 */

const BIN = path.join(ROOT, 'apps', 'server', 'bin', 'tumbuh.mjs');
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

function score(stdin: string, args: string[] = ['--instrument', 'pkg-2009-guru-mapel', '-']): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const child = spawn(process.execPath, [BIN, 'score', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** 14 competencies with the PKG's indicator counts (78 in all), every indicator scored `value`. */
function ratings(value: number): Record<string, number[]> {
  const counts = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
  return Object.fromEntries(counts.map((n, i) => [String(i + 1), Array.from({ length: n }, () => value)]));
}

describe('tumbuh score (the real command, stdin)', () => {
  it('scores full marks from stdin: exit 0, Nilai 100, Amat baik, 125 %', async () => {
    const r = await score(JSON.stringify({ ratings: ratings(2) }));
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout) as { total: number; maxTotal: number; nilai: number; category: string; creditPercent: number; competencies: unknown[] };
    expect(answer).toMatchObject({ total: 56, maxTotal: 56, nilai: 100, category: 'Amat baik', creditPercent: 125 });
    expect(answer.competencies).toHaveLength(14);
  }, 60_000);

  it('a wrong number of indicators in competency 3 exits with code 2 and names competency 3', async () => {
    const bad = ratings(1);
    bad['3'] = [1, 1];
    const r = await score(JSON.stringify({ ratings: bad }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/3/);
    expect(r.stderr).toMatch(/kompetensi/i);
  }, 60_000);

  it('a value outside 0/1/2 and a missing competency exit with code 2', async () => {
    const outOfRange = ratings(1);
    outOfRange['7'] = outOfRange['7']?.map((v, i) => (i === 0 ? 3 : v)) ?? [];
    expect((await score(JSON.stringify({ ratings: outOfRange }))).code).toBe(2);
    const missing = ratings(1);
    delete missing['14'];
    const r = await score(JSON.stringify({ ratings: missing }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/14/);
  }, 60_000);

  it('input that is not JSON exits with code 2', async () => {
    expect((await score('{ratings:')).code).toBe(2);
  }, 60_000);
});
