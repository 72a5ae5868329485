/**
 * Periods offered on the MGMP overview page: this and last semester, this and last school year
 * (tahun pelajaran, July–June). The day is taken in WIB like the server does. Pure, no I/O.
 */
export interface OverviewPeriod {
  key: 'semester' | 'lastSemester' | 'year' | 'lastYear';
  from: string;
  to: string;
  /** 'ganjil' / 'genap' with the school year, or the school year alone. */
  half: 'ganjil' | 'genap' | null;
  academicYear: string;
}

/** Today in Indonesia's western time (WIB, UTC+7) as YYYY-MM-DD. */
export function todayWib(now: Date): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

function semester(day: string): Omit<OverviewPeriod, 'key'> {
  const y = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7
    ? { from: `${y}-07-01`, to: `${y}-12-31`, half: 'ganjil', academicYear: `${y}/${y + 1}` }
    : { from: `${y}-01-01`, to: `${y}-06-30`, half: 'genap', academicYear: `${y - 1}/${y}` };
}

/** The four periods of the selector, the current semester first (the server's default). */
export function overviewPeriods(today: string): OverviewPeriod[] {
  const now = semester(today);
  const before = semester(now.half === 'ganjil' ? `${now.from.slice(0, 4)}-01-01` : `${Number(now.from.slice(0, 4)) - 1}-07-01`);
  const start = Number(now.academicYear.slice(0, 4));
  return [
    { key: 'semester', ...now },
    { key: 'lastSemester', ...before },
    { key: 'year', from: `${start}-07-01`, to: `${start + 1}-06-30`, half: null, academicYear: `${start}/${start + 1}` },
    { key: 'lastYear', from: `${start - 1}-07-01`, to: `${start}-06-30`, half: null, academicYear: `${start - 1}/${start}` },
  ];
}

/** A share 0–1 as a whole percentage, or null. */
export function percent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100);
}
