/**
 * Pure rules of the teacher import: finding the header, mapping headers to fields, recognising
 * the layout, normalising cells and validating rows. No I/O: the reader turns a file into a
 * `SheetMatrix`, the use cases load what the database knows and call these functions.
 */
import {
  EMPLOYMENT_STATUSES,
  IDENTIFIER_PATTERNS,
  LIMITS,
  normaliseIdentifier,
  type EmploymentStatus,
  type Gender,
  type IdentifierKind,
  type ImportLayout,
  type ImportTeacherRow,
  type Locale,
} from '@tumbuh/shared';

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/** A number whose cell carried an explicit format: text (`@`) or zero padding (`0000…`). */
export interface FormattedNumber {
  kind: 'formatted-number';
  value: number;
  /** The cell's number format, e.g. `@` or `0000000000000000`. */
  format: string;
}

/** One cell as the reader hands it over. Dates are UTC midnight (exceljs convention). */
export type SheetCell = string | number | boolean | Date | null | FormattedNumber;
/** A worksheet: rows of cells, 0-based; row i is spreadsheet row i + 1. */
export type SheetMatrix = SheetCell[][];

function isFormattedNumber(cell: SheetCell): cell is FormattedNumber {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && cell.kind === 'formatted-number';
}

function isEmptyCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Text of a cell as a person reads it (numbers without exponent where exact, dates ISO). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return numberText(cell.value);
}

function numberText(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  return String(n);
}

// ---------------------------------------------------------------------------------------------
// Header text and aliases
// ---------------------------------------------------------------------------------------------

/** Fields a column can map to. `nuptkOrPegId` and `birthPlaceDate` are split later. */
export const IMPORT_FIELDS = [
  'rowNumber',
  'name',
  'nuptk',
  'pegId',
  'nuptkOrPegId',
  'nip',
  'nik',
  'gender',
  'birthPlace',
  'birthDate',
  'birthPlaceDate',
  'employmentStatus',
  'ptkType',
  'extraDuties',
  'phone',
  'email',
  'address',
  'subjects',
  'npsn',
  'nsm',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Header text reduced to what matters: lower case, accents dropped, every run of punctuation or
 * space turned into one space. `No. HP` → `no hp`, `Peg-ID` → `peg id`, `L/P` → `l p`.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Alias → field; a lower `rank` wins when two columns map to the same field (HP before Telepon). */
interface Alias {
  field: ImportField;
  rank: number;
}

const ALIAS_SOURCE: [ImportField, number, string[]][] = [
  ['rowNumber', 0, ['no', 'no urut', 'nomor urut']],
  ['name', 0, ['nama', 'nama lengkap', 'nama guru', 'nama ptk', 'nama gtk', 'nama pegawai', 'nama pendidik', 'nama lengkap tanpa gelar']],
  ['name', 1, ['nama lengkap dengan gelar', 'nama dan gelar']],
  ['nuptk', 0, ['nuptk', 'no nuptk', 'nomor nuptk']],
  ['pegId', 0, ['pegid', 'peg id', 'id peg', 'id pegawai simpatika']],
  ['nuptkOrPegId', 0, ['nuptk pegid', 'nuptk peg id', 'pegid nuptk', 'peg id nuptk']],
  ['nip', 0, ['nip', 'no nip', 'nomor nip', 'nignp', 'nip nignp', 'niy', 'nigk', 'niy nigk', 'nip niy nigk', 'nip niy', 'nip nigk']],
  ['nik', 0, ['nik', 'no nik', 'nomor nik', 'no ktp', 'nomor ktp', 'nik no ktp', 'nik ktp', 'nik no passport', 'nik nomor ktp']],
  ['gender', 0, ['jk', 'l p', 'jenis kelamin', 'kelamin', 'gender', 'jns kelamin', 'jenis kel']],
  ['birthPlace', 0, ['tempat lahir', 'tmp lahir', 'tempat lhr', 'tmpt lahir']],
  ['birthDate', 0, ['tanggal lahir', 'tgl lahir', 'tgl lhr', 'tanggal lhr', 'tgl lahir dd mm yyyy']],
  ['birthPlaceDate', 0, ['tempat tanggal lahir', 'tempat tgl lahir', 'ttl', 'tempat dan tanggal lahir', 'tempat tgl lhr']],
  ['employmentStatus', 0, ['status kepegawaian', 'status kepeg', 'status pegawai', 'status ptk', 'status guru']],
  ['employmentStatus', 1, ['status']],
  ['ptkType', 0, ['jenis ptk', 'jenis gtk', 'jenis guru', 'jabatan ptk']],
  ['extraDuties', 0, ['tugas tambahan', 'jabatan tambahan', 'tugas tambahan guru']],
  ['phone', 0, ['hp', 'no hp', 'nomor hp', 'no handphone', 'handphone', 'no hp wa', 'no wa', 'nomor wa', 'whatsapp']],
  ['phone', 1, ['telepon', 'telp', 'no telp', 'no telepon', 'nomor telepon', 'telepon rumah']],
  ['email', 0, ['email', 'e mail', 'alamat email', 'alamat e mail']],
  ['address', 0, ['alamat jalan', 'alamat', 'alamat rumah', 'alamat lengkap']],
  ['subjects', 0, ['mapel', 'mata pelajaran', 'bidang studi', 'mapel diampu', 'mapel yang diampu', 'mata pelajaran yang diampu', 'mengajar mapel', 'mapel sertifikasi']],
  ['npsn', 0, ['npsn', 'npsn madrasah']],
  ['nsm', 0, ['nsm', 'nsm madrasah']],
];

/** Normalised header text → field. */
export const HEADER_ALIASES: ReadonlyMap<string, Alias> = new Map(
  ALIAS_SOURCE.flatMap(([field, rank, names]) => names.map((n) => [normaliseHeader(n), { field, rank }] as const)),
);

/** The 35 data columns of the Dapodik GTK export, in order (domain reference §5.1). */
export const DAPODIK_GTK_COLUMNS = [
  'No', 'Nama', 'NUPTK', 'JK', 'Tempat Lahir', 'Tanggal Lahir', 'NIP', 'Status Kepegawaian', 'Jenis PTK', 'Agama',
  'Alamat Jalan', 'RT', 'RW', 'Nama Dusun', 'Desa/Kelurahan', 'Kecamatan', 'Kode Pos', 'Telepon', 'HP', 'Email',
  'Tugas Tambahan', 'SK CPNS', 'Tanggal CPNS', 'SK Pengangkatan', 'TMT Pengangkatan', 'Lembaga Pengangkatan',
  'Pangkat/Golongan', 'Sumber Gaji', 'Nama Ibu Kandung', 'Status Perkawinan', 'Nama Suami/Istri', 'NIP Suami/Istri',
  'Pekerjaan Suami/Istri', 'Kewarganegaraan', 'NIK',
] as const;

/** Parent header words that make a sub-column about someone else (spouse, parent), never the teacher. */
const OTHER_PERSON_PARENT = /\b(suami|istri|pasangan|ayah|ibu|wali)\b/;

// ---------------------------------------------------------------------------------------------
// Header detection
// ---------------------------------------------------------------------------------------------

/** One column of the file, as found in the header. */
export interface DetectedColumn {
  index: number;
  /** Header as shown to the person (parent and sub-header joined for merged headers). */
  header: string;
  field: ImportField | null;
  /** Preference among columns of the same field: lower is read first (HP before Telepon). */
  rank: number;
  /** Normalised candidates the layout detection looks at. */
  keys: string[];
}

/** Where the header is and what each column means. */
export interface DetectedHeader {
  /** 0-based index of the first header row. */
  top: number;
  /** Number of header rows (1, or 2 for merged headers). */
  rowCount: 1 | 2;
  columns: DetectedColumn[];
  layout: ImportLayout;
}

/** How many of the first rows are searched for the header. */
export const HEADER_SCAN_ROWS = 12;

function rowTexts(row: SheetCell[] | undefined, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(row?.[c] ?? null));
  return out;
}

