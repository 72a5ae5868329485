import { describe, expect, it } from 'vitest';
import {
  buildSubjectIndex,
  DAPODIK_GTK_COLUMNS,
  detectHeader,
  excelSerialToIso,
  importIssueMessage,
  isSubHeaderRow,
  normaliseHeader,
  normaliseIdentifierCell,
  parseDateCell,
  parseEmploymentStatus,
  parseGender,
  parseTeacherSheet,
  planImportRows,
  resolveSubjects,
  type ExistingTeacher,
  type FormattedNumber,
  type ParsedTeacherRow,
  type SheetCell,
  type SheetMatrix,
} from './imports.models.ts';

const text = (value: number): FormattedNumber => ({ kind: 'formatted-number', value, format: '@' });
const padded = (value: number, width: number): FormattedNumber => ({ kind: 'formatted-number', value, format: '0'.repeat(width) });

/** The 35-column Dapodik header as two merged rows (parents over sub-columns), as exceljs reports merges. */
function dapodikHeaderRows(mergedAsRepeats: boolean): [SheetCell[], SheetCell[]] {
  const groups: (string | [string, string[]])[] = [
    'No', 'Nama', 'NUPTK', 'JK', 'Tempat Lahir', 'Tanggal Lahir', 'NIP', 'Status Kepegawaian', 'Jenis PTK', 'Agama',
    ['Alamat', ['Jalan', 'RT', 'RW', 'Nama Dusun', 'Desa/Kelurahan', 'Kecamatan', 'Kode Pos']],
    ['Kontak', ['Telepon', 'HP', 'Email']],
    'Tugas Tambahan',
    ['CPNS', ['SK', 'Tanggal']],
    ['Pengangkatan', ['SK', 'TMT', 'Lembaga']],
    'Pangkat/Golongan', 'Sumber Gaji', 'Nama Ibu Kandung', 'Status Perkawinan',
    ['Suami/Istri', ['Nama', 'NIP', 'Pekerjaan']],
    'Kewarganegaraan', 'NIK',
  ];
  const top: SheetCell[] = [];
  const sub: SheetCell[] = [];
  for (const g of groups) {
    if (typeof g === 'string') {
      top.push(g);
      sub.push(mergedAsRepeats ? g : null);
    } else {
      g[1].forEach((child, i) => {
        top.push(i === 0 || mergedAsRepeats ? g[0] : null);
        sub.push(child);
      });
    }
  }
  return [top, sub];
}

function dapodikDataRow(overrides: Record<number, SheetCell> = {}): SheetCell[] {
  const row: SheetCell[] = new Array(35).fill(null);
  Object.assign(row, {
    0: 1, 1: 'Siti Aminah', 2: '0123456789012345', 3: 'P', 4: 'Pamekasan', 5: new Date('1980-01-12T00:00:00Z'),
    6: '198001122005012001', 7: 'PNS', 8: 'Guru Mapel', 9: 'Islam', 10: 'Jl. Raya Polagan 1', 18: '081234567890',
    19: 'siti@contoh.sch.id', 30: 'Budi', 31: '197801012003121001', 34: '3528011201800001',
  });
  for (const [k, v] of Object.entries(overrides)) row[Number(k)] = v;
  return row;
}

describe('header text', () => {
  it.each([
    ['No. HP', 'no hp'],
    ['Peg-ID', 'peg id'],
    ['L/P', 'l p'],
    ['  TANGGAL   LAHIR ', 'tanggal lahir'],
    ['E-mail', 'e mail'],
    ['Tgl. Lahir', 'tgl lahir'],
  ])('%s normalises to "%s"', (raw, expected) => {
    expect(normaliseHeader(raw)).toBe(expected);
  });
});

