/**
 * Pure rules of a madrasah's assessment settings, the combined raters view and the audited
 * revision of a final assessment. No database, no clock: the use cases pass everything in.
 */
import {
  ASSESSMENT_RATER_KINDS,
  DEFAULT_PKG_BAND_RULE,
  pkgBand,
  roundHalfUpDiv,
  type AssessmentRaterKind,
  type AssessmentStatus,
  type PeriodWindow,
  type PkgBandRule,
  type PkgCategory,
  type PutAssessmentSettingsInput,
  type RaterWeights,
} from '@tumbuh/shared';
import { hasAnyRole, hasRole, type Actor } from '../tenancy/tenancy.models.ts';

type RolesOf = Pick<Actor, 'roles'>;

/** The settings without the madrasah they belong to. */
export type SettingsValues = Omit<PutAssessmentSettingsInput, 'madrasahId'>;

/**
 * What a madrasah gets until it saves its own settings:
 * - band rule round-half-up (what schools do; docs/pkg-scoring.md);
 * - the academic year from 1 July (tahun pelajaran);
 * - PKG formatif 15 July – 7 September and sumatif 15 April – 31 May, the windows schools use in
 *   practice ("Juli minggu ke-3 s.d. September minggu ke-1", "April minggu ke-3 s.d. Mei minggu ke-4",
 *   domain-indonesia.md §1.6);
 * - weights kepala 50, pengawas 20, peer 20, self 10 (no official source: a starting point the
 *   madrasah changes), and the weighted combination hidden until the madrasah chooses to show it.
 */
export const DEFAULT_ASSESSMENT_SETTINGS: SettingsValues = {
  bandRule: DEFAULT_PKG_BAND_RULE,
  yearStartsOn: '07-01',
  formatif: { startsOn: '07-15', endsOn: '09-07' },
  sumatif: { startsOn: '04-15', endsOn: '05-31' },
  weights: { kepala: 50, pengawas: 20, peer: 20, self: 10 },
  showCombined: false,
};

// ---------- days of the year ----------

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a day that exists in every year ('02-29' does not). */
export function isMonthDay(md: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Day number 0–364 of a 'MM-DD' in a common year. */
function dayOfYear(md: string): number {
  const month = Number(md.slice(0, 2));
  const day = Number(md.slice(3, 5));
  let n = day - 1;
  for (let i = 0; i < month - 1; i++) n += DAYS_IN_MONTH[i] ?? 0;
  return n;
}

/** Days from the first day of the academic year (`yearStartsOn`) to `md`: 0–364. */
export function academicDay(md: string, yearStartsOn: string): number {
  return (dayOfYear(md) - dayOfYear(yearStartsOn) + 365) % 365;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The first and last date of academic year 'Y/Y+1' when the year starts on `yearStartsOn`:
 * from Y-MM-DD to the day before (Y+1)-MM-DD. Undefined for a malformed year.
 */
export function academicYearBounds(academicYear: string, yearStartsOn: string): { first: string; last: string } | undefined {
  const match = /^(\d{4})\/(\d{4})$/.exec(academicYear);
  const y = Number(match?.[1]);
  if (!match || Number(match[2]) !== y + 1 || !isMonthDay(yearStartsOn)) return undefined;
  const month = Number(yearStartsOn.slice(0, 2)) - 1;
  const day = Number(yearStartsOn.slice(3, 5));
  return { first: iso(new Date(Date.UTC(y, month, day))), last: iso(new Date(Date.UTC(y + 1, month, day - 1))) };
}

/** The calendar date of `md` within academic year 'Y/Y+1' (days before `yearStartsOn` fall in Y+1). */
export function dateInAcademicYear(academicYear: string, yearStartsOn: string, md: string): string | undefined {
  const match = /^(\d{4})\/(\d{4})$/.exec(academicYear);
  if (!match || !isMonthDay(md) || !isMonthDay(yearStartsOn)) return undefined;
  const year = Number(match[1]) + (dayOfYear(md) >= dayOfYear(yearStartsOn) ? 0 : 1);
  return `${year}-${md}`;
}

/** The default dates of a period of `kind` in an academic year, from the settings' window. */
export function defaultPeriodDates(academicYear: string, settings: Pick<SettingsValues, 'yearStartsOn' | 'formatif' | 'sumatif'>, kind: 'formatif' | 'sumatif'): { startsOn: string; endsOn: string } | undefined {
  const w = settings[kind];
  const startsOn = dateInAcademicYear(academicYear, settings.yearStartsOn, w.startsOn);
  const endsOn = dateInAcademicYear(academicYear, settings.yearStartsOn, w.endsOn);
  return startsOn && endsOn ? { startsOn, endsOn } : undefined;
}

// ---------- settings ----------

/** Why settings are refused, with the field at fault. */
export type SettingsProblem =
  | { field: 'weights'; code: 'weights_sum'; sum: number }
  | { field: 'yearStartsOn' | 'formatif.startsOn' | 'formatif.endsOn' | 'sumatif.startsOn' | 'sumatif.endsOn'; code: 'invalid_month_day' }
  | { field: 'formatif' | 'sumatif'; code: 'window_order' };

/**
 * Checks settings: the four weights sum to 100; every day exists in every year; each window's end
 * is not before its start in academic-year order (a window may cross 31 December).
 */
export function settingsProblems(s: SettingsValues): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const sum = s.weights.kepala + s.weights.pengawas + s.weights.peer + s.weights.self;
  if (sum !== 100) problems.push({ field: 'weights', code: 'weights_sum', sum });
  if (!isMonthDay(s.yearStartsOn)) problems.push({ field: 'yearStartsOn', code: 'invalid_month_day' });
  for (const kind of ['formatif', 'sumatif'] as const) {
    const w: PeriodWindow = s[kind];
    const startOk = isMonthDay(w.startsOn);
    const endOk = isMonthDay(w.endsOn);
    if (!startOk) problems.push({ field: `${kind}.startsOn`, code: 'invalid_month_day' });
    if (!endOk) problems.push({ field: `${kind}.endsOn`, code: 'invalid_month_day' });
    if (startOk && endOk && isMonthDay(s.yearStartsOn) && academicDay(w.endsOn, s.yearStartsOn) < academicDay(w.startsOn, s.yearStartsOn)) {
      problems.push({ field: kind, code: 'window_order' });
    }
  }
  return problems;
}

/** Settings are changed by the kepala madrasah or the operator of the madrasah. */
export function canManageSettings(actor: RolesOf, madrasahId: string): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'operator'], madrasahId);
}

