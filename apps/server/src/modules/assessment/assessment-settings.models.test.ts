import { describe, expect, it } from 'vitest';
import { periodDatesProblem } from './assessment-cycle.models.ts';
import {
  academicDay,
  academicYearBounds,
  canSeeCombined,
  combineResults,
  DEFAULT_ASSESSMENT_SETTINGS,
  defaultPeriodDates,
  isMonthDay,
  reviseProblem,
  revisionChanges,
  settingsProblems,
} from './assessment-settings.models.ts';

const M = 'madrasah-1';
const grant = (role: 'kepala_madrasah' | 'pengawas' | 'guru' | 'operator', madrasahId: string | null = M) => ({ role, madrasahId });

describe('settings: weights sum to 100, days exist in every year, windows in order', () => {
  it('the defaults are valid', () => expect(settingsProblems(DEFAULT_ASSESSMENT_SETTINGS)).toEqual([]));
  it.each([
    ['99 is refused', { kepala: 50, pengawas: 20, peer: 19, self: 10 }, 99],
    ['101 is refused', { kepala: 51, pengawas: 20, peer: 20, self: 10 }, 101],
    ['all zero is refused', { kepala: 0, pengawas: 0, peer: 0, self: 0 }, 0],
  ])('weights: %s', (_name, weights, sum) => {
    expect(settingsProblems({ ...DEFAULT_ASSESSMENT_SETTINGS, weights })).toEqual([{ field: 'weights', code: 'weights_sum', sum }]);
  });
  it('weights 100/0/0/0 (kepala only) are accepted', () => {
    expect(settingsProblems({ ...DEFAULT_ASSESSMENT_SETTINGS, weights: { kepala: 100, pengawas: 0, peer: 0, self: 0 } })).toEqual([]);
  });
  it.each([
    ['02-29', false],
    ['02-28', true],
    ['04-31', false],
    ['12-31', true],
    ['13-01', false],
    ['7-1', false],
  ])('%s is a day of every year: %s', (md, ok) => expect(isMonthDay(md)).toBe(ok));
  it('a window that ends before it starts is refused; one crossing 31 December is fine', () => {
    expect(settingsProblems({ ...DEFAULT_ASSESSMENT_SETTINGS, sumatif: { startsOn: '05-31', endsOn: '04-15' } })).toEqual([{ field: 'sumatif', code: 'window_order' }]);
    expect(settingsProblems({ ...DEFAULT_ASSESSMENT_SETTINGS, formatif: { startsOn: '12-01', endsOn: '01-31' } })).toEqual([]);
  });
  it('a window before the year start in calendar order is in order in academic-year order (May after the July start)', () => {
    expect(academicDay('05-31', '07-01')).toBeGreaterThan(academicDay('07-15', '07-01'));
    expect(settingsProblems({ ...DEFAULT_ASSESSMENT_SETTINGS, formatif: { startsOn: '06-20', endsOn: '07-10' } })).toEqual([{ field: 'formatif', code: 'window_order' }]);
  });
});

