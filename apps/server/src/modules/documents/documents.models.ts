import type { Column, Content, ContentStack, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The printed-document kit (pure: data in, pdfmake document definition out; rendering is in
 * documents.render.ts). Shapes follow the papers madrasahs file: a letterhead (kop surat) with the
 * authority lines, the madrasah's name, address and NPSN, the logo and a double rule; A4 portrait
 * with school margins; "Halaman 1 dari 3" page numbers; signature blocks with place and an
 * Indonesian long date, role, name (bold, underlined) and NIP; "Mengetahui, Kepala Madrasah".
 */

// ---------- page ----------
/** A4 portrait in points (1 cm = 28.35 pt). */
export const A4 = { width: 595.28, height: 841.89 } as const;
const CM = 28.3465;
/** Left 3 cm (binding side), top 1.5 cm (the kop sits high), right 2 cm, bottom 2.5 cm (page number). */
export const PAGE_MARGINS: [number, number, number, number] = [round(3 * CM), round(1.5 * CM), round(2 * CM), round(2.5 * CM)];
/** Width available between the margins. */
export const CONTENT_WIDTH = round(A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2]);
export const BASE_FONT_SIZE = 11;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------- Indonesian dates ----------
export const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;
/** Western Indonesian Time (WIB, UTC+7): the clock the app prints in (the MGMP module's day too). */
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** A calendar day: 'YYYY-MM-DD' as is, a Date (instant) as its day in WIB. */
function dayParts(value: string | Date): { y: number; m: number; d: number; weekday: number } {
  const iso = typeof value === 'string' ? value.slice(0, 10) : new Date(value.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a date: ${String(value)}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** "24 November 2026" (no leading zero, month name in Indonesian). */
export function formatTanggal(value: string | Date): string {
  const { y, m, d } = dayParts(value);
  return `${d} ${BULAN[m - 1] ?? ''} ${y}`;
}

/** "Selasa, 24 November 2026". */
export function formatHariTanggal(value: string | Date): string {
  return `${HARI[dayParts(value).weekday] ?? ''}, ${formatTanggal(value)}`;
}

/** "November 2026" from 'YYYY-MM'. */
export function formatBulanTahun(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return `${BULAN[(m ?? 1) - 1] ?? ''} ${y ?? ''}`;
}

/** "13.00" in WIB (Indonesian time uses a dot). */
export function formatJam(instant: Date): string {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(11, 16).replace(':', '.');
}

/** "13.00–15.00 WIB". */
export function formatRentangJam(startsAt: Date, endsAt: Date): string {
  return `${formatJam(startsAt)}–${formatJam(endsAt)} WIB`;
}

/** "Kabupaten Pamekasan" → "Pamekasan": the place written before the date of a signature. */
export function placeName(city: string | null | undefined): string | null {
  const trimmed = city?.trim();
  if (!trimmed) return null;
  return trimmed.replace(/^(kabupaten|kab\.|kota)\s+/i, '') || trimmed;
}

// ---------- kop surat ----------
export interface KopInput {
  /** Lines above the name: the ministry (KEMENTERIAN AGAMA ...), a district office or a yayasan. */
  authorityLines: string[];
  /** The madrasah (or organisation) name, printed largest. */
  institutionName: string;
  /** Street, village, district. */
  address: string | null;
  /** City / regency and province, appended to the address line. */
  region: string | null;
  npsn: string | null;
  nsm: string | null;
  /** A PNG or JPEG as a data URL; other formats are left out (pdfmake embeds only these). */
  logo: string | null;
}

/** The authority lines of a kop: a yayasan names itself; a madrasah or office sits under the Ministry of Religious Affairs. */
export function kopAuthorityLines(tenant: { kind: string; name: string }, madrasah: { city: string | null } | null): string[] {
  if (tenant.kind === 'yayasan') return [tenant.name.toUpperCase()];
  const lines = ['KEMENTERIAN AGAMA REPUBLIK INDONESIA'];
  if (tenant.kind === 'kantor') lines.push(tenant.name.toUpperCase());
  else if (madrasah?.city?.trim()) lines.push(`KANTOR KEMENTERIAN AGAMA ${madrasah.city.trim().toUpperCase()}`);
  return lines;
}

/** Only PNG and JPEG can go into the PDF; anything else is left out rather than failing the document. */
export function imageDataUrl(image: { data: Buffer | Uint8Array; mediaType: string } | null | undefined): string | null {
  if (!image) return null;
  const type = image.mediaType.toLowerCase();
  if (type !== 'image/png' && type !== 'image/jpeg' && type !== 'image/jpg') return null;
  return `data:${type === 'image/jpg' ? 'image/jpeg' : type};base64,${Buffer.from(image.data).toString('base64')}`;
}

const LOGO_SIZE = 62;

/** The double rule under a kop: a thick line over a thin one. */
export function doubleRule(width = CONTENT_WIDTH): Content {
  return {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 2.5 },
      { type: 'line', x1: 0, y1: 3.5, x2: width, y2: 3.5, lineWidth: 0.75 },
    ],
    margin: [0, 4, 0, 12],
  };
}

