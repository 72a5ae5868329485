import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type TestContext } from '../../../../test/helpers.ts';
import { buildDapodikGtkXlsx, buildEmisCsv, buildSimpatikaXlsx, fixtureTeacher } from '../../../../test/fixtures/imports/teacher-files.ts';
import { AppError } from '../../../http/app-error.ts';
import { auditLog } from '../../audit/audit.tables.ts';
import type { Actor } from '../../tenancy/tenancy.models.ts';
import { teacherSearchText } from '../people.models.ts';
import { madrasahs, teacherImports, teacherSubjects, teachers } from '../people.tables.ts';
import { runImportTeachersCommand } from './import-teachers.command.ts';
import { createTeacherImportsRepository } from './imports.repository.ts';
import { commitTeacherImport, previewTeacherImport, type TeacherImportDeps } from './imports.usecases.ts';

let ctx: TestContext;
let deps: TeacherImportDeps;
let operator: Actor;
let tenantId: string;
let madrasahId: string;
let npsn: string;
let tmp: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const session = await login(ctx.app, 'operator@contoh.sch.id');
  tenantId = session.me.tenant.id;
  madrasahId = session.me.madrasahs[0]?.id ?? '';
  npsn = session.me.madrasahs[0]?.npsn ?? '';
  operator = {
    userId: session.me.user.id,
    tenantId,
    sessionId: 'test',
    email: 'operator@contoh.sch.id',
    name: 'Operator',
    locale: 'id',
    teacherId: null,
    roles: [{ role: 'operator', madrasahId: null }],
  };
  deps = { db: ctx.db.db, importsRepository: createTeacherImportsRepository() };
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tumbuh-import-'));
});
afterAll(async () => {
  await ctx.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function teacherCount(): Promise<number> {
  const rows = await ctx.db.db.select({ n: count() }).from(teachers).where(eq(teachers.tenantId, tenantId));
  return rows[0]?.n ?? 0;
}

async function teacherBy(column: 'nuptk' | 'nip' | 'pegId' | 'nik', value: string) {
  const rows = await ctx.db.db.select().from(teachers).where(and(eq(teachers.tenantId, tenantId), eq(teachers[column], value)));
  return rows;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('teacher import use cases', () => {
  it('a preview writes no teacher and says what committing would do', async () => {
    const before = await teacherCount();
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'dapodik-gtk.xlsx', buffer: await buildDapodikGtkXlsx({ rows: 10, seed: 500 }) }, deps);
    expect(await teacherCount()).toBe(before);
    expect(preview).toMatchObject({ layout: 'dapodik', totalRows: 10, validRows: 10, toCreate: 10, toUpdate: 0, errors: [], status: 'previewed' });
    expect(preview.sample).toHaveLength(10);
    const stored = await ctx.db.db.select({ status: teacherImports.status }).from(teacherImports).where(eq(teacherImports.id, preview.id));
    expect(stored[0]?.status).toBe('previewed');
  });

  it('a commit writes every row, identifiers keep their leading zeros and search_text uses the shared formula', async () => {
    const before = await teacherCount();
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'gtk.xlsx', buffer: await buildDapodikGtkXlsx({ rows: 10 }) }, deps);
    expect(preview.errors).toEqual([]);
    const result = await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    expect(result).toEqual({ id: preview.id, created: 10, updated: 0, status: 'committed' });
    expect(await teacherCount()).toBe(before + 10);
    const t0 = fixtureTeacher(0);
    const [row] = await teacherBy('nuptk', t0.nuptk);
    expect(row).toMatchObject({ name: t0.name, nuptk: '0000000000000001', nik: t0.nik, birthDate: t0.birthDate, gender: 'L', employmentStatus: 'PNS', madrasahId });
    expect(row?.searchText).toBe(teacherSearchText({ name: t0.name, nuptk: t0.nuptk, nip: t0.nip, pegId: null }));
    const check = await ctx.db.db.execute<{ ok: boolean }>(
      sql`select bool_and(search_text = lower(name || ' ' || coalesce(nuptk,'') || ' ' || coalesce(nip,'') || ' ' || coalesce(peg_id,''))) as ok from teachers where tenant_id = ${tenantId}`,
    );
    expect(check.rows[0]?.ok).toBe(true);
    const audit = await ctx.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'teacher_import'), eq(auditLog.entityId, preview.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ created: 10, updated: 0 });
  });

  it('re-importing the same file updates instead of duplicating, without rewriting unchanged rows', async () => {
    const before = await teacherCount();
    const [untouched] = await teacherBy('nuptk', fixtureTeacher(1).nuptk);
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'gtk.xlsx', buffer: await buildDapodikGtkXlsx({ rows: 10 }) }, deps);
    expect(preview).toMatchObject({ toCreate: 0, toUpdate: 10, errors: [] });
    const result = await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    expect(result).toMatchObject({ created: 0, updated: 10 });
    expect(await teacherCount()).toBe(before);
    expect(await teacherBy('nuptk', fixtureTeacher(0).nuptk)).toHaveLength(1);
    const [after] = await teacherBy('nuptk', fixtureTeacher(1).nuptk);
    expect(after?.updatedAt).toEqual(untouched?.updatedAt);
  });

  it('a row without NUPTK is matched by NIP, and one with only a PegID by PegID', async () => {
    const pns = fixtureTeacher(0);
    const [demo] = await ctx.db.db.select().from(teachers).where(and(eq(teachers.tenantId, tenantId), sql`${teachers.pegId} is not null`)).limit(1);
    const csv = `Nama,NIP,PegID\n${pns.name} (baru),${pns.nip},\nGuru Demo Baru,,${demo?.pegId}\n`;
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'list.csv', buffer: Buffer.from(csv) }, deps);
    const [byNip] = await teacherBy('nip', pns.nip ?? '');
    expect(preview.errors).toEqual([]);
    expect(preview.sample.map((r) => [r.action, r.matchedTeacherId])).toEqual([
      ['update', byNip?.id],
      ['update', demo?.id],
    ]);
    await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    const [renamed] = await teacherBy('nip', pns.nip ?? '');
    expect(renamed).toMatchObject({ name: `${pns.name} (baru)`, nuptk: pns.nuptk, nik: pns.nik });
  });

  it('a commit of a file with one bad row writes nothing and answers 422 with the row errors', async () => {
    const before = await teacherCount();
    const buffer = await buildDapodikGtkXlsx({ rows: 5, seed: 900, override: (i) => (i === 2 ? { 34: '12345' } : {}) });
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'bad.xlsx', buffer }, deps);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 9, field: 'nik', code: 'import.invalid_nik', message: 'NIK harus 16 angka.' })]);
    expect(preview.validRows).toBe(4);
    const error = await rejection(commitTeacherImport({ actor: operator, importId: preview.id }, deps));
    expect(error.code).toBe('people.import_rejected');
    expect(error.status).toBe(422);
    expect(error.details).toEqual([expect.objectContaining({ row: 9, code: 'import.invalid_nik' })]);
    expect(await teacherCount()).toBe(before);
    const stored = await ctx.db.db.select({ status: teacherImports.status }).from(teacherImports).where(eq(teacherImports.id, preview.id));
    expect(stored[0]?.status).toBe('rejected');
  });

  it('a failure in the middle of a commit rolls every write back', async () => {
    const before = await teacherCount();
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'gtk.xlsx', buffer: await buildDapodikGtkXlsx({ rows: 5, seed: 1200 }) }, deps);
    const failing: TeacherImportDeps = {
      ...deps,
      importsRepository: { ...deps.importsRepository, markCommitted: async () => Promise.reject(new Error('disk full')) },
    };
    await expect(commitTeacherImport({ actor: operator, importId: preview.id }, failing)).rejects.toThrow('disk full');
    expect(await teacherCount()).toBe(before);
    const audit = await ctx.db.db.select().from(auditLog).where(eq(auditLog.entityId, preview.id));
    expect(audit).toHaveLength(0);
  });

  it('an import cannot be committed twice', async () => {
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'gtk.xlsx', buffer: await buildDapodikGtkXlsx({ rows: 2, seed: 1500 }) }, deps);
    await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    const error = await rejection(commitTeacherImport({ actor: operator, importId: preview.id }, deps));
    expect([error.code, error.status]).toEqual(['people.import_already_committed', 409]);
  });

  it('EMIS subjects are matched to the madrasah and set; unknown subjects are row errors at preview', async () => {
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'emis-ptk.csv', buffer: buildEmisCsv({ rows: 4, seed: 2000 }) }, deps);
    expect(preview.layout).toBe('emis');
    expect(preview.errors).toEqual([]);
    await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    const [first] = await teacherBy('nik', fixtureTeacher(0, 2000).nik);
    const links = await ctx.db.db.select().from(teacherSubjects).where(and(eq(teacherSubjects.tenantId, tenantId), eq(teacherSubjects.teacherId, first?.id ?? '')));
    expect(links).toHaveLength(2);

    const bad = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'x.csv', buffer: Buffer.from('Nama;Mapel\nGuru Astronomi;Astronomi\n') }, deps);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 2, field: 'subjects', code: 'import.unknown_subject', value: 'Astronomi' })]);
  });

  it('SIMPATIKA numeric PegIDs and NIKs keep their zeros through preview and commit', async () => {
    const preview = await previewTeacherImport({ actor: operator, madrasahId, fileName: 'simpatika.xlsx', buffer: await buildSimpatikaXlsx({ rows: 3, seed: 3000 }) }, deps);
    expect(preview.layout).toBe('simpatika');
    expect(preview.errors).toEqual([]);
    await commitTeacherImport({ actor: operator, importId: preview.id }, deps);
    const t = fixtureTeacher(0, 3000);
    const [row] = await teacherBy('pegId', t.pegId);
    expect(row).toMatchObject({ pegId: t.pegId, nik: t.nik, phone: t.phone });
  });

  it('an operator of another madrasah is refused; a madrasah of another tenant is not found', async () => {
    const other: Actor = { ...operator, roles: [{ role: 'operator', madrasahId: '00000000-0000-7000-8000-000000000001' }] };
    const buffer = Buffer.from('Nama\nA\n');
    expect((await rejection(previewTeacherImport({ actor: other, madrasahId, fileName: 'a.csv', buffer }, deps))).code).toBe('auth.forbidden');
    const [foreign] = await ctx.db.db.select({ id: madrasahs.id }).from(madrasahs).where(sql`${madrasahs.tenantId} <> ${tenantId}`).limit(1);
    const error = await rejection(previewTeacherImport({ actor: operator, madrasahId: foreign?.id ?? '', fileName: 'a.csv', buffer }, deps));
    expect([error.code, error.status]).toEqual(['people.madrasah_not_found', 404]);
  });

  it('an encrypted or unknown file is people.import_unreadable', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await rejection(previewTeacherImport({ actor: operator, madrasahId, fileName: 'x.xlsx', buffer: ole }, deps))).code).toBe('people.import_unreadable');
    const zip = Buffer.from('PK\u0003\u0004 not really a workbook');
    expect((await rejection(previewTeacherImport({ actor: operator, madrasahId, fileName: 'x.xlsx', buffer: zip }, deps))).code).toBe('people.import_unreadable');
  });
});

