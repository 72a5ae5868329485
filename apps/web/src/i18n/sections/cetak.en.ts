import type { DeepStringRecord } from '../en.ts';
import type { cetakId } from './cetak.id.ts';

/** English texts of the printed records (PDF and XLSX downloads). */
export const cetakEn: DeepStringRecord<typeof cetakId> = {
  meetingTitle: 'Print meeting records',
  meetingHint: "PDFs with the madrasah's letterhead and signature columns, ready to print and file.",
  daftarHadir: 'Attendance list (PDF)',
  notulen: 'Minutes (PDF)',
  laporan: 'Activity report (PDF)',
  groupTitle: 'Print and download',
  groupHint: 'The annual programme as PDF; attendance and follow-ups as XLSX (Excel).',
  academicYear: 'Academic year of the programme',
  programKerja: 'Annual programme {year} (PDF)',
  attendance: 'Attendance (XLSX)',
  followUps: 'Follow-ups (XLSX)',
};