/** The identifier line of a kop: "NPSN: 12345678 · NSM: 121235280001". */
export function kopIdentifierLine(kop: Pick<KopInput, 'npsn' | 'nsm'>): string | null {
  const parts = [kop.npsn ? `NPSN: ${kop.npsn}` : null, kop.nsm ? `NSM: ${kop.nsm}` : null].filter((p): p is string => p !== null);
  return parts.length ? parts.join('   ') : null;
}

/** The kop surat: logo left, centred lines (authority, NAME, address, identifiers), double rule. */
export function kop(input: KopInput): Content {
  const lines: Content[] = [
    ...input.authorityLines.map((line): Content => ({ text: line, fontSize: 11, bold: true })),
    { text: input.institutionName.toUpperCase(), fontSize: 16, bold: true, margin: [0, 1, 0, 1] },
  ];
  const address = [input.address, input.region].filter((p) => p && p.trim()).join(', ');
  if (address) lines.push({ text: address, fontSize: 9 });
  const ids = kopIdentifierLine(input);
  if (ids) lines.push({ text: ids, fontSize: 9 });
  const logo: Column = input.logo ? { image: input.logo, fit: [LOGO_SIZE, LOGO_SIZE], width: LOGO_SIZE } : { text: '', width: LOGO_SIZE };
  return {
    stack: [
      { columns: [logo, { stack: lines, alignment: 'center', width: '*' }, { text: '', width: LOGO_SIZE }], columnGap: 6 },
      doubleRule(),
    ],
  };
}

// ---------- signatures ----------
export interface Signatory {
  /** The office under which one signs: "Ketua MGMP MIPA", "Sekretaris", "Kepala Madrasah". */
  role: string;
  name: string | null;
  nip: string | null;
}

/** Space left for the handwritten signature. */
const SIGNING_SPACE = 52;
const BLANK_NAME = '(....................................)';

/** The name line (bold, underlined; dots when nobody holds the office) and "NIP. …" (a dash without one). */
export function signatoryLines(s: Signatory): Content[] {
  return [
    { text: s.name?.trim() ? s.name.trim() : BLANK_NAME, bold: true, decoration: s.name?.trim() ? 'underline' : undefined },
    { text: `NIP. ${s.nip?.trim() ? s.nip.trim() : '-'}` },
  ];
}

function signatoryStack(s: Signatory, heading: string[]): ContentStack {
  return { stack: [...heading.map((h): Content => ({ text: h })), { text: s.role }, { text: '', margin: [0, SIGNING_SPACE, 0, 0] }, ...signatoryLines(s)], alignment: 'center' };
}

/** "Pamekasan, 24 November 2026" (the date alone when the place is unknown). */
export function placeAndDate(place: string | null, date: string | Date): string {
  return place ? `${place}, ${formatTanggal(date)}` : formatTanggal(date);
}

export interface SignatureBlockInput {
  place: string | null;
  date: string | Date;
  /** Left column (e.g. the ketua). */
  left: Signatory;
  /** Right column, under the place and date (e.g. the sekretaris / notulis). */
  right: Signatory;
  /** "Mengetahui," centred below (the kepala madrasah); left out when null. */
  mengetahui: Signatory | null;
}

/**
 * Two signatures side by side (place and date above the right one, the left one aligned with it),
 * then "Mengetahui," centred below. Kept on one page.
 */
export function signatureBlock(input: SignatureBlockInput): Content {
  const blocks: Content[] = [
    {
      columns: [
        { ...signatoryStack(input.left, ['']), width: '*' },
        { ...signatoryStack(input.right, [placeAndDate(input.place, input.date)]), width: '*' },
      ],
      columnGap: 24,
    },
  ];
  if (input.mengetahui) blocks.push({ ...signatoryStack(input.mengetahui, ['Mengetahui,']), margin: [0, 16, 0, 0] });
  return { stack: blocks, unbreakable: true, margin: [0, 24, 0, 0] };
}

// ---------- daftar hadir ----------
/**
 * The signature cell of row `n` (1-based) of a daftar hadir: the number sits on the left half for
 * odd rows and on the right half for even rows, so neighbouring signatures do not overlap.
 */
export function signatureCell(n: number): { side: 'left' | 'right'; cell: TableCell } {
  const side = n % 2 === 1 ? 'left' : 'right';
  const label: Column = { text: `${n}.`, fontSize: 9 };
  const empty: Column = { text: '' };
  return { side, cell: { columns: side === 'left' ? [{ ...label, width: '50%' }, { ...empty, width: '50%' }] : [{ ...empty, width: '50%' }, { ...label, width: '50%' }] } as TableCell };
}

