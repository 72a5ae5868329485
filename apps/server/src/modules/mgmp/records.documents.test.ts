import { describe, expect, it } from 'vitest';
import type { KopInput } from '../documents/documents.models.ts';
import {
  agendaMinutesContent,
  attendanceSummaryText,
  daftarHadirDocument,
  daftarHadirRow,
  decisionOutcomeText,
  formatPercent,
  laporanDocument,
  notulenDocument,
  programKerjaDocument,
  realisationText,
  summariseAttendance,
  type AgendaRecord,
  type DecisionRecord,
  type MeetingRecord,
} from './records.documents.ts';
import { academicYearOf } from './records.usecases.ts';
import { attendanceMatrixRows, followUpSheetRows, meetingPresence, type AttendanceMatrix } from './records.workbooks.ts';

function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body', 'content'].flatMap((k) => (k in o ? texts(o[k]) : []));
  }
  return [];
}
const flat = (node: unknown) => texts(node).join(' ');

const kop: KopInput = { authorityLines: ['KEMENTERIAN AGAMA REPUBLIK INDONESIA'], institutionName: 'MTs Contoh', address: null, region: null, npsn: '99999001', nsm: null, logo: null };
const tally = { setuju: 0, abstain: 0, tidak_setuju: 0, blok: 0 };
const mufakat: DecisionRecord = { proposal: 'Satu format modul ajar', status: 'closed', outcome: 'mufakat', adopted: true, statement: 'Format modul ajar bersama dipakai mulai bulan depan.', rationale: 'Disepakati bulat.', reviewDate: '2026-12-01', tally };
const vote: DecisionRecord = { proposal: 'Asesmen bersama', status: 'closed', outcome: 'vote', adopted: true, statement: 'Asesmen sumatif bersama pekan kedua.', rationale: 'Mayoritas setuju.', reviewDate: null, tally: { setuju: 4, abstain: 1, tidak_setuju: 1, blok: 0 } };

const record: MeetingRecord = {
  kop,
  place: 'Pamekasan',
  groupName: 'MGMP MIPA',
  institutionName: 'MTs Contoh',
  ketua: { role: 'Ketua', name: 'Khoirul Anam', nip: null },
  sekretaris: { role: 'Sekretaris', name: 'Siti Aminah', nip: '198502022010012002' },
  kepala: { role: 'Kepala Madrasah', name: 'H. Abdurrahman', nip: '197001011995031001' },
  meeting: { title: 'Pertemuan rutin November', startsAt: new Date('2026-11-24T06:00:00Z'), endsAt: new Date('2026-11-24T08:00:00Z'), place: 'Laboratorium', onlineUrl: null, status: 'selesai', cancelReason: null },
  attendance: [
    { name: 'Khoirul Anam', nip: null, role: 'ketua', code: 'H', note: null },
    { name: 'Siti Aminah', nip: '198502022010012002', role: 'sekretaris', code: 'H', note: null },
    { name: 'Budi', nip: null, role: 'anggota', code: 'I', note: 'Tugas dinas' },
    { name: 'Citra', nip: null, role: 'anggota', code: null, note: null },
  ],
  agenda: [
    { ordinal: 1, title: 'Diskusi asesmen', minutes: { summary: 'Membahas asesmen.', problems: 'Soal HOTS sedikit.', contributions: [{ name: 'Budi', text: 'Contoh soal' }], status: 'approved', revision: 2, correctionReason: 'Salah nama' }, decisions: [mufakat, vote] },
    { ordinal: 2, title: 'Lain-lain', minutes: null, decisions: [] },
  ],
  followUps: [{ what: 'Menyusun kisi-kisi', owners: ['Budi', 'Citra'], dueDate: '2026-12-10', status: 'sedang', overdue: true, evidence: null }],
  photos: [],
};

describe('attendance summary', () => {
  it.each([
    [['H', 'H', 'I', null], { members: 4, H: 2, I: 1, S: 0, A: 0, unrecorded: 1, rate: 0.5 }],
    [['H', 'S', 'A'], { members: 3, H: 1, I: 0, S: 1, A: 1, unrecorded: 0, rate: 1 / 3 }],
    [[], { members: 0, H: 0, I: 0, S: 0, A: 0, unrecorded: 0, rate: null }],
  ] as const)('counts %o', (codes, expected) => {
    expect(summariseAttendance(codes.map((code) => ({ code })))).toEqual(expected);
  });

  it.each([
    [0.5, '50%'],
    [2 / 3, '67%'],
    [1, '100%'],
    [null, '-'],
  ])('percent of %s is %s', (rate, expected) => {
    expect(formatPercent(rate)).toBe(expected);
  });

  it('in words, with the not-yet-recorded ones', () => {
    expect(attendanceSummaryText(summariseAttendance(record.attendance))).toBe('Hadir 2 dari 4 peserta (50%); izin 1, sakit 0, alpa 0; belum dicatat 1');
  });
});