// ---------- period page and combined view ----------

/** The teachers of a period with each rater's status (no scores): kepala, pengawas and operator of the madrasah. */
export function canSeePeriodTeachers(actor: RolesOf, madrasahId: string): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'pengawas', 'operator'], madrasahId);
}

/**
 * The combined raters view of a teacher: the kepala madrasah and assigned pengawas of the madrasah,
 * and the teacher themself (their own finalised results). Nobody else — a peer rater or another
 * guru gets 404, so no teacher sees another teacher's scores.
 */
export function canSeeCombined(actor: Pick<Actor, 'roles' | 'teacherId'>, madrasahId: string, teacherId: string): boolean {
  return actor.teacherId === teacherId || hasAnyRole(actor, ['kepala_madrasah', 'pengawas'], madrasahId);
}

/** One finalised result as the combination needs it. */
export interface RaterResult {
  kind: AssessmentRaterKind;
  total: number;
  maxTotal: number;
}

export interface CombinedResult {
  nilai: number;
  category: PkgCategory;
  creditPercent: number;
  rule: PkgBandRule;
  parts: { kind: AssessmentRaterKind; weight: number; raters: number; meanNilai: number }[];
  weightUsed: number;
  complete: boolean;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A non-negative fraction kept exact. */
interface Fraction {
  n: number;
  d: number;
}
function add(a: Fraction, b: Fraction): Fraction {
  const n = a.n * b.d + b.n * a.d;
  const d = a.d * b.d;
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

/**
 * The weighted combination of finalised results: each rater kind's mean Nilai PKG (100) (several
 * peers are averaged) weighted by the madrasah's weights, normalised over the kinds that have a
 * finalised result (a missing pengawas does not pull the result down). Kept as an exact fraction,
 * so the category under `rule` is decided without floating-point error. Null when no kind with a
 * weight above 0 has a result.
 */
export function combineResults(results: readonly RaterResult[], weights: RaterWeights, rule: PkgBandRule): CombinedResult | null {
  let weighted: Fraction = { n: 0, d: 1 };
  let weightUsed = 0;
  const parts: CombinedResult['parts'] = [];
  for (const kind of ASSESSMENT_RATER_KINDS) {
    const mine = results.filter((r) => r.kind === kind && r.maxTotal > 0);
    const weight = weights[kind];
    if (mine.length === 0 || weight === 0) continue;
    // mean of total/maxTotal over the raters of this kind
    let mean: Fraction = { n: 0, d: 1 };
    for (const r of mine) mean = add(mean, { n: r.total, d: r.maxTotal });
    mean = { n: mean.n, d: mean.d * mine.length };
    weighted = add(weighted, { n: mean.n * weight, d: mean.d });
    weightUsed += weight;
    parts.push({ kind, weight, raters: mine.length, meanNilai: roundHalfUpDiv(mean.n * 10_000, mean.d) / 100 });
  }
  if (weightUsed === 0) return null;
  // Nilai PKG (100) = weighted.n / (weighted.d × weightUsed) × 100
  const num = weighted.n * 100;
  const den = weighted.d * weightUsed;
  const band = pkgBand(num, den, rule);
  const complete = ASSESSMENT_RATER_KINDS.every((k) => weights[k] === 0 || parts.some((p) => p.kind === k));
  return { nilai: roundHalfUpDiv(num * 100, den) / 100, category: band.category, creditPercent: band.creditPercent, rule, parts, weightUsed, complete };
}

// ---------- revision ----------

/**
 * Who may revise a final assessment: the kepala madrasah of its madrasah, or its original rater.
 * It must be final (a draft is simply edited). A teacher never revises their own result.
 */
export function reviseProblem(
  actor: Pick<Actor, 'roles' | 'userId'>,
  a: { madrasahId: string; raterUserId: string; status: AssessmentStatus },
): 'forbidden' | 'not_final' | null {
  if (actor.userId !== a.raterUserId && !hasRole(actor, 'kepala_madrasah', a.madrasahId)) return 'forbidden';
  if (a.status !== 'final') return 'not_final';
  return null;
}

export interface RatingSnapshot {
  score: number;
  evidence: string | null;
}

/** The indicators a revision really changes (score or evidence), each with before and after. */
export function revisionChanges(
  current: ReadonlyMap<string, RatingSnapshot>,
  entries: readonly { indicatorId: string; score: number; evidence: string | null }[],
): { indicatorId: string; before: RatingSnapshot; after: RatingSnapshot }[] {
  const changes: { indicatorId: string; before: RatingSnapshot; after: RatingSnapshot }[] = [];
  for (const e of entries) {
    const before = current.get(e.indicatorId) ?? { score: -1, evidence: null };
    if (before.score !== e.score || before.evidence !== e.evidence) changes.push({ indicatorId: e.indicatorId, before, after: { score: e.score, evidence: e.evidence } });
  }
  return changes;
}