describe('header detection', () => {
  it('a merged two-row Dapodik header maps 35 columns (merges as empty cells)', () => {
    const [top, sub] = dapodikHeaderRows(false);
    const matrix: SheetMatrix = [['DAFTAR GURU'], ['MTs Contoh'], [], top, sub, dapodikDataRow()];
    const header = detectHeader(matrix);
    expect(header?.top).toBe(3);
    expect(header?.rowCount).toBe(2);
    expect(header?.columns).toHaveLength(35);
    expect(header?.layout).toBe('dapodik');
    const fields = Object.fromEntries((header?.columns ?? []).filter((c) => c.field).map((c) => [c.header, c.field]));
    expect(fields).toMatchObject({
      Nama: 'name', NUPTK: 'nuptk', JK: 'gender', 'Tempat Lahir': 'birthPlace', 'Tanggal Lahir': 'birthDate', NIP: 'nip',
      'Status Kepegawaian': 'employmentStatus', 'Jenis PTK': 'ptkType', 'Alamat Jalan': 'address', 'Kontak HP': 'phone',
      'Kontak Email': 'email', 'Tugas Tambahan': 'extraDuties', NIK: 'nik',
    });
  });

  it('a merged two-row Dapodik header maps 35 columns (merges reported as repeated values)', () => {
    const [top, sub] = dapodikHeaderRows(true);
    const header = detectHeader([top, sub, dapodikDataRow()]);
    expect(header?.rowCount).toBe(2);
    expect(header?.columns).toHaveLength(35);
    expect(header?.layout).toBe('dapodik');
    expect(header?.columns.find((c) => c.field === 'address')?.header).toBe('Alamat Jalan');
  });

  it("the spouse's Nama and NIP under a Suami/Istri parent never map to the teacher's name or NIP", () => {
    const [top, sub] = dapodikHeaderRows(false);
    const header = detectHeader([top, sub]);
    const spouse = header?.columns.filter((c) => c.header.startsWith('Suami/Istri')) ?? [];
    expect(spouse.map((c) => c.field)).toEqual([null, null, null]);
    expect(header?.columns.filter((c) => c.field === 'name').map((c) => c.index)).toEqual([1]);
    expect(header?.columns.filter((c) => c.field === 'nip').map((c) => c.index)).toEqual([6]);
  });

  it('single-row Dapodik headers keep "Nama Ibu Kandung" and "Status Perkawinan" away from name and status', () => {
    const header = detectHeader([[...DAPODIK_GTK_COLUMNS]]);
    expect(header?.columns.find((c) => c.header === 'Nama Ibu Kandung')?.field).toBeNull();
    expect(header?.columns.find((c) => c.header === 'Status Perkawinan')?.field).toBeNull();
    expect(header?.columns.find((c) => c.header === 'Nama Suami/Istri')?.field).toBeNull();
    expect(header?.layout).toBe('dapodik');
  });

  it('a first data row under a single header is not mistaken for a sub-header', () => {
    const top: SheetCell[] = ['No', 'Nama', 'NIP'];
    expect(isSubHeaderRow(top, [1, 'Ahmad', '198001122005011001'], 3)).toBe(false);
    expect(isSubHeaderRow(top, [null, 'Ahmad', null], 3)).toBe(false);
  });

  it.each<[string, SheetCell[], string]>([
    ['SIMPATIKA by its PegID column', ['No', 'PegID', 'NUPTK', 'Nama PTK'], 'simpatika'],
    ['SIMPATIKA by a combined NUPTK/PegID column', ['Nama', 'NUPTK/PegID'], 'simpatika'],
    ['EMIS by its NIGNP column', ['NAMA LENGKAP', 'NIP/NIGNP', 'NUPTK'], 'emis'],
    ['generic for any table with a name', ['Nama Guru', 'Mapel'], 'generic'],
  ])('the layout is %s', (_rule, headerRow, layout) => {
    expect(detectHeader([headerRow])?.layout).toBe(layout);
  });

  it('a title above the header naming EMIS decides the layout', () => {
    expect(detectHeader([['Data PTK EMIS 2025'], ['Nama', 'NIK']])?.layout).toBe('emis');
  });

  it('the header is found below title rows within the first rows, and not without a name column', () => {
    expect(detectHeader([['Laporan'], [], ['x'], ['Nama', 'NIK'], ['A', '3528011201800001']])?.top).toBe(3);
    expect(detectHeader([['NIK', 'NIP'], ['3528011201800001', '198001122005011001']])).toBeUndefined();
  });

  it.each<[string, string]>([
    ['HP|no hp|telepon', 'phone'],
    ['Mata Pelajaran', 'subjects'],
    ['Bidang Studi', 'subjects'],
    ['No KTP', 'nik'],
    ['NIY/NIGK', 'nip'],
    ['Peg ID', 'pegId'],
    ['Jenis Kelamin', 'gender'],
    ['Tgl Lahir', 'birthDate'],
    ['Status', 'employmentStatus'],
    ['Alamat', 'address'],
  ])('the header "%s" maps to %s', (headerText, field) => {
    const first = headerText.split('|')[0] ?? headerText;
    expect(detectHeader([['Nama', first]])?.columns[1]?.field).toBe(field);
  });
});

