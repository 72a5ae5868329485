import { z } from 'zod';
import { FOCUS_DIMENSIONS, INSTRUMENT_STATUSES, instrumentDetailSchema } from './assessment.ts';
import { idSchema, optionalText, requiredText } from './common.ts';

/**
 * Madrasah-built instruments (instrumen buatan madrasah): a madrasah writes its own instrument
 * (ranah → kompetensi → indikator, a rating scale, an optional descriptor per level per indicator,
 * focus tags), publishes it, and from then on that version is frozen; a change is a new draft
 * version of the same code. Routes under `/api/v1/madrasah-instruments`; published ones also appear
 * in `GET /api/v1/instruments` and `GET /api/v1/instruments/:code` for the madrasah's people.
 * See docs/API.md ("Madrasah instruments") and docs/assessment-focus-mapping.md.
 */

/** Limits of one madrasah instrument (the server and the builder form share them). */
export const INSTRUMENT_BUILDER_LIMITS = {
  titleMax: 200,
  sourceMax: 1000,
  nameMax: 200,
  indicatorTextMax: 1000,
  descriptorMax: 1000,
  levelLabelMax: 100,
  levelDescriptionMax: 500,
  /** A scale has 2–7 levels. */
  scaleLevelsMin: 2,
  scaleLevelsMax: 7,
  /** Level values are whole numbers 0–100, strictly ascending (lowest first). */
  scaleValueMin: 0,
  scaleValueMax: 100,
  domainsMax: 20,
  /** Across the whole instrument. */
  competenciesMax: 60,
  /** Across the whole instrument (an observation rates all of them in one request). */
  indicatorsMax: 200,
} as const;
const L = INSTRUMENT_BUILDER_LIMITS;

/**
 * What a madrasah instrument is used for. Only `observation` for now (classroom observation rates
 * it on its own scale; no total score). A published one may also be used for an assessment (PK Guru
 * cycle; rated on its own scale, no Nilai PKG): no separate kind is needed for that.
 */
export const MADRASAH_INSTRUMENT_KINDS = ['observation'] as const;
export type MadrasahInstrumentKind = (typeof MADRASAH_INSTRUMENT_KINDS)[number];

const focusList = z
  .array(z.enum(FOCUS_DIMENSIONS))
  .max(FOCUS_DIMENSIONS.length)
  .refine((f) => new Set(f).size === f.length, 'duplicate_focus');

// ---------- requests ----------
export const builderScaleLevelSchema = z.strictObject({
  value: z.number().int().min(L.scaleValueMin).max(L.scaleValueMax).describe('What a rating on this level stores'),
  label: requiredText(L.levelLabelMax).describe('e.g. "Baik"'),
  description: z.string().trim().max(L.levelDescriptionMax).default('').describe('General meaning of the level (may be empty)'),
});
/** 2–7 levels; values must be distinct and ascending (checked by the server: 422 instruments.invalid_scale). */
export const builderScaleSchema = z.strictObject({
  levels: z.array(builderScaleLevelSchema).min(L.scaleLevelsMin).max(L.scaleLevelsMax).describe('Lowest first, values strictly ascending'),
});
export type BuilderScale = z.infer<typeof builderScaleSchema>;

export const builderIndicatorInputSchema = z.strictObject({
  text: requiredText(L.indicatorTextMax).describe('The statement that is rated'),
  descriptors: z
    .record(z.string().regex(/^\d{1,3}$/), requiredText(L.descriptorMax))
    .default({})
    .describe('Optional: what each level looks like for this indicator, keyed by level value ("1": "…"); a key must be a level of the scale (422 instruments.unknown_level)'),
  focus: focusList.default([]).describe('Focus-dimension tags'),
});
export const builderCompetencyInputSchema = z.strictObject({
  name: requiredText(L.nameMax),
  indicators: z.array(builderIndicatorInputSchema).max(L.indicatorsMax).default([]),
});
export const builderDomainInputSchema = z.strictObject({
  name: requiredText(L.nameMax).describe('Ranah / komponen'),
  competencies: z.array(builderCompetencyInputSchema).max(L.competenciesMax).default([]),
});
export type BuilderDomainInput = z.infer<typeof builderDomainInputSchema>;

/** `POST /madrasah-instruments`: a new draft, version 1, with an empty tree. */
export const createMadrasahInstrumentSchema = z.strictObject({
  madrasahId: idSchema.describe('The madrasah that owns it (operator or kepala madrasah of it)'),
  title: requiredText(L.titleMax),
  kind: z.enum(MADRASAH_INSTRUMENT_KINDS).default('observation'),
  source: optionalText(L.sourceMax).describe('Basis / reference (optional)'),
  scale: builderScaleSchema,
});
export type CreateMadrasahInstrumentInput = z.infer<typeof createMadrasahInstrumentSchema>;

/**
 * `PUT /madrasah-instruments/:id`: replaces the whole draft content in one transaction. Order in
 * the arrays is the order of the instrument; the server numbers competencies 1…n across the
 * instrument and indicators 1…m within each competency, and gives every node a new id (a draft has
 * no ratings yet). 409 instruments.frozen on a published version.
 */
export const updateMadrasahInstrumentSchema = z.strictObject({
  title: requiredText(L.titleMax),
  source: optionalText(L.sourceMax),
  scale: builderScaleSchema,
  domains: z.array(builderDomainInputSchema).max(L.domainsMax),
});
export type UpdateMadrasahInstrumentInput = z.infer<typeof updateMadrasahInstrumentSchema>;

/** `GET /instruments?madrasahId=&owner=&status=`: both filters optional. */
export const instrumentListQuerySchema = z.strictObject({
  madrasahId: idSchema.optional().describe('Only this madrasah’s instruments (plus official ones unless owner=madrasah)'),
  owner: z.enum(['official', 'madrasah']).optional(),
  status: z.enum(INSTRUMENT_STATUSES).optional(),
});
export type InstrumentListQuery = z.infer<typeof instrumentListQuerySchema>;

// ---------- responses ----------
/** Why a draft cannot be published yet (also listed on every draft, so the form can show it). */
export const PUBLISH_PROBLEM_KINDS = ['no_domains', 'domain_without_competencies', 'competency_without_indicators'] as const;
export type PublishProblemKind = (typeof PUBLISH_PROBLEM_KINDS)[number];
export const publishProblemSchema = z.object({
  kind: z.enum(PUBLISH_PROBLEM_KINDS),
  /** 1-based positions: domain, then competency within the domain. */
  domain: z.number().int().optional(),
  competency: z.number().int().optional(),
});
export type PublishProblem = z.infer<typeof publishProblemSchema>;

export const madrasahInstrumentVersionSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  status: z.enum(INSTRUMENT_STATUSES),
  publishedAt: z.string().nullable(),
});

/**
 * A madrasah instrument version with its full tree (same shape as an official instrument's detail:
 * domains → competencies → indicators with `descriptors` and `focus`), plus every version of its
 * code and, for a draft, what still stops it from being published.
 */
export const madrasahInstrumentSchema = instrumentDetailSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(madrasahInstrumentVersionSchema).describe('Every version of this code, oldest first'),
  publishProblems: z.array(publishProblemSchema).describe('Empty when it can be published (always empty once published)'),
  canEdit: z.boolean().describe('The caller may edit / publish / delete / make a new version (operator or kepala of the madrasah)'),
});
export type MadrasahInstrument = z.infer<typeof madrasahInstrumentSchema>;
