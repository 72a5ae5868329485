import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { runScoreCommand, SCORE_EXIT_INVALID } from './score.command.ts';

const COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
const full = (value: number) => Object.fromEntries(COUNTS.map((n, i) => [String(i + 1), Array.from({ length: n }, () => value)]));

/** A writable that keeps what was written. */
function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

let db: { handle: DatabaseHandle; drop(): Promise<void> };
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'tumbuh-score-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command with `input` on stdin (FILE `-` unless given). */
async function run(options: { input?: string; file?: string; instrument?: string; rule?: string }) {
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const stdout = capture();
  const stderr = capture();
  const code = await runScoreCommand({
    db: db.handle.db,
    instrument: options.instrument ?? 'pkg-2009-guru-mapel',
    file: options.file ?? '-',
    rule: options.rule,
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('tumbuh score', () => {
  it('reads stdin when FILE is "-", prints the JSON result and exits 0', async () => {
    const ratings = full(2);
    ratings['1'] = [1, 2, 2, 0, 0, 2];
    const result = await run({ input: JSON.stringify({ ratings }) });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const body = JSON.parse(result.stdout);
    expect(body.competencies[0]).toEqual({ number: 1, score: 7, max: 12, percent: 58.33, value: 3 });
    expect(body).toMatchObject({ total: 55, maxTotal: 56, nilai: 98.21, category: 'Amat baik', creditPercent: 125, rule: 'round-half-up' });
  });

  it('reads a file and accepts code@version', async () => {
    const file = path.join(dir, 'ratings.json');
    await writeFile(file, JSON.stringify({ ratings: full(0) }));
    const result = await run({ file, instrument: 'pkg-2009-guru-mapel@1' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ total: 14, nilai: 25, category: 'Kurang', creditPercent: 25, instrument: { version: 1 } });
  });

  it('--rule overrides the rule in the input', async () => {
    const result = await run({ input: JSON.stringify({ ratings: full(1), rule: 'round-half-up' }), rule: 'floor' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).rule).toBe('floor');
  });

  it.each([
    ['a missing competency', { input: JSON.stringify({ ratings: { ...full(1), 3: undefined } }) }, 'kompetensi 3 tidak ada nilainya'],
    ['a wrong number of indicators', { input: JSON.stringify({ ratings: { ...full(1), 4: [1] } }) }, 'competency 4 needs 11 indicator ratings, got 1'],
    ['a value outside 0/1/2', { input: JSON.stringify({ ratings: { ...full(1), 2: [1, 1, 1, 1, 1, 7] } }) }, 'kompetensi 2, indikator 6: nilai 7 tidak sah'],
    ['input that is not JSON', { input: '{"ratings": ' }, 'input is not valid JSON'],
    ['JSON of the wrong shape', { input: JSON.stringify({ scores: [] }) }, 'input does not match'],
    ['a file that does not exist', { file: '/nonexistent/ratings.json' }, 'cannot read file /nonexistent/ratings.json (ENOENT)'],
    ['an unknown instrument', { input: JSON.stringify({ ratings: full(1) }), instrument: 'pkg-1999' }, 'Assessment instrument not found.'],
    ['an instrument code that is not a slug', { input: '{}', instrument: 'PKG 2009' }, 'invalid instrument code'],
    ['an instrument without a score', { input: JSON.stringify({ ratings: { 1: [1, 1] } }), instrument: 'pmm-2024-observasi' }, 'This instrument has no PKG score'],
    ['an unknown rule', { input: JSON.stringify({ ratings: full(1) }), rule: 'ceil' }, 'unknown rule "ceil"'],
  ])('%s exits 2 with the reason on stderr and nothing on stdout', async (_name, options, message) => {
    const result = await run(options);
    expect(result.code).toBe(SCORE_EXIT_INVALID);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