describe('academic year from the year-start setting (not a hard-coded July–June)', () => {
  it('default 07-01: 2025/2026 runs 2025-07-01 … 2026-06-30', () => expect(academicYearBounds('2025/2026', '07-01')).toEqual({ first: '2025-07-01', last: '2026-06-30' }));
  it('a calendar year (01-01, as Lampiran 1C labels it): 2026/2027 runs 2026-01-01 … 2026-12-31', () => expect(academicYearBounds('2026/2027', '01-01')).toEqual({ first: '2026-01-01', last: '2026-12-31' }));
  it('a year starting 03-01 ends on the last day of February, leap year included', () => expect(academicYearBounds('2027/2028', '03-01')).toEqual({ first: '2027-03-01', last: '2028-02-29' }));
  it('a malformed year has no bounds', () => expect(academicYearBounds('2025/2027', '07-01')).toBeUndefined());
  it('period dates are checked against the setting', () => {
    expect(periodDatesProblem('2025/2026', '2026-06-15', '2026-06-30')).toBeNull();
    expect(periodDatesProblem('2025/2026', '2026-06-15', '2026-07-02')).toBe('outside_year');
    expect(periodDatesProblem('2026/2027', '2026-01-05', '2026-02-05', '01-01')).toBeNull();
    expect(periodDatesProblem('2026/2027', '2026-01-05', '2026-02-05')).toBe('outside_year');
    expect(periodDatesProblem('2026/2027', '2026-09-05', '2026-08-05')).toBe('order');
  });
  it('default period dates: formatif 15 Jul–7 Sep of Y, sumatif 15 Apr–31 May of Y+1', () => {
    expect(defaultPeriodDates('2025/2026', DEFAULT_ASSESSMENT_SETTINGS, 'formatif')).toEqual({ startsOn: '2025-07-15', endsOn: '2025-09-07' });
    expect(defaultPeriodDates('2025/2026', DEFAULT_ASSESSMENT_SETTINGS, 'sumatif')).toEqual({ startsOn: '2026-04-15', endsOn: '2026-05-31' });
  });
  it('a window crossing the new year takes Y for December and Y+1 for January', () => {
    const s = { ...DEFAULT_ASSESSMENT_SETTINGS, sumatif: { startsOn: '12-01', endsOn: '01-15' } };
    expect(defaultPeriodDates('2025/2026', s, 'sumatif')).toEqual({ startsOn: '2025-12-01', endsOn: '2026-01-15' });
  });
});

describe('combined view: weighted mean of Nilai PKG (100), normalised over the rater kinds present', () => {
  const W = { kepala: 50, pengawas: 20, peer: 20, self: 10 };
  it('all four kinds: (50·a + 20·b + 20·c + 10·d) / 100', () => {
    // nilai: kepala 42/56 = 75, pengawas 48/56 = 85.71, peer 40/56 = 71.43, self 50/56 = 89.29
    const c = combineResults(
      [
        { kind: 'kepala', total: 42, maxTotal: 56 },
        { kind: 'pengawas', total: 48, maxTotal: 56 },
        { kind: 'peer', total: 40, maxTotal: 56 },
        { kind: 'self', total: 50, maxTotal: 56 },
      ],
      W,
      'round-half-up',
    );
    // (50·42 + 20·48 + 20·40 + 10·50) / (100·56) × 100 = 4360/56 = 77.857…
    expect(c).toMatchObject({ nilai: 77.86, category: 'Baik', creditPercent: 100, weightUsed: 100, complete: true });
    expect(c?.parts.map((p) => [p.kind, p.meanNilai])).toEqual([
      ['kepala', 75],
      ['pengawas', 85.71],
      ['peer', 71.43],
      ['self', 89.29],
    ]);
  });
  it('a missing pengawas does not pull the result down: weights renormalised over 80', () => {
    const c = combineResults(
      [
        { kind: 'kepala', total: 42, maxTotal: 56 },
        { kind: 'peer', total: 42, maxTotal: 56 },
        { kind: 'self', total: 42, maxTotal: 56 },
      ],
      W,
      'round-half-up',
    );
    expect(c).toMatchObject({ nilai: 75, category: 'Cukup', weightUsed: 80, complete: false });
  });
  it('two peers are averaged before weighting', () => {
    const c = combineResults(
      [
        { kind: 'kepala', total: 56, maxTotal: 56 },
        { kind: 'peer', total: 28, maxTotal: 56 },
        { kind: 'peer', total: 42, maxTotal: 56 },
      ],
      { kepala: 50, pengawas: 0, peer: 50, self: 0 },
      'round-half-up',
    );
    // peers mean 35/56 = 62.5; (100 + 62.5) / 2 = 81.25
    expect(c).toMatchObject({ nilai: 81.25, category: 'Baik', complete: true });
    expect(c?.parts[1]).toEqual({ kind: 'peer', weight: 50, raters: 2, meanNilai: 62.5 });
  });
  it('the band edge is decided exactly under the rule: 90.5 is Amat baik round-half-up, Baik with floor and exact', () => {
    // 181/200 = 90.5 exactly (an instrument with 50 competencies: max 200).
    const half = combineResults(
      [
        { kind: 'kepala', total: 181, maxTotal: 200 },
        { kind: 'self', total: 181, maxTotal: 200 },
      ],
      { kepala: 50, pengawas: 0, peer: 0, self: 50 },
      'round-half-up',
    );
    expect(half).toMatchObject({ nilai: 90.5, category: 'Amat baik', creditPercent: 125 });
    expect(combineResults([{ kind: 'kepala', total: 181, maxTotal: 200 }], { kepala: 100, pengawas: 0, peer: 0, self: 0 }, 'floor')).toMatchObject({ nilai: 90.5, category: 'Baik', rule: 'floor' });
    expect(combineResults([{ kind: 'kepala', total: 181, maxTotal: 200 }], { kepala: 100, pengawas: 0, peer: 0, self: 0 }, 'exact')).toMatchObject({ nilai: 90.5, category: 'Baik', rule: 'exact' });
  });
  it('nothing finalised, or only kinds weighted 0: no combination', () => {
    expect(combineResults([], W, 'round-half-up')).toBeNull();
    expect(combineResults([{ kind: 'self', total: 50, maxTotal: 56 }], { kepala: 100, pengawas: 0, peer: 0, self: 0 }, 'round-half-up')).toBeNull();
  });
});

