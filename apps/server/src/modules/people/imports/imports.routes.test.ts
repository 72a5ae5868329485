import { randomBytes } from 'node:crypto';
import type { ErrorBody, ImportCommitResult, ImportPreview, TeacherDetail } from '@tumbuh/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from '../../../../test/helpers.ts';
import { buildDapodikGtkXlsx, fixtureTeacher } from '../../../../test/fixtures/imports/teacher-files.ts';

let ctx: TestContext;
let operator: Session;
let guru: Session;
let otherTenant: Session;
let madrasahId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  otherTenant = await login(ctx.app, 'operator@yayasan.sch.id');
  madrasahId = operator.me.madrasahs[0]?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

/** A multipart/form-data body with text fields and at most one file. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----tumbuh${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(session: Session, fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const { body, headers } = multipart(fields, file);
  return session.request('POST', '/api/v1/teacher-imports', body, headers);
}

describe('teacher import routes', () => {
  let preview: ImportPreview;

  it('POST /teacher-imports answers 201 with the preview of a Dapodik file', async () => {
    const res = await upload(operator, { madrasahId }, { name: 'dapodik-gtk.xlsx', content: await buildDapodikGtkXlsx({ rows: 8, seed: 700 }) });
    expect(res.statusCode).toBe(201);
    preview = res.json<ImportPreview>();
    expect(preview).toMatchObject({ madrasahId, fileName: 'dapodik-gtk.xlsx', layout: 'dapodik', totalRows: 8, toCreate: 8, errors: [], status: 'previewed' });
    expect(preview.sample[0]?.nuptk).toBe(fixtureTeacher(0, 700).nuptk);
  });

  it('GET /teacher-imports/:id answers the same preview', async () => {
    const res = await operator.request('GET', `/api/v1/teacher-imports/${preview.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportPreview>()).toEqual(preview);
  });

  it('a user of another tenant gets 404 for the import id, for reading and for committing', async () => {
    const read = await otherTenant.request('GET', `/api/v1/teacher-imports/${preview.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json<ErrorBody>().error.code).toBe('people.import_not_found');
    const commit = await otherTenant.request('POST', `/api/v1/teacher-imports/${preview.id}/commit`);
    expect(commit.statusCode).toBe(404);
  });

  it('a guru gets 403 for uploading, reading and committing', async () => {
    const res = await upload(guru, { madrasahId }, { name: 'a.csv', content: Buffer.from('Nama\nA\n') });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('auth.forbidden');
    expect((await guru.request('GET', `/api/v1/teacher-imports/${preview.id}`)).statusCode).toBe(403);
    expect((await guru.request('POST', `/api/v1/teacher-imports/${preview.id}/commit`)).statusCode).toBe(403);
  });

  it('POST /teacher-imports/:id/commit writes the teachers, leading zeros intact', async () => {
    const res = await operator.request('POST', `/api/v1/teacher-imports/${preview.id}/commit`);
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportCommitResult>()).toEqual({ id: preview.id, created: 8, updated: 0, status: 'committed' });
    const t = fixtureTeacher(0, 700);
    const list = (await operator.request('GET', `/api/v1/teachers?q=${encodeURIComponent(t.name)}`)).json<{ items: { id: string; name: string }[] }>();
    const found = list.items.find((i) => i.name === t.name);
    const detail = (await operator.request('GET', `/api/v1/teachers/${found?.id}`)).json<TeacherDetail>();
    expect(detail).toMatchObject({ nuptk: t.nuptk, nik: t.nik, birthDate: t.birthDate });
    expect((await operator.request('POST', `/api/v1/teacher-imports/${preview.id}/commit`)).statusCode).toBe(409);
  });

  it('a commit of a file with a bad row answers 422 people.import_rejected with the row errors', async () => {
    const content = await buildDapodikGtkXlsx({ rows: 3, seed: 800, override: (i) => (i === 1 ? { 5: '31-02-1980' } : {}) });
    const up = await upload(operator, { madrasahId }, { name: 'bad.xlsx', content });
    const bad = up.json<ImportPreview>();
    expect(bad.errors).toEqual([expect.objectContaining({ row: 8, field: 'birthDate', code: 'import.invalid_date' })]);
    const res = await operator.request('POST', `/api/v1/teacher-imports/${bad.id}/commit`, undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('people.import_rejected');
    expect(body.error.details).toEqual([expect.objectContaining({ row: 8, code: 'import.invalid_date' })]);
    expect((await operator.request('GET', `/api/v1/teacher-imports/${bad.id}`)).json<ImportPreview>().status).toBe('rejected');
  });

  it.each<[string, Record<string, string>, { name: string; content: Buffer } | undefined]>([
    ['no madrasahId', {}, { name: 'a.csv', content: Buffer.from('Nama\nA\n') }],
    ['a madrasahId that is not a uuid', { madrasahId: 'abc' }, { name: 'a.csv', content: Buffer.from('Nama\nA\n') }],
    ['no file', { madrasahId: '00000000-0000-7000-8000-000000000001' }, undefined],
  ])('an upload with %s answers 400 common.validation_failed', async (_rule, fields, file) => {
    const res = await upload(operator, fields, file);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.code).toBe('common.validation_failed');
  });

  it('an upload that is not multipart answers 400', async () => {
    const res = await operator.request('POST', '/api/v1/teacher-imports', { madrasahId });
    expect(res.statusCode).toBe(400);
  });

  it('a file over the size limit answers 413', async () => {
    const res = await upload(operator, { madrasahId }, { name: 'big.csv', content: Buffer.alloc(15 * 1024 * 1024 + 10, 0x41) });
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>().error.code).toBe('common.payload_too_large');
  });

  it('a password-protected workbook or a binary file answers 422 people.import_unreadable', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
    const res = await upload(operator, { madrasahId }, { name: 'locked.xlsx', content: ole });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.code).toBe('people.import_unreadable');
    const png = await upload(operator, { madrasahId }, { name: 'photo.csv', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) });
    expect(png.json<ErrorBody>().error.code).toBe('people.import_unreadable');
  });

  it('the import routes are in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/teacher-imports', '/api/v1/teacher-imports/{id}', '/api/v1/teacher-imports/{id}/commit']),
    );
  });
});