describe('daftar hadir rows', () => {
  it.each([
    [0, ['1', 'Khoirul Anam', 'NIP. -', 'Ketua', '1.', '', 'Hadir']],
    [1, ['2', 'Siti Aminah', 'NIP. 198502022010012002', 'Sekretaris', '', '2.', 'Hadir']],
    [2, ['3', 'Budi', 'NIP. -', 'Anggota', '3.', '', 'Izin – Tugas dinas']],
    [3, ['4', 'Citra', 'NIP. -', 'Anggota', '', '4.', '']],
  ])('row %i: number, name with NIP, office, signature on alternating halves, attendance', (i, expected) => {
    const line = record.attendance[i];
    if (!line) throw new Error('no line');
    expect(texts(daftarHadirRow(line, i + 1))).toEqual(expected);
  });

  it('a recorded teacher who left the group signs as Peserta', () => {
    expect(texts(daftarHadirRow({ name: 'Dedi', nip: null, role: null, code: 'H', note: null }, 5))).toContain('Peserta');
  });

  it('the document has the kop, the title, every member and the signatures', () => {
    const text = flat(daftarHadirDocument(record));
    for (const s of ['MTS CONTOH', 'DAFTAR HADIR', 'Selasa, 24 November 2026', '13.00–15.00 WIB', 'Citra', 'Pamekasan, 24 November 2026', 'Mengetahui,', 'Kepala MTs Contoh']) expect(text).toContain(s);
  });
});

describe('decisions in words', () => {
  it.each([
    [mufakat, 'Mufakat (musyawarah), usulan diterima'],
    [{ ...mufakat, adopted: false }, 'Mufakat (musyawarah), usulan tidak diterima'],
    [vote, 'Pemungutan suara: setuju 4, abstain 1, tidak setuju 1, keberatan (blok) 0; usulan diterima'],
    [{ ...vote, adopted: false, tally: { setuju: 1, abstain: 0, tidak_setuju: 3, blok: 1 } }, 'Pemungutan suara: setuju 1, abstain 0, tidak setuju 3, keberatan (blok) 1; usulan tidak diterima'],
    [{ ...vote, status: 'open', outcome: null, adopted: null }, 'Belum diputuskan (masih dalam musyawarah)'],
  ] as [DecisionRecord, string][])('%#: %s', (d, expected) => {
    expect(decisionOutcomeText(d)).toBe(expected);
  });
});

describe('notulen per agenda item', () => {
  it('summary, problems, contributions by name, the approval with its revision, and every decision with outcome, rationale and review date', () => {
    const item = record.agenda[0] as AgendaRecord;
    const text = flat(agendaMinutesContent(item));
    for (const s of ['1. Diskusi asesmen', 'Membahas asesmen.', 'Soal HOTS sedikit.', 'Budi: Contoh soal', 'Disetujui ketua (revisi ke-2: Salah nama)', `Keputusan 1: ${mufakat.statement}`, 'Mufakat (musyawarah)', 'Disepakati bulat.', '1 Desember 2026', `Keputusan 2: ${vote.statement}`, 'setuju 4']) expect(text).toContain(s);
  });

  it('an item without minutes says so; an open proposal is not printed as a decision', () => {
    expect(flat(agendaMinutesContent(record.agenda[1] as AgendaRecord))).toContain('Notulen belum ditulis.');
    const open = flat(agendaMinutesContent({ ordinal: 3, title: 'Usulan', minutes: null, decisions: [{ ...vote, status: 'open', statement: null }] }));
    expect(open).toContain('Usulan 1 (belum diputuskan)');
    expect(open).not.toContain('Keputusan 1');
  });

  it('the notulen names the chair and the note-taker and signs as Notulis', () => {
    const text = flat(notulenDocument(record));
    for (const s of ['NOTULEN RAPAT', 'Pimpinan rapat', 'Khoirul Anam', 'Notulis', 'Notulis / Sekretaris', 'Susunan acara', 'Hasil pembahasan']) expect(text).toContain(s);
  });
});

describe('laporan kegiatan', () => {
  it('has the six sections, who was absent and why, the decisions and the follow-ups with the overdue flag', () => {
    const text = flat(laporanDocument(record));
    for (const s of ['LAPORAN KEGIATAN', 'A. Pelaksanaan', 'B. Agenda', 'C. Kehadiran', 'D. Hasil pembahasan dan keputusan', 'E. Tindak lanjut', 'F. Dokumentasi', 'Budi (Izin, Tugas dinas)', mufakat.statement ?? '', 'Menyusun kisi-kisi', 'Budi, Citra', '10 Desember 2026', 'Sedang (terlambat)', 'Tidak ada foto dokumentasi.']) expect(text).toContain(s);
  });

  it('photos go two per row with their captions', () => {
    const doc = laporanDocument({ ...record, photos: [1, 2, 3].map((k) => ({ caption: k === 2 ? null : `Foto kegiatan ${k}`, dataUrl: 'data:image/png;base64,AAAA' })) });
    const text = flat(doc);
    expect(text).toContain('Foto kegiatan 1');
    expect(text).toContain('Foto 2');
    expect(text).toContain('Foto kegiatan 3');
  });
});

