import { z } from 'zod';
import { idSchema, listQuerySchema, listResponseSchema, optionalText } from './common.ts';

// ---------- enums ----------
/**
 * How the PKG category is taken from Nilai PKG (100), whose published bands have gaps (90–91, 75–76, …):
 * `round-half-up` bands the value rounded half-up to a whole number (what schools do; default);
 * `floor` bands the value rounded down; `exact` bands the unrounded value, a value in a gap going to
 * the lower band. See docs/pkg-scoring.md.
 */
export const PKG_BAND_RULES = ['round-half-up', 'floor', 'exact'] as const;
export type PkgBandRule = (typeof PKG_BAND_RULES)[number];
export const DEFAULT_PKG_BAND_RULE: PkgBandRule = 'round-half-up';

/** Sebutan of a PKG result (Permenneg PAN-RB 16/2009, Pedoman PK Guru Tabel 12), best first. */
export const PKG_CATEGORIES = ['Amat baik', 'Baik', 'Cukup', 'Sedang', 'Kurang'] as const;
export type PkgCategory = (typeof PKG_CATEGORIES)[number];

/** The study's three focus dimensions an indicator can be tagged with. */
export const FOCUS_DIMENSIONS = ['proses-pembelajaran', 'pengelolaan-kelas', 'penanganan-masalah'] as const;
export type FocusDimension = (typeof FOCUS_DIMENSIONS)[number];

/** `pkg`: PK Guru, scored; `observation`: rated per indicator, no total. */
export const INSTRUMENT_KINDS = ['pkg', 'observation'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** How ratings become a result: `pkg-2009` (Pedoman PK Guru 2010) or `none`. */
export const SCORING_METHODS = ['pkg-2009', 'none'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];

/** Who made an instrument: `official` (reference data, same for every tenant) or `madrasah` (built by one madrasah). */
export const INSTRUMENT_OWNERS = ['official', 'madrasah'] as const;
export type InstrumentOwner = (typeof INSTRUMENT_OWNERS)[number];

/** `draft` (madrasah instruments only, editable) → `published` (frozen; a change makes a new version). */
export const INSTRUMENT_STATUSES = ['draft', 'published'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

// ---------- instruments ----------
/** Route parameter `:code` of an instrument, e.g. `pkg-2009-guru-mapel`. */
export const instrumentCodeParamsSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .describe('Instrument code, e.g. pkg-2009-guru-mapel'),
});

/** `?version=`: a published version; the newest when omitted. */
export const instrumentVersionQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(10_000).optional().describe('Instrument version; the newest published when omitted'),
});

export const scaleLevelSchema = z.object({
  value: z.number().int().describe('The value a rating carries'),
  label: z.string().describe('Official label, e.g. "Terpenuhi sebagian"'),
  description: z.string(),
});
export const instrumentScaleSchema = z.object({ levels: z.array(scaleLevelSchema).describe('Lowest first') });
export type InstrumentScale = z.infer<typeof instrumentScaleSchema>;

