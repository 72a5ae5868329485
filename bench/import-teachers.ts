/**
 * Benchmark of the teacher import figure: a 10,000-row Dapodik-style .xlsx (merged two-row
 * header, 35 columns) previewed and committed through the use cases, ≤ 10 s end to end; then the
 * same file re-imported through the CLI command (10,000 updates).
 *
 *   node --import tsx bench/import-teachers.ts            # embedded PostgreSQL in a temp folder
 *   DATABASE_URL=postgres://… node --import tsx bench/import-teachers.ts
 *   BENCH_ROWS=20000 node --import tsx bench/import-teachers.ts
 *
 * Prints the timings and writes them to bench/results/import-teachers.json.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDatabase, runMigrations } from '../apps/server/src/db/database.ts';
import { openEmbeddedCluster, type EmbeddedCluster } from '../apps/server/src/db/embedded.ts';
import { buildMadrasah, buildTenant } from '../apps/server/src/demo/builders.ts';
import { runImportTeachersCommand } from '../apps/server/src/modules/people/imports/import-teachers.command.ts';
import { parseTeacherSheet } from '../apps/server/src/modules/people/imports/imports.models.ts';
import { readSpreadsheet } from '../apps/server/src/modules/people/imports/imports.reader.ts';
import { createTeacherImportsRepository } from '../apps/server/src/modules/people/imports/imports.repository.ts';
import { commitTeacherImport, previewTeacherImport, type SystemImportActor, type TeacherImportDeps } from '../apps/server/src/modules/people/imports/imports.usecases.ts';
import { buildDapodikGtkXlsx } from '../apps/server/test/fixtures/imports/teacher-files.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const FIGURE_MS = 10_000;
const here = path.dirname(fileURLToPath(import.meta.url));

const ms = (from: number) => Math.round(performance.now() - from);

async function measureParse(buffer: Buffer): Promise<{ readMs: number; parseRulesMs: number }> {
  let t = performance.now();
  const sheets = await readSpreadsheet(buffer);
  const readMs = ms(t);
  t = performance.now();
  const parsed = parseTeacherSheet(sheets[0]?.matrix ?? []);
  const parseRulesMs = ms(t);
  if (parsed.rows.length !== ROWS || parsed.errors.length > 0) {
    throw new Error(`unexpected parse: ${parsed.rows.length} rows, ${parsed.errors.length} errors`);
  }
  return { readMs, parseRulesMs };
}

async function main() {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-bench-import-'));
  let cluster: EmbeddedCluster | undefined;
  try {
    let url = process.env.DATABASE_URL;
    if (!url) {
      await fs.chmod(tmp, 0o755);
      cluster = await openEmbeddedCluster({ dataDir: path.join(tmp, 'data') });
      url = cluster.url;
    }
    const handle = openDatabase(url, { poolSize: 4 });
    await runMigrations(handle);
    const db = handle.db;
    const stamp = Date.now();
    const tenant = await buildTenant(db, { name: `Bench import ${stamp}`, kind: 'madrasah' });
    const npsn = String(stamp % 100_000_000).padStart(8, '0');
    const madrasah = await buildMadrasah(db, tenant.id, { name: 'MTs Bench', npsn });

    let t = performance.now();
    const buffer = await buildDapodikGtkXlsx({ rows: ROWS });
    const generateMs = ms(t);
    const file = path.join(tmp, 'dapodik-gtk-10k.xlsx');
    await fs.writeFile(file, buffer);

    // Reading and parsing alone, in a function so their matrices are garbage before the timed run.
    const { readMs, parseRulesMs } = await measureParse(buffer);

    const actor: SystemImportActor = { kind: 'system', tenantId: tenant.id, label: 'bench', locale: 'id' };
    const marks: Record<string, number> = {};
    const deps: TeacherImportDeps = {
      db,
      importsRepository: createTeacherImportsRepository(),
      onProgress: (p) => {
        marks[`${p.phase}:${p.done === 0 ? 'start' : 'end'}`] = performance.now();
      },
    };
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    t = start;
    const fromDisk = await fs.readFile(file);
    const preview = await previewTeacherImport({ actor, madrasahId: madrasah.id, fileName: path.basename(file), buffer: fromDisk }, deps);
    const previewMs = ms(t);
    t = performance.now();
    const result = await commitTeacherImport({ actor, importId: preview.id }, deps);
    const commitMs = ms(t);
    const totalMs = ms(start);
    const cpu = process.cpuUsage(cpuStart);
    const nodeCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const commitEnd = performance.now();
    const span = (a: string | number | undefined, b: string | number | undefined) =>
      typeof a === 'number' && typeof b === 'number' ? Math.round(b - a) : null;
    const phases = {
      previewReadAndParse: span(marks['read:start'], marks['read:end']),
      previewMatch: span(marks['read:end'], marks['check:end']),
      previewStore: span(marks['check:end'], start + previewMs),
      commitLoadAndPlan: span(t, marks['write:start']),
      commitUpsert: span(marks['write:start'], marks['write:end']),
      commitAuditAndMark: span(marks['write:end'], commitEnd),
    };
    if (result.created !== ROWS) throw new Error(`created ${result.created}, expected ${ROWS}`);

    t = performance.now();
    const lines: string[] = [];
    const exitCode = await runImportTeachersCommand({ db, file, npsn, log: (l) => lines.push(l), progress: false });
    const cliReimportMs = ms(t);
    if (exitCode !== 0 || !lines.some((l) => l.includes(`updated: ${ROWS}`))) throw new Error(`re-import failed: ${lines.join('\n')}`);

    const results = {
      rows: ROWS,
      columns: 35,
      fileBytes: buffer.length,
      database: cluster ? 'embedded PostgreSQL 17 (temp folder)' : 'DATABASE_URL',
      node: process.version,
      ms: {
        generateXlsx: generateMs,
        readXlsx: readMs,
        parseRules: parseRulesMs,
        preview: previewMs,
        commit: commitMs,
        total: totalMs,
        cliReimportUpdates: cliReimportMs,
      },
      phasesMs: phases,
      /** CPU time of this Node process during preview + commit (PostgreSQL's own work not included). */
      nodeCpuMsPreviewAndCommit: nodeCpuMs,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      cpus: os.cpus().length,
      figureMs: FIGURE_MS,
      withinFigure: totalMs <= FIGURE_MS && cliReimportMs <= FIGURE_MS,
      measuredAt: new Date().toISOString(),
    };
    console.log(`teacher import, ${ROWS} rows × 35 columns (${(buffer.length / 1024).toFixed(0)} KB xlsx)`);
    console.log(`  read xlsx        ${readMs} ms`);
    console.log(`  parse + rules    ${parseRulesMs} ms`);
    console.log(`  preview          ${previewMs} ms  (read + parse + match + store)`);
    console.log(`  commit           ${commitMs} ms  (${result.created} created)`);
    console.log(`  total            ${totalMs} ms  (figure ≤ ${FIGURE_MS} ms; Node CPU ${nodeCpuMs} ms)`);
    console.log(`  CLI re-import    ${cliReimportMs} ms  (${ROWS} updated, preview + commit)`);
    console.log(`  phases           ${JSON.stringify(phases)}`);
    console.log(`  load average     ${results.loadAverage.join(' ')} on ${results.cpus} CPUs`);
    await fs.mkdir(path.join(here, 'results'), { recursive: true });
    await fs.writeFile(path.join(here, 'results', 'import-teachers.json'), `${JSON.stringify(results, null, 2)}\n`);
    await handle.close();
    if (!results.withinFigure) process.exitCode = 1;
  } finally {
    await cluster?.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

await main();