// ---------- tables and text ----------
/** A table with a bold, grey header row that repeats on every page. */
export function gridTable(header: string[], rows: TableCell[][], widths: (number | string)[], options: { fontSize?: number; heights?: number } = {}): ContentTable {
  const fontSize = options.fontSize ?? 9.5;
  return {
    table: {
      headerRows: 1,
      widths,
      dontBreakRows: true,
      // Plain data (no function), so the definition can go to the rendering worker as is.
      ...(options.heights ? { heights: ['auto' as const, ...rows.map(() => options.heights ?? 'auto')] } : {}),
      body: [header.map((h): TableCell => ({ text: h, bold: true, alignment: 'center', fillColor: '#e8e8e8' })), ...rows],
    },
    fontSize,
    margin: [0, 4, 0, 8],
  } as ContentTable;
}

/** Label : value rows without borders (the identity block of a notulen or laporan). */
export function fieldTable(rows: [label: string, value: string][]): Content {
  return {
    table: { widths: [110, 8, '*'], body: rows.map(([label, value]): TableCell[] => [{ text: label }, { text: ':' }, { text: value }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** A centred, bold, underlined title with optional lines below it. */
export function documentTitle(title: string, subtitles: string[] = []): Content {
  return {
    stack: [{ text: title.toUpperCase(), bold: true, fontSize: 13, decoration: 'underline' }, ...subtitles.map((s): Content => ({ text: s, bold: true }))],
    alignment: 'center',
    margin: [0, 0, 0, 12],
  };
}

/** A section heading ("A. Pelaksanaan"). */
export function sectionHeading(text: string): Content {
  return { text, bold: true, margin: [0, 8, 0, 4] };
}

// ---------- the document ----------
export interface DocumentInput {
  /** PDF metadata title, and the small running title next to the page number. */
  title: string;
  kop: KopInput | null;
  content: Content[];
}

/** "Halaman 1 dari 3". */
export function pageLabel(current: number | string, total: number | string): string {
  return `Halaman ${current} dari ${total}`;
}

/** The page footer of `a4Document`, as data: the running title, and "Halaman x dari y" on the right. */
export interface PageFooterSpec {
  title: string;
  margin: [number, number, number, number];
}

/** The footer content of page `current` of `total`. */
export function pageFooter(spec: PageFooterSpec, current: number | string, total: number | string): Content {
  return {
    columns: [
      { text: spec.title, fontSize: 8, color: '#555555' },
      { text: pageLabel(current, total), alignment: 'right', fontSize: 8, width: 110 },
    ],
    margin: spec.margin,
  };
}

/** A footer callback that also carries its data, so the renderer can rebuild it in a worker thread. */
export type FooterWithSpec = ((current: number, total: number) => Content) & { pageFooterSpec: PageFooterSpec };

/** Characters of Windows-1252 beyond Latin-1: what the standard PDF fonts can print besides ASCII and Latin-1. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Whether every character can be printed with a standard PDF font (WinAnsi encoding). */
export function isWinAnsi(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (!WIN_ANSI_EXTRA.includes(ch)) return false;
  }
  return true;
}

/**
 * Times (a standard PDF font, what school papers are typed in, and about twice as fast to lay out)
 * when every character of the document fits its encoding; otherwise Roboto (shipped with pdfmake),
 * which also prints other scripts' letters, symbols and diacritics such as "Qur'ān".
 */
export function documentFont(content: unknown): { font: 'Times' | 'Roboto'; fontSize: number } {
  return isWinAnsi(JSON.stringify(content)) ? { font: 'Times', fontSize: 12 } : { font: 'Roboto', fontSize: BASE_FONT_SIZE };
}

/** The whole document: A4 portrait, school margins, the kop on the first page, page numbers in the footer. */
export function a4Document(input: DocumentInput): TDocumentDefinitions {
  const spec: PageFooterSpec = { title: input.title, margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0] };
  const content = [...(input.kop ? [kop(input.kop)] : []), ...input.content];
  const footer: FooterWithSpec = Object.assign((current: number, total: number) => pageFooter(spec, current, total), { pageFooterSpec: spec });
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: input.title, creator: 'Tumbuh', producer: 'Tumbuh' },
    defaultStyle: { ...documentFont([input.title, content]), lineHeight: 1.15 },
    content,
    footer,
  };
}

// ---------- files ----------
/** One part of a file name: letters, digits and dashes (accents dropped), case kept. */
export function fileNamePart(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "notulen-rapat-MIPA-2026-08-14.pdf" from its parts (empty parts dropped). */
export function attachmentFileName(parts: string[], extension: 'pdf' | 'xlsx'): string {
  const name = parts.map(fileNamePart).filter(Boolean).join('-') || 'dokumen';
  return `${name.slice(0, 120)}.${extension}`;
}

/** A group's short name for file names: "MGMP MIPA" → "MIPA". */
export function groupShortName(name: string): string {
  return name.replace(/^\s*(MGMP|KKG|MGBK)\s+/i, '').trim() || name;
}

/** `attachment` with an ASCII name and the RFC 5987 UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
