import type { Content } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import {
  a4Document,
  attachmentFileName,
  CONTENT_WIDTH,
  contentDisposition,
  documentFont,
  isWinAnsi,
  formatBulanTahun,
  formatHariTanggal,
  formatJam,
  formatRentangJam,
  formatTanggal,
  groupShortName,
  imageDataUrl,
  kop,
  kopAuthorityLines,
  kopIdentifierLine,
  pageLabel,
  PAGE_MARGINS,
  placeAndDate,
  placeName,
  signatureBlock,
  signatureCell,
  signatoryLines,
  type KopInput,
} from './documents.models.ts';

/** Every string in a pdfmake content tree, in order (what a reader of the page would see). */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'].flatMap((k) => (k in o ? texts(o[k]) : []));
  }
  return [];
}

describe('Indonesian dates', () => {
  it.each([
    ['2026-11-24', '24 November 2026'],
    ['2026-01-01', '1 Januari 2026'],
    ['2027-02-28', '28 Februari 2027'],
    ['2026-08-17', '17 Agustus 2026'],
    ['2026-05-09', '9 Mei 2026'],
  ])('formatTanggal(%s) = %s (no leading zero, Indonesian month)', (day, expected) => {
    expect(formatTanggal(day)).toBe(expected);
  });

  it.each([
    ['2026-11-24', 'Selasa, 24 November 2026'],
    ['2026-11-22', 'Minggu, 22 November 2026'],
    ['2026-11-27', 'Jumat, 27 November 2026'],
    ['2026-11-28', 'Sabtu, 28 November 2026'],
  ])('formatHariTanggal(%s) = %s', (day, expected) => {
    expect(formatHariTanggal(day)).toBe(expected);
  });

  it.each([
    ['2026-11-23T16:59:00Z', '23 November 2026'],
    ['2026-11-23T17:00:00Z', '24 November 2026'],
  ])('an instant is dated by its day in WIB (UTC+7): %s → %s', (instant, expected) => {
    expect(formatTanggal(new Date(instant))).toBe(expected);
  });

  it('hours in WIB with a dot, and a range with the zone', () => {
    expect(formatJam(new Date('2026-11-24T06:00:00Z'))).toBe('13.00');
    expect(formatRentangJam(new Date('2026-11-24T06:00:00Z'), new Date('2026-11-24T08:30:00Z'))).toBe('13.00–15.30 WIB');
  });

  it('a month of a programme', () => {
    expect(formatBulanTahun('2026-09')).toBe('September 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => formatTanggal('24/11/2026')).toThrow(RangeError);
  });
});

describe('kop surat', () => {
  const input: KopInput = {
    authorityLines: ['KEMENTERIAN AGAMA REPUBLIK INDONESIA', 'KANTOR KEMENTERIAN AGAMA KABUPATEN PAMEKASAN'],
    institutionName: 'MTs Contoh',
    address: 'Jl. Raya Polagan No. 1',
    region: 'Kabupaten Pamekasan, Jawa Timur',
    npsn: '99999001',
    nsm: '121235280001',
    logo: null,
  };

  it.each([
    [{ kind: 'madrasah', name: 'MTs Contoh' }, { city: 'Kabupaten Pamekasan' }, ['KEMENTERIAN AGAMA REPUBLIK INDONESIA', 'KANTOR KEMENTERIAN AGAMA KABUPATEN PAMEKASAN']],
    [{ kind: 'madrasah', name: 'MTs Contoh' }, { city: null }, ['KEMENTERIAN AGAMA REPUBLIK INDONESIA']],
    [{ kind: 'yayasan', name: 'Yayasan Contoh' }, { city: 'Kabupaten Sumenep' }, ['YAYASAN CONTOH']],
    [{ kind: 'kantor', name: 'Kantor Kemenag Kab. Sumenep' }, null, ['KEMENTERIAN AGAMA REPUBLIK INDONESIA', 'KANTOR KEMENAG KAB. SUMENEP']],
  ])('authority lines of %o with %o', (tenant, madrasah, expected) => {
    expect(kopAuthorityLines(tenant, madrasah)).toEqual(expected);
  });

  it('prints authority lines, the name in capitals, the address with region and the identifiers, in that order', () => {
    expect(texts(kop(input))).toEqual([
      '',
      'KEMENTERIAN AGAMA REPUBLIK INDONESIA',
      'KANTOR KEMENTERIAN AGAMA KABUPATEN PAMEKASAN',
      'MTS CONTOH',
      'Jl. Raya Polagan No. 1, Kabupaten Pamekasan, Jawa Timur',
      'NPSN: 99999001   NSM: 121235280001',
      '',
    ]);
  });

  it('ends with a double rule (thick over thin) across the text width', () => {
    const stack = (kop(input) as { stack: Content[] }).stack;
    const rule = stack.at(-1) as { canvas: { lineWidth: number; x2: number; y1: number }[] };
    expect(rule.canvas.map((l) => [l.lineWidth, l.x2])).toEqual([[2.5, CONTENT_WIDTH], [0.75, CONTENT_WIDTH]]);
    expect(rule.canvas[1]?.y1).toBeGreaterThan(rule.canvas[0]?.y1 ?? 0);
  });

  it('puts the logo left of the lines when there is one, and keeps the lines centred either way', () => {
    const withLogo = kop({ ...input, logo: 'data:image/png;base64,AAAA' }) as unknown as { stack: [{ columns: Record<string, unknown>[] }] };
    expect(withLogo.stack[0].columns[0]).toMatchObject({ image: 'data:image/png;base64,AAAA' });
    expect(withLogo.stack[0].columns[1]).toMatchObject({ alignment: 'center' });
  });

  it.each([
    [{ npsn: '99999001', nsm: null }, 'NPSN: 99999001'],
    [{ npsn: null, nsm: '121235280001' }, 'NSM: 121235280001'],
    [{ npsn: null, nsm: null }, null],
  ])('identifier line of %o', (ids, expected) => {
    expect(kopIdentifierLine(ids)).toBe(expected);
  });

  it.each([
    ['image/png', 'data:image/png;base64,AQI='],
    ['image/jpeg', 'data:image/jpeg;base64,AQI='],
    ['image/webp', null],
    ['application/pdf', null],
  ])('an image of type %s goes into the PDF as %s', (mediaType, expected) => {
    expect(imageDataUrl({ data: Buffer.from([1, 2]), mediaType })).toBe(expected);
  });
});

describe('signature blocks', () => {
  it.each([
    ['Kabupaten Pamekasan', 'Pamekasan'],
    ['Kab. Sumenep', 'Sumenep'],
    ['Kota Malang', 'Malang'],
    ['Pamekasan', 'Pamekasan'],
    ['  ', null],
    [null, null],
  ])('the place of %s is %s', (city, expected) => {
    expect(placeName(city)).toBe(expected);
  });

  it('place and Indonesian long date: "Pamekasan, 24 November 2026"', () => {
    expect(placeAndDate('Pamekasan', '2026-11-24')).toBe('Pamekasan, 24 November 2026');
    expect(placeAndDate(null, '2026-11-24')).toBe('24 November 2026');
  });

  it('a name is bold and underlined with its NIP below; no NIP prints a dash; nobody in office prints dots', () => {
    expect(signatoryLines({ role: 'Ketua', name: 'Khoirul Anam', nip: '198001012005011001' })).toEqual([
      { text: 'Khoirul Anam', bold: true, decoration: 'underline' },
      { text: 'NIP. 198001012005011001' },
    ]);
    expect(texts(signatoryLines({ role: 'Ketua', name: 'Khoirul Anam', nip: null }))).toEqual(['Khoirul Anam', 'NIP. -']);
    expect(texts(signatoryLines({ role: 'Ketua', name: null, nip: null }))[0]).toMatch(/^\(\.+\)$/);
  });

  it('ketua left, sekretaris right under place and date, then "Mengetahui," and the kepala; never split across pages', () => {
    const block = signatureBlock({
      place: 'Pamekasan',
      date: '2026-11-24',
      left: { role: 'Ketua MGMP MIPA', name: 'Khoirul Anam', nip: null },
      right: { role: 'Sekretaris MGMP MIPA', name: 'Siti Aminah', nip: '198502022010012002' },
      mengetahui: { role: 'Kepala MTs Contoh', name: 'H. Abdurrahman, M.Pd.I', nip: '197001011995031001' },
    }) as { unbreakable: boolean };
    expect(block.unbreakable).toBe(true);
    expect(texts(block)).toEqual([
      '', 'Ketua MGMP MIPA', '', 'Khoirul Anam', 'NIP. -',
      'Pamekasan, 24 November 2026', 'Sekretaris MGMP MIPA', '', 'Siti Aminah', 'NIP. 198502022010012002',
      'Mengetahui,', 'Kepala MTs Contoh', '', 'H. Abdurrahman, M.Pd.I', 'NIP. 197001011995031001',
    ]);
  });

  it('without a kepala there is no "Mengetahui" part', () => {
    const block = signatureBlock({ place: null, date: '2026-11-24', left: { role: 'Ketua', name: 'A', nip: null }, right: { role: 'Sekretaris', name: 'B', nip: null }, mengetahui: null });
    expect(texts(block)).not.toContain('Mengetahui,');
  });
});

describe('daftar hadir signature cells', () => {
  it.each([
    [1, 'left'],
    [2, 'right'],
    [3, 'left'],
    [4, 'right'],
    [39, 'left'],
    [40, 'right'],
  ] as const)('row %i signs on the %s half', (n, side) => {
    const { side: got, cell } = signatureCell(n);
    expect(got).toBe(side);
    const columns = (cell as { columns: { text: string }[] }).columns;
    expect(columns.map((c) => c.text)).toEqual(side === 'left' ? [`${n}.`, ''] : ['', `${n}.`]);
  });
});

describe('the page', () => {
  it('A4 portrait, left margin 3 cm for binding, kop first, "Halaman x dari y" in the footer', () => {
    const doc = a4Document({ title: 'Notulen', kop: null, content: [{ text: 'isi' }] });
    expect([doc.pageSize, doc.pageOrientation]).toEqual(['A4', 'portrait']);
    expect(PAGE_MARGINS[0]).toBeCloseTo(85.04, 1);
    const footer = (doc.footer as (c: number, t: number) => Content)(2, 3);
    expect(texts(footer)).toContain('Halaman 2 dari 3');
    expect(pageLabel(1, 1)).toBe('Halaman 1 dari 1');
  });
});

describe('file names', () => {
  it.each([
    [['notulen-rapat', 'MIPA', '2026-08-14'], 'pdf', 'notulen-rapat-MIPA-2026-08-14.pdf'],
    [['program-kerja', 'Rumpun PAI', '2026/2027'], 'pdf', 'program-kerja-Rumpun-PAI-2026-2027.pdf'],
    [['kehadiran', 'Bahasa & Sastra', '2026-07-01', '2027-06-30'], 'xlsx', 'kehadiran-Bahasa-Sastra-2026-07-01-2027-06-30.xlsx'],
    [['laporan-kegiatan', 'Qur’ān Hadīts', '2026-08-14'], 'pdf', 'laporan-kegiatan-Qur-an-Hadits-2026-08-14.pdf'],
    [['', '///'], 'pdf', 'dokumen.pdf'],
  ] as const)('%o → %s', (parts, ext, expected) => {
    expect(attachmentFileName([...parts], ext)).toBe(expected);
  });

  it.each([
    ['MGMP MIPA', 'MIPA'],
    ['MGMP Rumpun PAI', 'Rumpun PAI'],
    ['Matematika', 'Matematika'],
  ])('the short name of %s is %s', (name, expected) => {
    expect(groupShortName(name)).toBe(expected);
  });

  it('Content-Disposition is an attachment with an ASCII name and the UTF-8 form', () => {
    expect(contentDisposition('notulen-rapat-MIPA-2026-08-14.pdf')).toBe(`attachment; filename="notulen-rapat-MIPA-2026-08-14.pdf"; filename*=UTF-8''notulen-rapat-MIPA-2026-08-14.pdf`);
    expect(contentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });
});

describe('the font', () => {
  it.each([
    ['Notulen Rapat MGMP MIPA – 24 November 2026', true],
    ['“Kutipan” • € … Rp 10.000 ½ é ü', true],
    ['Qur’an Hadis', true],
    ['Qur’ān Hadīts', false],
    ['nilai ≥ 3', false],
    ['القرآن', false],
    ['rapat 🙂', false],
  ])('%s fits the standard font: %s', (text, expected) => {
    expect(isWinAnsi(text)).toBe(expected);
  });

  it('Times 12 pt (as school papers) when everything fits; Roboto otherwise', () => {
    expect(documentFont([{ text: 'Daftar Hadir' }])).toEqual({ font: 'Times', fontSize: 12 });
    expect(documentFont([{ text: 'Qur’ān' }])).toEqual({ font: 'Roboto', fontSize: 11 });
    expect(a4Document({ title: 'x', kop: null, content: [{ text: 'Ahmad' }] }).defaultStyle).toMatchObject({ font: 'Times' });
    expect(a4Document({ title: 'x', kop: null, content: [{ text: 'Nūr' }] }).defaultStyle).toMatchObject({ font: 'Roboto' });
  });
});
