import type { MgmpAttendanceCode, MgmpFollowUpStatus, MgmpMemberRole, MgmpProgrammeType } from '@tumbuh/shared';
import type { Column, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  a4Document,
  CONTENT_WIDTH,
  documentTitle,
  fieldTable,
  formatBulanTahun,
  formatHariTanggal,
  formatRentangJam,
  formatTanggal,
  gridTable,
  sectionHeading,
  signatureBlock,
  signatureCell,
  type KopInput,
  type Signatory,
} from '../documents/documents.models.ts';

/**
 * The MGMP records schools file, as pure document definitions (data in, pdfmake definition out):
 * daftar hadir, notulen rapat, laporan kegiatan and program kerja tahunan. The data is loaded by
 * records.usecases.ts; rendering is documents.render.ts.
 */

// ---------- the data ----------
export interface RecordHeader {
  kop: KopInput;
  /** Place written before the date of the signatures ("Pamekasan"). */
  place: string | null;
  groupName: string;
  /** The madrasah (or tenant) the group belongs to. */
  institutionName: string;
  ketua: Signatory;
  sekretaris: Signatory;
  /** Signs "Mengetahui, Kepala Madrasah"; null when the madrasah has none recorded. */
  kepala: Signatory | null;
}

export interface AttendanceLine {
  name: string;
  nip: string | null;
  role: MgmpMemberRole | null;
  code: MgmpAttendanceCode | null;
  note: string | null;
}

export interface VoteTallyRecord {
  setuju: number;
  abstain: number;
  tidak_setuju: number;
  blok: number;
}

export interface DecisionRecord {
  proposal: string;
  status: 'open' | 'closed';
  outcome: 'mufakat' | 'vote' | null;
  adopted: boolean | null;
  statement: string | null;
  rationale: string | null;
  reviewDate: string | null;
  tally: VoteTallyRecord;
  /** How many audited corrections the closed decision had (0 or absent: none). */
  revision?: number;
}

export interface AgendaRecord {
  ordinal: number;
  title: string;
  minutes: {
    summary: string;
    problems: string | null;
    contributions: { name: string; text: string }[];
    status: 'draft' | 'approved';
    revision: number;
    correctionReason: string | null;
  } | null;
  decisions: DecisionRecord[];
}

export interface FollowUpRecord {
  what: string;
  owners: string[];
  dueDate: string;
  status: MgmpFollowUpStatus;
  overdue: boolean;
  evidence: string | null;
}

export interface PhotoRecord {
  caption: string | null;
  /** PNG or JPEG data URL. */
  dataUrl: string;
}

export interface MeetingRecord extends RecordHeader {
  meeting: { title: string; startsAt: Date; endsAt: Date; place: string | null; onlineUrl: string | null; status: string; cancelReason: string | null };
  attendance: AttendanceLine[];
  agenda: AgendaRecord[];
  followUps: FollowUpRecord[];
  photos: PhotoRecord[];
}

export interface ProgrammeRecord extends RecordHeader {
  academicYear: string;
  /** Day the programme is signed (the day it is printed). */
  date: string;
  items: { type: MgmpProgrammeType; title: string; topic: string | null; targetMonth: string; personInCharge: string | null; meetingStatus: string | null }[];
}

// ---------- small rules ----------
export const ROLE_LABEL: Record<MgmpMemberRole, string> = { ketua: 'Ketua', sekretaris: 'Sekretaris', bendahara: 'Bendahara', anggota: 'Anggota' };
export const ATTENDANCE_LABEL: Record<MgmpAttendanceCode, string> = { H: 'Hadir', I: 'Izin', S: 'Sakit', A: 'Alpa' };
export const FOLLOW_UP_LABEL: Record<MgmpFollowUpStatus, string> = { belum: 'Belum', sedang: 'Sedang', selesai: 'Selesai', batal: 'Batal' };
export const PROGRAMME_TYPE_LABEL: Record<MgmpProgrammeType, string> = { rutin: 'Program rutin', pengembangan: 'Program pengembangan', penunjang: 'Program penunjang' };
const MEETING_STATUS_LABEL: Record<string, string> = { direncanakan: 'Direncanakan', berlangsung: 'Berlangsung', selesai: 'Selesai', dibatalkan: 'Dibatalkan' };

