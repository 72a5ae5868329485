/**
 * Pure rules of the assessment cycle: period dates, who may rate and read an assessment, which
 * ratings are accepted, when an assessment may be finalised or acknowledged, and the category
 * distribution of a period. No database, no clock: the use cases pass everything in.
 */
import { PKG_CATEGORIES, type AssessmentRaterKind, type AssessmentStatus, type InstrumentDetail, type PkgBandRule, type PkgCategory } from '@tumbuh/shared';
import { hasAnyRole, hasRole, type Actor } from '../tenancy/tenancy.models.ts';
import { academicYearBounds } from './assessment-settings.models.ts';
import { PKG_INDICATOR_MAX, roundHalfUpDiv, scorePkg, type PkgDefinition, type PkgScore } from './pkg-scoring.models.ts';

type RolesOf = Pick<Actor, 'roles'>;
type Who = Pick<Actor, 'roles' | 'userId' | 'teacherId'>;

// ---------- periods ----------

/** Why a period's dates are refused: an academic year that is not Y/Y+1, an end before the start, or a date outside the academic year. */
export type PeriodDatesProblem = 'academic_year' | 'order' | 'outside_year';

/**
 * Checks a period's dates against its academic year, which starts on `yearStartsOn` ('MM-DD', a
 * madrasah setting; tahun pelajaran from 1 July by default) and ends the day before a year later.
 */
export function periodDatesProblem(academicYear: string, startsOn: string, endsOn: string, yearStartsOn = '07-01'): PeriodDatesProblem | null {
  const bounds = academicYearBounds(academicYear, yearStartsOn);
  if (!bounds) return 'academic_year';
  // ISO dates (YYYY-MM-DD) compare correctly as text.
  if (endsOn < startsOn) return 'order';
  if (startsOn < bounds.first || endsOn > bounds.last) return 'outside_year';
  return null;
}

/** Periods are set up by the kepala madrasah or the operator of the madrasah. */
export function canManagePeriods(actor: RolesOf, madrasahId: string): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'operator'], madrasahId);
}

/** The category distribution of a period: its leadership (kepala, operator) and its pengawas. */
export function canSeePeriodSummary(actor: RolesOf, madrasahId: string): boolean {
  return hasAnyRole(actor, ['kepala_madrasah', 'operator', 'pengawas'], madrasahId);
}

// ---------- raters ----------

/** The account proposed as peer rater, as the repository finds it. */
export interface PeerCandidate {
  userId: string;
  active: boolean;
  /** The teacher the account belongs to, and that teacher's madrasah. */
  teacherId: string | null;
  teacherMadrasahId: string | null;
  /** Whether the account holds the guru role for that madrasah (or tenant-wide). */
  isGuru: boolean;
}

export type RaterDecision = { ok: true; raterUserId: string } | { ok: false; reason: 'rater_not_allowed' | 'invalid_peer_rater' };

/**
 * Who may open an assessment of `teacher` as which rater:
 * - kepala: the kepala madrasah of the teacher's madrasah, rating in their own name;
 * - pengawas: a pengawas assigned to that madrasah, in their own name;
 * - self: the teacher's own account (evaluasi diri);
 * - peer: the kepala names `raterUserId`, an active account of another guru of the same madrasah.
 * For every kind but peer, `raterUserId` is the requester or omitted.
 */
