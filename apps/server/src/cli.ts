import { Command } from 'commander';
import { ConfigError, loadConfig } from './config/config.ts';
import { runMigrations } from './db/database.ts';
import { EmbeddedClusterError } from './db/embedded.ts';
import { openConfiguredDatabase, ServerAlreadyRunningError } from './db/runtime.ts';
import { seedDemo } from './demo/demo.seed.ts';
import { startServer } from './server.ts';

/** Runs `fn` with a migrated database of the configured data folder, then lets go of it. */
async function withDatabase<T>(fn: (opened: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config);
  try {
    await runMigrations(opened.handle);
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

const program = new Command()
  .name('tumbuh')
  .description('Tumbuh: MGMP dan kinerja guru madrasah / MGMP and teacher performance for madrasahs')
  .showHelpAfterError();

program
  .command('serve')
  .description('Jalankan server web dan API / run the web server and API (PORT, HOST, DATABASE_URL, TUMBUH_DATA_DIR)')
  .action(async () => {
    const server = await startServer(loadConfig());
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
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
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
      const loaded = await seedDemo(handle.db, config.demoPassword);
      console.log(loaded ? 'Data demo dimuat / demo data loaded' : 'Data demo sudah ada / demo data already present');
    });
  });

export { program, withDatabase };

/** Entry point of the `tumbuh` command. */
export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ServerAlreadyRunningError || error instanceof EmbeddedClusterError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
