import { errorBodySchema, idParamsSchema, mgmpAttendanceExportQuerySchema, mgmpProgrammePrintQuerySchema } from '@tumbuh/shared';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { attachmentFileName, groupShortName } from '../documents/documents.models.ts';
import { fileResponse, PDF_MEDIA_TYPE, sendAttachment, XLSX_MEDIA_TYPE } from '../documents/documents.http.ts';
import { renderPdf } from '../documents/documents.render.ts';
import { listOwnerImages, readMadrasahLogo } from '../files/files.usecases.ts';
import { createMgmpRepository } from './mgmp.repository.ts';
import { daftarHadirDocument, laporanDocument, notulenDocument, programKerjaDocument, type MeetingRecord } from './records.documents.ts';
import { createMgmpRecordsRepository } from './records.repository.ts';
import { loadAttendanceMatrix, loadFollowUpSheet, loadMeetingRecord, loadProgrammeRecord, type RecordFiles, type RecordsDeps } from './records.usecases.ts';
import { attendanceWorkbook, followUpsWorkbook } from './records.workbooks.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const tags = ['mgmp', 'documents'];
const pdf = (what: string) => ({ 200: fileResponse(PDF_MEDIA_TYPE, what), ...errors });
const xlsx = (what: string) => ({ 200: fileResponse(XLSX_MEDIA_TYPE, what), ...errors });


/**
 * The printed MGMP records: PDFs with the madrasah's kop and signature blocks (daftar hadir,
 * notulen, laporan kegiatan, program kerja) and XLSX exports (attendance matrix, follow-ups),
 * downloaded as attachments. Same readers as the screens.
 */
export const mgmpRecordsRoutes: RoutesPlugin = async (app, { deps: appDeps }) => {
  const dataDir = appDeps.config.dataDir;
  // The madrasah's logo for the kop and the meeting's photos for the laporan, from the files module.
  const files: RecordFiles = {
    readMadrasahLogo: (q, tenantId, madrasahId) => readMadrasahLogo({ db: q, dataDir }, tenantId, madrasahId),
    listOwnerImages: (q, tenantId, kind, ownerId) => listOwnerImages({ db: q, dataDir }, tenantId, kind, ownerId),
  };
  const deps: RecordsDeps = { db: appDeps.db, peopleRepository: appDeps.peopleRepository, clock: appDeps.clock, mgmpRepository: createMgmpRepository(), recordsRepository: createMgmpRecordsRepository(), files };
  const p = '/mgmp';

  const meetingPdf = (kind: string, build: (r: MeetingRecord) => TDocumentDefinitions) => async (actor: Parameters<typeof loadMeetingRecord>[0], id: string) => {
    const { record, day } = await loadMeetingRecord(actor, id, deps);
    return { fileName: attachmentFileName([kind, groupShortName(record.groupName), day], 'pdf'), mediaType: PDF_MEDIA_TYPE, body: await renderPdf(build(record)) };
  };
  const daftarHadir = meetingPdf('daftar-hadir', daftarHadirDocument);
  const notulen = meetingPdf('notulen-rapat', notulenDocument);
  const laporan = meetingPdf('laporan-kegiatan', laporanDocument);

  app.get(`${p}/meetings/:id/daftar-hadir.pdf`, { schema: { tags, summary: 'Daftar hadir (PDF, kop and signature columns)', params: idParamsSchema, response: pdf('Daftar hadir as PDF') } }, async (r, reply) => sendAttachment(reply, await daftarHadir(requireActor(r), r.params.id)));
  app.get(`${p}/meetings/:id/notulen.pdf`, { schema: { tags, summary: 'Notulen rapat (PDF): minutes per agenda item with the decisions', params: idParamsSchema, response: pdf('Notulen rapat as PDF') } }, async (r, reply) => sendAttachment(reply, await notulen(requireActor(r), r.params.id)));
  app.get(`${p}/meetings/:id/laporan.pdf`, { schema: { tags, summary: 'Laporan kegiatan (PDF): agenda, attendance, decisions, follow-ups, photos', params: idParamsSchema, response: pdf('Laporan kegiatan as PDF') } }, async (r, reply) => sendAttachment(reply, await laporan(requireActor(r), r.params.id)));

  app.get(
    `${p}/groups/:id/program-kerja.pdf`,
    { schema: { tags, summary: 'Program kerja tahunan (PDF) of one academic year', params: idParamsSchema, querystring: mgmpProgrammePrintQuerySchema, response: pdf('Program kerja as PDF') } },
    async (r, reply) => {
      const record = await loadProgrammeRecord(requireActor(r), r.params.id, r.query, deps);
      return sendAttachment(reply, { fileName: attachmentFileName(['program-kerja', groupShortName(record.groupName), record.academicYear], 'pdf'), mediaType: PDF_MEDIA_TYPE, body: await renderPdf(programKerjaDocument(record)) });
    },
  );
  app.get(
    `${p}/groups/:id/attendance.xlsx`,
    { schema: { tags, summary: 'Attendance matrix (XLSX): members × meetings with H/I/S/A and rates', params: idParamsSchema, querystring: mgmpAttendanceExportQuerySchema, response: xlsx('Attendance as XLSX') } },
    async (r, reply) => {
      const matrix = await loadAttendanceMatrix(requireActor(r), r.params.id, r.query, deps);
      return sendAttachment(reply, { fileName: attachmentFileName(['kehadiran', groupShortName(matrix.groupName), matrix.from, matrix.to], 'xlsx'), mediaType: XLSX_MEDIA_TYPE, body: await attendanceWorkbook(matrix) });
    },
  );
  app.get(
    `${p}/groups/:id/follow-ups.xlsx`,
    { schema: { tags, summary: 'Follow-ups (XLSX): what, owners, due, status, overdue, evidence', params: idParamsSchema, querystring: z.strictObject({}), response: xlsx('Follow-ups as XLSX') } },
    async (r, reply) => {
      const sheet = await loadFollowUpSheet(requireActor(r), r.params.id, deps);
      return sendAttachment(reply, { fileName: attachmentFileName(['tindak-lanjut', groupShortName(sheet.groupName), sheet.today], 'xlsx'), mediaType: XLSX_MEDIA_TYPE, body: await followUpsWorkbook(sheet) });
    },
  );
};
