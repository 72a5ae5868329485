import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { LIMITS, type MgmpGroupSummary, type MgmpMeetingSummary, type StoredFileList } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { DEMO, seedDemo } from '../src/demo/demo.seed.ts';
import { DEMO_PHOTO_MEETINGS } from '../src/demo/files.seed.ts';
import { storedFiles } from '../src/modules/files/files.tables.ts';
import { FileStore } from '../src/modules/files/files.storage.ts';
import { createBackup, restoreBackup } from '../src/modules/system/backup.usecases.ts';
import { createTestDatabase, login, TEST_PASSWORD, testConfig, type Session } from './helpers.ts';

/**
 * The demo with a data folder (npm start, tumbuh seed-demo, the e2e server) carries pictures: a logo
 * on every demo madrasah (the kop of the printed records) and documentation photos on a few held
 * MGMP meetings (the dokumentasi section and the laporan kegiatan), stored like uploads.
 */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let dataDir: string;
let app: FastifyInstance;
let kepala: Session;
let yayasan: Session;
let photoMeetings: MgmpMeetingSummary[];

const list = async <T>(s: Session, url: string) => {
  const res = await s.request('GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<{ items: T[]; total: number }>();
};
/** Image objects embedded in a PDF (pdfkit writes one dictionary per image, uncompressed). */
const pdfImageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-demo-files-'));
  expect(await seedDemo(database.handle.db, TEST_PASSWORD, { dataDir })).toBe(true);
  app = await buildApp({ config: testConfig({ dataDir }), database: database.handle, logger: false });
  await app.ready();
  [kepala, yayasan] = await Promise.all([login(app, 'kepala@contoh.sch.id'), login(app, 'operator@yayasan.sch.id')]);
  const groups = (await list<MgmpGroupSummary>(kepala, '/api/v1/mgmp/groups?limit=200')).items;
  photoMeetings = [];
  for (const def of DEMO_PHOTO_MEETINGS) {
    const groupId = groups.find((g) => g.name === def.group)?.id ?? '';
    const held = (await list<MgmpMeetingSummary>(kepala, `/api/v1/mgmp/groups/${groupId}/meetings?status=selesai&limit=200`)).items.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const meeting = held[def.heldIndex];
    expect(meeting, `${def.group} held meeting #${def.heldIndex}`).toBeDefined();
    if (meeting) photoMeetings.push(meeting);
  }
});

