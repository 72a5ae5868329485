/**
 * Pure rules of the madrasah-wide MGMP overview: which period it covers by default (the current
 * semester of the Indonesian school year) and how per-group figures add up to totals. No I/O here.
 */

export type SemesterHalf = 'ganjil' | 'genap';
export interface Semester {
  /** Tahun pelajaran, e.g. '2026/2027'. */
  academicYear: string;
  /** ganjil = July–December, genap = January–June. */
  half: SemesterHalf;
  /** First and last day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
}

/** The semester a day (YYYY-MM-DD) falls in: July–December is semester ganjil of Y/Y+1, January–June semester genap of Y−1/Y. */
export function semesterOf(day: string): Semester {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 7) return { academicYear: `${year}/${year + 1}`, half: 'ganjil', from: `${year}-07-01`, to: `${year}-12-31` };
  return { academicYear: `${year - 1}/${year}`, half: 'genap', from: `${year}-01-01`, to: `${year}-06-30` };
}

/** The semester before `s`. */
export function previousSemester(s: Semester): Semester {
  const year = Number(s.from.slice(0, 4));
  return s.half === 'ganjil' ? semesterOf(`${year}-01-01`) : semesterOf(`${year - 1}-07-01`);
}

/** The semester a period is exactly (same first and last day), or null for any other period. */
export function semesterExactly(from: string, to: string): Pick<Semester, 'academicYear' | 'half'> | null {
  const s = semesterOf(from);
  return s.from === from && s.to === to ? { academicYear: s.academicYear, half: s.half } : null;
}

/**
 * The period of the overview: both ends given → that period; none → the current semester (by
 * `today`, WIB); only one end → the semester of that end, cut at it. A period ending before it
 * starts is refused.
 */
export function overviewPeriod(query: { from?: string | undefined; to?: string | undefined }, today: string): { from: string; to: string } | 'to_before_from' {
  const base = semesterOf(query.from ?? query.to ?? today);
  const from = query.from ?? base.from;
  const to = query.to ?? base.to;
  return to < from ? 'to_before_from' : { from, to };
}

/**
 * Average attendance of one group from totals: the mean over held meetings of (members marked H /
 * members), which with one member count per group is Σ present / (held × members). The same figure
 * as `groupAttendanceRate` of the per-group overview. Null without held meetings or without members.
 */
export function attendanceFromTotals(g: { held: number; members: number; presentTotal: number }): number | null {
  if (g.held === 0 || g.members === 0) return null;
  return g.presentTotal / (g.held * g.members);
}

/** Average attendance over every held meeting of several groups (each meeting weighs the same). Null without any. */
export function pooledAttendance(groups: readonly { held: number; members: number; presentTotal: number }[]): number | null {
  const counted = groups.filter((g) => g.held > 0 && g.members > 0);
  const meetings = counted.reduce((n, g) => n + g.held, 0);
  if (meetings === 0) return null;
  return counted.reduce((sum, g) => sum + g.presentTotal / g.members, 0) / meetings;
}

type Counts<K extends string> = Record<K, number>;

/** Adds up count objects key by key. */
export function sumCounts<K extends string>(items: readonly Counts<K>[], keys: readonly K[]): Counts<K> {
  const total = Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
  for (const item of items) for (const k of keys) total[k] += item[k];
  return total;
}

/** Topics of several groups merged by topic: meetings added up; most meetings first, then by name. */
export function mergeTopics(lists: readonly (readonly { topicId: string; name: string; meetings: number }[])[]): { topicId: string; name: string; meetings: number }[] {
  const byId = new Map<string, { topicId: string; name: string; meetings: number }>();
  for (const list of lists) {
    for (const t of list) {
      const seen = byId.get(t.topicId);
      if (seen) seen.meetings += t.meetings;
      else byId.set(t.topicId, { ...t });
    }
  }
  return [...byId.values()].sort((a, b) => b.meetings - a.meetings || a.name.localeCompare(b.name, 'id'));
}