describe('program kerja', () => {
  it.each([
    ['selesai', 'Terlaksana'],
    ['direncanakan', 'Dijadwalkan'],
    ['berlangsung', 'Dijadwalkan'],
    ['dibatalkan', 'Dibatalkan'],
    [null, 'Belum dijadwalkan'],
  ])('realisation of a plan whose meeting is %s: %s', (status, expected) => {
    expect(realisationText(status)).toBe(expected);
  });

  it('groups activities by type, with month names and the planned / held count', () => {
    const text = flat(
      programKerjaDocument({
        ...record,
        academicYear: '2026/2027',
        date: '2026-07-15',
        items: [
          { type: 'pengembangan', title: 'Workshop PTK', topic: 'PTK', targetMonth: '2026-10', personInCharge: 'Siti Aminah', meetingStatus: null },
          { type: 'rutin', title: 'Diskusi asesmen', topic: 'Asesmen', targetMonth: '2026-08', personInCharge: 'Khoirul Anam', meetingStatus: 'selesai' },
        ],
      }),
    );
    expect(text).toContain('Tahun Pelajaran 2026/2027');
    expect(text.indexOf('A. Program rutin')).toBeLessThan(text.indexOf('B. Program pengembangan'));
    expect(text).not.toContain('Program penunjang');
    for (const s of ['Agustus 2026', 'Oktober 2026', 'Terlaksana', 'Belum dijadwalkan', 'Jumlah kegiatan direncanakan: 2; terlaksana: 1.', 'Pamekasan, 15 Juli 2026']) expect(text).toContain(s);
  });

  it.each([
    ['2026-07-01', '2026/2027'],
    ['2026-06-30', '2025/2026'],
    ['2027-01-15', '2026/2027'],
  ])('the academic year of %s is %s', (day, expected) => {
    expect(academicYearOf(day)).toBe(expected);
  });
});

describe('XLSX rows', () => {
  const matrix: AttendanceMatrix = {
    groupName: 'MGMP MIPA',
    institutionName: 'MTs Contoh',
    from: '2026-07-01',
    to: '2027-06-30',
    meetings: ['m1', 'm2', 'm3'].map((id, k) => ({ id, title: `Pertemuan ${k + 1}`, startsAt: new Date(`2026-0${k + 7}-10T06:00:00Z`), day: `2026-0${k + 7}-10`, status: k === 2 ? 'direncanakan' : 'selesai' })),
    members: [
      { teacherId: 'a', name: 'Anam', nip: null, role: 'ketua' },
      { teacherId: 'b', name: 'Budi', nip: '1', role: 'anggota' },
      { teacherId: 'c', name: 'Citra', nip: null, role: null },
    ],
    codes: new Map([
      ['m1:a', 'H'],
      ['m2:a', 'H'],
      ['m1:b', 'S'],
      ['m2:b', 'H'],
    ] as const),
  };

  it('attendance: codes per meeting, H/I/S/A counts, rate over recorded meetings (an upcoming meeting does not count)', () => {
    expect(attendanceMatrixRows(matrix)).toEqual([
      { name: 'Anam', nip: null, role: 'Ketua', codes: ['H', 'H', ''], H: 2, I: 0, S: 0, A: 0, rate: 1 },
      { name: 'Budi', nip: '1', role: 'Anggota', codes: ['S', 'H', ''], H: 1, I: 0, S: 1, A: 0, rate: 0.5 },
      { name: 'Citra', nip: null, role: '', codes: ['', '', ''], H: 0, I: 0, S: 0, A: 0, rate: null },
    ]);
  });

  it('presence per meeting over the members', () => {
    expect(meetingPresence(matrix)).toEqual([
      { present: 1, rate: 1 / 3 },
      { present: 2, rate: 2 / 3 },
      { present: 0, rate: 0 },
    ]);
  });

  it('follow-ups: owners joined, due date as a date, Indonesian status, overdue Ya/Tidak', () => {
    const rows = followUpSheetRows({
      groupName: 'MGMP MIPA',
      institutionName: 'MTs Contoh',
      today: '2026-11-24',
      items: [
        { what: 'Kisi-kisi', owners: ['Budi', 'Citra'], dueDate: '2026-11-01', status: 'belum', overdue: true, evidence: null, decision: 'Asesmen bersama', completedAt: null },
        { what: 'Modul', owners: ['Anam'], dueDate: '2026-10-01', status: 'selesai', overdue: false, evidence: 'Diunggah', decision: null, completedAt: '2026-09-28' },
      ],
    });
    expect(rows).toEqual([
      [1, 'Kisi-kisi', 'Budi, Citra', new Date('2026-11-01T00:00:00Z'), 'Belum', 'Ya', '', 'Asesmen bersama', ''],
      [2, 'Modul', 'Anam', new Date('2026-10-01T00:00:00Z'), 'Selesai', 'Tidak', 'Diunggah', '', new Date('2026-09-28T00:00:00Z')],
    ]);
  });
});
