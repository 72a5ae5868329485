import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { ErrorBody, MgmpGroup, MgmpMeeting, StoredFile, StoredFileList } from '@tumbuh/shared';
import { LIMITS } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedDemo } from '../src/demo/demo.seed.ts';
import { storedFiles } from '../src/modules/files/files.tables.ts';
import { attachFile, listOwnerImages, readMadrasahLogo } from '../src/modules/files/files.usecases.ts';
import { teachers } from '../src/modules/people/people.tables.ts';
import { createBackup, restoreBackup } from '../src/modules/system/backup.usecases.ts';
import type { Actor } from '../src/modules/tenancy/tenancy.models.ts';
import { createTestDatabase, login, TEST_PASSWORD, testConfig, type Session } from './helpers.ts';
import { multipart } from './multipart.ts';

/** Photos and files of MGMP meetings and follow-ups, and the madrasah logo, through the API on real PostgreSQL and a real data folder. */

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDb;
let app: FastifyInstance;
let dataDir: string;
let operator: Session;
let kepala: Session;
let koordinator: Session; // ketua of the test group
let guru1: Session; // anggota of the test group, owner of the follow-up
let peneliti: Session;
let yayasan: Session; // operator of another tenant
let group: MgmpGroup;
let otherGroup: MgmpGroup; // guru1 is not a member
let meeting: MgmpMeeting;
let otherMeeting: MgmpMeeting;
let followUpId: string;
let madrasahId: string;
const t: Record<string, string> = {};
const iso = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

function upload(session: Session, method: 'POST' | 'PUT', url: string, file: { name: string; content: Buffer; type?: string }, fields: Record<string, string> = {}) {
  const { body, headers } = multipart(fields, file);
  return app.inject({ method, url, payload: body, headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrf } });
}

/** A photo as a phone takes it: 3000×2000 pixels, EXIF orientation 6 (turned 90°), with camera metadata. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Make: 'KameraHP', Model: 'Uji 1', Copyright: 'rahasia-exif' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}
const pngWithAlpha = () => sharp({ create: { width: 800, height: 400, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
const webpPhoto = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 10, g: 20, b: 200 } } }).webp().toBuffer();
const pdfBytes = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Daftar').addRow(['Nama', 'Hadir']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function count(table: 'stored_files' | 'audit_log', where = sql`true`): Promise<number> {
  const res = await database.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return res.rows[0]?.n ?? 0;
}
const auditCount = (action: string) => count('audit_log', sql`action = ${action}`);

/** Every file under the data folder's files/, relative. */
async function filesOnDisk(dir = dataDir): Promise<string[]> {
  const root = path.join(dir, 'files');
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else out.push(path.relative(root, path.join(d, e.name)));
    }
  }
  await walk(root);
  return out.sort();
}

