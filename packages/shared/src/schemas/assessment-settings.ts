import { z } from 'zod';
import { ASSESSMENT_RATER_KINDS, ASSESSMENT_STATUSES, PKG_BAND_RULES, assessmentScoreSchema } from './assessment.ts';
import { idSchema, optionalText } from './common.ts';

// ---------- settings ----------
/** A day of the year, 'MM-DD' (29 February is not accepted: it is not in every year). */
export const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'invalid_month_day')
  .describe("A day of the year, 'MM-DD'");

/** A window of the academic year, e.g. formatif '07-15' to '09-07'. */
export const periodWindowSchema = z.strictObject({ startsOn: monthDaySchema, endsOn: monthDaySchema });
export type PeriodWindow = z.infer<typeof periodWindowSchema>;

/** Rater weights of the combined view, in percent; they must sum to 100. */
export const raterWeightsSchema = z.strictObject({
  kepala: z.number().int().min(0).max(100),
  pengawas: z.number().int().min(0).max(100),
  peer: z.number().int().min(0).max(100),
  self: z.number().int().min(0).max(100),
});
export type RaterWeights = z.infer<typeof raterWeightsSchema>;

/** `?madrasahId=` of the settings. */
export const assessmentSettingsQuerySchema = z.strictObject({ madrasahId: idSchema });

/** What a kepala or operator sets for the madrasah's PKG cycle. */
export const putAssessmentSettingsSchema = z.strictObject({
  madrasahId: idSchema,
  bandRule: z.enum(PKG_BAND_RULES).describe('How the category is taken from Nilai PKG (100) at the band edges'),
  yearStartsOn: monthDaySchema.describe('First day of the academic year (default 07-01)'),
  formatif: periodWindowSchema.describe('Default dates of PKG formatif (first weeks of the year)'),
  sumatif: periodWindowSchema.describe('Default dates of PKG sumatif (end of the year)'),
  weights: raterWeightsSchema.describe('Weights of the combined view, percent, sum 100'),
  showCombined: z.boolean().describe('Whether the combined view shows the weighted combination'),
});
export type PutAssessmentSettingsInput = z.infer<typeof putAssessmentSettingsSchema>;

export const assessmentSettingsSchema = putAssessmentSettingsSchema.extend({
  isDefault: z.boolean().describe('True while the madrasah has not saved its own settings'),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ userId: idSchema, name: z.string() }).nullable(),
});
export type AssessmentSettings = z.infer<typeof assessmentSettingsSchema>;

// ---------- teachers of a period ----------
export const periodTeacherSchema = z.object({
  teacher: z.object({ id: idSchema, name: z.string(), userId: idSchema.nullable().describe('The teacher’s active account (needed to be a peer rater or to self-assess)') }),
  assessments: z.array(
    z.object({
      id: idSchema,
      instrument: z.object({ code: z.string(), version: z.number().int() }).describe('The instrument version it uses (PKG or the madrasah’s own)'),
      rater: z.object({ userId: idSchema, name: z.string(), kind: z.enum(ASSESSMENT_RATER_KINDS) }),
      status: z.enum(ASSESSMENT_STATUSES),
      rated: z.number().int(),
      revision: z.number().int(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
});
export type PeriodTeacher = z.infer<typeof periodTeacherSchema>;
export const periodTeacherListSchema = z.object({ periodId: idSchema, items: z.array(periodTeacherSchema), total: z.number().int() });
export type PeriodTeacherList = z.infer<typeof periodTeacherListSchema>;

// ---------- combined raters view ----------
export const periodTeacherParamsSchema = z.strictObject({ id: idSchema, teacherId: idSchema });

export const combinedRaterSchema = z.object({
  assessmentId: idSchema,
  rater: z.object({ userId: idSchema, name: z.string(), kind: z.enum(ASSESSMENT_RATER_KINDS) }),
  finalisedAt: z.string(),
  revision: z.number().int(),
  score: assessmentScoreSchema,
});
export const combinedResultSchema = z.object({
  nilai: z.number().describe('Weighted Nilai PKG (100), 2 decimals'),
  category: assessmentScoreSchema.shape.category,
  creditPercent: z.number().int(),
  rule: assessmentScoreSchema.shape.rule,
  parts: z
    .array(z.object({ kind: z.enum(ASSESSMENT_RATER_KINDS), weight: z.number().int(), raters: z.number().int(), meanNilai: z.number() }))
    .describe('Rater kinds that took part: their weight, how many finalised results and their mean'),
  weightUsed: z.number().int().describe('Sum of the weights of the kinds present; the combination is normalised by it'),
  complete: z.boolean().describe('Every rater kind with a weight above 0 has a finalised result'),
});
export const combinedViewSchema = z.object({
  periodId: idSchema,
  teacher: z.object({ id: idSchema, name: z.string() }),
  rule: assessmentScoreSchema.shape.rule.describe('The band rule used for every result shown'),
  weights: raterWeightsSchema,
  showCombined: z.boolean(),
  raters: z.array(combinedRaterSchema).describe('Each finalised result, attributed; kepala, pengawas, peer, self'),
  combined: combinedResultSchema.nullable().describe('Null when the madrasah does not show it or nothing is finalised'),
});
export type CombinedView = z.infer<typeof combinedViewSchema>;

// ---------- revisions ----------
export const reviseAssessmentSchema = z.strictObject({
  reason: z.string().trim().min(10, 'reason_too_short').max(2000).describe('Why the final result is corrected (required, at least 10 characters)'),
  ratings: z
    .array(
      z.strictObject({
        indicatorId: idSchema,
        score: z.number().int().min(-1000).max(1000).describe('0, 1 or 2'),
        evidence: optionalText(2000),
      }),
    )
    .min(1)
    .max(200)
    .describe('The indicators that change (others stay)'),
});
export type ReviseAssessmentInput = z.infer<typeof reviseAssessmentSchema>;

const ratingSnapshotSchema = z.object({ indicatorId: idSchema, score: z.number().int(), evidence: z.string().nullable() });
export const assessmentRevisionSchema = z.object({
  id: idSchema,
  revision: z.number().int().describe('The version replaced (0 = the first finalised version)'),
  reason: z.string(),
  revisedBy: z.object({ userId: idSchema, name: z.string() }),
  revisedAt: z.string(),
  previous: z.object({
    ratings: z.array(ratingSnapshotSchema),
    score: assessmentScoreSchema.nullable(),
    finalisedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    teacherComment: z.string().nullable(),
  }),
  changes: z.array(z.object({ indicatorId: idSchema, before: ratingSnapshotSchema.omit({ indicatorId: true }), after: ratingSnapshotSchema.omit({ indicatorId: true }) })),
});
export type AssessmentRevision = z.infer<typeof assessmentRevisionSchema>;
export const assessmentRevisionListSchema = z.object({ items: z.array(assessmentRevisionSchema), total: z.number().int() });
