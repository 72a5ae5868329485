import { z } from 'zod';
import { ASSESSMENT_PERIOD_KINDS, ASSESSMENT_RATER_KINDS, FOCUS_DIMENSIONS, PKG_BAND_RULES, PKG_CATEGORIES } from './assessment.ts';
import { idSchema } from './common.ts';

/**
 * Growth and distribution of persisted PKG results (assessment_results): the madrasah / district
 * view ("tingkat kinerja guru" per period, by madrasah, cluster and MGMP group; who improved or
 * declined) and a teacher's growth across periods.
 */

const academicYear = z.string().regex(/^\d{4}\/\d{4}$/, 'invalid_academic_year').describe("Tahun pelajaran, e.g. '2026/2027'");

export const DISTRIBUTION_GROUPINGS = ['overall', 'madrasah', 'cluster', 'mgmp'] as const;
export type DistributionGrouping = (typeof DISTRIBUTION_GROUPINGS)[number];

export const distributionQuerySchema = z.strictObject({
  by: z.enum(DISTRIBUTION_GROUPINGS).default('overall').describe('Group the results by madrasah, cluster (rumpun) or MGMP group; overall: one row per period'),
  madrasahId: idSchema.optional().describe('One madrasah; all madrasahs in scope when omitted'),
  academicYear: academicYear.optional(),
  kind: z.enum(ASSESSMENT_PERIOD_KINDS).optional(),
});
export type DistributionQuery = z.infer<typeof distributionQuerySchema>;

export const categoryCountsSchema = z.object({
  assessed: z.number().int().describe('Final kepala assessments counted'),
  meanNilai: z.number().nullable().describe('Mean Nilai PKG (100), 2 decimals; null when none'),
  distribution: z.array(z.object({ category: z.enum(PKG_CATEGORIES), count: z.number().int(), percent: z.number() })).describe('Every category, best first'),
});
export type CategoryCounts = z.infer<typeof categoryCountsSchema>;

export const distributionSchema = z.object({
  by: z.enum(DISTRIBUTION_GROUPINGS),
  raterKind: z.literal('kepala'),
  rules: z.array(z.enum(PKG_BAND_RULES)).describe('Band rules the counted results were taken with'),
  periods: z
    .array(
      z.object({
        academicYear: z.string(),
        kind: z.enum(ASSESSMENT_PERIOD_KINDS),
        overall: categoryCountsSchema,
        groups: z.array(categoryCountsSchema.extend({ id: idSchema, name: z.string() })).describe('Empty for by=overall; a teacher in several clusters or groups counts in each'),
      }),
    )
    .describe('Oldest first'),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const recapQuerySchema = z.strictObject({
  academicYear: academicYear,
  kind: z.enum(ASSESSMENT_PERIOD_KINDS),
  madrasahId: idSchema.optional().describe('One madrasah; all madrasahs in scope when omitted'),
});
export type RecapQuery = z.infer<typeof recapQuerySchema>;

export const MOVEMENTS = ['improved', 'declined', 'unchanged'] as const;
export type MovementKind = (typeof MOVEMENTS)[number];

export const movementQuerySchema = z.strictObject({
  fromYear: academicYear,
  fromKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  toYear: academicYear,
  toKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  madrasahId: idSchema.optional(),
  movement: z.enum(MOVEMENTS).optional().describe('Only teachers who improved / declined / stayed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MovementQuery = z.infer<typeof movementQuerySchema>;

const resultPoint = z.object({ nilai: z.number(), category: z.enum(PKG_CATEGORIES) });

export const movementSchema = z.object({
  counts: z.object({ improved: z.number().int(), declined: z.number().int(), unchanged: z.number().int() }).describe('Teachers with a final kepala result in both periods'),
  items: z.array(
    z.object({
      teacher: z.object({ id: idSchema, name: z.string() }),
      madrasah: z.object({ id: idSchema, name: z.string() }),
      from: resultPoint,
      to: resultPoint,
      delta: z.number().describe('Nilai PKG (100) to − from'),
      categorySteps: z.number().int().describe('Categories moved up (+) or down (−)'),
      movement: z.enum(MOVEMENTS),
    }),
  ),
  total: z.number().int(),
});
export type Movement = z.infer<typeof movementSchema>;

const focusPoint = z.object({ code: z.enum(FOCUS_DIMENSIONS), score: z.number().int(), max: z.number().int(), percent: z.number().nullable() });

const raterResult = z.object({
  assessmentId: idSchema,
  kind: z.enum(ASSESSMENT_RATER_KINDS),
  rater: z.object({ userId: idSchema, name: z.string() }),
  total: z.number().int(),
  nilai: z.number(),
  category: z.enum(PKG_CATEGORIES),
  creditPercent: z.number().int(),
  rule: z.enum(PKG_BAND_RULES),
  competencyValues: z.array(z.number().int()).describe('1–4 per competency, in instrument order'),
  focus: z.array(focusPoint),
  finalisedAt: z.string().nullable(),
});

export const teacherGrowthSchema = z.object({
  teacher: z.object({ id: idSchema, name: z.string(), madrasahId: idSchema }),
  competencies: z.array(z.object({ number: z.number().int(), name: z.string() })).describe('The 14 PKG competencies (rows of the heat-map)'),
  focusDimensions: z.array(z.object({ code: z.enum(FOCUS_DIMENSIONS), name: z.string() })),
  periods: z
    .array(
      z.object({
        periodId: idSchema,
        academicYear: z.string(),
        kind: z.enum(ASSESSMENT_PERIOD_KINDS),
        startsOn: z.string(),
        official: raterResult.nullable().describe('The final kepala assessment (the official Nilai PKG); null when none'),
        raters: z.array(raterResult).describe('Every final result of the period side by side: kepala, pengawas, peer, self'),
      }),
    )
    .describe('Oldest first; only periods with a final result'),
  feedback: z
    .array(
      z.object({
        roundId: idSchema,
        className: z.string(),
        subjectName: z.string().nullable(),
        closedAt: z.string().nullable(),
        createdAt: z.string(),
        answers: z.number().int(),
        focus: z.partialRecord(z.enum(FOCUS_DIMENSIONS), z.number()).describe('Mean 1–4 per focus dimension'),
      }),
    )
    .describe('Student feedback rounds with at least the threshold of answers, oldest first (aggregates only)'),
  observationNotes: z
    .array(
      z.object({
        id: idSchema,
        observationId: idSchema,
        scheduledAt: z.string(),
        periodId: idSchema.nullable(),
        notedAt: z.string(),
        text: z.string(),
        indicatorIds: z.array(idSchema),
      }),
    )
    .describe('Notes of the teacher’s shared (reflected / closed) classroom observations: the evidence behind each change'),
});
export type TeacherGrowth = z.infer<typeof teacherGrowthSchema>;