describe('identifiers', () => {
  it.each<[string, SheetCell, 'nik' | 'nip' | 'nuptk' | 'pegId' | 'npsn', string | null]>([
    ['a NIK typed as a number with 16 digits keeps its leading zero when the cell is text', text(123456789012345), 'nik', '0123456789012345'],
    ['a NUPTK in a zero-padded number format keeps the padding', padded(1234, 16), 'nuptk', '0000000000001234'],
    ['a PegID in a zero-padded number format keeps the padding', padded(42, 14), 'pegId', '00000000000042'],
    ['an NPSN typed as a number lost its leading zero and gets it back', 1234567, 'npsn', '01234567'],
    ['a NIP typed as text keeps every digit', '198001122005011001', 'nip', '198001122005011001'],
    ['spaces, dots and dashes people type inside a NIP are dropped', '19800112 200501 1 001', 'nip', '198001122005011001'],
    ['a leading apostrophe (Excel text marker) is dropped', "'0123456789012345", 'nik', '0123456789012345'],
    ['an EMIS NUPTK made of "ID" and the PegID is accepted', 'ID20510397194001', 'nuptk', 'ID20510397194001'],
    ['an empty cell is no identifier', '  ', 'nik', null],
  ])('%s', (_rule, cell, kind, expected) => {
    expect(normaliseIdentifierCell(cell, kind)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, SheetCell, 'nik' | 'nip' | 'nuptk', string]>([
    ['an 18-digit NIP stored as a number above 2^53 lost precision', 198001122005011000, 'nip', 'import.number_precision_lost'],
    ['a NIK shown in exponent notation lost precision', '3.52801E+15', 'nik', 'import.number_precision_lost'],
    ['a 15-digit NIK text is invalid', '352801120180000', 'nik', 'import.invalid_nik'],
    ['a NIK with letters is invalid', '35280112018000AB', 'nik', 'import.invalid_nik'],
    ['a NIP of 19 digits is invalid', '1980011220050110011', 'nip', 'import.invalid_nip'],
    ['a NIK number far too short is not padded into validity', 3528011, 'nik', 'import.invalid_nik'],
  ])('%s', (_rule, cell, kind, code) => {
    expect(normaliseIdentifierCell(cell, kind)).toEqual({ ok: false, code });
  });
});

describe('dates', () => {
  it.each<[string, SheetCell, string]>([
    ['an exceljs Date (UTC midnight)', new Date('1980-01-12T00:00:00Z'), '1980-01-12'],
    ['an Excel serial number', 29232, '1980-01-12'],
    ['an Excel serial in a date-formatted number cell', { kind: 'formatted-number', value: 29232, format: 'dd/mm/yyyy' }, '1980-01-12'],
    ['DD-MM-YYYY', '12-01-1980', '1980-01-12'],
    ['DD/MM/YYYY', '12/01/1980', '1980-01-12'],
    ['DD.MM.YYYY', '12.01.1980', '1980-01-12'],
    ['YYYY-MM-DD', '1980-01-12', '1980-01-12'],
    ['an Indonesian month name', '12 Januari 1980', '1980-01-12'],
    ['an abbreviated Indonesian month', '5 Agt 1979', '1979-08-05'],
    ['Nopember spelling', '1 Nopember 1975', '1975-11-01'],
    ['month-first only when the day cannot be a month', '01/25/1980', '1980-01-25'],
    ['a YYYYMMDD number', 19800112, '1980-01-12'],
  ])('%s is read as a date', (_rule, cell, iso) => {
    expect(parseDateCell(cell)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, SheetCell]>([
    ['31 February does not exist', '31-02-1980'],
    ['a two-digit year is ambiguous', '12-01-80'],
    ['free text', 'kemarin'],
    ['an unknown month name', '12 Foo 1980'],
  ])('%s: import.invalid_date', (_rule, cell) => {
    expect(parseDateCell(cell)).toEqual({ ok: false, code: 'import.invalid_date' });
  });

  it('Excel serial 60 is the phantom 29 February 1900 and 61 is 1 March 1900', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
  });
});

describe('gender and status', () => {
  it.each([
    ['L', 'L'], ['P', 'P'], ['Laki-laki', 'L'], ['laki laki', 'L'], ['Perempuan', 'P'], ['Pria', 'L'], ['Wanita', 'P'], ['', null],
  ])('gender "%s" is %s', (raw, expected) => {
    expect(parseGender(raw)).toBe(expected);
  });

  it('an unknown gender is undefined (a row error)', () => {
    expect(parseGender('X')).toBeUndefined();
  });

  it.each([
    ['PNS', 'PNS'], ['CPNS', 'PNS'], ['PNS Diperbantukan', 'PNS'], ['PPPK', 'PPPK'], ['P3K', 'PPPK'],
    ['Guru Tetap Yayasan', 'GTY'], ['GTY/PTY', 'GTY'], ['GTT/PTT Kab/Kota', 'GTT'], ['Guru Tidak Tetap', 'GTT'],
    ['Guru Honor Sekolah', 'HONOR'], ['Honor Daerah TK.II Kab/Kota', 'HONOR'], ['Tenaga Honor Sekolah', 'HONOR'],
    ['Guru Bantu Pusat', 'GB'], ['Kontrak Kerja WNA', 'LAINNYA'], ['', null],
  ])('status kepegawaian "%s" is %s', (raw, expected) => {
    expect(parseEmploymentStatus(raw)).toBe(expected);
  });
});

describe('rows', () => {
  const [top, sub] = dapodikHeaderRows(false);

  it('fully empty rows, the column-numbering row and footer rows are skipped', () => {
    const numbering = Array.from({ length: 35 }, (_, i) => `(${i + 1})`);
    const parsed = parseTeacherSheet([
      top, sub, numbering, dapodikDataRow(), [], dapodikDataRow({ 0: 2, 1: 'Ahmad', 2: '4001000000000001', 6: null, 34: '3528011201800002' }),
      [], [null, 'Dicetak pada 05-01-2026'], [null, 'Kepala Madrasah'], [], [null, 'H. Abdurrahman, M.Pd.I'], [null, 'NIP. 197001011995031001'],
    ]);
    expect(parsed.rows.map((r) => r.name)).toEqual(['Siti Aminah', 'Ahmad']);
    expect(parsed.errors).toEqual([]);
  });

  it('a Dapodik row is normalised: identifiers as text, date ISO, gender and status mapped, HP preferred over Telepon', () => {
    const parsed = parseTeacherSheet([top, sub, dapodikDataRow({ 17: '0324-111' })]);
    expect(parsed.rows[0]).toEqual({
      row: 3, name: 'Siti Aminah', gender: 'P', nuptk: '0123456789012345', nip: '198001122005012001', pegId: null,
      nik: '3528011201800001', birthPlace: 'Pamekasan', birthDate: '1980-01-12', employmentStatus: 'PNS', ptkType: 'Guru Mapel',
      extraDuties: null, phone: '081234567890', email: 'siti@contoh.sch.id', address: 'Jl. Raya Polagan 1', subjectNames: [],
    });
  });

  it('a Telepon value is used when HP is empty', () => {
    const parsed = parseTeacherSheet([top, sub, dapodikDataRow({ 17: '0324-111', 18: null })]);
    expect(parsed.rows[0]?.phone).toBe('0324-111');
  });

  it('a mobile number typed as a number gets its leading 0 back', () => {
    const parsed = parseTeacherSheet([['Nama', 'No HP'], ['Ahmad', 81234567890]]);
    expect(parsed.rows[0]?.phone).toBe('081234567890');
  });

  it.each<[string, Record<number, SheetCell>, string, string]>([
    ['a row without a name', { 1: null }, 'name', 'import.name_missing'],
    ['a 15-digit NIK', { 34: '352801120180000' }, 'nik', 'import.invalid_nik'],
    ['a NIP of 17 digits', { 6: '19800112200501200' }, 'nip', 'import.invalid_nip'],
    ['a NUPTK with letters', { 2: 'ABC' }, 'nuptk', 'import.invalid_nuptk'],
    ['an impossible date', { 5: '30-02-1980' }, 'birthDate', 'import.invalid_date'],
    ['an unknown gender', { 3: 'X' }, 'gender', 'import.invalid_gender'],
    ['a bad email', { 19: 'siti at contoh' }, 'email', 'import.invalid_email'],
    ['a NIK stored as a number above 2^53', { 34: Number('9352801120180001') }, 'nik', 'import.number_precision_lost'],
    ['a name longer than 200 characters', { 1: 'A'.repeat(201) }, 'name', 'import.value_too_long'],
  ])('%s is a row error with a stable code', (_rule, overrides, field, code) => {
    const parsed = parseTeacherSheet([top, sub, dapodikDataRow(overrides)]);
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 3, field, code })]);
  });

  it('the same NUPTK twice in a file is a duplicate_in_file error on the later row, naming the first', () => {
    const parsed = parseTeacherSheet([top, sub, dapodikDataRow(), dapodikDataRow({ 0: 2, 1: 'Copy', 6: null, 34: null })]);
    expect(parsed.errors).toEqual([{ row: 4, field: 'nuptk', code: 'import.duplicate_in_file', value: '0123456789012345', params: { firstRow: 3 } }]);
    expect(importIssueMessage(parsed.errors[0] ?? { code: 'import.no_rows', field: null }, 'id')).toBe('NUPTK ini sudah muncul di baris 3 berkas yang sama.');
    expect(importIssueMessage(parsed.errors[0] ?? { code: 'import.no_rows', field: null }, 'en')).toBe('This NUPTK already appears in row 3 of the same file.');
  });

  it('an NPSN column naming another madrasah is a row error', () => {
    const parsed = parseTeacherSheet([['Nama', 'NPSN'], ['Ahmad', '20512345']], { madrasah: { npsn: '99999001', nsm: null } });
    expect(parsed.errors).toEqual([{ row: 2, field: 'npsn', code: 'import.other_madrasah', value: '20512345' }]);
  });

  it('"Tempat, Tanggal Lahir" in one column is split into place and date', () => {
    const parsed = parseTeacherSheet([['Nama', 'Tempat, Tanggal Lahir'], ['Ahmad', 'Pamekasan, 12 Januari 1980']]);
    expect(parsed.rows[0]).toMatchObject({ birthPlace: 'Pamekasan', birthDate: '1980-01-12' });
  });

  it('a combined NUPTK/PegID column sends 16 digits or ID… to NUPTK and other digits to PegID', () => {
    const parsed = parseTeacherSheet([['Nama', 'NUPTK/PegID'], ['A', '0123456789012345'], ['B', '20510397194001'], ['C', 'ID20510397194001']]);
    expect(parsed.rows.map((r) => [r.nuptk, r.pegId])).toEqual([
      ['0123456789012345', null],
      [null, '20510397194001'],
      ['ID20510397194001', null],
    ]);
  });

  it('a file without a header, or with a header and no rows, is a file-level error', () => {
    expect(parseTeacherSheet([['x', 'y']]).errors[0]?.code).toBe('import.header_not_found');
    expect(parseTeacherSheet([['Nama', 'NIK']]).errors[0]?.code).toBe('import.no_rows');
  });

  it('more rows than the limit is one file-level error', () => {
    const parsed = parseTeacherSheet([['Nama'], ['A'], ['B'], ['C']], { maxRows: 2 });
    expect(parsed.errors[0]).toMatchObject({ code: 'import.too_many_rows', params: { count: 3, max: 2 } });
  });
});