export function decideRater(
  actor: Who,
  kind: AssessmentRaterKind,
  teacher: { id: string; madrasahId: string },
  raterUserId: string | undefined,
  peer: PeerCandidate | undefined,
): RaterDecision {
  const own = raterUserId === undefined || raterUserId === actor.userId;
  switch (kind) {
    case 'kepala':
      return own && hasRole(actor, 'kepala_madrasah', teacher.madrasahId) ? { ok: true, raterUserId: actor.userId } : { ok: false, reason: 'rater_not_allowed' };
    case 'pengawas':
      return own && hasRole(actor, 'pengawas', teacher.madrasahId) ? { ok: true, raterUserId: actor.userId } : { ok: false, reason: 'rater_not_allowed' };
    case 'self':
      return own && actor.teacherId === teacher.id ? { ok: true, raterUserId: actor.userId } : { ok: false, reason: 'rater_not_allowed' };
    case 'peer': {
      if (!hasRole(actor, 'kepala_madrasah', teacher.madrasahId)) return { ok: false, reason: 'rater_not_allowed' };
      const valid =
        raterUserId !== undefined &&
        peer !== undefined &&
        peer.userId === raterUserId &&
        peer.active &&
        peer.isGuru &&
        peer.teacherId !== null &&
        peer.teacherId !== teacher.id &&
        peer.teacherMadrasahId === teacher.madrasahId;
      return valid ? { ok: true, raterUserId } : { ok: false, reason: 'invalid_peer_rater' };
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown rater kind ${String(unknown)}`);
    }
  }
}

/** What of an assessment decides who may see and change it. */
export interface AssessmentFacts {
  madrasahId: string;
  teacherId: string;
  raterUserId: string;
  raterKind: AssessmentRaterKind;
  status: AssessmentStatus;
  acknowledgedAt: Date | null;
}

/**
 * Who reads an assessment: its rater; the kepala madrasah and the assigned pengawas of its
 * madrasah; the assessed teacher once it is final (and their own self-assessment at any time).
 * Nobody else, so a guru never sees another teacher's scores (unless they are its peer rater, who
 * sees only the ratings they write). Anyone else gets 404.
 */
export function canReadAssessment(actor: Who, a: Pick<AssessmentFacts, 'madrasahId' | 'teacherId' | 'raterUserId' | 'raterKind' | 'status'>): boolean {
  if (actor.userId === a.raterUserId) return true;
  if (hasAnyRole(actor, ['kepala_madrasah', 'pengawas'], a.madrasahId)) return true;
  return actor.teacherId === a.teacherId && (a.status === 'final' || a.raterKind === 'self');
}

/** The filter of an assessment list, the SQL twin of `canReadAssessment`. */
export interface AssessmentReadScope {
  /** Madrasahs whose assessments are all visible (kepala, pengawas): 'all' for a tenant-wide grant. */
  leadMadrasahIds: 'all' | string[];
  userId: string;
  teacherId: string | null;
}

export function assessmentReadScope(actor: Who): AssessmentReadScope {
  const grants = actor.roles.filter((g) => g.role === 'kepala_madrasah' || g.role === 'pengawas');
  const leadMadrasahIds = grants.some((g) => g.madrasahId === null) ? 'all' : [...new Set(grants.map((g) => g.madrasahId).filter((id): id is string => id !== null))];
  return { leadMadrasahIds, userId: actor.userId, teacherId: actor.teacherId };
}

/** Only the rater writes ratings and finalises. */
export function isRater(actor: Pick<Actor, 'userId'>, a: Pick<AssessmentFacts, 'raterUserId'>): boolean {
  return actor.userId === a.raterUserId;
}

/** Why ratings cannot change: a final assessment is immutable (a correction will be an audited revision), and a closed period takes nothing new. */
export function editProblem(a: Pick<AssessmentFacts, 'status'>, periodStatus: string): 'frozen' | 'period_closed' | null {
  if (a.status === 'final') return 'frozen';
  if (periodStatus !== 'open') return 'period_closed';
  return null;
}

/** Finalising needs a draft (in an open period) with every indicator of its instrument version rated. */
export function finaliseProblem(a: Pick<AssessmentFacts, 'status'>, periodStatus: string, rated: number, indicatorCount: number): 'frozen' | 'period_closed' | 'incomplete' | null {
  const edit = editProblem(a, periodStatus);
  if (edit) return edit;
  return rated === indicatorCount ? null : 'incomplete';
}

/** The assessed teacher acknowledges (and may comment on) their own final assessment, once. */
export function acknowledgeProblem(actor: Pick<Actor, 'teacherId'>, a: Pick<AssessmentFacts, 'teacherId' | 'status' | 'acknowledgedAt'>): 'not_own' | 'not_final' | 'already_acknowledged' | null {
  if (actor.teacherId !== a.teacherId) return 'not_own';
  if (a.status !== 'final') return 'not_final';
  if (a.acknowledgedAt !== null) return 'already_acknowledged';
  return null;
}

// ---------- ratings and score ----------

/** An instrument version as ratings need it: its indicators in order, where each sits, the scale and the PKG definition. */
export interface InstrumentIndex {
  code: string;
  version: number;
  /** Indicator ids in instrument order (competency by competency). */
  indicatorIds: readonly string[];
  /** Indicator id → competency index and indicator index within it. */
  place: ReadonlyMap<string, { competency: number; indicator: number }>;
  /** The values the scale allows (PKG: 0, 1, 2; a madrasah instrument: its own levels). */
  levels: ReadonlySet<number>;
  /** Scored as PKG 2009 (a Nilai PKG and category); false for a madrasah-built instrument. */
  scored: boolean;
  pkg: PkgDefinition;
}

/**
 * Indexes an instrument version for rating. A PKG-scored one always; one that is not scored as PKG
 * only with `anyScale` (a madrasah's own published instrument, rated on its own scale, no Nilai PKG),
 * else undefined (official observation instruments are rated elsewhere).
 */
export function indexInstrument(detail: InstrumentDetail, options: { anyScale?: boolean } = {}): InstrumentIndex | undefined {
  const scored = detail.scoringMethod === 'pkg-2009';
  if (!scored && !options.anyScale) return undefined;
  const competencies = detail.domains.flatMap((d) => d.competencies);
  const indicatorIds: string[] = [];
  const place = new Map<string, { competency: number; indicator: number }>();
  competencies.forEach((c, ci) =>
    c.indicators.forEach((indicator, ii) => {
      indicatorIds.push(indicator.id);
      place.set(indicator.id, { competency: ci, indicator: ii });
    }),
  );
  const values = detail.scale.levels.map((l) => l.value);
  const levels = new Set(scored ? values.filter((v) => v >= 0 && v <= PKG_INDICATOR_MAX) : values);
  return {
    code: detail.code,
    version: detail.version,
    indicatorIds,
    place,
    levels,
    scored,
    pkg: { competencies: competencies.map((c) => ({ number: c.number, indicatorCount: c.indicators.length })) },
  };
}

/** One competency of a non-PKG assessment: how many indicators are rated, their average level and the count per scale level. */
export interface CompetencyLevelSummary {
  competencyId: string;
  number: number;
  name: string;
  indicatorCount: number;
  rated: number;
  /** Mean of the rated levels' values, 2 decimals (half up); null when none is rated. */
  average: number | null;
  /** Every level of the scale, lowest first, with how many indicators were rated on it. */
  counts: { value: number; label: string; count: number }[];
}

/**
 * The result of an assessment with an instrument that has no PKG score: per competency the average
 * level and the count per level. Ratings of indicators outside the version are ignored.
 */
export function levelSummary(detail: Pick<InstrumentDetail, 'scale' | 'domains'>, ratings: readonly { indicatorId: string; score: number }[]): CompetencyLevelSummary[] {
  const byId = new Map(ratings.map((r) => [r.indicatorId, r.score]));
  return detail.domains.flatMap((d) =>
    d.competencies.map((c) => {
      const scores = c.indicators.map((i) => byId.get(i.id)).filter((s): s is number => s !== undefined);
      const sum = scores.reduce((n, s) => n + s, 0);
      return {
        competencyId: c.id,
        number: c.number,
        name: c.name,
        indicatorCount: c.indicators.length,
        rated: scores.length,
        average: scores.length === 0 ? null : roundHalfUpDiv(sum * 100, scores.length) / 100,
        counts: detail.scale.levels.map((l) => ({ value: l.value, label: l.label, count: scores.filter((s) => s === l.value).length })),
      };
    }),
  );
}

export type RatingEntryProblem =
  | { kind: 'unknown_indicator'; indicatorId: string }
  | { kind: 'duplicate_indicator'; indicatorId: string }
  | { kind: 'invalid_score'; indicatorId: string; score: number };

/** Checks a bulk of ratings against the assessment's instrument version: known indicators, each once, scores on the scale. */
export function ratingProblems(index: InstrumentIndex, entries: readonly { indicatorId: string; score: number }[]): RatingEntryProblem[] {
  const problems: RatingEntryProblem[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!index.place.has(e.indicatorId)) problems.push({ kind: 'unknown_indicator', indicatorId: e.indicatorId });
    else if (seen.has(e.indicatorId)) problems.push({ kind: 'duplicate_indicator', indicatorId: e.indicatorId });
    else if (!index.levels.has(e.score)) problems.push({ kind: 'invalid_score', indicatorId: e.indicatorId, score: e.score });
    seen.add(e.indicatorId);
  }
  return problems;
}

/** Stored ratings in instrument order (ratings of indicators not in the version are left out). */
export function orderRatings<T extends { indicatorId: string }>(index: InstrumentIndex, ratings: readonly T[]): T[] {
  const byId = new Map(ratings.map((r) => [r.indicatorId, r]));
  return index.indicatorIds.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

/**
 * The PKG result of an assessment's ratings with the pure scoring module, or null until every
 * indicator of the instrument version is rated (always null for an instrument not scored as PKG).
 */
export function scoreAssessment(index: InstrumentIndex, ratings: readonly { indicatorId: string; score: number }[], rule: PkgBandRule): PkgScore | null {
  if (!index.scored) return null;
  const arrays = index.pkg.competencies.map((c) => new Array<number>(c.indicatorCount).fill(-1));
  let rated = 0;
  for (const r of ratings) {
    const at = index.place.get(r.indicatorId);
    const row = at ? arrays[at.competency] : undefined;
    if (!at || !row || row[at.indicator] !== -1) continue;
    row[at.indicator] = r.score;
    rated++;
  }
  if (rated !== index.indicatorIds.length) return null;
  return scorePkg(index.pkg, arrays, rule);
}

/** Categories of a period's assessments: count and percent per category (every category, best first) and the mean Nilai PKG (100). */
export function categoryDistribution(results: readonly { category: PkgCategory; nilai: number }[]): {
  assessed: number;
  meanNilai: number | null;
  distribution: { category: PkgCategory; count: number; percent: number }[];
} {
  const assessed = results.length;
  const counts = new Map<PkgCategory, number>();
  let cents = 0;
  for (const r of results) {
    counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    cents += Math.round(r.nilai * 100);
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