describe('import-teachers command', () => {
  async function run(file: string, forNpsn = npsn) {
    const lines: string[] = [];
    const code = await runImportTeachersCommand({ db: ctx.db.db, file, npsn: forNpsn, log: (l) => lines.push(l), progress: false });
    return { code, out: lines.join('\n') };
  }

  it('returns 0 and prints created / updated for a clean file', async () => {
    const file = path.join(tmp, 'dapodik-gtk.xlsx');
    await fs.writeFile(file, await buildDapodikGtkXlsx({ rows: 6, seed: 4000 }));
    const first = await run(file);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Dibuat / created: 6');
    const again = await run(file);
    expect(again.out).toContain('Diperbarui / updated: 6');
    const audit = await ctx.db.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'teacher_import'), eq(auditLog.actorLabel, 'cli')));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('returns non-zero on a rejected file, lists at most 50 reasons, and writes nothing', async () => {
    const before = await teacherCount();
    const file = path.join(tmp, 'bad.xlsx');
    await fs.writeFile(file, await buildDapodikGtkXlsx({ rows: 60, seed: 5000, override: () => ({ 34: '123' }) }));
    const { code, out } = await run(file);
    expect(code).toBe(1);
    expect(out).toContain('Ditolak / rejected: 60');
    expect(out.match(/import\.invalid_nik/g)).toHaveLength(50);
    expect(out).toContain('… and 10 more');
    expect(await teacherCount()).toBe(before);
  });

  it('returns 2 for a missing file, an unreadable file or an unknown NPSN', async () => {
    expect((await run(path.join(tmp, 'nope.xlsx'))).code).toBe(2);
    const junk = path.join(tmp, 'junk.xlsx');
    await fs.writeFile(junk, Buffer.from([0, 1, 2, 3, 4]));
    expect((await run(junk)).code).toBe(2);
    const file = path.join(tmp, 'ok.csv');
    await fs.writeFile(file, 'Nama\nA\n');
    expect((await run(file, '00000000')).code).toBe(2);
  });
});
