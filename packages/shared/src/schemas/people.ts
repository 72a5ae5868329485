import { z } from 'zod';
import { CURRICULA, EMPLOYMENT_STATUSES, GENDERS } from '../enums.ts';
import { LIMITS } from '../limits.ts';
import { idSchema, listQuerySchema, listResponseSchema, optionalText, requiredText } from './common.ts';
import { identifierField } from './identifiers.ts';

// ---------- Madrasah ----------
export const madrasahSchema = z.object({
  id: idSchema,
  name: z.string(),
  npsn: z.string().nullable().describe('NPSN, 8 digits, kept as text'),
  nsm: z.string().nullable().describe('NSM, 12 digits, kept as text'),
  address: z.string().nullable(),
  city: z.string().nullable().describe('Kabupaten/kota'),
  province: z.string().nullable(),
});
export type Madrasah = z.infer<typeof madrasahSchema>;
export const madrasahListSchema = listResponseSchema(madrasahSchema);

// ---------- Cluster (rumpun) ----------
export const clusterSchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
});
export type Cluster = z.infer<typeof clusterSchema>;
export const clusterListSchema = listResponseSchema(clusterSchema);
export const createClusterSchema = z.strictObject({
  madrasahId: idSchema,
  code: requiredText(LIMITS.codeMax),
  name: requiredText(),
});
export const updateClusterSchema = z.strictObject({
  code: requiredText(LIMITS.codeMax).optional(),
  name: requiredText().optional(),
  active: z.boolean().optional(),
});

// ---------- Subject (mata pelajaran) ----------
export const subjectSchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  code: z.string(),
  name: z.string(),
  clusterId: idSchema.nullable(),
  curriculum: z.enum(CURRICULA),
  active: z.boolean(),
});
export type Subject = z.infer<typeof subjectSchema>;
export const subjectListSchema = listResponseSchema(subjectSchema);
export const createSubjectSchema = z.strictObject({
  madrasahId: idSchema,
  code: requiredText(LIMITS.codeMax),
  name: requiredText(),
  clusterId: idSchema.nullable().optional(),
  curriculum: z.enum(CURRICULA).default('both'),
});
export const updateSubjectSchema = z.strictObject({
  code: requiredText(LIMITS.codeMax).optional(),
  name: requiredText().optional(),
  clusterId: idSchema.nullable().optional(),
  curriculum: z.enum(CURRICULA).optional(),
  active: z.boolean().optional(),
});
export const subjectListQuerySchema = listQuerySchema.extend({
  madrasahId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});

// ---------- Teacher (guru) ----------
/** What every user of the tenant may see of a colleague. */
export const teacherSummarySchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  subjects: z.array(z.object({ id: idSchema, name: z.string(), clusterId: idSchema.nullable() })),
  active: z.boolean(),
});
export type TeacherSummary = z.infer<typeof teacherSummarySchema>;

/** Full record: only for operator, kepala madrasah, pengawas, or the teacher themself. */
export const teacherDetailSchema = teacherSummarySchema.extend({
  nuptk: z.string().nullable(),
  nip: z.string().nullable(),
  pegId: z.string().nullable(),
  nik: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable().describe('YYYY-MM-DD'),
  ptkType: z.string().nullable().describe('Jenis PTK'),
  extraDuties: z.string().nullable().describe('Tugas tambahan'),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  /** Whether the requester may see restricted fields; false means they were withheld. */
  restricted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeacherDetail = z.infer<typeof teacherDetailSchema>;
export const teacherListSchema = listResponseSchema(teacherSummarySchema);

export const teacherListQuerySchema = listQuerySchema.extend({
  madrasahId: idSchema.optional(),
  subjectId: idSchema.optional(),
  clusterId: idSchema.optional(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});
export type TeacherListQuery = z.infer<typeof teacherListQuerySchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'invalid_date');

const teacherFields = {
  name: requiredText(),
  gender: z.enum(GENDERS).nullish(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).nullish(),
  nuptk: identifierField('nuptk'),
  nip: identifierField('nip'),
  pegId: identifierField('pegId'),
  nik: identifierField('nik'),
  birthPlace: optionalText(),
  birthDate: isoDate.nullish(),
  ptkType: optionalText(),
  extraDuties: optionalText(LIMITS.textMax),
  phone: optionalText(40),
  email: z.email().max(LIMITS.nameMax).nullish().or(z.literal('').transform(() => null)),
  address: optionalText(LIMITS.textMax),
  subjectIds: z.array(idSchema).max(30).optional(),
};
export const createTeacherSchema = z.strictObject({ madrasahId: idSchema, ...teacherFields });
export type CreateTeacherInput = z.infer<typeof createTeacherSchema>;
export const updateTeacherSchema = z
  .strictObject(teacherFields)
  .partial()
  .extend({ active: z.boolean().optional() });
export type UpdateTeacherInput = z.infer<typeof updateTeacherSchema>;
