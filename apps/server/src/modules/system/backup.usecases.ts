import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupFormatError,
  openBackupWriter,
  parseHeader,
  parseSection,
  readBackupLines,
  type BackupHeader,
} from './backup.format.ts';
import { countRows, insertJsonRows, listAppliedMigrations, listTables, quoteIdent, resetSequences, type TableInfo } from './backup.repository.ts';

/** Rows per fetch when reading a table, and per insert when restoring one. */
const ROWS_PER_CHUNK = 1000;
/** An insert is sent early when its rows grow past this many characters. */
const CHARS_PER_CHUNK = 8 * 1024 * 1024;

/** Restore refused: the target holds data, or the backup does not fit this version. */
export class RestoreRefusedError extends Error {}

/** What a backup or restore moved. */
export interface BackupSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  files: number;
}

/** Files under `<dataDir>/files`, as paths relative to it with `/` separators. */
async function listUploadedFiles(filesDir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), relPath);
      else if (entry.isFile()) found.push(relPath);
    }
  };
  await walk(filesDir, '');
  return found;
}

/**
 * Writes a logical backup of the whole database and the uploaded files into one gzip'd file.
 *
 * All tables are read in one REPEATABLE READ snapshot, so a backup taken while the server is
 * serving requests is consistent. The file is written beside its target and renamed at the end:
 * an interrupted backup never leaves a half file under the final name.
 *
 * @throws Error when the database cannot be read or the file cannot be written.
 */
export async function createBackup(deps: {
  pool: pg.Pool;
  dataDir: string;
  file: string;
  appVersion: string;
  clock?: () => Date;
  log?: (line: string) => void;
}): Promise<BackupSummary> {
  const log = deps.log ?? (() => undefined);
  const clock = deps.clock ?? (() => new Date());
  const client = await deps.pool.connect();
  const writer = openBackupWriter(deps.file);
  const tables: { name: string; rows: number }[] = [];
  let totalRows = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = await listAppliedMigrations(client);
    const header: BackupHeader = {
      kind: 'header',
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: deps.appVersion,
      migrations: { count: migrations.length, lastHash: migrations.at(-1) ?? null },
      createdAt: clock().toISOString(),
    };
    await writer.line(JSON.stringify(header));
    for (const table of await listTables(client)) {
      const rows = await countRows(client, table.name);
      await writer.line(JSON.stringify({ kind: 'table', name: table.name, columns: table.columns, rows }));
      const cursor = `backup_${table.name.replace(/\W/g, '_')}`;
      await client.query(`declare ${quoteIdent(cursor)} no scroll cursor for select row_to_json(t)::text as j from public.${quoteIdent(table.name)} t`);
      let written = 0;
      for (;;) {
        const batch = await client.query<{ j: string }>(`fetch ${ROWS_PER_CHUNK} from ${quoteIdent(cursor)}`);
        for (const row of batch.rows) await writer.line(row.j);
        written += batch.rows.length;
        if (batch.rows.length < ROWS_PER_CHUNK) break;
      }
      await client.query(`close ${quoteIdent(cursor)}`);
      if (written !== rows) throw new Error(`table ${table.name}: counted ${rows} rows but read ${written}`);
      tables.push({ name: table.name, rows });
      totalRows += rows;
      log(`  ${table.name}: ${rows}`);
    }
    await client.query('commit');

    const filesDir = path.join(deps.dataDir, 'files');
    const files = await listUploadedFiles(filesDir);
    for (const rel of files) {
      const data = await fs.readFile(path.join(filesDir, ...rel.split('/')));
      await writer.line(JSON.stringify({ kind: 'file', path: rel, size: data.length, data: data.toString('base64') }));
    }
    if (files.length > 0) log(`  files: ${files.length}`);
    await writer.line(JSON.stringify({ kind: 'end', tables: tables.length, rows: totalRows, files: files.length }));
    await writer.close();
    return { header, tables, files: files.length };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    await writer.abort();
    throw error;
  } finally {
    client.release();
  }
}

/** A path from a backup, checked to stay inside the files folder. */
function safeFilePath(filesDir: string, rel: string): string {
  const parts = rel.split('/');
  if (rel === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))) {
    throw new BackupFormatError(`Berkas cadangan memuat jalur tidak sah / the backup holds an unsafe path: ${rel}`);
  }
  return path.join(filesDir, ...parts);
}

/**
 * Restores a backup made by `createBackup` into a migrated database and the data folder.
 *
 * Everything goes in one transaction as the connecting user (the embedded superuser, or the
 * owner of the tables with an external `DATABASE_URL`), so row-level security does not stand in
 * the way and a failure leaves the target as it was. Tables are filled in foreign-key order;
 * reference tables that the migrations already filled are upserted. The row count of every
 * table is checked before the commit. Uploaded files are written after the commit.
 *
 * @throws RestoreRefusedError when the target already holds tenant data (unless `force`, which
 *   empties the tenant tables first), or when the backup comes from a newer or different
 *   migration history.
 * @throws BackupFormatError when the file is not a Tumbuh backup or is damaged.
 */