export const instrumentSummarySchema = z.object({
  id: idSchema,
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  kind: z.enum(INSTRUMENT_KINDS),
  scoringMethod: z.enum(SCORING_METHODS),
  status: z.enum(INSTRUMENT_STATUSES).describe('Official instruments are always published; drafts are listed only for who may build them'),
  owner: z.enum(INSTRUMENT_OWNERS),
  madrasahId: idSchema.nullable().describe('The madrasah that built it; null for official instruments'),
  domainCount: z.number().int(),
  competencyCount: z.number().int(),
  indicatorCount: z.number().int(),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
export const instrumentListSchema = listResponseSchema(instrumentSummarySchema);
export type InstrumentList = z.infer<typeof instrumentListSchema>;

export const instrumentIndicatorSchema = z.object({
  id: idSchema,
  number: z.number().int().describe('Number within the competency; the position of its rating'),
  position: z.number().int().describe('Position across the instrument (PKG 1–78)'),
  text: z.string().describe('Official wording (Bahasa Indonesia)'),
  focus: z.array(z.enum(FOCUS_DIMENSIONS)).describe('Focus-dimension tags'),
  descriptors: z.record(z.string(), z.string()).describe('What each scale level looks like for this indicator, keyed by the level value ("1", "2", …); may be partial; {} for official instruments'),
});
export const instrumentCompetencySchema = z.object({
  id: idSchema,
  number: z.number().int().describe('Official number; ratings are keyed by it'),
  name: z.string(),
  indicators: z.array(instrumentIndicatorSchema),
});
export const instrumentDomainSchema = z.object({
  id: idSchema,
  code: z.string().describe('e.g. pedagogik'),
  name: z.string(),
  competencies: z.array(instrumentCompetencySchema),
});
export const focusDimensionSchema = z.object({ code: z.enum(FOCUS_DIMENSIONS), name: z.string(), description: z.string() });

export const instrumentDetailSchema = instrumentSummarySchema.extend({
  source: z.string().describe('Legal basis and where the wording comes from'),
  publishedAt: z.string().nullable(),
  scale: instrumentScaleSchema,
  domains: z.array(instrumentDomainSchema),
  focusDimensions: z.array(focusDimensionSchema),
});
export type InstrumentDetail = z.infer<typeof instrumentDetailSchema>;

// ---------- PKG calculator ----------
/** Rank data for the annual angka kredit (Permenneg PAN-RB 16/2009): all four or none. */
export const pkgRankInputSchema = z.strictObject({
  akk: z.number().min(0).max(2000).describe('AKK: angka kredit kumulatif minimal for the next rank (e.g. 50 for III/a → III/b)'),
  akpkb: z.number().min(0).max(2000).describe('AKPKB: mandatory PKB credits for the next rank'),
  akp: z.number().min(0).max(2000).describe('AKP: unsur penunjang credits'),
  teachingHours: z.number().int().min(0).max(60).describe('JM: jam tatap muka per week (JWM 24–40)'),
});
export type PkgRankInput = z.infer<typeof pkgRankInputSchema>;

export const pkgScoreRequestSchema = z.strictObject({
  ratings: z
    .record(z.string().max(8), z.array(z.unknown()).max(200))
    .describe('Indicator ratings per competency number, in the instrument order: {"1":[1,2,2,0,0,2], …}; each 0, 1 or 2'),
  rule: z.enum(PKG_BAND_RULES).optional().describe('Band-edge rule; round-half-up when omitted'),
  rank: pkgRankInputSchema.optional().describe('When given, the annual angka kredit is computed too'),
});
export type PkgScoreRequest = z.infer<typeof pkgScoreRequestSchema>;

export const pkgCompetencyResultSchema = z.object({
  number: z.number().int(),
  score: z.number().int().describe('Sum of the indicator ratings'),
  max: z.number().int().describe('Indicators × 2'),
  percent: z.number().describe('score ÷ max × 100, 2 decimals'),
  value: z.number().int().min(1).max(4).describe('Competency value 1–4'),
});
export const pkgAngkaKreditSchema = z.object({
  perYear: z.number().describe('(AKK − AKPKB − AKP) × JM/JWM × NPK / 4, 3 decimals'),
  hoursFactor: z.number().describe('JM/JWM: 1 from 24 JP a week, JM/24 below'),
  npk: z.number().int().describe('Nilai persentase kinerja (= creditPercent)'),
});
export const pkgScoreResultSchema = z.object({
  competencies: z.array(pkgCompetencyResultSchema),
  total: z.number().int().describe('Nilai PKG: sum of the competency values'),
  maxTotal: z.number().int().describe('4 × competencies (56 for PKG guru mapel)'),
  nilai: z.number().describe('Nilai PKG (100) = total ÷ maxTotal × 100, 2 decimals'),
  category: z.enum(PKG_CATEGORIES),
  creditPercent: z.number().int().describe('% angka kredit (NPK): 125, 100, 75, 50 or 25'),
  rule: z.enum(PKG_BAND_RULES).describe('The band-edge rule used'),
  instrument: z.object({ code: z.string(), version: z.number().int() }).describe('The instrument version the ratings were checked against'),
  angkaKredit: pkgAngkaKreditSchema.optional().describe('Present when rank data was given'),
});
export type PkgScoreResult = z.infer<typeof pkgScoreResultSchema>;

// ---------- assessment cycle ----------
/** PKG formatif (first weeks of the academic year) or sumatif (its end). */
export const ASSESSMENT_PERIOD_KINDS = ['formatif', 'sumatif'] as const;
export type AssessmentPeriodKind = (typeof ASSESSMENT_PERIOD_KINDS)[number];

/** `open`: assessments can be created and rated; `closed`: nothing new is written in it. */
export const ASSESSMENT_PERIOD_STATUSES = ['open', 'closed'] as const;
export type AssessmentPeriodStatus = (typeof ASSESSMENT_PERIOD_STATUSES)[number];

/** Who rates: kepala madrasah, pengawas, a peer (teman sejawat, named by the kepala) or the teacher (evaluasi diri). */
export const ASSESSMENT_RATER_KINDS = ['kepala', 'pengawas', 'peer', 'self'] as const;
export type AssessmentRaterKind = (typeof ASSESSMENT_RATER_KINDS)[number];

/** `draft`: ratings can change; `final`: immutable. */
export const ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const cycleAcademicYear = z.string().regex(/^\d{4}\/\d{4}$/, 'invalid_academic_year').describe("Tahun pelajaran, e.g. '2026/2027'");

export const assessmentPeriodSchema = z.object({
  id: idSchema,
  madrasahId: idSchema,
  academicYear: z.string(),
  kind: z.enum(ASSESSMENT_PERIOD_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(ASSESSMENT_PERIOD_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AssessmentPeriod = z.infer<typeof assessmentPeriodSchema>;
export const assessmentPeriodListSchema = listResponseSchema(assessmentPeriodSchema);
export const assessmentPeriodListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  madrasahId: idSchema.optional(),
  academicYear: cycleAcademicYear.optional(),
  status: z.enum(ASSESSMENT_PERIOD_STATUSES).optional(),
});
export const createAssessmentPeriodSchema = z.strictObject({
  madrasahId: idSchema,
  academicYear: cycleAcademicYear,
  kind: z.enum(ASSESSMENT_PERIOD_KINDS),
  startsOn: isoDate.optional().describe('YYYY-MM-DD; the madrasah setting’s window for this kind when omitted'),
  endsOn: isoDate.optional().describe('YYYY-MM-DD; the madrasah setting’s window for this kind when omitted'),
});
export type CreateAssessmentPeriodInput = z.infer<typeof createAssessmentPeriodSchema>;
export const updateAssessmentPeriodSchema = z.strictObject({
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  status: z.enum(ASSESSMENT_PERIOD_STATUSES).optional(),
});
export type UpdateAssessmentPeriodInput = z.infer<typeof updateAssessmentPeriodSchema>;

export const createAssessmentSchema = z.strictObject({
  periodId: idSchema,
  teacherId: idSchema,
  instrumentCode: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/)
    .default('pkg-2009-guru-mapel')
    .describe('A published official instrument scored with pkg-2009, or a published instrument of the teacher’s madrasah (rated on its own scale, no Nilai PKG)'),
  instrumentVersion: z.number().int().min(1).max(10_000).optional().describe('The newest published version when omitted'),
  raterKind: z.enum(ASSESSMENT_RATER_KINDS),
  raterUserId: idSchema.optional().describe('Peer assessments: the account of the guru who rates. Otherwise the requester rates'),
});
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

export const putAssessmentRatingsSchema = z.strictObject({
  ratings: z
    .array(
      z.strictObject({
        indicatorId: idSchema.describe('An indicator of the assessment’s instrument version'),
        score: z.number().int().min(-1000).max(1000).describe('A level of the instrument version’s scale (PKG: 0, 1 or 2)'),
        evidence: optionalText(2000).describe('Evidence note (bukti)'),
      }),
    )
    .min(1)
    .max(200),
});
export type PutAssessmentRatingsInput = z.infer<typeof putAssessmentRatingsSchema>;

export const acknowledgeAssessmentSchema = z.strictObject({
  comment: optionalText(2000).describe('The teacher’s comment on the result (optional)'),
});
export type AcknowledgeAssessmentInput = z.infer<typeof acknowledgeAssessmentSchema>;

export const assessmentListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  periodId: idSchema.optional(),
  teacherId: idSchema.optional(),
  raterKind: z.enum(ASSESSMENT_RATER_KINDS).optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
});

/** A stored assessment's result: the PKG calculator's answer for its ratings (null until every indicator is rated). */
export const assessmentScoreSchema = pkgScoreResultSchema.omit({ instrument: true, angkaKredit: true });
export type AssessmentScore = z.infer<typeof assessmentScoreSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  periodId: idSchema,
  madrasahId: idSchema,
  teacher: z.object({ id: idSchema, name: z.string() }),
  instrument: z.object({ code: z.string(), version: z.number().int() }),
  rater: z.object({ userId: idSchema, name: z.string(), kind: z.enum(ASSESSMENT_RATER_KINDS) }),
  status: z.enum(ASSESSMENT_STATUSES),
  rated: z.number().int().describe('Indicators rated so far'),
  finalisedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;
export const assessmentListSchema = listResponseSchema(assessmentSummarySchema);

/** One competency of an assessment with a madrasah instrument: average level and count per level. */
export const competencyLevelSummarySchema = z.object({
  competencyId: idSchema,
  number: z.number().int(),
  name: z.string(),
  indicatorCount: z.number().int(),
  rated: z.number().int(),
  average: z.number().nullable().describe('Mean of the rated levels, 2 decimals; null when none is rated'),
  counts: z.array(z.object({ value: z.number().int(), label: z.string(), count: z.number().int() })).describe('Every level of the scale, lowest first'),
});
export type CompetencyLevelSummary = z.infer<typeof competencyLevelSummarySchema>;

export const assessmentSchema = assessmentSummarySchema.extend({
  indicatorCount: z.number().int().describe('Indicators of the instrument version'),
  teacherComment: z.string().nullable(),
  revision: z.number().int().describe('Audited revisions of the final version so far (0 = never revised)'),
  revisedAt: z.string().nullable(),
  updatedAt: z.string(),
  ratings: z.array(z.object({ indicatorId: idSchema, score: z.number().int(), evidence: z.string().nullable() })).describe('In instrument order'),
  score: assessmentScoreSchema.nullable().describe('PKG result; null until every indicator is rated; always null for a madrasah instrument'),
  scored: z.boolean().describe('Whether the instrument version is scored as PKG (Nilai PKG, category); false for a madrasah instrument'),
  levelSummary: z
    .array(competencyLevelSummarySchema)
    .nullable()
    .describe('Madrasah instrument (not scored as PKG): per competency the average level and the count per level; null for PKG instruments'),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** The study's "tingkat kinerja guru": categories of the final kepala assessments of a period. */
export const assessmentPeriodSummarySchema = z.object({
  periodId: idSchema,
  raterKind: z.literal('kepala'),
  rule: z.enum(PKG_BAND_RULES),
  assessed: z.number().int().describe('Final kepala assessments counted'),
  meanNilai: z.number().nullable().describe('Mean Nilai PKG (100), 2 decimals; null when none'),
  distribution: z.array(z.object({ category: z.enum(PKG_CATEGORIES), count: z.number().int(), percent: z.number() })).describe('Every category, best first'),
});
export type AssessmentPeriodSummary = z.infer<typeof assessmentPeriodSummarySchema>;