export interface AttendanceSummary {
  members: number;
  H: number;
  I: number;
  S: number;
  A: number;
  /** Not recorded yet. */
  unrecorded: number;
  /** Present / members, 0–1; null without members. */
  rate: number | null;
}

/** Counts H/I/S/A over the lines of a daftar hadir. */
export function summariseAttendance(lines: readonly Pick<AttendanceLine, 'code'>[]): AttendanceSummary {
  const s: AttendanceSummary = { members: lines.length, H: 0, I: 0, S: 0, A: 0, unrecorded: 0, rate: null };
  for (const l of lines) {
    if (l.code) s[l.code] += 1;
    else s.unrecorded += 1;
  }
  s.rate = lines.length === 0 ? null : s.H / lines.length;
  return s;
}

/** "87%" (whole percent), or "-" when there is nothing to count. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '-' : `${Math.round(rate * 100)}%`;
}

/** "Hadir 5 dari 7 peserta (71%); izin 1, sakit 1, alpa 0" — everyone on the daftar hadir: the invitees (members and guests) and anyone else recorded. */
export function attendanceSummaryText(s: AttendanceSummary): string {
  const text = `Hadir ${s.H} dari ${s.members} peserta (${formatPercent(s.rate)}); izin ${s.I}, sakit ${s.S}, alpa ${s.A}`;
  return s.unrecorded ? `${text}; belum dicatat ${s.unrecorded}` : text;
}

/** How a decision ended, in words: mufakat, or the vote counts and whether the proposal was adopted. */
export function decisionOutcomeText(d: Pick<DecisionRecord, 'status' | 'outcome' | 'adopted' | 'tally'>): string {
  if (d.status === 'open') return 'Belum diputuskan (masih dalam musyawarah)';
  const adopted = d.adopted === false ? 'usulan tidak diterima' : 'usulan diterima';
  if (d.outcome === 'mufakat') return `Mufakat (musyawarah), ${adopted}`;
  const t = d.tally;
  return `Pemungutan suara: setuju ${t.setuju}, abstain ${t.abstain}, tidak setuju ${t.tidak_setuju}, keberatan (blok) ${t.blok}; ${adopted}`;
}

function meetingPlace(m: MeetingRecord['meeting']): string {
  return [m.place, m.onlineUrl ? `Daring: ${m.onlineUrl}` : null].filter(Boolean).join('; ') || '-';
}

/** The ketua and sekretaris, and the kepala who signs "Mengetahui". */
function signatures(r: RecordHeader, date: string | Date, right: 'Sekretaris' | 'Notulis'): Content {
  return signatureBlock({
    place: r.place,
    date,
    left: { ...r.ketua, role: `Ketua ${r.groupName}` },
    right: { ...r.sekretaris, role: right === 'Notulis' ? 'Notulis / Sekretaris' : `Sekretaris ${r.groupName}` },
    mengetahui: r.kepala ? { ...r.kepala, role: `Kepala ${r.institutionName}` } : null,
  });
}

function identity(r: MeetingRecord, extra: [string, string][] = []): Content {
  const m = r.meeting;
  return fieldTable([
    ['Hari/Tanggal', formatHariTanggal(m.startsAt)],
    ['Waktu', formatRentangJam(m.startsAt, m.endsAt)],
    ['Tempat', meetingPlace(m)],
    ['Kegiatan', m.title],
    ...extra,
  ]);
}

function memberNameCell(line: Pick<AttendanceLine, 'name' | 'nip'>): TableCell {
  return { stack: [{ text: line.name }, { text: `NIP. ${line.nip ?? '-'}`, fontSize: 8, color: '#444444' }] };
}

