import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The Tumbuh backup file: one gzip'd stream of lines (NDJSON).
 *
 * 1. `{"kind":"header",…}`                      what made the file and when
 * 2. per table, FK-safe order:
 *    `{"kind":"table","name","columns","rows":N}` then exactly N lines, each one row exactly as
 *    PostgreSQL's `row_to_json` wrote it (kept as text, so numbers and timestamps never pass
 *    through JavaScript values)
 * 3. per uploaded file: `{"kind":"file","path","size","data":"<base64>"}`
 * 4. `{"kind":"end","tables":N,"rows":N,"files":N}` so a cut-off file is recognised
 */
export const BACKUP_FORMAT = 'tumbuh-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** First line of a backup file. */
export interface BackupHeader {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** Version of the Tumbuh that wrote the file. */
  appVersion: string;
  /** Applied migrations of the source database: how many, and the hash of the last one. */
  migrations: { count: number; lastHash: string | null };
  /** ISO time the snapshot was taken. */
  createdAt: string;
}

/** Starts a table's rows. */
export interface BackupTableLine {
  kind: 'table';
  name: string;
  columns: string[];
  rows: number;
}

/** One uploaded file of `<data>/files`. */
export interface BackupFileLine {
  kind: 'file';
  /** Path relative to `<data>/files`, with `/` separators. */
  path: string;
  size: number;
  data: string;
}

/** Last line: totals, so a truncated file is refused. */
export interface BackupEndLine {
  kind: 'end';
  tables: number;
  rows: number;
  files: number;
}

/** Thrown when a backup file is not one, is damaged or does not fit this version. */
export class BackupFormatError extends Error {}

/** Writes lines into a gzip'd file, honouring back-pressure. Written to `<file>.partial`, renamed on `close`. */
export interface BackupWriter {
  line(text: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens a gzip'd NDJSON writer on `file` (atomically replaced when closed). */
export function openBackupWriter(file: string): BackupWriter {
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  let failure: Error | undefined;
  gzip.on('error', (e) => (failure ??= e));
  out.on('error', (e) => (failure ??= e));
  const write = async (stream: Writable, chunk: string) => {
    if (failure) throw failure;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    line: (text) => write(gzip, `${text}\n`),
    close: async () => {
      gzip.end();
      await once(out, 'close');
      if (failure) throw failure;
      await fs.rename(partial, file);
    },
    abort: async () => {
      gzip.destroy();
      out.destroy();
      await fs.rm(partial, { force: true });
    },
  };
}

/** Reads a backup file line by line (gunzipped). `next()` answers undefined at the end. */
export function readBackupLines(file: string): { next(): Promise<string | undefined>; close(): void } {
  const input: Readable = createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // The iterator is taken at once: readline buffers lines only from then on.
  const lines = rl[Symbol.asyncIterator]();
  let failure: Error | undefined;
  input.on('error', (e) => {
    failure = e;
    rl.close();
  });
  return {
    next: async () => {
      const r = await lines.next();
      if (failure) throw new BackupFormatError(`Berkas cadangan rusak / the backup file is damaged: ${failure.message}`);
      return r.done ? undefined : r.value;
    },
    close: () => rl.close(),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(text: string | undefined): Record<string, unknown> {
  if (text === undefined) throw new BackupFormatError('Berkas cadangan terpotong / the backup file ends too early');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFormatError('Berkas cadangan rusak / the backup file is damaged (not JSON)');
  }
  if (!isRecord(value)) throw new BackupFormatError('Berkas cadangan rusak / the backup file is damaged');
  return value;
}

/** Checks the first line of a backup. */
export function parseHeader(text: string | undefined): BackupHeader {
  const v = parseLine(text);
  const migrations = v.migrations;
  if (v.kind !== 'header' || v.format !== BACKUP_FORMAT) {
    throw new BackupFormatError('Bukan berkas cadangan Tumbuh / not a Tumbuh backup file');
  }
  if (typeof v.formatVersion !== 'number' || v.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      `Format cadangan ${String(v.formatVersion)} lebih baru dari versi ini / backup format ${String(v.formatVersion)} is newer than this version understands`,
    );
  }
  if (!isRecord(migrations) || typeof migrations.count !== 'number') throw new BackupFormatError('Header cadangan rusak / damaged backup header');
  return {
    kind: 'header',
    format: BACKUP_FORMAT,
    formatVersion: v.formatVersion,
    appVersion: typeof v.appVersion === 'string' ? v.appVersion : 'unknown',
    migrations: { count: migrations.count, lastHash: typeof migrations.lastHash === 'string' ? migrations.lastHash : null },
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
  };
}

/** Parses a section line (table, file or end). */
export function parseSection(text: string | undefined): BackupTableLine | BackupFileLine | BackupEndLine {
  const v = parseLine(text);
  if (v.kind === 'table' && typeof v.name === 'string' && typeof v.rows === 'number' && Array.isArray(v.columns)) {
    const columns = v.columns.filter((c): c is string => typeof c === 'string');
    return { kind: 'table', name: v.name, rows: v.rows, columns };
  }
  if (v.kind === 'file' && typeof v.path === 'string' && typeof v.data === 'string' && typeof v.size === 'number') {
    return { kind: 'file', path: v.path, size: v.size, data: v.data };
  }
  if (v.kind === 'end' && typeof v.tables === 'number' && typeof v.rows === 'number' && typeof v.files === 'number') {
    return { kind: 'end', tables: v.tables, rows: v.rows, files: v.files };
  }
  throw new BackupFormatError('Berkas cadangan rusak / the backup file is damaged (unknown section)');
}