function errorCode(body: string): string {
  return (JSON.parse(body) as ErrorBody).error.code;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.handle.db, TEST_PASSWORD);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-files-'));
  app = await buildApp({ config: testConfig({ dataDir }), database: database.handle, logger: false });
  await app.ready();
  [operator, kepala, koordinator, guru1, peneliti, yayasan] = await Promise.all(
    ['operator@contoh.sch.id', 'kepala@contoh.sch.id', 'koordinator@contoh.sch.id', 'guru1@contoh.sch.id', 'peneliti@contoh.sch.id', 'operator@yayasan.sch.id'].map((e) => login(app, e)),
  ) as [Session, Session, Session, Session, Session, Session];
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
  for (const row of await database.handle.db.select().from(teachers)) t[row.name.split(',')[0] ?? ''] = row.id;
  const make = async (name: string, members: { teacherId: string | undefined; role: string }[]) => {
    const res = await operator.request('POST', '/api/v1/mgmp/groups', { madrasahId, name, termStart: '2026-01-01', termEnd: '2028-12-31', members });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MgmpGroup>();
  };
  group = await make('MGMP Dokumentasi Uji', [
    { teacherId: t['Khoirul Anam'], role: 'ketua' },
    { teacherId: t['Lailatul Qadriyah'], role: 'sekretaris' },
    { teacherId: t['Ahmad Fauzi'], role: 'anggota' },
  ]);
  otherGroup = await make('MGMP Lain Uji', [{ teacherId: t['Khoirul Anam'], role: 'ketua' }, { teacherId: t['Ainul Yaqin'], role: 'anggota' }]);
  const newMeeting = async (g: MgmpGroup) => {
    const res = await koordinator.request('POST', `/api/v1/mgmp/groups/${g.id}/meetings`, { title: 'Pertemuan rutin', startsAt: iso(-60), endsAt: iso(60), place: 'Ruang guru' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MgmpMeeting>();
  };
  meeting = await newMeeting(group);
  otherMeeting = await newMeeting(otherGroup);
  const fu = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/follow-ups`, { what: 'Unggah modul ajar revisi', dueDate: '2027-01-31', ownerIds: [t['Ahmad Fauzi']] });
  expect(fu.statusCode, fu.body).toBe(201);
  followUpId = fu.json<{ id: string }>().id;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('meeting photos (dokumentasi)', () => {
  let photo: StoredFile;

  it('the ketua uploads a phone photo: stored ≤ 1600 px, EXIF orientation applied, metadata removed, with a thumbnail; audited', async () => {
    const audits = await auditCount('files.upload');
    const res = await upload(koordinator, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'IMG_0001.jpg', content: await phonePhoto(), type: 'image/jpeg' }, { caption: 'Diskusi kelompok' });
    expect(res.statusCode, res.body).toBe(201);
    photo = res.json<StoredFile>();
    expect(photo).toMatchObject({ ownerKind: 'mgmp_meeting', ownerId: meeting.id, category: 'image', mediaType: 'image/jpeg', width: 1067, height: 1600, caption: 'Diskusi kelompok', originalName: 'IMG_0001.jpg', canDelete: true });
    expect(photo.thumbUrl).toBe(`/api/v1/files/${photo.id}?variant=thumb`);
    expect(await auditCount('files.upload')).toBe(audits + 1);

    const full = await koordinator.request('GET', photo.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(String(full.headers['cache-control'])).toMatch(/^private/);
    expect(full.headers['content-disposition']).toBe(`inline; filename="IMG_0001.jpg"; filename*=UTF-8''IMG_0001.jpg`);
    const meta = await sharp(full.rawPayload).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1067, 1600, 'jpeg']);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(full.rawPayload.includes(Buffer.from('rahasia-exif'))).toBe(false);

    const thumb = await guru1.request('GET', `${photo.url}?variant=thumb`);
    expect(thumb.statusCode).toBe(200);
    const tm = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(tm.width ?? 0, tm.height ?? 0)).toBe(LIMITS.thumbMaxPixels);
  });

  it('the bytes live under <dataDir>/files/<tenantId>/, and nowhere the web client is served from', async () => {
    const onDisk = await filesOnDisk();
    expect(onDisk).toEqual(expect.arrayContaining([`${operator.me.tenant.id}/${photo.id}`, `${operator.me.tenant.id}/${photo.id}.thumb`]));
    const anon = await app.inject({ method: 'GET', url: photo.url });
    expect(anon.statusCode).toBe(401);
  });

  it('members (and the kepala, operator, the madrasah’s peneliti) list the photos; another tenant gets 404', async () => {
    for (const s of [guru1, kepala, operator, koordinator, peneliti]) {
      const res = await s.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/files`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json<StoredFileList>();
      expect(list.items.map((f) => f.id)).toContain(photo.id);
      expect(list.items.find((f) => f.id === photo.id)?.canDelete).toBe(s !== guru1 && s !== peneliti);
    }
    expect((await peneliti.request('GET', photo.url)).statusCode).toBe(200);
    expect((await peneliti.request('DELETE', photo.url)).statusCode).toBe(403);
    expect((await upload(peneliti, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'a.jpg', content: await phonePhoto() })).statusCode).toBe(403);
    const other = await yayasan.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/files`);
    expect(other.statusCode).toBe(404);
    const otherFile = await yayasan.request('GET', photo.url);
    expect(otherFile.statusCode).toBe(404);
    expect(errorCode(otherFile.body)).toBe('files.not_found');
    expect((await yayasan.request('DELETE', photo.url)).statusCode).toBe(404);
  });

  it('an anggota cannot add photos to the meeting (403, nothing stored)', async () => {
    const [rows, disk] = [await count('stored_files'), await filesOnDisk()];
    const res = await upload(guru1, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'a.jpg', content: await phonePhoto(), type: 'image/jpeg' });
    expect(res.statusCode).toBe(403);
    expect([await count('stored_files'), await filesOnDisk()]).toEqual([rows, disk]);
  });

  it('a teacher outside the group neither lists nor fetches its files', async () => {
    const res = await upload(koordinator, 'POST', `/api/v1/mgmp/meetings/${otherMeeting.id}/files`, { name: 'lain.png', content: await pngWithAlpha(), type: 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<StoredFile>();
    expect(file.mediaType).toBe('image/png');
    expect((await guru1.request('GET', `/api/v1/mgmp/meetings/${otherMeeting.id}/files`)).statusCode).toBe(403);
    expect((await guru1.request('GET', file.url)).statusCode).toBe(404);
    expect((await guru1.request('DELETE', file.url)).statusCode).toBe(404);
  });

  it('a WebP photo is stored as JPEG; documents (PDF, XLSX) are kept as uploaded and sent as attachments', async () => {
    const webp = await upload(kepala, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'papan.webp', content: await webpPhoto(), type: 'image/webp' });
    expect(webp.statusCode, webp.body).toBe(201);
    expect(webp.json<StoredFile>()).toMatchObject({ mediaType: 'image/jpeg', width: 640, height: 480 });
    const got = await kepala.request('GET', webp.json<StoredFile>().url);
    expect(got.headers['content-disposition']).toMatch(/filename="papan\.jpg"/);

    const pdf = pdfBytes();
    const res = await upload(operator, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'Materi MGMP; sesi 1.pdf', content: pdf, type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<StoredFile>();
    expect(doc).toMatchObject({ category: 'document', mediaType: 'application/pdf', byteSize: pdf.length, thumbUrl: null, width: null });
    const content = await guru1.request('GET', doc.url);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(pdf)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Materi MGMP_ sesi 1.pdf"; filename*=UTF-8''Materi%20MGMP%3B%20sesi%201.pdf`);

    const xlsx = await upload(koordinator, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'daftar.xlsx', content: await xlsxBytes() });
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json<StoredFile>().mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('bad uploads get 4xx with a stable code and change nothing: mislabelled, not allowed, too large, empty, damaged photo', async () => {
    const [rows, disk, audits] = [await count('stored_files'), await filesOnDisk(), await auditCount('files.upload')];
    const url = `/api/v1/mgmp/meetings/${meeting.id}/files`;
    const cases: Array<[string, { name: string; content: Buffer; type?: string }, number, string]> = [
      ['text named .jpg', { name: 'foto.jpg', content: Buffer.from('bukan foto, hanya teks'), type: 'image/jpeg' }, 415, 'files.mislabelled'],
      ['a PNG sent as image/jpeg', { name: 'foto.png', content: await pngWithAlpha(), type: 'image/jpeg' }, 415, 'files.mislabelled'],
      ['a PDF named .docx', { name: 'laporan.docx', content: pdfBytes() }, 415, 'files.mislabelled'],
      ['a GIF', { name: 'a.gif', content: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), type: 'image/gif' }, 415, 'files.type_not_allowed'],
      ['an image over 10 MB', { name: 'besar.jpg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(LIMITS.imageFileMaxBytes)]), type: 'image/jpeg' }, 413, 'files.too_large'],
      ['a document over 20 MB (cut off while streaming)', { name: 'besar.pdf', content: Buffer.concat([pdfBytes(), Buffer.alloc(LIMITS.documentFileMaxBytes)]), type: 'application/pdf' }, 413, 'files.too_large'],
      ['an empty file', { name: 'kosong.jpg', content: Buffer.alloc(0), type: 'image/jpeg' }, 400, 'files.empty'],
      ['a damaged JPEG', { name: 'rusak.jpg', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), randomBytes(2000)]), type: 'image/jpeg' }, 422, 'files.unreadable_image'],
    ];
    for (const [name, file, status, code] of cases) {
      const res = await upload(koordinator, 'POST', url, file);
      expect({ name, status: res.statusCode, code: errorCode(res.body) }).toEqual({ name, status, code });
      expect(JSON.parse(res.body).error.message).toMatch(/berkas|foto/i);
    }
    const noFile = await app.inject({ method: 'POST', url, payload: { caption: 'x' }, headers: { cookie: koordinator.cookie, 'x-csrf-token': koordinator.csrf } });
    expect(noFile.statusCode).toBe(400);
    const longCaption = await upload(koordinator, 'POST', url, { name: 'a.jpg', content: await webpPhoto(), type: 'image/webp' }, { caption: 'x'.repeat(LIMITS.captionMax + 1) });
    expect(longCaption.statusCode).toBe(400);
    expect([await count('stored_files'), await filesOnDisk(), await auditCount('files.upload')]).toEqual([rows, disk, audits]);
  });

  it('the uploader or an officer deletes a file; a member cannot delete another’s; bytes and row go, audited', async () => {
    const res = await upload(koordinator, 'POST', `/api/v1/mgmp/meetings/${meeting.id}/files`, { name: 'hapus.webp', content: await webpPhoto() });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<StoredFile>();
    expect((await guru1.request('DELETE', file.url)).statusCode).toBe(403);
    const audits = await auditCount('files.delete');
    const del = await kepala.request('DELETE', file.url);
    expect(del.statusCode, del.body).toBe(200);
    expect(await auditCount('files.delete')).toBe(audits + 1);
    expect((await koordinator.request('GET', file.url)).statusCode).toBe(404);
    expect((await filesOnDisk()).filter((f) => f.includes(file.id))).toEqual([]);
  });

  it('a cancelled meeting takes no new photos', async () => {
    const m = await koordinator.request('POST', `/api/v1/mgmp/groups/${group.id}/meetings`, { title: 'Batal', startsAt: iso(60 * 48), endsAt: iso(60 * 49) });
    const id = m.json<MgmpMeeting>().id;
    expect((await koordinator.request('POST', `/api/v1/mgmp/meetings/${id}/cancel`, { reason: 'Hujan deras' })).statusCode).toBe(200);
    const res = await upload(koordinator, 'POST', `/api/v1/mgmp/meetings/${id}/files`, { name: 'a.webp', content: await webpPhoto() });
    expect([res.statusCode, errorCode(res.body)]).toEqual([409, 'mgmp.meeting_cancelled']);
  });

  it('listOwnerImages hands the report the photos as JPEG/PNG with captions, oldest first, documents left out', async () => {
    const images = await listOwnerImages({ db: database.handle.db, dataDir }, operator.me.tenant.id, 'mgmp_meeting', meeting.id);
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images[0]).toMatchObject({ id: photo.id, caption: 'Diskusi kelompok', mediaType: 'image/jpeg' });
    for (const image of images) {
      expect(['image/jpeg', 'image/png']).toContain(image.mediaType);
      const meta = await sharp(image.data).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(LIMITS.imageMaxPixels);
    }
    expect(await listOwnerImages({ db: database.handle.db, dataDir }, (await yayasan.me).tenant.id, 'mgmp_meeting', meeting.id)).toEqual([]);
  });
});