describe('matching and subjects', () => {
  const subjects = [
    { id: 's-mat', code: 'MAT', name: 'Matematika' },
    { id: 's-pjok', code: 'PJOK', name: 'Pendidikan Jasmani, Olahraga, dan Kesehatan' },
    { id: 's-bin', code: 'BIN', name: 'Bahasa Indonesia' },
    { id: 's-qh', code: 'QH', name: "Al-Qur'an Hadis" },
  ];

  it.each<[string, string[], string[], string[]]>([
    ['by name, any case', ['matematika'], ['s-mat'], []],
    ['by code', ['PJOK'], ['s-pjok'], []],
    ['a name with commas stays one subject', ['Pendidikan Jasmani, Olahraga, dan Kesehatan'], ['s-pjok'], []],
    ['comma-separated subjects split', ['Matematika, Bahasa Indonesia'], ['s-mat', 's-bin'], []],
    ['"B. Indonesia" is Bahasa Indonesia', ['B. Indonesia'], ['s-bin'], []],
    ['"Quran Hadits" spelling', ["Al Qur'an Hadits"], ['s-qh'], []],
    ['an unknown name is reported', ['Matematika, Astronomi'], ['s-mat'], ['Astronomi']],
  ])('subjects resolve %s', (_rule, names, ids, unknown) => {
    expect(resolveSubjects(names, buildSubjectIndex(subjects))).toEqual({ ids, unknown });
  });

  const base: ParsedTeacherRow = {
    row: 2, name: 'A', gender: null, nuptk: null, nip: null, pegId: null, nik: null, birthPlace: null, birthDate: null,
    employmentStatus: null, ptkType: null, extraDuties: null, phone: null, email: null, address: null, subjectNames: [],
  };
  const teacher = (id: string, fields: Partial<ExistingTeacher>): ExistingTeacher => ({
    id, madrasahId: 'm1', name: 'X', nuptk: null, nip: null, pegId: null, nik: null, birthDate: null, ...fields,
  });
  const existing = [
    teacher('t-nuptk', { nuptk: '0123456789012345' }),
    teacher('t-nip', { nip: '198001122005011001' }),
    teacher('t-peg', { pegId: '00000000000042' }),
    teacher('t-other', { nuptk: '9999999999999999', madrasahId: 'm2' }),
    teacher('t-named', { name: 'Siti Aminah', birthDate: '1980-01-12' }),
  ];

  it.each<[string, Partial<ParsedTeacherRow>, string | null]>([
    ['by NUPTK', { nuptk: '0123456789012345' }, 't-nuptk'],
    ['by NIP when NUPTK is unknown', { nuptk: '1111111111111111', nip: '198001122005011001' }, 't-nip'],
    ['by PegID', { pegId: '00000000000042' }, 't-peg'],
    ['by name and birth date when the row has no identifier', { name: 'siti aminah', birthDate: '1980-01-12' }, 't-named'],
    ['not at all: a new teacher', { nuptk: '2222222222222222' }, null],
  ])('a row matches %s', (_rule, fields, matched) => {
    const plan = planImportRows([{ ...base, ...fields }], { madrasahId: 'm1', existing, subjects });
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]).toMatchObject({ action: matched ? 'update' : 'create', matchedTeacherId: matched });
  });

  it.each<[string, Partial<ParsedTeacherRow>[], string]>([
    ['NUPTK of one teacher and NIP of another', [{ nuptk: '0123456789012345', nip: '198001122005011001' }], 'import.identifier_conflict'],
    ['a teacher of another madrasah', [{ nuptk: '9999999999999999' }], 'import.teacher_in_other_madrasah'],
    ['two rows for the same teacher', [{ nuptk: '0123456789012345' }, { row: 3, nip: null, nik: null, pegId: null, nuptk: '0123456789012345' }], 'import.duplicate_in_file'],
    ['an unknown subject', [{ subjectNames: ['Astronomi'] }], 'import.unknown_subject'],
  ])('a row is refused for %s', (_rule, rows, code) => {
    const plan = planImportRows(rows.map((r) => ({ ...base, ...r })), { madrasahId: 'm1', existing, subjects });
    expect(plan.errors.map((e) => e.code)).toEqual([code]);
  });
});
