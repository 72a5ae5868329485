import type { MgmpAttendanceCode, MgmpFollowUpStatus, MgmpMemberRole } from '@tumbuh/shared';
import ExcelJS from 'exceljs';
import { formatTanggal } from '../documents/documents.models.ts';
import { FOLLOW_UP_LABEL, ROLE_LABEL } from './records.documents.ts';

/**
 * XLSX exports of a group (exceljs): the attendance matrix (members × meetings, H/I/S/A, rates)
 * and the follow-ups. The rows are computed by pure functions (tested); the workbook only lays
 * them out.
 */

export interface AttendanceMatrix {
  groupName: string;
  institutionName: string;
  from: string;
  to: string;
  meetings: { id: string; title: string; startsAt: Date; day: string; status: string }[];
  members: { teacherId: string; name: string; nip: string | null; role: MgmpMemberRole | null }[];
  /** Code per `${meetingId}:${teacherId}`. */
  codes: ReadonlyMap<string, MgmpAttendanceCode>;
}

export interface MemberAttendanceRow {
  name: string;
  nip: string | null;
  role: string;
  /** One per meeting, in meeting order; '' when not recorded. */
  codes: (MgmpAttendanceCode | '')[];
  H: number;
  I: number;
  S: number;
  A: number;
  /** H / meetings with a record for this member; null when none. */
  rate: number | null;
}

/** One row per member: the code at each meeting, the H/I/S/A counts and the attendance rate. */
export function attendanceMatrixRows(m: AttendanceMatrix): MemberAttendanceRow[] {
  return m.members.map((member) => {
    const codes = m.meetings.map((mt) => m.codes.get(`${mt.id}:${member.teacherId}`) ?? ('' as const));
    const count = (c: MgmpAttendanceCode) => codes.filter((x) => x === c).length;
    const recorded = codes.filter((c) => c !== '').length;
    const H = count('H');
    return { name: member.name, nip: member.nip, role: member.role ? ROLE_LABEL[member.role] : '', codes, H, I: count('I'), S: count('S'), A: count('A'), rate: recorded === 0 ? null : H / recorded };
  });
}

/** Per meeting: members marked H, and H / members of the group (null without members). */
export function meetingPresence(m: AttendanceMatrix): { present: number; rate: number | null }[] {
  return m.meetings.map((mt) => {
    const present = m.members.filter((member) => m.codes.get(`${mt.id}:${member.teacherId}`) === 'H').length;
    return { present, rate: m.members.length === 0 ? null : present / m.members.length };
  });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = thin;
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tumbuh';
  wb.created = new Date(0);
  return wb;
}

/** The attendance workbook: a title, then No | Nama | NIP | Jabatan | one column per meeting | H | I | S | A | % hadir, and a presence row. */
export async function attendanceWorkbook(m: AttendanceMatrix): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Kehadiran', { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  ws.addRow([`Rekap Kehadiran ${m.groupName} – ${m.institutionName}`]).font = { bold: true, size: 13 };
  ws.addRow([`Periode ${formatTanggal(m.from)} s.d. ${formatTanggal(m.to)}. H = hadir, I = izin, S = sakit, A = alpa.`]);
  const fixed = ['No', 'Nama', 'NIP', 'Jabatan'];
  const tail = ['H', 'I', 'S', 'A', '% Hadir'];
  styleHeader(ws.addRow([...fixed, ...m.meetings.map((mt) => mt.day), ...tail]));
  styleHeader(ws.addRow(['', '', '', '', ...m.meetings.map((mt) => mt.title), '', '', '', '', '']));
  const rows = attendanceMatrixRows(m);
  rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.name, r.nip ?? '', r.role, ...r.codes, r.H, r.I, r.S, r.A, r.rate]);
    row.getCell(fixed.length + m.meetings.length + tail.length).numFmt = '0%';
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = thin;
      if (col > 4) cell.alignment = { horizontal: 'center' };
    });
  });
  const presence = meetingPresence(m);
  const total = ws.addRow(['', 'Hadir per pertemuan', '', '', ...presence.map((p) => p.present), '', '', '', '', '']);
  total.font = { bold: true };
  const rate = ws.addRow(['', '% hadir per pertemuan', '', '', ...presence.map((p) => p.rate), '', '', '', '', '']);
  presence.forEach((_, k) => (rate.getCell(fixed.length + k + 1).numFmt = '0%'));
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 32;
  ws.getColumn(3).width = 21;
  ws.getColumn(4).width = 12;
  for (let k = 0; k < m.meetings.length + tail.length; k++) ws.getColumn(fixed.length + k + 1).width = 11;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface FollowUpSheet {
  groupName: string;
  institutionName: string;
  today: string;
  items: { what: string; owners: string[]; dueDate: string; status: MgmpFollowUpStatus; overdue: boolean; evidence: string | null; decision: string | null; completedAt: string | null }[];
}

export const FOLLOW_UP_COLUMNS = ['No', 'Tindak lanjut', 'Penanggung jawab', 'Batas waktu', 'Status', 'Terlambat', 'Bukti / catatan', 'Dari keputusan', 'Selesai pada'] as const;

/** The follow-up rows: what, owners, due date (a real date cell), status, overdue flag (Ya/Tidak), evidence. */
export function followUpSheetRows(s: FollowUpSheet): (string | number | Date)[][] {
  return s.items.map((f, i) => [
    i + 1,
    f.what,
    f.owners.join(', '),
    new Date(`${f.dueDate}T00:00:00Z`),
    FOLLOW_UP_LABEL[f.status],
    f.overdue ? 'Ya' : 'Tidak',
    f.evidence ?? '',
    f.decision ?? '',
    f.completedAt ? new Date(`${f.completedAt}T00:00:00Z`) : '',
  ]);
}

export async function followUpsWorkbook(s: FollowUpSheet): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Tindak lanjut', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`Tindak Lanjut ${s.groupName} – ${s.institutionName}`]).font = { bold: true, size: 13 };
  ws.addRow([`Keadaan per ${formatTanggal(s.today)}. Terlambat = belum selesai setelah batas waktu.`]);
  styleHeader(ws.addRow([...FOLLOW_UP_COLUMNS]));
  for (const values of followUpSheetRows(s)) {
    const row = ws.addRow(values);
    row.getCell(4).numFmt = 'dd/mm/yyyy';
    row.getCell(9).numFmt = 'dd/mm/yyyy';
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = thin));
    if (values[5] === 'Ya') row.getCell(6).font = { bold: true, color: { argb: 'FFB00020' } };
  }
  [5, 40, 28, 12, 10, 10, 36, 36, 12].forEach((w, k) => (ws.getColumn(k + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
