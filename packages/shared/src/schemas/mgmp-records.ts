import { z } from 'zod';
import { mgmpOverviewQuerySchema, mgmpProgrammeListQuerySchema } from './mgmp.ts';

/** Printed programme (program kerja tahunan): the academic year, as in the programme list (default: the current one). */
export const mgmpProgrammePrintQuerySchema = z.strictObject({ academicYear: mgmpProgrammeListQuerySchema.shape.academicYear });
export type MgmpProgrammePrintQuery = z.infer<typeof mgmpProgrammePrintQuerySchema>;

/** Attendance export: the period, as in the group overview (default: the group's term). */
export const mgmpAttendanceExportQuerySchema = mgmpOverviewQuerySchema;

/** The downloadable records of a meeting and of a group (paths under /api/v1/mgmp). */
export const MGMP_MEETING_DOCUMENTS = ['daftar-hadir', 'notulen', 'laporan'] as const;
export type MgmpMeetingDocument = (typeof MGMP_MEETING_DOCUMENTS)[number];
