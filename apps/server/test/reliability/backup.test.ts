import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { createBackup, restoreBackup, RestoreRefusedError } from '../../src/modules/system/backup.usecases.ts';
import { listTables, quoteIdent } from '../../src/modules/system/backup.repository.ts';
import { createTestDatabase, TEST_PASSWORD } from '../helpers.ts';

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** Every row of every table, as sorted JSON texts, keyed by table. */
async function snapshot(handle: DatabaseHandle): Promise<Map<string, string[]>> {
  const client = await handle.pool.connect();
  try {
    const out = new Map<string, string[]>();
    for (const table of await listTables(client)) {
      const res = await client.query<{ j: string }>(`select row_to_json(t)::text as j from public.${quoteIdent(table.name)} t`);
      out.set(table.name, res.rows.map((r) => r.j).sort());
    }
    return out;
  } finally {
    client.release();
  }
}

describe('backup and restore', () => {
  let source: TestDb;
  let target: TestDb;
  let dir: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedDemo(source.handle.db, TEST_PASSWORD);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-backup-'));
    await fs.mkdir(path.join(dir, 'source', 'files', 'ab'), { recursive: true });
    await fs.writeFile(path.join(dir, 'source', 'files', 'ab', 'abcdef.pdf'), Buffer.from([0, 1, 2, 255, 10, 13]));
  });

  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a restored backup of the demo data has the same rows in every table, and the same files', async () => {
    const file = path.join(dir, 'demo.tumbuh-backup.gz');
    const made = await createBackup({ pool: source.handle.pool, dataDir: path.join(dir, 'source'), file, appVersion: 'test' });
    expect(made.files).toBe(1);
    expect(made.tables.find((t) => t.name === 'teachers')?.rows).toBeGreaterThanOrEqual(25);

    const restored = await restoreBackup({ pool: target.handle.pool, dataDir: path.join(dir, 'target'), file });
    expect(restored.tables).toEqual(made.tables);

    const [before, after] = await Promise.all([snapshot(source.handle), snapshot(target.handle)]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, rows] of before) {
      expect({ name, count: after.get(name)?.length }).toEqual({ name, count: rows.length });
      expect(after.get(name)).toEqual(rows);
    }
    const copied = await fs.readFile(path.join(dir, 'target', 'files', 'ab', 'abcdef.pdf'));
    expect([...copied]).toEqual([0, 1, 2, 255, 10, 13]);
  });

  it('restoring into a database that already holds tenant data is refused, and changes nothing', async () => {
    const file = path.join(dir, 'demo.tumbuh-backup.gz');
    const before = await snapshot(target.handle);
    await expect(restoreBackup({ pool: target.handle.pool, dataDir: path.join(dir, 'target'), file })).rejects.toBeInstanceOf(RestoreRefusedError);
    expect(await snapshot(target.handle)).toEqual(before);
  });

  it('with force, the existing data is replaced by the backup', async () => {
    const file = path.join(dir, 'demo.tumbuh-backup.gz');
    await target.handle.pool.query(`update teachers set name = 'Diubah' where true`);
    await restoreBackup({ pool: target.handle.pool, dataDir: path.join(dir, 'target'), file, force: true });
    expect(await snapshot(target.handle)).toEqual(await snapshot(source.handle));
  });

  it('a cut-off backup file is refused and leaves the target untouched', async () => {
    const file = path.join(dir, 'demo.tumbuh-backup.gz');
    const cut = path.join(dir, 'cut.tumbuh-backup.gz');
    const zlib = await import('node:zlib');
    const text = zlib.gunzipSync(await fs.readFile(file)).toString('utf8');
    const lines = text.split('\n');
    await fs.writeFile(cut, zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const empty = await createTestDatabase();
    try {
      await expect(restoreBackup({ pool: empty.handle.pool, dataDir: path.join(dir, 'cut'), file: cut })).rejects.toThrow(/terpotong|damaged|incomplete/);
      const tenants = await empty.handle.pool.query('select count(*)::int as n from tenants');
      expect(tenants.rows[0]).toEqual({ n: 0 });
    } finally {
      await empty.drop();
    }
  });
});