function lookupAlias(label: string): Alias | undefined {
  return HEADER_ALIASES.get(normaliseHeader(label));
}

/** Maps one column given its (optional) parent and its own label. */
function mapColumn(parent: string, child: string): { field: ImportField | null; rank: number; header: string; keys: string[] } {
  if (!parent) {
    const alias = lookupAlias(child);
    return { field: alias?.field ?? null, rank: alias?.rank ?? 0, header: child, keys: [normaliseHeader(child)] };
  }
  if (!child) {
    const alias = lookupAlias(parent);
    return { field: alias?.field ?? null, rank: alias?.rank ?? 0, header: parent, keys: [normaliseHeader(parent)] };
  }
  const header = `${parent} ${child}`;
  const keys = [normaliseHeader(`${parent} ${child}`), normaliseHeader(`${child} ${parent}`), normaliseHeader(child)];
  for (const key of keys.slice(0, 2)) {
    const alias = HEADER_ALIASES.get(key);
    if (alias) return { field: alias.field, rank: alias.rank, header, keys };
  }
  if (OTHER_PERSON_PARENT.test(normaliseHeader(parent))) return { field: null, rank: 0, header, keys };
  const alias = lookupAlias(child);
  return { field: alias?.field ?? null, rank: alias?.rank ?? 0, header, keys };
}

/**
 * True when `sub` is the second row of a merged header under `top`: every label in `sub` sits
 * under a parent that spans several columns (a parent followed by empty cells that have
 * sub-labels, or a parent repeated across neighbours, which is how exceljs reports a merge), no cell of `sub` holds a
 * number or a date, and at least one such sub-label exists. A data row fails: its name cell sits
 * under a standalone header.
 */
export function isSubHeaderRow(top: SheetCell[] | undefined, sub: SheetCell[] | undefined, width: number): boolean {
  if (!top || !sub) return false;
  const t = rowTexts(top, width);
  const s = rowTexts(sub, width);
  let children = 0;
  for (let c = 0; c < width; c++) {
    const cell = sub[c] ?? null;
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== 'string') return false;
    if (s[c] === t[c]) continue; // vertical merge reported on both rows
    if (/^\(?\d+\)?$/.test(s[c] ?? '')) return false;
    const parent = t[c] ?? '';
    const mergeStart = t[c + 1] === '' && (s[c + 1] ?? '') !== '';
    const spanned = parent === '' || (c > 0 && t[c - 1] === parent) || t[c + 1] === parent || mergeStart;
    if (!spanned) return false;
    if (parent === '' && !t.slice(0, c).some((v) => v !== '')) return false;
    children++;
  }
  return children > 0;
}

function combineHeaderRows(top: SheetCell[], sub: SheetCell[] | undefined, width: number): { parent: string; child: string }[] {
  const t = rowTexts(top, width);
  if (!sub) return t.map((child) => ({ parent: '', child }));
  const s = rowTexts(sub, width);
  const out: { parent: string; child: string }[] = [];
  let lastParent = '';
  for (let c = 0; c < width; c++) {
    const own = t[c] ?? '';
    const child = s[c] ?? '';
    if (own !== '') lastParent = own;
    if (child === '' || child === own) {
      out.push({ parent: '', child: own });
      continue;
    }
    out.push({ parent: own !== '' ? own : lastParent, child });
  }
  return out;
}

