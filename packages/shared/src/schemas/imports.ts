import { z } from 'zod';
import { EMPLOYMENT_STATUSES, GENDERS } from '../enums.ts';
import { idSchema } from './common.ts';

/** Layouts the importer recognises from the header row(s). */
export const IMPORT_LAYOUTS = ['dapodik', 'emis', 'simpatika', 'generic'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** One problem in one row of an import file. */
export const importRowErrorSchema = z.object({
  row: z.number().int().describe('1-based row number as the spreadsheet shows it'),
  field: z.string().nullable(),
  code: z.string().describe('Stable code, e.g. import.invalid_nik'),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** A parsed, normalised row ready to be written. */
export const importTeacherRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  nuptk: z.string().nullable(),
  nip: z.string().nullable(),
  pegId: z.string().nullable(),
  nik: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  ptkType: z.string().nullable(),
  extraDuties: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  subjectNames: z.array(z.string()),
  /** What committing would do with this row. */
  action: z.enum(['create', 'update']),
  matchedTeacherId: idSchema.nullable(),
});
export type ImportTeacherRow = z.infer<typeof importTeacherRowSchema>;

/** Answer to uploading a file: nothing has been written yet. */
export const importPreviewSchema = z.object({
  id: idSchema.describe('Import id; commit it with POST /api/v1/teacher-imports/{id}/commit'),
  madrasahId: idSchema,
  fileName: z.string(),
  layout: z.enum(IMPORT_LAYOUTS),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** First rows, for the preview table. */
  sample: z.array(importTeacherRowSchema),
  /** Headers found and the field each mapped to (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  status: z.enum(['previewed', 'committed', 'rejected']),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitResultSchema = z.object({
  id: idSchema,
  created: z.number().int(),
  updated: z.number().int(),
  status: z.literal('committed'),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;
