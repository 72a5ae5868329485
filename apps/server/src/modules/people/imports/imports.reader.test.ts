import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDapodikGtkXlsx, fixtureTeacher } from '../../../../test/fixtures/imports/teacher-files.ts';
import { AppError } from '../../../http/app-error.ts';
import { parseTeacherSheet } from './imports.models.ts';
import { decodeText, readSpreadsheet, sniffDelimiter, sniffFileKind } from './imports.reader.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/imports');

async function unreadableReason(buffer: Buffer): Promise<unknown> {
  const error = await readSpreadsheet(buffer).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('people.import_unreadable');
  return ((error as AppError).details as { reason: string }).reason;
}

describe('file sniffing', () => {
  it.each<[string, Buffer, string]>([
    ['a zip is an xlsx', Buffer.from('PK\u0003\u0004rest'), 'xlsx'],
    ['an OLE file is an old xls or an encrypted xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1]), 'ole'],
    ['plain text is csv', Buffer.from('Nama;NIK\r\nA;1\r\n'), 'csv'],
    ['text with NUL bytes is unknown', Buffer.from([0x4e, 0, 0x41]), 'unknown'],
    ['an empty file is unknown', Buffer.alloc(0), 'unknown'],
  ])('%s', (_rule, buffer, kind) => {
    expect(sniffFileKind(buffer)).toBe(kind);
  });

  it.each<[string, Buffer, string]>([
    ['an encrypted workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'encrypted_or_xls'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), 'unknown_format'],
    ['a broken zip', Buffer.from('PK\u0003\u0004 broken'), 'corrupt_xlsx'],
  ])('%s is people.import_unreadable', async (_rule, buffer, reason) => {
    expect(await unreadableReason(buffer)).toBe(reason);
  });
});

describe('csv', () => {
  it.each<[string, string, string]>([
    ['semicolons from an Indonesian Excel', 'Nama;NIK;Mapel\nA;1;"Matematika, IPA"\n', ';'],
    ['commas', 'Nama,NIK\nA,1\nB,2\n', ','],
    ['tabs', 'Nama\tNIK\nA\t1\n', '\t'],
  ])('the delimiter is sniffed: %s', (_rule, text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('a UTF-8 BOM is dropped and Windows-1252 text is decoded', () => {
    expect(decodeText(Buffer.from('\ufeffNama', 'utf8'))).toBe('Nama');
    expect(decodeText(Buffer.from([0x4a, 0x6f, 0x73, 0xe9]))).toBe('José');
  });

  it('csv fields stay text: leading zeros, quoted delimiters and line breaks survive', async () => {
    const csv = '\ufeffNama;NIK;Mapel;HP\r\n"Siti; Aminah";0123456789012345;"Matematika\nIPA";0812\r\n';
    const [sheet] = await readSpreadsheet(Buffer.from(csv, 'utf8'));
    expect(sheet?.matrix).toEqual([
      ['Nama', 'NIK', 'Mapel', 'HP'],
      ['Siti; Aminah', '0123456789012345', 'Matematika\nIPA', '0812'],
    ]);
  });
});

describe('xlsx', () => {
  it('numbers with a text or zero-padded format come with their format; dates as Date; formulas as their result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['Nama', 'NIK', 'PegID', 'Lahir', 'Rumus']);
    const row = ws.addRow(['A', 123456789012345, 42, new Date(Date.UTC(1980, 0, 12)), { formula: '1+1', result: 2 }]);
    row.getCell(2).numFmt = '@';
    row.getCell(3).numFmt = '00000000000000';
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    const [sheet] = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet?.matrix[1]).toEqual([
      'A',
      { kind: 'formatted-number', value: 123456789012345, format: '@' },
      { kind: 'formatted-number', value: 42, format: '00000000000000' },
      new Date(Date.UTC(1980, 0, 12)),
      2,
    ]);
  });

  it('rows left empty in the sheet keep their place, so row numbers match what Excel shows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A3').value = 'Nama';
    ws.getCell('A5').value = 'Ahmad';
    const [sheet] = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet?.matrix.map((r) => r[0] ?? null)).toEqual([null, null, 'Nama', null, 'Ahmad']);
  });

  it('the committed dapodik-gtk.xlsx reads as 10 valid Dapodik rows with leading zeros', async () => {
    const [sheet] = await readSpreadsheet(await fs.readFile(path.join(fixtures, 'dapodik-gtk.xlsx')));
    const parsed = parseTeacherSheet(sheet?.matrix ?? []);
    expect(parsed.layout).toBe('dapodik');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(10);
    expect(parsed.rows[0]).toMatchObject({ nuptk: '0000000000000001', nik: fixtureTeacher(0).nik, row: 7 });
  });

  it('the committed emis-ptk.csv reads as 5 EMIS rows', async () => {
    const [sheet] = await readSpreadsheet(await fs.readFile(path.join(fixtures, 'emis-ptk.csv')));
    const parsed = parseTeacherSheet(sheet?.matrix ?? []);
    expect(parsed.layout).toBe('emis');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(5);
  });

  it('a generated Dapodik export keeps its 35 columns through the streaming reader', async () => {
    const [sheet] = await readSpreadsheet(await buildDapodikGtkXlsx({ rows: 3 }));
    expect(Math.max(...(sheet?.matrix.map((r) => r.length) ?? [0]))).toBe(35);
  });
});
