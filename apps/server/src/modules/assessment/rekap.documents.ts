/**
 * The "Rekap Hasil Penilaian Kinerja Guru Kelas/Mata Pelajaran" (Pedoman PK Guru, Lampiran 1C;
 * shared/reference/domain-indonesia.md §5.3), pure: data in, pdfmake document definition out.
 * Identity block a (the teacher), block b (the madrasah), the period box with Formatif / Sumatif /
 * Kemajuan ticks, the 14 competency values, Jumlah, the conversion to 0–100, the footnote and the
 * three signatures: Guru yang dinilai, Penilai, Kepala Madrasah.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { a4Document, documentTitle, fieldTable, formatTanggal, gridTable, sectionHeading, signatureBlock, type KopInput, type Signatory } from '../documents/documents.models.ts';

export interface RekapInput {
  kop: KopInput | null;
  place: string | null;
  /** Date printed by the signatures (the finalisation date). */
  date: string | Date;
  teacher: {
    name: string;
    nip: string | null;
    nuptk: string | null;
    birthPlace: string | null;
    birthDate: string | null;
    gender: string | null;
    ptkType: string | null;
    employmentStatus: string | null;
    subjects: string[];
  };
  madrasah: { name: string; phone: string | null; address: string | null; city: string | null; province: string | null };
  period: { academicYear: string; kind: 'formatif' | 'sumatif'; startsOn: string; endsOn: string };
  competencies: { number: number; name: string; value: number }[];
  total: number;
  maxTotal: number;
  nilai: number;
  category: string;
  creditPercent: number;
  rule: string;
  raterKindLabel: string;
  rater: Signatory;
  kepala: Signatory;
}

const RULE_TEXT: Record<string, string> = {
  'round-half-up': 'Nilai PK Guru (100) dibulatkan ke bilangan bulat terdekat sebelum disebut',
  floor: 'Nilai PK Guru (100) dibulatkan ke bawah sebelum disebut',
  exact: 'Nilai PK Guru (100) disebut tanpa pembulatan',
};

const dash = (v: string | null | undefined) => (v && v.trim() ? v.trim() : '-');
const tick = (on: boolean) => (on ? '[X]' : '[  ]');

/** Two decimals with a decimal comma, as Indonesian forms print numbers. */
export function angka(value: number): string {
  return value.toFixed(2).replace('.', ',');
}

export function rekapDocument(input: RekapInput) {
  const t = input.teacher;
  const birth = [t.birthPlace, t.birthDate ? formatTanggal(t.birthDate) : null].filter(Boolean).join(', ');
  const rows: TableCell[][] = input.competencies.map((c) => [{ text: String(c.number), alignment: 'center' }, { text: c.name }, { text: String(c.value), alignment: 'center', bold: true }]);
  rows.push([{ text: 'Jumlah (Hasil penilaian kinerja guru)', colSpan: 2, bold: true }, {}, { text: String(input.total), alignment: 'center', bold: true }]);
  const content: Content[] = [
    documentTitle('Rekap Hasil Penilaian Kinerja Guru Kelas/Mata Pelajaran', [`Tahun Pelajaran ${input.period.academicYear}`]),
    sectionHeading('a. Identitas Guru'),
    fieldTable([
      ['Nama', t.name],
      ['NIP / Karpeg', dash(t.nip)],
      ['Tempat/Tanggal Lahir', dash(birth)],
      ['NUPTK', dash(t.nuptk)],
      ['Pangkat/Jabatan/Golongan', dash(t.ptkType)],
      ['Status kepegawaian', dash(t.employmentStatus)],
      ['Jenis kelamin', t.gender === 'L' ? 'Laki-laki' : t.gender === 'P' ? 'Perempuan' : '-'],
      ['Mata pelajaran yang diampu', dash(t.subjects.join(', '))],
    ]),
    sectionHeading('b. Identitas Madrasah'),
    fieldTable([
      ['Nama Instansi/Madrasah', input.madrasah.name],
      ['Telp/Fax', dash(input.madrasah.phone)],
      ['Alamat', dash(input.madrasah.address)],
      ['Kabupaten/Kota', dash(input.madrasah.city)],
      ['Provinsi', dash(input.madrasah.province)],
    ]),
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: `Periode Penilaian: ${formatTanggal(input.period.startsOn)} sampai ${formatTanggal(input.period.endsOn)}` },
                { text: `${tick(input.period.kind === 'formatif')} Formatif     ${tick(input.period.kind === 'sumatif')} Sumatif     ${tick(false)} Kemajuan          Tahun: ${input.period.academicYear}` },
                { text: `Penilai: ${input.raterKindLabel}` },
              ],
            },
          ],
        ],
      },
      margin: [0, 4, 0, 8],
    },
    gridTable(['NO', 'KOMPETENSI', 'NILAI'], rows, [28, '*', 50]),
    fieldTable([
      ['Nilai PK Guru', `${input.total} dari ${input.maxTotal}`],
      ['Nilai PK Guru (100)', `${input.total} / ${input.maxTotal} × 100 = ${angka(input.nilai)}`],
      ['Sebutan', input.category],
      ['Persentase angka kredit', `${input.creditPercent}%`],
    ]),
    { text: 'Konversi nilai PK Guru ke dalam skala 0–100: Nilai PK Guru (100) = Nilai PK Guru / Nilai maksimum PK Guru × 100.', fontSize: 9 },
    { text: 'Nilai minimum per kompetensi = 1 dan nilai maksimum = 4.', fontSize: 9 },
    { text: `Aturan pembulatan: ${RULE_TEXT[input.rule] ?? input.rule}.`, fontSize: 9 },
    signatureBlock({
      place: input.place,
      date: input.date,
      left: { role: 'Guru yang dinilai', name: t.name, nip: t.nip },
      right: { ...input.rater, role: 'Penilai' },
      mengetahui: { ...input.kepala, role: 'Kepala Madrasah' },
    }),
  ];
  return a4Document({ title: `Rekap Hasil PKG ${t.name}`, kop: input.kop, content });
}