describe('who sees the combined view and who revises', () => {
  it('kepala and pengawas of the madrasah and the teacher themself; another guru or another madrasah’s kepala does not', () => {
    expect(canSeeCombined({ roles: [grant('kepala_madrasah')], teacherId: null }, M, 't1')).toBe(true);
    expect(canSeeCombined({ roles: [grant('pengawas')], teacherId: null }, M, 't1')).toBe(true);
    expect(canSeeCombined({ roles: [grant('guru')], teacherId: 't1' }, M, 't1')).toBe(true);
    expect(canSeeCombined({ roles: [grant('guru')], teacherId: 't2' }, M, 't1')).toBe(false);
    expect(canSeeCombined({ roles: [grant('pengawas', 'other')], teacherId: null }, M, 't1')).toBe(false);
    expect(canSeeCombined({ roles: [grant('operator')], teacherId: null }, M, 't1')).toBe(false);
  });
  it('the kepala or the original rater revises a final assessment; nobody revises a draft; the teacher never', () => {
    const final = { madrasahId: M, raterUserId: 'rater', status: 'final' as const };
    expect(reviseProblem({ roles: [grant('kepala_madrasah')], userId: 'k' }, final)).toBeNull();
    expect(reviseProblem({ roles: [grant('pengawas')], userId: 'rater' }, final)).toBeNull();
    expect(reviseProblem({ roles: [grant('pengawas')], userId: 'p2' }, final)).toBe('forbidden');
    expect(reviseProblem({ roles: [grant('guru')], userId: 'teacher' }, final)).toBe('forbidden');
    expect(reviseProblem({ roles: [grant('kepala_madrasah')], userId: 'k' }, { ...final, status: 'draft' })).toBe('not_final');
  });
  it('a revision records only the indicators it really changes', () => {
    const current = new Map([
      ['a', { score: 2, evidence: null }],
      ['b', { score: 1, evidence: 'RPP' }],
    ]);
    expect(
      revisionChanges(current, [
        { indicatorId: 'a', score: 2, evidence: null },
        { indicatorId: 'b', score: 2, evidence: 'RPP' },
      ]),
    ).toEqual([{ indicatorId: 'b', before: { score: 1, evidence: 'RPP' }, after: { score: 2, evidence: 'RPP' } }]);
    expect(revisionChanges(current, [{ indicatorId: 'a', score: 2, evidence: null }])).toEqual([]);
  });
});