// ---------- daftar hadir ----------
/** One row of the daftar hadir: No, name and NIP, office, attendance, signature (alternating sides). */
export function daftarHadirRow(line: AttendanceLine, n: number): TableCell[] {
  const keterangan = line.code ? [line.code === 'H' ? 'Hadir' : ATTENDANCE_LABEL[line.code], line.note].filter(Boolean).join(' – ') : '';
  return [
    { text: String(n), alignment: 'center' },
    memberNameCell(line),
    { text: line.role ? ROLE_LABEL[line.role] : 'Peserta' },
    signatureCell(n).cell,
    { text: keterangan, fontSize: 8.5 },
  ];
}

export function daftarHadirDocument(r: MeetingRecord): TDocumentDefinitions {
  const summary = summariseAttendance(r.attendance);
  return a4Document({
    title: `Daftar Hadir ${r.groupName} – ${formatTanggal(r.meeting.startsAt)}`,
    kop: r.kop,
    content: [
      documentTitle('Daftar Hadir', [r.groupName]),
      identity(r),
      gridTable(['No', 'Nama / NIP', 'Jabatan', 'Tanda Tangan', 'Keterangan'], r.attendance.map((line, i) => daftarHadirRow(line, i + 1)), [22, '*', 62, 120, 70], { heights: 30 }),
      { text: attendanceSummaryText(summary), fontSize: 9.5, italics: true },
      signatures(r, r.meeting.startsAt, 'Sekretaris'),
    ],
  });
}

// ---------- notulen ----------
function decisionContent(d: DecisionRecord, k: number): Content {
  const rows: [string, string][] = [['Usulan', d.proposal], ['Hasil', decisionOutcomeText(d)]];
  if (d.rationale) rows.push(['Alasan', d.rationale]);
  if (d.reviewDate) rows.push(['Ditinjau ulang', formatTanggal(d.reviewDate)]);
  if (d.revision) rows.push(['Koreksi', `Dikoreksi ${d.revision} kali; rumusan sebelumnya tersimpan dalam riwayat revisi`]);
  return {
    stack: [
      { text: d.status === 'closed' && d.statement ? `Keputusan ${k}: ${d.statement}` : `Usulan ${k} (belum diputuskan)`, bold: true },
      { table: { widths: [80, 8, '*'], body: rows.map(([a, b]): TableCell[] => [{ text: a }, { text: ':' }, { text: b }]) }, layout: 'noBorders', fontSize: 10 },
    ],
    margin: [12, 2, 0, 4],
  };
}

/** The minutes of one agenda item: summary, problems, contributions by whom, decisions. */
export function agendaMinutesContent(item: AgendaRecord): Content {
  const body: Content[] = [{ text: `${item.ordinal}. ${item.title}`, bold: true, margin: [0, 6, 0, 2] }];
  const m = item.minutes;
  if (!m) body.push({ text: 'Notulen belum ditulis.', italics: true, margin: [12, 0, 0, 2] });
  else {
    const status = m.status === 'approved' ? (m.revision > 1 ? `Disetujui ketua (revisi ke-${m.revision}${m.correctionReason ? `: ${m.correctionReason}` : ''})` : 'Disetujui ketua') : 'Draf, belum disetujui ketua';
    body.push({
      stack: [
        { text: [{ text: 'Ringkasan pembahasan: ', bold: true }, m.summary] },
        { text: [{ text: 'Permasalahan: ', bold: true }, m.problems ?? '-'] },
        { text: 'Kontribusi / usulan anggota:', bold: true },
        m.contributions.length ? { ul: m.contributions.map((c) => `${c.name}: ${c.text}`), margin: [8, 0, 0, 0] } : { text: '-' },
        { text: status, italics: true, fontSize: 9, color: '#444444' },
      ],
      margin: [12, 0, 0, 2],
    });
  }
  if (item.decisions.length) {
    body.push({ text: 'Keputusan musyawarah:', bold: true, margin: [12, 2, 0, 0] });
    item.decisions.forEach((d, k) => body.push(decisionContent(d, k + 1)));
  }
  return { stack: body };
}

