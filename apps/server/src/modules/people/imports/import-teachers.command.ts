/**
 * `tumbuh import-teachers FILE --madrasah NPSN`: the same preview and commit as the web wizard,
 * run as the system from a terminal, with a progress bar and a summary.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { normaliseIdentifier, type ImportRowError, type Locale } from '@tumbuh/shared';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../http/app-error.ts';
import { createTeacherImportsRepository, type TeacherImportsRepository } from './imports.repository.ts';
import { commitTeacherImport, previewTeacherImport, type ImportProgress, type SystemImportActor } from './imports.usecases.ts';

/** Exit codes of the command. */
export const IMPORT_EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** Row reasons listed in the summary before "… and N more". */
const LISTED_ERRORS_MAX = 50;

/** Where the bar stands at the end of each phase (of 100). */
const PHASE_SPAN: Record<ImportProgress['phase'], [number, number]> = { read: [0, 40], check: [40, 55], write: [55, 100] };
const PHASE_LABEL: Record<ImportProgress['phase'], string> = { read: 'membaca/reading', check: 'memeriksa/checking', write: 'menyimpan/writing' };

/** Options of the command; the CLI wiring passes them through. */
export interface ImportTeachersCommandOptions {
  db: Database;
  /** Path of the .xlsx or .csv file. */
  file: string;
  /** NPSN of the madrasah to import into (looked up across tenants; must be unique). */
  npsn: string;
  /** Prints one line of the summary (stdout in the CLI). */
  log: (line: string) => void;
  /** Show a progress bar on stderr; default: when stderr is a terminal. */
  progress?: boolean;
  /** Language of row reasons; default Indonesian. */
  locale?: Locale;
  /** Repository override for tests; default: a new one. */
  importsRepository?: TeacherImportsRepository;
}

function formatError(e: ImportRowError): string {
  const value = e.value ? ` [${e.value}]` : '';
  return `  baris/row ${e.row}: ${e.message}${value} (${e.code})`;
}

function listErrors(errors: ImportRowError[], log: (line: string) => void) {
  for (const e of errors.slice(0, LISTED_ERRORS_MAX)) log(formatError(e));
  if (errors.length > LISTED_ERRORS_MAX) log(`  … dan ${errors.length - LISTED_ERRORS_MAX} lagi / … and ${errors.length - LISTED_ERRORS_MAX} more`);
}

/**
 * Imports a teacher file into the madrasah with this NPSN, as the system (audit label `cli`):
 * preview, then commit when no row has an error. Prints created / updated / rejected with the
 * row reasons (at most 50, then "… and N more").
 * Returns the exit code: 0 committed, 1 the file was rejected (nothing written),
 * 2 usage problem (file missing or unreadable, NPSN unknown or found in several tenants).
 */
export async function runImportTeachersCommand(options: ImportTeachersCommandOptions): Promise<number> {
  const { db, log } = options;
  const locale = options.locale ?? 'id';
  const importsRepository = options.importsRepository ?? createTeacherImportsRepository();

  let buffer: Buffer;
  try {
    buffer = await fs.readFile(options.file);
  } catch {
    log(`Berkas tidak ditemukan / file not found: ${options.file}`);
    return IMPORT_EXIT.usage;
  }

  const npsn = normaliseIdentifier(options.npsn);
  const found = await importsRepository.findMadrasahsByNpsnForSystem(db, npsn);
  if (found.length === 0) {
    log(`Tidak ada madrasah dengan NPSN ${npsn} / no madrasah has NPSN ${npsn}`);
    return IMPORT_EXIT.usage;
  }
  if (found.length > 1) {
    log(`NPSN ${npsn} terdaftar di ${found.length} tenant; impor lewat aplikasi web / NPSN ${npsn} is registered in ${found.length} tenants; import from the web app`);
    return IMPORT_EXIT.usage;
  }
  const madrasah = found[0];
  if (!madrasah) return IMPORT_EXIT.usage;
  const actor: SystemImportActor = { kind: 'system', tenantId: madrasah.tenantId, label: 'cli', locale };

  const showBar = options.progress ?? Boolean(process.stderr.isTTY);
  const bar = showBar
    ? new cliProgress.SingleBar(
        { format: '{phase} [{bar}] {percentage}%', stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(100, 0, { phase: PHASE_LABEL.read });
  const onProgress = (p: ImportProgress) => {
    const [from, to] = PHASE_SPAN[p.phase];
    bar?.update(Math.round(from + ((to - from) * p.done) / Math.max(1, p.total)), { phase: PHASE_LABEL[p.phase] });
  };
  const deps = { db, importsRepository, onProgress };

  log(`Impor guru / teacher import: ${path.basename(options.file)} → ${madrasah.name} (NPSN ${npsn})`);
  try {
    const preview = await previewTeacherImport({ actor, madrasahId: madrasah.id, fileName: path.basename(options.file), buffer }, deps);
    if (preview.errors.length > 0) {
      bar?.stop();
      log(`Format / layout: ${preview.layout}; baris / rows: ${preview.totalRows}`);
      log(`Dibuat / created: 0`);
      log(`Diperbarui / updated: 0`);
      log(`Ditolak / rejected: ${preview.errors.length} masalah di ${preview.totalRows - preview.validRows} baris / problems in ${preview.totalRows - preview.validRows} rows; tidak ada yang disimpan / nothing was written`);
      listErrors(preview.errors, log);
      await commitTeacherImport({ actor, importId: preview.id }, deps).catch(() => undefined);
      return IMPORT_EXIT.rejected;
    }
    const result = await commitTeacherImport({ actor, importId: preview.id }, deps);
    bar?.update(100);
    bar?.stop();
    log(`Format / layout: ${preview.layout}; baris / rows: ${preview.totalRows}`);
    log(`Dibuat / created: ${result.created}`);
    log(`Diperbarui / updated: ${result.updated}`);
    log(`Ditolak / rejected: 0`);
    return IMPORT_EXIT.ok;
  } catch (error) {
    bar?.stop();
    if (error instanceof AppError) {
      log(`${error.messageFor(locale)} (${error.code})`);
      if (error.code === 'people.import_rejected' && Array.isArray(error.details)) {
        listErrors(error.details as ImportRowError[], log);
        return IMPORT_EXIT.rejected;
      }
      return IMPORT_EXIT.usage;
    }
    throw error;
  }
}
