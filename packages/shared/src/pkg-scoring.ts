/**
 * Exact PKG scoring (Pedoman Pelaksanaan PK Guru, Buku 2, Kemendiknas 2010; Permenneg PAN-RB 16/2009),
 * pure, shared by the server and the web client (the rating form computes the same result live).
 * Every comparison that decides a value or a band is made on integers, so no floating-point error
 * can move a result across an edge. See docs/pkg-scoring.md.
 */
import type { PkgBandRule, PkgCategory } from './schemas/assessment.ts';

/** What scoring needs of an instrument: its competencies in order, with their indicator counts. */
export interface PkgDefinition {
  competencies: readonly { number: number; indicatorCount: number }[];
}

/** One competency's result. */
export interface PkgCompetencyScore {
  number: number;
  score: number;
  max: number;
  /** score ÷ max × 100, rounded half-up to 2 decimals. */
  percent: number;
  value: 1 | 2 | 3 | 4;
}

/** A full PKG result. */
export interface PkgScore {
  competencies: PkgCompetencyScore[];
  total: number;
  maxTotal: number;
  /** Nilai PKG (100), rounded half-up to 2 decimals. */
  nilai: number;
  category: PkgCategory;
  creditPercent: number;
  rule: PkgBandRule;
}

/** Why a set of ratings cannot be scored; each names the competency. */
export type RatingProblem =
  | { kind: 'unknown_competency'; key: string }
  | { kind: 'missing_competency'; competency: number }
  | { kind: 'wrong_indicator_count'; competency: number; expected: number; actual: number }
  | { kind: 'invalid_value'; competency: number; indicator: number; value: unknown };

export type RatingsValidation = { ok: true; ratings: (readonly number[])[] } | { ok: false; problems: RatingProblem[] };

/** The scores an indicator may get: 0 tidak ada bukti, 1 terpenuhi sebagian, 2 seluruhnya terpenuhi. */
export const PKG_INDICATOR_MAX = 2;
/** Highest competency value. */
export const PKG_VALUE_MAX = 4;

/** A category band: the lowest Nilai PKG (100) that reaches it and its % angka kredit (NPK). */
export interface PkgBand {
  category: PkgCategory;
  min: number;
  creditPercent: number;
}

/** Category bands of Nilai PKG (100), best first: a value belongs to the first band whose `min` it reaches. */
export const PKG_BANDS: readonly PkgBand[] = [
  { category: 'Amat baik', min: 91, creditPercent: 125 },
  { category: 'Baik', min: 76, creditPercent: 100 },
  { category: 'Cukup', min: 61, creditPercent: 75 },
  { category: 'Sedang', min: 51, creditPercent: 50 },
  { category: 'Kurang', min: 0, creditPercent: 25 },
];

/** a ÷ b rounded half-up, for non-negative integers a and b > 0 (exact: no floating point involved). */
export function roundHalfUpDiv(a: number, b: number): number {
  const twice = 2 * a + b;
  const den = 2 * b;
  return (twice - (twice % den)) / den;
}

/** a ÷ b rounded down, for non-negative integers a and b > 0. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * Competency value from its score: `0 ≤ % ≤ 25 → 1; 25 < % ≤ 50 → 2; 50 < % ≤ 75 → 3; 75 < % ≤ 100 → 4`
 * with % = score ÷ max × 100. A competency at 0 % still gets 1 (Lampiran 1C: "nilai minimum per
 * kompetensi = 1"). Compared as integers: % ≤ 25 ⇔ 4·score ≤ max, and so on.
 */
export function competencyValue(score: number, max: number): 1 | 2 | 3 | 4 {
  if (4 * score <= max) return 1;
  if (2 * score <= max) return 2;
  if (4 * score <= 3 * max) return 3;
  return 4;
}

const LOWEST_BAND: PkgBand = { category: 'Kurang', min: 0, creditPercent: 25 };

function bandOfInteger(n: number): PkgBand {
  for (const band of PKG_BANDS) if (n >= band.min) return band;
  return LOWEST_BAND;
}

function bandOfRational(numerator: number, denominator: number): PkgBand {
  for (const band of PKG_BANDS) if (numerator >= band.min * denominator) return band;
  return LOWEST_BAND;
}