export function notulenDocument(r: MeetingRecord): TDocumentDefinitions {
  const summary = summariseAttendance(r.attendance);
  return a4Document({
    title: `Notulen Rapat ${r.groupName} – ${formatTanggal(r.meeting.startsAt)}`,
    kop: r.kop,
    content: [
      documentTitle('Notulen Rapat', [r.groupName]),
      identity(r, [
        ['Pimpinan rapat', r.ketua.name ?? '-'],
        ['Notulis', r.sekretaris.name ?? '-'],
        ['Peserta', attendanceSummaryText(summary)],
      ]),
      sectionHeading('Susunan acara'),
      r.agenda.length ? { ol: r.agenda.map((a) => a.title), margin: [8, 0, 0, 4] } : { text: '-' },
      sectionHeading('Hasil pembahasan'),
      ...r.agenda.map(agendaMinutesContent),
      signatures(r, r.meeting.startsAt, 'Notulis'),
    ],
  });
}

// ---------- laporan kegiatan ----------
function followUpRows(items: readonly FollowUpRecord[]): TableCell[][] {
  return items.map((f, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: f.what },
    { text: f.owners.join(', ') || '-' },
    { text: formatTanggal(f.dueDate) },
    { text: f.overdue ? `${FOLLOW_UP_LABEL[f.status]} (terlambat)` : FOLLOW_UP_LABEL[f.status], bold: f.overdue },
  ]);
}

/** Photos two per row, each with its caption. */
export function photoGrid(photos: readonly PhotoRecord[]): Content {
  const width = (CONTENT_WIDTH - 16) / 2;
  const rows: Content[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    const pair = photos.slice(i, i + 2);
    rows.push({
      columns: pair.map((p, k): Column => ({ stack: [{ image: p.dataUrl, fit: [width, width * 0.75] }, { text: p.caption ?? `Foto ${i + k + 1}`, fontSize: 9, italics: true, margin: [0, 2, 0, 0] }], width })),
      columnGap: 16,
      margin: [0, 0, 0, 10],
      unbreakable: true,
    } as Content);
  }
  return { stack: rows };
}

export function laporanDocument(r: MeetingRecord): TDocumentDefinitions {
  const summary = summariseAttendance(r.attendance);
  const decisions = r.agenda.flatMap((a) => a.decisions.map((d) => ({ d, item: a.title })));
  const absent = r.attendance.filter((l) => l.code && l.code !== 'H');
  const status = MEETING_STATUS_LABEL[r.meeting.status] ?? r.meeting.status;
  return a4Document({
    title: `Laporan Kegiatan ${r.groupName} – ${formatTanggal(r.meeting.startsAt)}`,
    kop: r.kop,
    content: [
      documentTitle('Laporan Kegiatan', [r.groupName, r.meeting.title]),
      sectionHeading('A. Pelaksanaan'),
      identity(r, [['Status', r.meeting.cancelReason ? `${status} (${r.meeting.cancelReason})` : status]]),
      sectionHeading('B. Agenda'),
      r.agenda.length ? { ol: r.agenda.map((a) => a.title), margin: [8, 0, 0, 4] } : { text: '-' },
      sectionHeading('C. Kehadiran'),
      gridTable(
        ['Anggota', 'Hadir', 'Izin', 'Sakit', 'Alpa', 'Persentase hadir'],
        [[String(summary.members), String(summary.H), String(summary.I), String(summary.S), String(summary.A), formatPercent(summary.rate)].map((t): TableCell => ({ text: t, alignment: 'center' }))],
        ['*', '*', '*', '*', '*', '*'],
      ),
      absent.length ? { text: `Tidak hadir: ${absent.map((l) => `${l.name} (${l.code ? ATTENDANCE_LABEL[l.code] : ''}${l.note ? `, ${l.note}` : ''})`).join('; ')}.`, fontSize: 9.5 } : { text: 'Semua anggota yang tercatat hadir.', fontSize: 9.5 },
      sectionHeading('D. Hasil pembahasan dan keputusan'),
      ...r.agenda.filter((a) => a.minutes).map((a): Content => ({ text: [{ text: `${a.title}: `, bold: true }, a.minutes?.summary ?? ''], margin: [0, 0, 0, 3] })),
      decisions.length
        ? gridTable(
            ['No', 'Keputusan', 'Hasil', 'Tinjau ulang'],
            decisions.map(({ d }, i): TableCell[] => [
              { text: String(i + 1), alignment: 'center' },
              { stack: [{ text: d.statement ?? d.proposal, bold: true }, ...(d.rationale ? [{ text: d.rationale, fontSize: 8.5 }] : [])] },
              { text: decisionOutcomeText(d) },
              { text: d.reviewDate ? formatTanggal(d.reviewDate) : '-' },
            ]),
            [22, '*', 150, 70],
          )
        : { text: 'Tidak ada keputusan dalam pertemuan ini.', italics: true },
      sectionHeading('E. Tindak lanjut'),
      r.followUps.length ? gridTable(['No', 'Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status'], followUpRows(r.followUps), [22, '*', 110, 72, 62]) : { text: 'Tidak ada tindak lanjut.', italics: true },
      sectionHeading('F. Dokumentasi'),
      r.photos.length ? photoGrid(r.photos) : { text: 'Tidak ada foto dokumentasi.', italics: true },
      signatures(r, r.meeting.startsAt, 'Sekretaris'),
    ],
  });
}