describe('follow-up evidence', () => {
  it('the follow-up’s owner attaches evidence and deletes it; a peneliti cannot; another tenant gets 404', async () => {
    const url = `/api/v1/mgmp/follow-ups/${followUpId}/files`;
    const res = await upload(guru1, 'POST', url, { name: 'bukti.pdf', content: pdfBytes(), type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<StoredFile>();
    expect(file.ownerKind).toBe('mgmp_follow_up');
    const list = await koordinator.request('GET', url);
    expect(list.json<StoredFileList>().items.map((f) => f.id)).toEqual([file.id]);
    expect((await upload(peneliti, 'POST', url, { name: 'x.pdf', content: pdfBytes() })).statusCode).toBe(403);
    expect((await upload(yayasan, 'POST', url, { name: 'x.pdf', content: pdfBytes() })).statusCode).toBe(404);
    expect((await yayasan.request('GET', url)).statusCode).toBe(404);
    const officer = await upload(koordinator, 'POST', url, { name: 'catatan.webp', content: await webpPhoto() });
    expect(officer.statusCode).toBe(201);
    expect((await guru1.request('DELETE', officer.json<StoredFile>().url)).statusCode).toBe(403);
    expect((await guru1.request('DELETE', file.url)).statusCode).toBe(200);
  });
});

describe('madrasah logo (kop)', () => {
  it('the operator sets the logo; the kop reader gets PNG ≤ 300 px; anyone of the madrasah fetches it; the kepala cannot set it', async () => {
    expect(await readMadrasahLogo({ db: database.handle.db, dataDir }, operator.me.tenant.id, madrasahId)).toBeNull();
    const url = `/api/v1/madrasahs/${madrasahId}/logo`;
    expect((await guru1.request('GET', url)).statusCode).toBe(404);
    const kepalaTry = await upload(kepala, 'PUT', url, { name: 'logo.png', content: await pngWithAlpha(), type: 'image/png' });
    expect(kepalaTry.statusCode).toBe(403);
    const res = await upload(operator, 'PUT', url, { name: 'logo.png', content: await pngWithAlpha(), type: 'image/png' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<StoredFile>()).toMatchObject({ ownerKind: 'madrasah_logo', mediaType: 'image/png', width: 800, height: 400 });
    const logo = await readMadrasahLogo({ db: database.handle.db, dataDir }, operator.me.tenant.id, madrasahId);
    expect(logo?.mediaType).toBe('image/png');
    const meta = await sharp(logo?.data).metadata();
    expect([meta.width, meta.height]).toEqual([LIMITS.logoMaxPixels, 150]);
    const got = await guru1.request('GET', `${url}?variant=thumb&v=1764000000000`);
    expect([got.statusCode, got.headers['content-type'], got.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);
    expect((await sharp(got.rawPayload).metadata()).width).toBe(LIMITS.logoMaxPixels);
    const pdfLogo = await upload(operator, 'PUT', url, { name: 'logo.pdf', content: pdfBytes(), type: 'application/pdf' });
    expect([pdfLogo.statusCode, errorCode(pdfLogo.body)]).toEqual([415, 'files.type_not_allowed']);
    expect((await yayasan.request('GET', url)).statusCode).toBe(404);
    expect((await upload(yayasan, 'PUT', url, { name: 'logo.png', content: await pngWithAlpha() })).statusCode).toBe(404);
  });

  it('replacing the logo keeps one row and removes the old bytes; deleting removes it (audited)', async () => {
    const url = `/api/v1/madrasahs/${madrasahId}/logo`;
    const before = await count('stored_files', sql`owner_kind = 'madrasah_logo'`);
    const oldId = (await database.handle.db.select().from(storedFiles)).find((r) => r.ownerKind === 'madrasah_logo')?.id ?? '';
    const res = await upload(operator, 'PUT', url, { name: 'logo-baru.jpg', content: await phonePhoto() });
    expect(res.statusCode, res.body).toBe(200);
    expect(await count('stored_files', sql`owner_kind = 'madrasah_logo'`)).toBe(before);
    expect((await filesOnDisk()).filter((f) => f.includes(oldId))).toEqual([]);
    const logo = await readMadrasahLogo({ db: database.handle.db, dataDir }, operator.me.tenant.id, madrasahId);
    expect(logo?.mediaType).toBe('image/jpeg');
    const audits = await auditCount('files.delete');
    expect((await kepala.request('DELETE', url)).statusCode).toBe(403);
    expect((await operator.request('DELETE', url)).statusCode).toBe(200);
    expect(await auditCount('files.delete')).toBe(audits + 1);
    expect((await operator.request('GET', url)).statusCode).toBe(404);
    expect((await operator.request('DELETE', url)).statusCode).toBe(404);
  });
});

describe('all or nothing', () => {
  const actorOf = (s: Session): Actor => ({ userId: s.me.user.id, tenantId: s.me.tenant.id, sessionId: 'x', email: 'operator@contoh.sch.id', name: 'Operator', locale: 'id', teacherId: null, roles: [{ role: 'operator', madrasahId }] });

  it('a failed insert (unknown madrasah) leaves no bytes on disk', async () => {
    const [rows, disk] = [await count('stored_files'), await filesOnDisk()];
    const attempt = attachFile({ db: database.handle.db, dataDir }, actorOf(operator), { ownerKind: 'mgmp_meeting', ownerId: meeting.id, upload: { fileName: 'a.webp', data: await webpPhoto() } }, async () => ({
      madrasahId: '01900000-0000-7000-8000-000000000000',
    }));
    await expect(attempt).rejects.toThrow();
    expect([await count('stored_files'), await filesOnDisk()]).toEqual([rows, disk]);
  });

  it('a failed write (the tenant folder cannot be created) leaves no row', async () => {
    const broken = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-files-broken-'));
    await fs.mkdir(path.join(broken, 'files'), { recursive: true });
    await fs.writeFile(path.join(broken, 'files', operator.me.tenant.id), 'not a folder');
    const rows = await count('stored_files');
    const attempt = attachFile({ db: database.handle.db, dataDir: broken }, actorOf(operator), { ownerKind: 'mgmp_meeting', ownerId: meeting.id, upload: { fileName: 'a.webp', data: await webpPhoto() } }, async () => ({ madrasahId }));
    await expect(attempt).rejects.toThrow();
    expect(await count('stored_files')).toBe(rows);
    await fs.rm(broken, { recursive: true, force: true });
  });
});

describe('backup', () => {
  it('a backup carries the uploaded files; after a restore the API serves the same bytes', async () => {
    const list = (await koordinator.request('GET', `/api/v1/mgmp/meetings/${meeting.id}/files`)).json<StoredFileList>();
    const original = await koordinator.request('GET', list.items[0]?.url ?? '');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-files-backup-'));
    const target = await createTestDatabase();
    try {
      const file = path.join(dir, 'b.tumbuh-backup.gz');
      const made = await createBackup({ pool: database.handle.pool, dataDir, file, appVersion: 'test', log: () => undefined });
      expect(made.files).toBe((await filesOnDisk()).length);
      const restoredDir = path.join(dir, 'restored');
      await restoreBackup({ pool: target.handle.pool, dataDir: restoredDir, file, log: () => undefined });
      expect(await filesOnDisk(restoredDir)).toEqual(await filesOnDisk());
      const restoredApp = await buildApp({ config: testConfig({ dataDir: restoredDir }), database: target.handle, logger: false });
      try {
        await restoredApp.ready();
        const again = await login(restoredApp, 'koordinator@contoh.sch.id');
        const res = await again.request('GET', list.items[0]?.url ?? '');
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(original.rawPayload)).toBe(true);
      } finally {
        await restoredApp.close();
      }
    } finally {
      await target.drop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