export async function restoreBackup(deps: {
  pool: pg.Pool;
  dataDir: string;
  file: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<BackupSummary> {
  const log = deps.log ?? (() => undefined);
  const lines = readBackupLines(deps.file);
  const next = lines.next;
  const client = await deps.pool.connect();
  const pendingFiles: { rel: string; data: Buffer }[] = [];
  const restored: { name: string; rows: number }[] = [];
  try {
    const header = parseHeader(await next());
    await client.query('begin');
    const applied = await listAppliedMigrations(client);
    if (header.migrations.count > applied.length) {
      throw new RestoreRefusedError(
        `Cadangan ini dari versi Tumbuh yang lebih baru (${header.appVersion}, ${header.migrations.count} migrasi); perbarui Tumbuh dulu.\n` +
          `This backup comes from a newer Tumbuh (${header.appVersion}, ${header.migrations.count} migrations, this one has ${applied.length}); upgrade first.`,
      );
    }
    if (header.migrations.count > 0 && applied[header.migrations.count - 1] !== header.migrations.lastHash) {
      throw new RestoreRefusedError('Riwayat migrasi cadangan berbeda / the backup has a different migration history');
    }

    // The instrument freeze triggers let this transaction reload published instruments (migration 0026).
    await client.query("select set_config('tumbuh.restoring', 'on', true)");
    const targetTables = await listTables(client);
    const byName = new Map(targetTables.map((t) => [t.name, t]));
    const tenantTables = targetTables.filter((t) => t.tenantOwned);
    const occupied: string[] = [];
    for (const t of tenantTables) {
      // Instrument tables hold official rows (tenant_id null) from the migrations beside tenant rows.
      const res = await client.query(`select 1 from public.${quoteIdent(t.name)} where tenant_id is not null limit 1`);
      if ((res.rowCount ?? 0) > 0) occupied.push(t.name);
    }
    if (occupied.length > 0 && !deps.force) {
      throw new RestoreRefusedError(
        `Basis data tujuan sudah berisi data (${occupied.join(', ')}). Pulihkan ke folder data kosong, atau pakai --force untuk menggantinya.\n` +
          `The target database already holds data (${occupied.join(', ')}). Restore into an empty data folder, or use --force to replace it.`,
      );
    }
    if (occupied.length > 0) {
      log(`--force: emptying ${tenantTables.length} tenant tables`);
      await client.query(`truncate ${tenantTables.map((t) => `public.${quoteIdent(t.name)}`).join(', ')} cascade`);
    }

    const expected = new Map<string, { rows: number; exact: boolean }>();
    let totalRows = 0;
    let files = 0;
    let ended = false;
    while (!ended) {
      const section = parseSection(await next());
      switch (section.kind) {
        case 'table': {
          const table: TableInfo | undefined = byName.get(section.name);
          if (!table) throw new RestoreRefusedError(`Tabel ${section.name} tidak dikenal versi ini / table ${section.name} is unknown to this version`);
          const columns = section.columns.filter((c) => table.columns.includes(c));
          const upsert = (await countRows(client, table.name)) > 0;
          let chunk: string[] = [];
          let chars = 0;
          for (let i = 0; i < section.rows; i++) {
            const row = await next();
            if (row === undefined || !row.startsWith('{')) throw new BackupFormatError('Berkas cadangan terpotong / the backup file ends too early');
            chunk.push(row);
            chars += row.length;
            if (chunk.length >= ROWS_PER_CHUNK || chars >= CHARS_PER_CHUNK) {
              await insertJsonRows(client, table, columns, chunk, upsert);
              chunk = [];
              chars = 0;
            }
          }
          await insertJsonRows(client, table, columns, chunk, upsert);
          await resetSequences(client, table);
          expected.set(table.name, { rows: section.rows, exact: !upsert });
          totalRows += section.rows;
          restored.push({ name: table.name, rows: section.rows });
          log(`  ${table.name}: ${section.rows}`);
          break;
        }
        case 'file': {
          const data = Buffer.from(section.data, 'base64');
          if (data.length !== section.size) throw new BackupFormatError(`Berkas ${section.path} rusak / file ${section.path} is damaged`);
          safeFilePath(path.join(deps.dataDir, 'files'), section.path);
          pendingFiles.push({ rel: section.path, data });
          files++;
          break;
        }
        case 'end': {
          if (section.rows !== totalRows || section.files !== files || section.tables !== restored.length) {
            throw new BackupFormatError('Berkas cadangan tidak lengkap / the backup file is incomplete');
          }
          ended = true;
          break;
        }
      }
    }

    for (const [name, want] of expected) {
      const have = await countRows(client, name);
      if (want.exact ? have !== want.rows : have < want.rows) {
        throw new Error(`Pemeriksaan gagal / verification failed: ${name} has ${have} rows, the backup ${want.rows}`);
      }
    }
    await client.query('commit');

    const filesDir = path.join(deps.dataDir, 'files');
    for (const { rel, data } of pendingFiles) {
      const target = safeFilePath(filesDir, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${createHash('sha256').update(rel).digest('hex').slice(0, 8)}.partial`;
      await fs.writeFile(temp, data, { mode: 0o600 });
      await fs.rename(temp, target);
    }
    if (files > 0) log(`  files: ${files}`);
    return { header, tables: restored, files };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    client.release();
  }
}
