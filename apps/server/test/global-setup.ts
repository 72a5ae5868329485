import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../src/db/database.ts';
import { openEmbeddedCluster, type EmbeddedCluster } from '../src/db/embedded.ts';

/**
 * Starts one PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL), migrates a template
 * database once; each test file then clones its own database from the template (see helpers.ts).
 */
let cluster: EmbeddedCluster | undefined;
let tmpDir: string | undefined;

export const TEMPLATE_DB = 'tumbuh_test_template';

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-test-'));
    await fs.chmod(tmpDir, 0o755);
    cluster = await openEmbeddedCluster({ dataDir: tmpDir });
    adminUrl = cluster.url;
  }
  const base = new URL(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [TEMPLATE_DB]);
  await admin.query(`drop database if exists ${TEMPLATE_DB}`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(base);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const handle = openDatabase(templateUrl.toString(), { poolSize: 2 });
  await runMigrations(handle);
  await handle.close();
  project.provide('testDatabaseUrl', base.toString());
  return async () => {
    await cluster?.stop();
    if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}