/**
 * The band of Nilai PKG (100) = numerator ÷ denominator (non-negative integers), under `rule`:
 * - `round-half-up`: the value rounded half-up to a whole number is banded (90.5 → 91 Amat baik;
 *   60.71 → 61 Cukup, as the schools' "hitung cepat" table has it).
 * - `floor`: the value rounded down is banded (90.5 → 90 Baik).
 * - `exact`: the unrounded value is banded; the published bands are whole numbers with gaps
 *   (…90 | 91…), and a value in a gap (90 < v < 91) goes to the lower band. This equals "the
 *   highest band whose lower bound v reaches", so it always agrees with `floor` on the category.
 */
export function pkgBand(numerator: number, denominator: number, rule: PkgBandRule): PkgBand {
  switch (rule) {
    case 'round-half-up':
      return bandOfInteger(roundHalfUpDiv(numerator, denominator));
    case 'floor':
      return bandOfInteger(floorDiv(numerator, denominator));
    case 'exact':
      return bandOfRational(numerator, denominator);
    default: {
      const unknown: never = rule;
      throw new Error(`unknown band rule ${String(unknown)}`);
    }
  }
}

/** The definition in the shape the hot path wants, built once per definition object. */
interface CompiledDefinition {
  keys: string[];
  numbers: number[];
  counts: number[];
}
const compiledDefinitions = new WeakMap<PkgDefinition, CompiledDefinition>();

function compile(definition: PkgDefinition): CompiledDefinition {
  let compiled = compiledDefinitions.get(definition);
  if (!compiled) {
    compiled = {
      keys: definition.competencies.map((c) => String(c.number)),
      numbers: definition.competencies.map((c) => c.number),
      counts: definition.competencies.map((c) => c.indicatorCount),
    };
    compiledDefinitions.set(definition, compiled);
  }
  return compiled;
}

/** True when every value is an indicator score 0, 1 or 2. */
function isRatingList(values: readonly unknown[]): values is readonly number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== 0 && v !== 1 && v !== 2) return false;
  }
  return true;
}

/** Every problem of one competency's ratings (the slow path, taken only for bad input). */
function competencyProblems(number: number, expected: number, given: readonly unknown[] | undefined, problems: RatingProblem[]): void {
  if (given === undefined) {
    problems.push({ kind: 'missing_competency', competency: number });
    return;
  }
  if (given.length !== expected) problems.push({ kind: 'wrong_indicator_count', competency: number, expected, actual: given.length });
  for (let i = 0; i < given.length; i++) {
    const v = given[i];
    if (v !== 0 && v !== 1 && v !== 2) problems.push({ kind: 'invalid_value', competency: number, indicator: i + 1, value: v });
  }
}

/**
 * Checks ratings keyed by competency number against the instrument: every competency present, the
 * right number of indicator ratings, each 0, 1 or 2, no unknown competency. Returns the ratings in
 * the instrument's order (the given arrays, not copies), or every problem found.
 */
export function validatePkgRatings(definition: PkgDefinition, ratings: Readonly<Record<string, readonly unknown[]>>): RatingsValidation {
  const { keys, numbers, counts } = compile(definition);
  const ordered: (readonly number[])[] = new Array<readonly number[]>(keys.length);
  let problems: RatingProblem[] | undefined;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] ?? '';
    const given = Object.hasOwn(ratings, key) ? ratings[key] : undefined;
    if (given !== undefined && given.length === counts[k] && isRatingList(given)) {
      ordered[k] = given;
    } else {
      problems ??= [];
      competencyProblems(numbers[k] ?? 0, counts[k] ?? 0, given, problems);
    }
  }
  const givenKeys = Object.keys(ratings);
  // Every expected key was found (or reported missing); any key beyond them is unknown.
  if (givenKeys.length !== keys.length || problems) {
    const known = new Set(keys);
    for (const key of givenKeys) if (!known.has(key)) (problems ??= []).push({ kind: 'unknown_competency', key });
  }
  return problems ? { ok: false, problems } : { ok: true, ratings: ordered };
}