function buildColumns(labels: { parent: string; child: string }[]): DetectedColumn[] {
  const mapped = labels.map((l, index) => ({ index, ...mapColumn(l.parent, l.child) }));
  // Only the best-ranked column keeps a field; equal ranks: the leftmost.
  const best = new Map<ImportField, { index: number; rank: number }>();
  for (const m of mapped) {
    if (!m.field) continue;
    const current = best.get(m.field);
    if (!current || m.rank < current.rank) best.set(m.field, { index: m.index, rank: m.rank });
  }
  const fallbacks = new Set<number>();
  // Phone and address: a lower-ranked column still feeds the row when the preferred cell is empty.
  for (const m of mapped) {
    if (m.field === 'phone' && best.get('phone')?.index !== m.index) fallbacks.add(m.index);
  }
  return mapped.map((m) => ({
    index: m.index,
    header: m.header,
    field: m.field && (best.get(m.field)?.index === m.index || fallbacks.has(m.index)) ? m.field : null,
    rank: m.rank,
    keys: m.keys,
  }));
}

function scoreColumns(columns: DetectedColumn[]): number {
  return new Set(columns.map((c) => c.field).filter((f) => f !== null && f !== 'rowNumber')).size;
}

function matrixWidth(matrix: SheetMatrix, from: number, to: number): number {
  let width = 0;
  for (let r = from; r < Math.min(to, matrix.length); r++) width = Math.max(width, matrix[r]?.length ?? 0);
  return width;
}

/**
 * Finds the header in the first rows: the row whose labels map to the most fields (it must map
 * the name), joined with a merged sub-header row below it or a group row above it.
 * Returns undefined when no row names a `Nama` column.
 */
export function detectHeader(matrix: SheetMatrix): DetectedHeader | undefined {
  const scan = Math.min(HEADER_SCAN_ROWS, matrix.length);
  const width = matrixWidth(matrix, 0, scan + 2);
  let best: { row: number; score: number } | undefined;
  for (let r = 0; r < scan; r++) {
    const row = matrix[r];
    if (!row) continue;
    const columns = buildColumns(combineHeaderRows(row, undefined, width));
    if (!columns.some((c) => c.field === 'name')) continue;
    const score = scoreColumns(columns);
    if (!best || score > best.score) best = { row: r, score };
  }
  if (!best) return undefined;
  let top = best.row;
  let rowCount: 1 | 2 = 1;
  const headerRow = matrix[top] ?? [];
  if (isSubHeaderRow(headerRow, matrix[top + 1], width)) {
    rowCount = 2;
  } else if (top > 0 && isSubHeaderRow(matrix[top - 1], headerRow, width) && distinctTexts(matrix[top - 1], width) >= 2) {
    top -= 1;
    rowCount = 2;
  }
  const labels = combineHeaderRows(matrix[top] ?? [], rowCount === 2 ? matrix[top + 1] : undefined, width);
  const columns = buildColumns(labels);
  const titleText = matrix
    .slice(0, top)
    .flatMap((row) => row.map((c) => normaliseHeader(cellText(c))))
    .join(' ');
  return { top, rowCount, columns, layout: detectLayout(columns, titleText) };
}

function distinctTexts(row: SheetCell[] | undefined, width: number): number {
  return new Set(rowTexts(row, width).filter((t) => t !== '')).size;
}

/**
 * Which system the file came from: a title naming it wins; else SIMPATIKA by its PegID column,
 * EMIS by NIGNP/NSM columns, Dapodik when most of the 35 GTK export columns are there.
 */
export function detectLayout(columns: DetectedColumn[], titleText = ''): ImportLayout {
  if (/\bsimpatika\b/.test(titleText)) return 'simpatika';
  if (/\bemis\b/.test(titleText)) return 'emis';
  if (/\bdapodik\b/.test(titleText)) return 'dapodik';
  const keys = new Set(columns.flatMap((c) => c.keys));
  const dapodikHits = DAPODIK_GTK_COLUMNS.filter((h) => keys.has(normaliseHeader(h))).length;
  if (dapodikHits >= 20) return 'dapodik';
  if (columns.some((c) => c.field === 'pegId' || c.field === 'nuptkOrPegId')) return 'simpatika';
  if ([...keys].some((k) => k === 'nignp' || k === 'nip nignp' || k === 'nsm' || k === 'nsm madrasah')) return 'emis';
  return 'generic';
}

// ---------------------------------------------------------------------------------------------
// Row errors
// ---------------------------------------------------------------------------------------------

