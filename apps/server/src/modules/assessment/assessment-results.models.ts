/**
 * Pure rules of persisted PKG results and growth: focus-dimension scores of an assessment, the
 * record written per final assessment, the order of periods, the movement between two periods and
 * who may see a teacher's growth. No database, no clock.
 */
import { FOCUS_DIMENSIONS, PKG_CATEGORIES, type FocusDimension, type InstrumentDetail, type PkgBandRule, type PkgCategory } from '@tumbuh/shared';
import { hasAnyRole, type Actor } from '../tenancy/tenancy.models.ts';
import { scoreAssessment, type InstrumentIndex } from './assessment-cycle.models.ts';
import { PKG_INDICATOR_MAX, roundHalfUpDiv } from './pkg-scoring.models.ts';

/** Which focus dimensions each indicator of an instrument version is tagged with. */
export type FocusIndex = ReadonlyMap<string, readonly FocusDimension[]>;

export function focusIndexOf(detail: InstrumentDetail): FocusIndex {
  const map = new Map<string, readonly FocusDimension[]>();
  for (const d of detail.domains) for (const c of d.competencies) for (const i of c.indicators) if (i.focus.length > 0) map.set(i.id, i.focus);
  return map;
}

/** One focus dimension's score: the ratings of its tagged indicators over their maximum. */
export interface FocusScore {
  code: FocusDimension;
  score: number;
  max: number;
  /** score ÷ max × 100 rounded half-up to 2 decimals; null when no indicator carries the tag. */
  percent: number | null;
}

/** Focus-dimension scores of a set of ratings: every dimension, in the fixed order. */
export function scoreFocus(focus: FocusIndex, ratings: readonly { indicatorId: string; score: number }[]): FocusScore[] {
  const score = new Map<FocusDimension, number>();
  const max = new Map<FocusDimension, number>();
  for (const r of ratings) {
    for (const code of focus.get(r.indicatorId) ?? []) {
      score.set(code, (score.get(code) ?? 0) + r.score);
      max.set(code, (max.get(code) ?? 0) + PKG_INDICATOR_MAX);
    }
  }
  return FOCUS_DIMENSIONS.map((code) => {
    const s = score.get(code) ?? 0;
    const m = max.get(code) ?? 0;
    return { code, score: s, max: m, percent: m === 0 ? null : roundHalfUpDiv(s * 10_000, m) / 100 };
  });
}

/** What is stored per final assessment (the columns of assessment_results, without keys). */
export interface ResultRecord {
  total: number;
  maxTotal: number;
  nilai: number;
  category: PkgCategory;
  creditPercent: number;
  bandRule: PkgBandRule;
  competencyValues: number[];
  competencyScores: number[];
  focusScores: FocusScore[];
}

/** The record of an assessment's ratings, computed by the pure PKG module; null until every indicator is rated. */
export function resultRecord(index: InstrumentIndex, focus: FocusIndex, ratings: readonly { indicatorId: string; score: number }[], rule: PkgBandRule): ResultRecord | null {
  const score = scoreAssessment(index, ratings, rule);
  if (!score) return null;
  return {
    total: score.total,
    maxTotal: score.maxTotal,
    nilai: score.nilai,
    category: score.category,
    creditPercent: score.creditPercent,
    bandRule: score.rule,
    competencyValues: score.competencies.map((c) => c.value),
    competencyScores: score.competencies.map((c) => c.score),
    focusScores: scoreFocus(focus, ratings.filter((r) => index.place.has(r.indicatorId))),
  };
}

// ---------- periods across madrasahs ----------

/** A period across madrasahs: the academic year and kind (formatif before sumatif). */
export interface PeriodKey {
  academicYear: string;
  kind: 'formatif' | 'sumatif';
}

/** Orders periods in time: academic year, then formatif before sumatif. */
export function comparePeriodKeys(a: PeriodKey, b: PeriodKey): number {
  if (a.academicYear !== b.academicYear) return a.academicYear < b.academicYear ? -1 : 1;
  if (a.kind === b.kind) return 0;
  return a.kind === 'formatif' ? -1 : 1;
}

// ---------- movement ----------

/** Rank of a category, 0 best. */
export function categoryRank(category: PkgCategory): number {
  return PKG_CATEGORIES.indexOf(category);
}

export type Movement = 'improved' | 'declined' | 'unchanged';

/**
 * Whether a teacher improved or declined between two results: by Nilai PKG (100) (the category
 * follows it under one rule; two results taken with different rules are still compared on nilai).
 */
export function movementOf(from: { nilai: number }, to: { nilai: number }): Movement {
  const delta = Math.round(to.nilai * 100) - Math.round(from.nilai * 100);
  if (delta > 0) return 'improved';
  if (delta < 0) return 'declined';
  return 'unchanged';
}

/** Nilai delta (to − from), exact to the cent. */
export function nilaiDelta(from: { nilai: number }, to: { nilai: number }): number {
  return (Math.round(to.nilai * 100) - Math.round(from.nilai * 100)) / 100;
}

// ---------- who sees what ----------

/** Roles that see the results of every teacher of a madrasah (distribution, growth, recaps). */
const LEAD_ROLES = ['kepala_madrasah', 'pengawas', 'operator'] as const;

/**
 * A teacher's growth (all their final results across periods): the kepala, operator and assigned
 * pengawas of their madrasah, and the teacher themself. Never another guru.
 */
export function canSeeGrowth(actor: Pick<Actor, 'roles' | 'teacherId'>, teacher: { id: string; madrasahId: string }): boolean {
  return actor.teacherId === teacher.id || hasAnyRole(actor, LEAD_ROLES, teacher.madrasahId);
}

/**
 * Madrasahs whose aggregated results (distribution, movement, recaps) the actor sees: those where
 * they are kepala, operator or pengawas; 'all' with a tenant-wide grant of one of these roles.
 */
export function resultMadrasahIds(actor: Pick<Actor, 'roles'>): 'all' | string[] {
  const grants = actor.roles.filter((g) => (LEAD_ROLES as readonly string[]).includes(g.role));
  if (grants.some((g) => g.madrasahId === null)) return 'all';
  return [...new Set(grants.map((g) => g.madrasahId).filter((id): id is string => id !== null))];
}

// ---------- aggregates ----------

/** Category counts (with the Nilai PKG (100) sum in cents) → count and percent per category, best first, and the mean. */
export function countsToDistribution(rows: readonly { category: string; count: number; cents: number }[]): {
  assessed: number;
  meanNilai: number | null;
  distribution: { category: PkgCategory; count: number; percent: number }[];
} {
  const counts = new Map<string, number>();
  let assessed = 0;
  let cents = 0;
  for (const r of rows) {
    counts.set(r.category, (counts.get(r.category) ?? 0) + r.count);
    assessed += r.count;
    cents += r.cents;
  }
  return {
    assessed,
    meanNilai: assessed === 0 ? null : roundHalfUpDiv(cents, assessed) / 100,
    distribution: PKG_CATEGORIES.map((category) => {
      const count = counts.get(category) ?? 0;
      return { category, count, percent: assessed === 0 ? 0 : roundHalfUpDiv(count * 10_000, assessed) / 100 };
    }),
  };
}
