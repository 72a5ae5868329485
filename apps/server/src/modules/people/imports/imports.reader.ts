/**
 * Reads an uploaded teacher file (.xlsx or .csv) into cell matrices, one per worksheet. Knows
 * nothing about teachers: header detection and validation live in imports.models.ts.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FormattedNumber, SheetCell, SheetMatrix } from './imports.models.ts';
import { importErrors } from './imports.errors.ts';

/** What the first bytes say the file is. */
export type FileKind = 'xlsx' | 'csv' | 'ole' | 'unknown';

/** One worksheet of the file. */
export interface ReadSheet {
  name: string;
  matrix: SheetMatrix;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((b, i) => buffer[i] === b);
}

/**
 * Sniffs the content, never the file name: a zip is an .xlsx, an OLE compound file is an old .xls
 * or a password-protected .xlsx (Excel encrypts into OLE), text without NUL bytes is CSV.
 */
export function sniffFileKind(buffer: Buffer): FileKind {
  if (startsWith(buffer, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(buffer, OLE_MAGIC)) return 'ole';
  if (buffer.length === 0) return 'unknown';
  const head = buffer.subarray(0, 8192);
  if (head.includes(0)) return 'unknown';
  let control = 0;
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  return control === 0 ? 'csv' : 'unknown';
}

/** Text of a CSV: UTF-8 (BOM dropped) or, when that is not valid, Windows-1252 as Excel writes it. */
export function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('windows-1252').decode(buffer);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of a CSV: the one of `;`, `,` and tab that splits the first lines most
 * consistently (Indonesian Excel writes `;` because the decimal mark is a comma).
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 15);
  let best = ',';
  let bestScore = -1;
  for (const candidate of [';', ',', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, candidate));
    const max = Math.max(0, ...counts);
    const score = counts.filter((n) => n === max && n > 0).length * 1000 + max;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

type ExcelValue = ExcelJS.CellValue;

/** exceljs' many value shapes reduced to a plain cell; numbers keep an explicit format. */
function toSheetCell(value: ExcelValue, numFmt: () => string | undefined): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const format = numFmt();
    if (format && format !== 'General') {
      return { kind: 'formatted-number', value, format } satisfies FormattedNumber;
    }
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) return null;
    return toSheetCell(result, numFmt);
  }
  if ('text' in value && 'hyperlink' in value) {
    const text = value.text;
    return typeof text === 'string' ? text : toSheetCell(text, numFmt);
  }
  if ('error' in value) return null;
  return null;
}

function rowCells(row: ExcelJS.Row): SheetCell[] {
  const values = row.values as ExcelValue[];
  const cells: SheetCell[] = [];
  for (let c = 1; c < values.length; c++) {
    const value = values[c];
    cells.push(toSheetCell(value ?? null, () => (typeof value === 'number' ? row.getCell(c).numFmt : undefined)));
  }
  return cells;
}

function worksheetMatrix(ws: ExcelJS.Worksheet): SheetMatrix {
  const matrix: SheetMatrix = [];
  for (let r = 1; r <= ws.rowCount; r++) matrix.push(rowCells(ws.getRow(r)));
  return matrix;
}

/** The streaming reader's worksheet: rows arrive in order, possibly with gaps. */
type StreamedWorksheet = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };

/**
 * Reads with exceljs' streaming reader: about twice as fast as `load` on a 10,000-row export and
 * far lighter on memory. It does not report merged ranges; the header detection reads a merged
 * parent as a label followed by empty cells, which it understands.
 */
async function readXlsx(buffer: Buffer): Promise<ReadSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: ReadSheet[] = [];
  for await (const worksheet of reader as unknown as AsyncIterable<StreamedWorksheet>) {
    const matrix: SheetMatrix = [];
    for await (const row of worksheet) {
      while (matrix.length < row.number - 1) matrix.push([]);
      matrix.push(rowCells(row));
    }
    sheets.push({ name: worksheet.name ?? `Sheet${sheets.length + 1}`, matrix });
  }
  return sheets;
}

async function readCsv(buffer: Buffer): Promise<ReadSheet[]> {
  const text = decodeText(buffer);
  const delimiter = sniffDelimiter(text);
  const workbook = new ExcelJS.Workbook();
  const ws = await workbook.csv.read(Readable.from([text]), {
    // Keep every field as text: identifiers must never pass through a number.
    map: (datum: unknown) => (typeof datum === 'string' && datum.trim() !== '' ? datum : null),
    parserOptions: { delimiter, ignoreEmpty: false, trim: false, relaxColumnCountLess: true, relaxColumnCountMore: true },
  } as unknown as Parameters<ExcelJS.Csv['read']>[1]);
  return [{ name: 'CSV', matrix: worksheetMatrix(ws) }];
}

/**
 * Reads every visible worksheet of an .xlsx, or the one table of a .csv.
 * @throws people.import_unreadable for an unknown format, an old .xls, a password-protected
 *   workbook, or a file exceljs cannot open; `details.reason` says which.
 */
export async function readSpreadsheet(buffer: Buffer): Promise<ReadSheet[]> {
  const kind = sniffFileKind(buffer);
  if (kind === 'ole') throw importErrors['people.import_unreadable']({ reason: 'encrypted_or_xls' });
  if (kind === 'unknown') throw importErrors['people.import_unreadable']({ reason: 'unknown_format' });
  try {
    const sheets = kind === 'xlsx' ? await readXlsx(buffer) : await readCsv(buffer);
    if (sheets.length === 0) throw new Error('no worksheet');
    return sheets;
  } catch {
    throw importErrors['people.import_unreadable']({ reason: kind === 'xlsx' ? 'corrupt_xlsx' : 'corrupt_csv' });
  }
}