// ---------- program kerja ----------
/** "Terlaksana", "Dijadwalkan", "Dibatalkan" or "Belum dijadwalkan", from the meeting a plan became. */
export function realisationText(meetingStatus: string | null): string {
  if (meetingStatus === 'selesai') return 'Terlaksana';
  if (meetingStatus === 'dibatalkan') return 'Dibatalkan';
  if (meetingStatus === 'direncanakan' || meetingStatus === 'berlangsung') return 'Dijadwalkan';
  return 'Belum dijadwalkan';
}

export function programKerjaDocument(p: ProgrammeRecord): TDocumentDefinitions {
  const types: MgmpProgrammeType[] = ['rutin', 'pengembangan', 'penunjang'];
  const held = p.items.filter((i) => i.meetingStatus === 'selesai').length;
  const sections: Content[] = types.flatMap((type, k) => {
    const items = p.items.filter((i) => i.type === type);
    if (items.length === 0) return [];
    return [
      sectionHeading(`${String.fromCharCode(65 + k)}. ${PROGRAMME_TYPE_LABEL[type]}`),
      gridTable(
        ['No', 'Kegiatan', 'Topik', 'Bulan', 'Penanggung jawab', 'Realisasi'],
        items.map((i, n): TableCell[] => [
          { text: String(n + 1), alignment: 'center' },
          { text: i.title },
          { text: i.topic ?? '-' },
          { text: formatBulanTahun(i.targetMonth) },
          { text: i.personInCharge ?? '-' },
          { text: realisationText(i.meetingStatus) },
        ]),
        [22, '*', 80, 62, 85, 62],
      ),
    ];
  });
  return a4Document({
    title: `Program Kerja ${p.groupName} ${p.academicYear}`,
    kop: p.kop,
    content: [
      documentTitle('Program Kerja Tahunan', [p.groupName, `Tahun Pelajaran ${p.academicYear}`]),
      ...(sections.length ? sections : [{ text: 'Belum ada kegiatan yang direncanakan untuk tahun pelajaran ini.', italics: true } as Content]),
      { text: `Jumlah kegiatan direncanakan: ${p.items.length}; terlaksana: ${held}.`, margin: [0, 4, 0, 0] },
      signatures(p, p.date, 'Sekretaris'),
    ],
  });
}