/**
 * Scores validated ratings (one array per competency, in the definition's order, each value 0–2):
 * competency % and value, Nilai PKG, Nilai PKG (100), category and % angka kredit under `rule`.
 * Throws when the ratings do not fit the definition (call `validatePkgRatings` first).
 */
export function scorePkg(definition: PkgDefinition, ratings: readonly (readonly number[])[], rule: PkgBandRule): PkgScore {
  const defs = definition.competencies;
  if (ratings.length !== defs.length || defs.length === 0) throw new Error('ratings do not match the instrument');
  const competencies: PkgCompetencyScore[] = new Array<PkgCompetencyScore>(defs.length);
  let total = 0;
  for (let c = 0; c < defs.length; c++) {
    const def = defs[c];
    const values = ratings[c];
    if (def === undefined || values === undefined || values.length !== def.indicatorCount || def.indicatorCount === 0) {
      throw new Error('ratings do not match the instrument');
    }
    let score = 0;
    for (let i = 0; i < values.length; i++) score += values[i] ?? 0;
    const max = def.indicatorCount * PKG_INDICATOR_MAX;
    const value = competencyValue(score, max);
    total += value;
    competencies[c] = { number: def.number, score, max, percent: roundHalfUpDiv(score * 10_000, max) / 100, value };
  }
  const maxTotal = defs.length * PKG_VALUE_MAX;
  const band = pkgBand(total * 100, maxTotal, rule);
  return {
    competencies,
    total,
    maxTotal,
    nilai: roundHalfUpDiv(total * 10_000, maxTotal) / 100,
    category: band.category,
    creditPercent: band.creditPercent,
    rule,
  };
}

/** Rank data and the result the annual angka kredit is computed from. */
export interface AngkaKreditInput {
  /** AKK: angka kredit kumulatif minimal for the next rank. */
  akk: number;
  /** AKPKB: mandatory PKB credits (pengembangan diri + publikasi ilmiah / karya inovatif). */
  akpkb: number;
  /** AKP: unsur penunjang credits. */
  akp: number;
  /** JM: jam tatap muka per week (whole JP). */
  teachingHours: number;
  /** NPK in percent: the PKG result's creditPercent. */
  npk: number;
}

export type AngkaKreditResult =
  | { ok: true; perYear: number; hoursFactor: number; npk: number }
  | { ok: false; reason: 'credits_exceed_akk' | 'invalid_number' };

/** JWM: the teaching load (JP per week) from which JM/JWM = 1. */
export const JWM_MIN = 24;

/**
 * Annual angka kredit, Permenneg PAN-RB 16/2009 / Pedoman PK Guru:
 * `(AKK − AKPKB − AKP) × JM/JWM × NPK / 4`, with JM/JWM = 1 from 24 JP a week and JM/24 below
 * (more than 40 JP does not raise it above 1). Credits are taken to 3 decimals; the result is
 * rounded half-up to 3 decimals. Refuses AKPKB + AKP above AKK.
 */
export function annualAngkaKredit(input: AngkaKreditInput): AngkaKreditResult {
  const { akk, akpkb, akp, teachingHours, npk } = input;
  if (![akk, akpkb, akp, teachingHours, npk].every((v) => Number.isFinite(v) && v >= 0) || !Number.isInteger(teachingHours) || !Number.isInteger(npk)) {
    return { ok: false, reason: 'invalid_number' };
  }
  const baseMilli = Math.round(akk * 1000) - Math.round(akpkb * 1000) - Math.round(akp * 1000);
  if (baseMilli < 0) return { ok: false, reason: 'credits_exceed_akk' };
  const hours = Math.min(teachingHours, JWM_MIN);
  // perYear = baseMilli/1000 × hours/24 × npk/100 / 4, kept as one integer fraction until the end.
  const numerator = baseMilli * hours * npk;
  const denominator = 1000 * JWM_MIN * 100 * 4;
  return {
    ok: true,
    perYear: roundHalfUpDiv(numerator * 1000, denominator) / 1000,
    hoursFactor: roundHalfUpDiv(hours * 10_000, JWM_MIN) / 10_000,
    npk,
  };
}