/** Stable codes of row problems; the web client and the CLI switch on these. */
export const IMPORT_ERROR_CODES = [
  'import.header_not_found',
  'import.no_rows',
  'import.too_many_rows',
  'import.name_missing',
  'import.value_too_long',
  'import.invalid_nik',
  'import.invalid_nip',
  'import.invalid_nuptk',
  'import.invalid_peg_id',
  'import.invalid_npsn',
  'import.invalid_nsm',
  'import.invalid_date',
  'import.invalid_gender',
  'import.invalid_email',
  'import.number_precision_lost',
  'import.duplicate_in_file',
  'import.identifier_conflict',
  'import.teacher_in_other_madrasah',
  'import.other_madrasah',
  'import.unknown_subject',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** A row problem as stored: the message is rendered per request language from code and params. */
export interface ImportIssue {
  row: number;
  field: string | null;
  code: ImportErrorCode;
  value: string | null;
  params?: Record<string, string | number>;
}

type Params = Record<string, string | number>;
const FIELD_LABELS: Record<string, { id: string; en: string }> = {
  name: { id: 'Nama', en: 'Name' },
  nuptk: { id: 'NUPTK', en: 'NUPTK' },
  nip: { id: 'NIP', en: 'NIP' },
  pegId: { id: 'PegID', en: 'PegID' },
  nik: { id: 'NIK', en: 'NIK' },
  npsn: { id: 'NPSN', en: 'NPSN' },
  nsm: { id: 'NSM', en: 'NSM' },
  birthDate: { id: 'Tanggal lahir', en: 'Date of birth' },
  birthPlace: { id: 'Tempat lahir', en: 'Place of birth' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  email: { id: 'Email', en: 'Email' },
  phone: { id: 'HP/Telepon', en: 'Phone' },
  address: { id: 'Alamat', en: 'Address' },
  ptkType: { id: 'Jenis PTK', en: 'PTK type' },
  extraDuties: { id: 'Tugas tambahan', en: 'Extra duties' },
  subjects: { id: 'Mata pelajaran', en: 'Subjects' },
};

function fieldLabel(field: string | null | undefined, locale: Locale): string {
  if (!field) return '';
  return FIELD_LABELS[field]?.[locale] ?? field;
}

const MESSAGES: Record<ImportErrorCode, { id: (p: Params, f: string) => string; en: (p: Params, f: string) => string }> = {
  'import.header_not_found': {
    id: () => 'Baris judul kolom tidak ditemukan di 12 baris pertama (harus ada kolom "Nama").',
    en: () => 'No header row found in the first 12 rows (a "Nama" column is required).',
  },
  'import.no_rows': { id: () => 'Berkas tidak berisi data guru.', en: () => 'The file contains no teacher rows.' },
  'import.too_many_rows': {
    id: (p) => `Berkas berisi ${p.count} baris; paling banyak ${p.max} baris per impor.`,
    en: (p) => `The file has ${p.count} rows; at most ${p.max} rows per import.`,
  },
  'import.name_missing': { id: () => 'Nama guru kosong.', en: () => 'Teacher name is empty.' },
  'import.value_too_long': {
    id: (p, f) => `${f} terlalu panjang (paling banyak ${p.max} karakter).`,
    en: (p, f) => `${f} is too long (at most ${p.max} characters).`,
  },
  'import.invalid_nik': { id: () => 'NIK harus 16 angka.', en: () => 'NIK must be 16 digits.' },
  'import.invalid_nip': { id: () => 'NIP/NIGNP harus 18 angka.', en: () => 'NIP/NIGNP must be 18 digits.' },
  'import.invalid_nuptk': {
    id: () => 'NUPTK harus berupa angka (16 digit) atau "ID" diikuti PegID.',
    en: () => 'NUPTK must be digits (16) or "ID" followed by the PegID.',
  },
  'import.invalid_peg_id': { id: () => 'PegID harus berupa angka.', en: () => 'PegID must be digits.' },
  'import.invalid_npsn': { id: () => 'NPSN harus 8 angka.', en: () => 'NPSN must be 8 digits.' },
  'import.invalid_nsm': { id: () => 'NSM harus 12 angka.', en: () => 'NSM must be 12 digits.' },
  'import.invalid_date': {
    id: (_p, f) => `${f} tidak dikenali. Gunakan DD-MM-YYYY, YYYY-MM-DD atau "12 Januari 1980".`,
    en: (_p, f) => `${f} is not a date. Use DD-MM-YYYY, YYYY-MM-DD or "12 Januari 1980".`,
  },
  'import.invalid_gender': {
    id: () => 'Jenis kelamin harus L/P (Laki-laki/Perempuan).',
    en: () => 'Gender must be L/P (Laki-laki/Perempuan).',
  },
  'import.invalid_email': { id: () => 'Alamat email tidak valid.', en: () => 'Invalid email address.' },
  'import.number_precision_lost': {
    id: (_p, f) =>
      `${f} tersimpan sebagai angka dan digit terakhirnya sudah berubah di Excel. Format kolom ${f} sebagai Teks, ketik ulang nomornya, lalu unggah lagi.`,
    en: (_p, f) =>
      `${f} was stored as a number and Excel has already changed its last digits. Format the ${f} column as Text, re-type the numbers and upload again.`,
  },
  'import.duplicate_in_file': {
    id: (p, f) => `${f} ini sudah muncul di baris ${p.firstRow} berkas yang sama.`,
    en: (p, f) => `This ${f} already appears in row ${p.firstRow} of the same file.`,
  },
  'import.identifier_conflict': {
    id: () => 'NUPTK/NIP/PegID/NIK baris ini milik dua guru berbeda yang sudah terdaftar.',
    en: () => 'The NUPTK/NIP/PegID/NIK of this row belong to two different registered teachers.',
  },
  'import.teacher_in_other_madrasah': {
    id: (_p, f) => `Guru dengan ${f} ini terdaftar di madrasah lain. Pindahkan lewat menu Guru.`,
    en: (_p, f) => `A teacher with this ${f} is registered at another madrasah. Move them from the Teachers page.`,
  },
  'import.other_madrasah': {
    id: (_p, f) => `${f} di baris ini bukan milik madrasah yang dipilih.`,
    en: (_p, f) => `The ${f} in this row is not the selected madrasah's.`,
  },
  'import.unknown_subject': {
    id: (p) => `Mata pelajaran "${p.subject}" tidak ada di madrasah ini. Tambahkan dulu di menu Mata Pelajaran.`,
    en: (p) => `Subject "${p.subject}" does not exist at this madrasah. Add it on the Subjects page first.`,
  },
};

/** The message of a row problem in the requested language. */
export function importIssueMessage(issue: Pick<ImportIssue, 'code' | 'field' | 'params'>, locale: Locale): string {
  const def = MESSAGES[issue.code];
  return def[locale](issue.params ?? {}, fieldLabel(issue.field, locale));
}

// ---------------------------------------------------------------------------------------------
// Cell normalisation
// ---------------------------------------------------------------------------------------------

type Result<T> = { ok: true; value: T } | { ok: false; code: ImportErrorCode };

/** Lengths that are fixed by the rules; a numeric cell one or two digits short lost leading zeros. */
const FIXED_LENGTH: Partial<Record<IdentifierKind, number>> = { nik: 16, nip: 18, nuptk: 16, npsn: 8, nsm: 12 };
const INVALID_CODE: Record<IdentifierKind, ImportErrorCode> = {
  nik: 'import.invalid_nik',
  nip: 'import.invalid_nip',
  nuptk: 'import.invalid_nuptk',
  pegId: 'import.invalid_peg_id',
  npsn: 'import.invalid_npsn',
  nsm: 'import.invalid_nsm',
};

/**
 * An identifier cell as text. Text cells keep every character (minus the separators people type);
 * numeric cells become digits again, padded back to the fixed length when Excel dropped one or
 * two leading zeros (or to the width of a `0000…` format). A number beyond 2^53, or shown in
 * exponent notation, has already lost digits: it is rejected with `import.number_precision_lost`.
 */
export function normaliseIdentifierCell(cell: SheetCell | undefined, kind: IdentifierKind): Result<string | null> {
  if (isEmptyCell(cell ?? null) || cell === undefined || cell === null) return { ok: true, value: null };
  let digits: string;
  if (typeof cell === 'string') {
    if (/^\s*\d+([.,]\d+)?e\+?\d+\s*$/i.test(cell)) return { ok: false, code: 'import.number_precision_lost' };
    digits = normaliseIdentifier(cell.trim());
  } else if (typeof cell === 'number' || isFormattedNumber(cell)) {
    const value = typeof cell === 'number' ? cell : cell.value;
    if (!Number.isFinite(value) || !Number.isInteger(value) || value < 0) return { ok: false, code: INVALID_CODE[kind] };
    if (!Number.isSafeInteger(value)) return { ok: false, code: 'import.number_precision_lost' };
    digits = String(value);
    const format = isFormattedNumber(cell) ? cell.format : '';
    const fixed = FIXED_LENGTH[kind];
    if (/^0+$/.test(format) && format.length > digits.length) {
      digits = digits.padStart(format.length, '0');
    } else if (fixed !== undefined && digits.length < fixed && fixed - digits.length <= 2) {
      digits = digits.padStart(fixed, '0');
    }
  } else {
    return { ok: false, code: INVALID_CODE[kind] };
  }
  if (digits === '') return { ok: true, value: null };
  if (!IDENTIFIER_PATTERNS[kind].test(digits)) return { ok: false, code: INVALID_CODE[kind] };
  return { ok: true, value: digits };
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, pebruari: 2, feb: 2, peb: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nopember: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

function isoDate(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day count (1900 system, including its phantom 29 February 1900) to an ISO date. */
export function excelSerialToIso(serial: number): string | undefined {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 73_050) return undefined;
  const base = whole > 59 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const date = new Date(base + whole * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date cell as `YYYY-MM-DD`: Date objects, Excel serials, `YYYYMMDD` numbers, and text as
 * `DD-MM-YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`, `YYYY-MM-DD` or `12 Januari 1980` (Indonesian or
 * English month names). Day-first wins; month-first is read only when the day cannot be a month.
 */
export function parseDateCell(cell: SheetCell | undefined): Result<string | null> {
  if (cell === undefined || cell === null || isEmptyCell(cell)) return { ok: true, value: null };
  const fail = { ok: false, code: 'import.invalid_date' } as const;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail;
    const iso = isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return iso ? { ok: true, value: iso } : fail;
  }
  if (typeof cell === 'boolean') return fail;
  if (typeof cell === 'number' || isFormattedNumber(cell)) {
    const n = typeof cell === 'number' ? cell : cell.value;
    if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
      const iso = isoDate(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
      return iso ? { ok: true, value: iso } : fail;
    }
    const iso = excelSerialToIso(n);
    return iso ? { ok: true, value: iso } : fail;
  }
  const text = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$/.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, value: iso } : fail;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const iso = b > 12 && a <= 12 ? isoDate(y, a, b) : isoDate(y, b, a);
    return iso ? { ok: true, value: iso } : fail;
  }
  m = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS[m[2] ?? ''];
    const iso = month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
    return iso ? { ok: true, value: iso } : fail;
  }
  if (/^\d{5}$/.test(text)) {
    const iso = excelSerialToIso(Number(text));
    return iso ? { ok: true, value: iso } : fail;
  }
  if (/^\d{8}$/.test(text)) {
    const n = Number(text);
    const iso = isoDate(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    return iso ? { ok: true, value: iso } : fail;
  }
  return fail;
}

/** `L`/`P` from the many ways schools write it. */
export function parseGender(text: string): Gender | null | undefined {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (t === '') return null;
  if (['l', 'lk', 'laki', 'lakilaki', 'pria', 'male', 'm'].includes(t)) return 'L';
  if (['p', 'pr', 'perempuan', 'wanita', 'female', 'f', 'w'].includes(t)) return 'P';
  return undefined;
}

/**
 * Status kepegawaian → EMPLOYMENT_STATUSES. Dapodik's long labels ("Guru Honor Sekolah",
 * "GTT/PTT Kab/Kota", "PNS Diperbantukan") collapse to their family; CPNS counts as PNS;
 * anything unknown is LAINNYA; empty is null.
 */
export function parseEmploymentStatus(text: string): EmploymentStatus | null {
  const t = ` ${text.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim()} `;
  if (t.trim() === '') return null;
  if (/ (PPPK|P3K) /.test(t) || t.includes('PEGAWAI PEMERINTAH DENGAN PERJANJIAN KERJA')) return 'PPPK';
  if (/ C?PNS /.test(t) || t.includes('PEGAWAI NEGERI SIPIL')) return 'PNS';
  if (/ (GTY|PTY) /.test(t) || t.includes('TETAP YAYASAN')) return 'GTY';
  if (/ (GTT|PTT) /.test(t) || t.includes('TIDAK TETAP')) return 'GTT';
  if (/ GB /.test(t) || t.includes('GURU BANTU')) return 'GB';
  if (t.includes('HONOR')) return 'HONOR';
  const exact = t.trim();
  return (EMPLOYMENT_STATUSES as readonly string[]).includes(exact) ? (exact as EmploymentStatus) : 'LAINNYA';
}

function phoneText(cell: SheetCell | undefined): string | null {
  if (cell === undefined || cell === null || isEmptyCell(cell)) return null;
  if (typeof cell === 'number' || isFormattedNumber(cell)) {
    const digits = cellText(cell);
    // A mobile number typed as a number lost its leading 0: 81234567890 → 081234567890.
    return /^8\d{7,12}$/.test(digits) ? `0${digits}` : digits;
  }
  return cellText(cell).replace(/\s+/g, ' ');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/** A normalised row before it is matched against the database. */
export type ParsedTeacherRow = Omit<ImportTeacherRow, 'action' | 'matchedTeacherId'>;

/** What `parseTeacherSheet` found. */
export interface ParsedSheet {
  layout: ImportLayout;
  columns: { header: string; field: string | null }[];
  /** Every teacher row, valid or not (errors point at them by `row`). */
  rows: ParsedTeacherRow[];
  errors: ImportIssue[];
  /** True when the file has a subjects column (then subjects are set from it). */
  hasSubjects: boolean;
}

const FOOTER_TEXT =
  /^(mengetahui|kepala (madrasah|sekolah)|jumlah|total|dicetak|tanggal cetak|catatan|keterangan|ket\b|sumber|ttd|tanda tangan|operator|nip\.?\s*\d|dibuat|diunduh|tanggal unduh)/i;

function isNumberingRow(texts: string[]): boolean {
  const values = texts.filter((t) => t !== '');
  if (values.length < 3) return false;
  return values.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

const TEXT_LIMITS: Partial<Record<keyof ParsedTeacherRow, number>> = {
  name: LIMITS.nameMax,
  birthPlace: LIMITS.nameMax,
  ptkType: LIMITS.nameMax,
  extraDuties: LIMITS.textMax,
  phone: 40,
  email: LIMITS.nameMax,
  address: LIMITS.textMax,
};

/** Splits a subjects cell on `;`, `,` and new lines into trimmed names (matched against the madrasah later). */
export function splitSubjectCell(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Turns a worksheet into teacher rows and row errors: finds the header, maps columns, skips
 * empty, numbering and footer rows, normalises every cell and checks every rule that needs no
 * database (identifier formats, dates, gender, email, lengths, duplicates inside the file, and
 * the madrasah's NPSN/NSM when the file carries them).
 */
export function parseTeacherSheet(
  matrix: SheetMatrix,
  options: { madrasah?: { npsn: string | null; nsm: string | null }; maxRows?: number } = {},
): ParsedSheet {
  const header = detectHeader(matrix);
  if (!header) {
    return {
      layout: 'generic',
      columns: [],
      rows: [],
      errors: [{ row: 1, field: null, code: 'import.header_not_found', value: null }],
      hasSubjects: false,
    };
  }
  const byField = new Map<ImportField, number[]>();
  for (const c of [...header.columns].sort((a, b) => a.rank - b.rank || a.index - b.index)) {
    if (!c.field) continue;
    byField.set(c.field, [...(byField.get(c.field) ?? []), c.index]);
  }
  const columns = header.columns
    .filter((c) => c.header !== '' || c.field !== null)
    .map((c) => ({ header: c.header, field: c.field }));

  const rows: ParsedTeacherRow[] = [];
  const errors: ImportIssue[] = [];
  const seen = { nuptk: new Map<string, number>(), nip: new Map<string, number>(), pegId: new Map<string, number>(), nik: new Map<string, number>() };
  const first = header.top + header.rowCount;
  let dataSeen = false;
  let gapAfterData = false;
  const maxRows = options.maxRows ?? LIMITS.importRowsMax;
  let counted = 0;

  for (let r = first; r < matrix.length; r++) {
    const raw = matrix[r] ?? [];
    const rowNo = r + 1;
    const texts = raw.map((c) => cellText(c));
    if (texts.every((t) => t === '')) {
      if (dataSeen) gapAfterData = true;
      continue;
    }
    if (!dataSeen && isNumberingRow(texts)) continue;
    const get = (field: ImportField): SheetCell | undefined => {
      for (const index of byField.get(field) ?? []) {
        const cell = raw[index];
        if (cell !== undefined && !isEmptyCell(cell)) return cell;
      }
      return undefined;
    };
    const text = (field: ImportField) => cellText(get(field)).replace(/\s+/g, ' ').trim();
    const identifierCells = (['nuptk', 'nip', 'pegId', 'nik', 'nuptkOrPegId'] as const).filter((f) => get(f) !== undefined);
    const name = text('name');
    const contentFields = IMPORT_FIELDS.filter((f) => f !== 'rowNumber' && get(f) !== undefined);
    if (contentFields.length === 0) continue;
    if (identifierCells.length === 0) {
      const firstText = texts.find((t) => t !== '') ?? '';
      if (FOOTER_TEXT.test(name) || FOOTER_TEXT.test(firstText)) continue;
      if (gapAfterData && contentFields.length <= 1) continue;
    }
    dataSeen = true;
    counted++;
    if (counted > maxRows) continue;

    const rowErrors: ImportIssue[] = [];
    const fail = (field: string | null, code: ImportErrorCode, value: string | null, params?: Params) =>
      rowErrors.push({ row: rowNo, field, code, value, ...(params ? { params } : {}) });
    const identifier = (field: 'nuptk' | 'nip' | 'pegId' | 'nik' | 'npsn' | 'nsm', cell: SheetCell | undefined): string | null => {
      const res = normaliseIdentifierCell(cell, field);
      if (res.ok) return res.value;
      fail(field, res.code, cellText(cell ?? null));
      return null;
    };

    let nuptk = identifier('nuptk', get('nuptk'));
    let pegId = identifier('pegId', get('pegId'));
    const combined = get('nuptkOrPegId');
    if (combined !== undefined) {
      const asText = normaliseIdentifier(cellText(combined));
      const kind: IdentifierKind = /^ID/.test(asText) || asText.length === 16 ? 'nuptk' : 'pegId';
      const value = identifier(kind, combined);
      if (kind === 'nuptk') nuptk = nuptk ?? value;
      else pegId = pegId ?? value;
    }
    const nip = identifier('nip', get('nip'));
    const nik = identifier('nik', get('nik'));
    const npsn = identifier('npsn', get('npsn'));
    const nsm = identifier('nsm', get('nsm'));
    if (options.madrasah) {
      if (npsn && options.madrasah.npsn && npsn !== options.madrasah.npsn) fail('npsn', 'import.other_madrasah', npsn);
      if (nsm && options.madrasah.nsm && nsm !== options.madrasah.nsm) fail('nsm', 'import.other_madrasah', nsm);
    }

    let birthPlace = text('birthPlace') || null;
    let birthDateCell = get('birthDate');
    const placeDate = get('birthPlaceDate');
    if (placeDate !== undefined && typeof placeDate === 'string') {
      const at = placeDate.lastIndexOf(',');
      if (at > 0) {
        birthPlace = birthPlace ?? (placeDate.slice(0, at).trim() || null);
        birthDateCell = birthDateCell ?? placeDate.slice(at + 1).trim();
      } else {
        birthDateCell = birthDateCell ?? placeDate;
      }
    } else if (placeDate !== undefined) {
      birthDateCell = birthDateCell ?? placeDate;
    }
    const date = parseDateCell(birthDateCell);
    if (!date.ok) fail('birthDate', date.code, cellText(birthDateCell ?? null));

    const genderText = text('gender');
    const gender = parseGender(genderText);
    if (gender === undefined) fail('gender', 'import.invalid_gender', genderText);

    const emailText = text('email').toLowerCase();
    if (emailText !== '' && !EMAIL.test(emailText)) fail('email', 'import.invalid_email', emailText);

    if (name === '') fail('name', 'import.name_missing', null);

    const parsed: ParsedTeacherRow = {
      row: rowNo,
      name,
      gender: gender ?? null,
      nuptk,
      nip,
      pegId,
      nik,
      birthPlace,
      birthDate: date.ok ? date.value : null,
      employmentStatus: parseEmploymentStatus(text('employmentStatus')),
      ptkType: text('ptkType') || null,
      extraDuties: text('extraDuties') || null,
      phone: phoneText(get('phone')),
      email: emailText === '' || !EMAIL.test(emailText) ? null : emailText,
      address: text('address') || null,
      subjectNames: splitSubjectCell(cellText(get('subjects'))),
    };
    for (const [key, max] of Object.entries(TEXT_LIMITS) as [keyof ParsedTeacherRow, number][]) {
      const value = parsed[key];
      if (typeof value === 'string' && value.length > max) fail(key, 'import.value_too_long', value.slice(0, 60), { max });
    }
    for (const key of ['nuptk', 'nip', 'pegId', 'nik'] as const) {
      const value = parsed[key];
      if (!value) continue;
      const firstRow = seen[key].get(value);
      if (firstRow !== undefined) fail(key, 'import.duplicate_in_file', value, { firstRow });
      else seen[key].set(value, rowNo);
    }
    rows.push(parsed);
    errors.push(...rowErrors);
  }

  if (counted > maxRows) {
    errors.unshift({ row: first + 1, field: null, code: 'import.too_many_rows', value: null, params: { count: counted, max: maxRows } });
  } else if (rows.length === 0) {
    errors.unshift({ row: first + 1, field: null, code: 'import.no_rows', value: null });
  }
  return { layout: header.layout, columns, rows, errors, hasSubjects: byField.has('subjects') };
}

// ---------------------------------------------------------------------------------------------
// Matching against the database
// ---------------------------------------------------------------------------------------------

/** What the plan needs to know of a teacher already in the tenant. */
export interface ExistingTeacher {
  id: string;
  madrasahId: string;
  name: string;
  nuptk: string | null;
  nip: string | null;
  pegId: string | null;
  nik: string | null;
  birthDate: string | null;
}

/** A subject of the madrasah, matched by name or code. */
export interface SubjectRef {
  id: string;
  code: string;
  name: string;
}

/** A row with what committing will do with it. */
export interface PlannedRow extends ImportTeacherRow {
  subjectIds: string[];
}

/** Lower case, letters and digits only, common abbreviations spelled out. */
export function normaliseSubjectName(text: string): string {
  return ` ${normaliseHeader(text)} `
    .replace(/ (b|bhs) /g, ' bahasa ')
    .replace(/ hadits /g, ' hadis ')
    .replace(/ al qur an | alquran | al quran | qur an /g, ' al quran ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised subject name or code → subject id, built once per import. */
export type SubjectIndex = ReadonlyMap<string, string>;

/** Indexes the madrasah's subjects by normalised name and code. */
export function buildSubjectIndex(subjects: SubjectRef[]): SubjectIndex {
  const index = new Map<string, string>();
  for (const s of subjects) {
    index.set(normaliseSubjectName(s.name), s.id);
    index.set(normaliseSubjectName(s.code), s.id);
  }
  return index;
}

/**
 * Resolves subject names of one row against the madrasah's subjects (name or code, case and
 * punctuation ignored). Comma-separated parts are joined back when together they name one
 * subject ("Pendidikan Jasmani, Olahraga, dan Kesehatan").
 */
export function resolveSubjects(names: string[], index: SubjectIndex): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const whole = index.get(normaliseSubjectName(name));
    if (whole) {
      ids.push(whole);
      continue;
    }
    const parts = name.split(',').map((p) => p.trim()).filter((p) => p !== '');
    let i = 0;
    while (i < parts.length) {
      let matched = false;
      for (let j = parts.length; j > i; j--) {
        const id = index.get(normaliseSubjectName(parts.slice(i, j).join(' ')));
        if (id) {
          ids.push(id);
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) {
        unknown.push(parts[i] ?? '');
        i++;
      }
    }
  }
  return { ids: [...new Set(ids)], unknown };
}

const MATCH_KEYS = ['nuptk', 'nip', 'pegId', 'nik'] as const;

/**
 * Decides create or update for every row: a row matches an existing teacher of the tenant by
 * NUPTK, then NIP, then PegID, then NIK; a row with no identifier at all matches by name and
 * date of birth within the madrasah. Identifiers pointing at two different teachers, a teacher
 * of another madrasah, two rows for one teacher and unknown subjects become row errors.
 */
export function planImportRows(
  rows: ParsedTeacherRow[],
  context: { madrasahId: string; existing: ExistingTeacher[]; subjects: SubjectRef[] },
): { rows: PlannedRow[]; errors: ImportIssue[] } {
  const indexes = {
    nuptk: new Map<string, ExistingTeacher>(),
    nip: new Map<string, ExistingTeacher>(),
    pegId: new Map<string, ExistingTeacher>(),
    nik: new Map<string, ExistingTeacher>(),
  };
  const byNameAndBirth = new Map<string, ExistingTeacher[]>();
  for (const t of context.existing) {
    for (const key of MATCH_KEYS) {
      const value = t[key];
      if (value) indexes[key].set(value, t);
    }
    if (t.madrasahId === context.madrasahId) {
      const k = `${t.name.toLowerCase()}|${t.birthDate ?? ''}`;
      byNameAndBirth.set(k, [...(byNameAndBirth.get(k) ?? []), t]);
    }
  }
  const errors: ImportIssue[] = [];
  const subjectIndex = buildSubjectIndex(context.subjects);
  const claimed = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    let match: ExistingTeacher | undefined;
    let matchKey: (typeof MATCH_KEYS)[number] | undefined;
    let conflict = false;
    for (const key of MATCH_KEYS) {
      const value = row[key];
      const found = value ? indexes[key].get(value) : undefined;
      if (!found) continue;
      if (!match) {
        match = found;
        matchKey = key;
      } else if (found.id !== match.id) {
        conflict = true;
      }
    }
    if (!match && MATCH_KEYS.every((k) => !row[k]) && row.birthDate) {
      const candidates = byNameAndBirth.get(`${row.name.toLowerCase()}|${row.birthDate}`) ?? [];
      if (candidates.length === 1) match = candidates[0];
    }
    if (conflict) {
      errors.push({ row: row.row, field: matchKey ?? null, code: 'import.identifier_conflict', value: matchKey ? row[matchKey] : null });
    } else if (match && match.madrasahId !== context.madrasahId) {
      errors.push({ row: row.row, field: matchKey ?? 'name', code: 'import.teacher_in_other_madrasah', value: matchKey ? row[matchKey] : row.name });
    } else if (match) {
      const firstRow = claimed.get(match.id);
      if (firstRow !== undefined) {
        errors.push({ row: row.row, field: matchKey ?? 'name', code: 'import.duplicate_in_file', value: matchKey ? row[matchKey] : row.name, params: { firstRow } });
      } else {
        claimed.set(match.id, row.row);
      }
    }
    const subjects = resolveSubjects(row.subjectNames, subjectIndex);
    for (const subject of subjects.unknown) {
      errors.push({ row: row.row, field: 'subjects', code: 'import.unknown_subject', value: subject, params: { subject } });
    }
    planned.push({
      ...row,
      action: match ? 'update' : 'create',
      matchedTeacherId: match?.id ?? null,
      subjectIds: subjects.ids,
    });
  }
  return { rows: planned, errors };
}

/** Errors sorted by row, then field, for a stable preview. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => a.row - b.row || (a.field ?? '').localeCompare(b.field ?? ''));
}

/** Number of rows without any error. */
export function countValidRows(rows: { row: number }[], issues: ImportIssue[]): number {
  const bad = new Set(issues.map((e) => e.row));
  return rows.filter((r) => !bad.has(r.row)).length;
}