afterAll(async () => {
  await app.close();
  await database.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('[DEMO] demo pictures with a data folder', () => {
  it('every demo madrasah has a logo whose bytes are on disk; the kepala reads it as a PNG of at most 300 px for the kop', async () => {
    const logos = await database.handle.db.select().from(storedFiles).where(eq(storedFiles.ownerKind, 'madrasah_logo'));
    expect(logos).toHaveLength(1 + DEMO.yayasan.madrasahs.length);
    const store = new FileStore(dataDir);
    for (const logo of logos) {
      expect(await store.exists(logo.storageKey)).toBe(true);
      expect(logo.thumbKey && (await store.exists(logo.thumbKey))).toBe(true);
      expect(logo.mediaType).toBe('image/png');
    }
    const madrasahId = kepala.me.madrasahs[0]?.id ?? '';
    const res = await kepala.request('GET', `/api/v1/madrasahs/${madrasahId}/logo?variant=thumb`);
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'image/png']);
    const meta = await sharp(res.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(LIMITS.logoMaxPixels);
    // The other tenant's operator sees its own two logos, and not MTs Contoh's.
    expect((await yayasan.request('GET', `/api/v1/madrasahs/${madrasahId}/logo`)).statusCode).toBe(404);
    for (const m of yayasan.me.madrasahs) expect((await yayasan.request('GET', `/api/v1/madrasahs/${m.id}/logo`)).statusCode).toBe(200);
  });

  it('the chosen held meetings have their photos, captioned, readable by the kepala (full and thumbnail) and 404 for the other tenant', async () => {
    for (const [i, def] of DEMO_PHOTO_MEETINGS.entries()) {
      const meeting = photoMeetings[i];
      const files = (await kepala.request('GET', `/api/v1/mgmp/meetings/${meeting?.id}/files`)).json<StoredFileList>();
      expect(files.items.map((f) => [f.category, f.mediaType])).toEqual(Array.from({ length: def.photos }, () => ['image', 'image/jpeg']));
      for (const file of files.items) {
        expect(file.caption).toBeTruthy();
        const full = await kepala.request('GET', file.url);
        expect([full.statusCode, full.headers['content-type']]).toEqual([200, 'image/jpeg']);
        expect(await sharp(full.rawPayload).metadata()).toMatchObject({ width: file.width, height: file.height, format: 'jpeg' });
        const thumb = await kepala.request('GET', file.thumbUrl ?? '');
        expect(thumb.statusCode).toBe(200);
        const small = await sharp(thumb.rawPayload).metadata();
        expect(Math.max(small.width ?? Infinity, small.height ?? Infinity)).toBeLessThanOrEqual(LIMITS.thumbMaxPixels);
        expect((await yayasan.request('GET', file.url)).statusCode).toBe(404);
      }
    }
    const [row] = await database.handle.db.select().from(storedFiles).where(and(eq(storedFiles.ownerKind, 'mgmp_meeting'), eq(storedFiles.ownerId, photoMeetings[0]?.id ?? '')));
    expect(row && (await new FileStore(dataDir).exists(row.storageKey))).toBe(true);
  });

  it('the laporan kegiatan of a meeting with photos embeds them besides the kop logo; one without photos only the logo', async () => {
    const groups = (await list<MgmpGroupSummary>(kepala, '/api/v1/mgmp/groups?limit=200')).items;
    const ips = groups.find((g) => g.name === 'MGMP IPS')?.id ?? '';
    const [plain] = (await list<MgmpMeetingSummary>(kepala, `/api/v1/mgmp/groups/${ips}/meetings?status=selesai`)).items;
    const without = await kepala.request('GET', `/api/v1/mgmp/meetings/${plain?.id}/laporan.pdf`);
    expect(without.statusCode).toBe(200);
    // The logo alone: a PNG with transparency is an image plus its alpha mask.
    const logoOnly = pdfImageCount(without.rawPayload);
    expect(logoOnly).toBeGreaterThanOrEqual(1);
    for (const [i, def] of DEMO_PHOTO_MEETINGS.entries()) {
      const withPhotos = await kepala.request('GET', `/api/v1/mgmp/meetings/${photoMeetings[i]?.id}/laporan.pdf`);
      expect(withPhotos.statusCode).toBe(200);
      expect(pdfImageCount(withPhotos.rawPayload)).toBe(logoOnly + def.photos);
    }
  });

  it('seeding without a data folder writes no file rows (tests on a cloned database)', async () => {
    const bare = await createTestDatabase();
    try {
      await seedDemo(bare.handle.db, TEST_PASSWORD);
      expect(await bare.handle.db.select().from(storedFiles)).toEqual([]);
    } finally {
      await bare.drop();
    }
  });

  it('a backup of the demo carries the pictures: restored elsewhere, the kepala reads the same logo and photo bytes', async () => {
    const target = await createTestDatabase();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-demo-files-backup-'));
    try {
      const file = path.join(dir, 'demo.tumbuh-backup.gz');
      const rows = await database.handle.db.select().from(storedFiles);
      const made = await createBackup({ pool: database.handle.pool, dataDir, file, appVersion: 'test' });
      expect(made.files).toBe(rows.length + rows.filter((r) => r.thumbKey).length);
      await restoreBackup({ pool: target.handle.pool, dataDir: path.join(dir, 'restored'), file });
      const restoredApp = await buildApp({ config: testConfig({ dataDir: path.join(dir, 'restored') }), database: target.handle, logger: false });
      try {
        await restoredApp.ready();
        const k = await login(restoredApp, 'kepala@contoh.sch.id');
        const photo = rows.find((r) => r.ownerKind === 'mgmp_meeting');
        const [before, after] = await Promise.all([kepala.request('GET', `/api/v1/files/${photo?.id}`), k.request('GET', `/api/v1/files/${photo?.id}`)]);
        expect(after.statusCode).toBe(200);
        expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
        const logoUrl = `/api/v1/madrasahs/${k.me.madrasahs[0]?.id}/logo`;
        expect((await k.request('GET', logoUrl)).rawPayload.equals((await kepala.request('GET', logoUrl)).rawPayload)).toBe(true);
      } finally {
        await restoredApp.close();
      }
    } finally {
      await target.drop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
