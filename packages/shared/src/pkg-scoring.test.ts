import type { PkgBandRule, PkgCategory } from './schemas/assessment.ts';
import { describe, expect, it } from 'vitest';
import {
  annualAngkaKredit,
  competencyValue,
  pkgBand,
  roundHalfUpDiv,
  scorePkg,
  validatePkgRatings,
  type PkgDefinition,
} from './pkg-scoring.ts';

/** PKG guru kelas/mapel: indicator counts per competency (domain-indonesia.md §1.2). */
const COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
const PKG: PkgDefinition = { competencies: COUNTS.map((n, i) => ({ number: i + 1, indicatorCount: n })) };

/** Ratings giving each competency a chosen score: 2s first, then a 1 for an odd remainder, then 0s. */
function ratingsWithScores(scores: number[]): number[][] {
  return COUNTS.map((n, i) => {
    let left = scores[i] ?? 0;
    return Array.from({ length: n }, () => {
      const v = Math.min(2, left);
      left -= v;
      return v;
    });
  });
}
/** Ratings whose competency values are the given 1–4 values (each competency at exactly 25/50/75/100 % or 0 %). */
function ratingsWithValues(values: number[]): number[][] {
  return COUNTS.map((n, i) => {
    const v = values[i] ?? 1;
    // value 1 → all 0; value 4 → all 2; values 2/3 → the largest score still in the band
    const max = n * 2;
    const score = v === 1 ? 0 : v === 4 ? max : v === 2 ? Math.floor(max / 2) : Math.floor((3 * max) / 4);
    return ratingsWithScores(COUNTS.map((_, j) => (j === i ? score : 0)))[i] ?? [];
  });
}
const asRecord = (ratings: number[][]): Record<string, number[]> => Object.fromEntries(ratings.map((r, i) => [String(i + 1), r]));

describe('competency value: 0 ≤ % ≤ 25 → 1, 25 < % ≤ 50 → 2, 50 < % ≤ 75 → 3, 75 < % ≤ 100 → 4', () => {
  it.each([
    ['0 % still gets the minimum value 1', 0, 12, 1],
    ['exactly 25 % is value 1', 2, 8, 1],
    ['just above 25 % is value 2', 3, 8, 2],
    ['25 % of 12 (3/12) is value 1', 3, 12, 1],
    ['4/12 = 33.33 % is value 2', 4, 12, 2],
    ['exactly 50 % is value 2', 6, 12, 2],
    ['just above 50 % (7/12 = 58.33 %) is value 3', 7, 12, 3],
    ['exactly 75 % is value 3', 9, 12, 3],
    ['just above 75 % (10/12) is value 4', 10, 12, 4],
    ['75 % of 16 (12/16, K10) is value 3', 12, 16, 3],
    ['100 % is value 4', 22, 22, 4],
    ['21/22 = 95.45 % (K4) is value 4', 21, 22, 4],
    ['5/22 = 22.7 % is value 1', 5, 22, 1],
    ['6/22 = 27.3 % is value 2', 6, 22, 2],
    ['11/22 = 50 % is value 2', 11, 22, 2],
    ['12/22 = 54.5 % is value 3', 12, 22, 3],
    ['16/22 = 72.7 % is value 3', 16, 22, 3],
    ['17/22 = 77.3 % is value 4', 17, 22, 4],
    ['1/6 = 16.7 % (K11) is value 1', 1, 6, 1],
    ['2/6 = 33.3 % is value 2', 2, 6, 2],
    ['3/6 = 50 % is value 2', 3, 6, 2],
    ['4/6 = 66.7 % is value 3', 4, 6, 3],
    ['5/6 = 83.3 % is value 4', 5, 6, 4],
  ])('%s', (_rule, score, max, expected) => {
    expect(competencyValue(score, max)).toBe(expected);
  });
});

describe('category bands of Nilai PKG (100) under each band-edge rule', () => {
  // [name, numerator, denominator (value = n/d), round-half-up, floor, exact]
  const cases: [string, number, number, PkgCategory, PkgCategory, PkgCategory][] = [
    ['100 is Amat baik', 100, 1, 'Amat baik', 'Amat baik', 'Amat baik'],
    ['91 is Amat baik', 91, 1, 'Amat baik', 'Amat baik', 'Amat baik'],
    ['90 is Baik', 90, 1, 'Baik', 'Baik', 'Baik'],
    ['90.5 (gap 90–91): rounds half-up to 91 Amat baik; floor and exact give Baik', 181, 2, 'Amat baik', 'Baik', 'Baik'],
    ['90.49 rounds to 90: Baik under every rule', 9049, 100, 'Baik', 'Baik', 'Baik'],
    ['90.99 (gap): rounds to Amat baik; floor and exact give Baik', 9099, 100, 'Amat baik', 'Baik', 'Baik'],
    ['76 is Baik', 76, 1, 'Baik', 'Baik', 'Baik'],
    ['75 is Cukup', 75, 1, 'Cukup', 'Cukup', 'Cukup'],
    ['75.5 (gap 75–76): rounds half-up to 76 Baik; floor and exact give Cukup', 151, 2, 'Baik', 'Cukup', 'Cukup'],
    ['75.49 rounds to 75: Cukup', 7549, 100, 'Cukup', 'Cukup', 'Cukup'],
    ['61 is Cukup', 61, 1, 'Cukup', 'Cukup', 'Cukup'],
    ['60 is Sedang', 60, 1, 'Sedang', 'Sedang', 'Sedang'],
    ['60.71 (34/56, gap 60–61): rounds to 61 Cukup as the schools\' table does; floor and exact give Sedang', 3400, 56, 'Cukup', 'Sedang', 'Sedang'],
    ['60.5 rounds half-up to 61 Cukup', 121, 2, 'Cukup', 'Sedang', 'Sedang'],
    ['51 is Sedang', 51, 1, 'Sedang', 'Sedang', 'Sedang'],
    ['50 is Kurang', 50, 1, 'Kurang', 'Kurang', 'Kurang'],
    ['50.5 (gap 50–51): rounds half-up to 51 Sedang; floor and exact give Kurang', 101, 2, 'Sedang', 'Kurang', 'Kurang'],
    ['50.49 rounds to 50: Kurang', 5049, 100, 'Kurang', 'Kurang', 'Kurang'],
    ['0 is Kurang', 0, 1, 'Kurang', 'Kurang', 'Kurang'],
    ['25 (14/56, every competency value 1) is Kurang', 1400, 56, 'Kurang', 'Kurang', 'Kurang'],
  ];
  it.each(cases)('%s', (_rule, numerator, denominator, halfUp, floor, exact) => {
    expect(pkgBand(numerator, denominator, 'round-half-up').category).toBe(halfUp);
    expect(pkgBand(numerator, denominator, 'floor').category).toBe(floor);
    expect(pkgBand(numerator, denominator, 'exact').category).toBe(exact);
  });

  it.each([
    ['Amat baik', 125],
    ['Baik', 100],
    ['Cukup', 75],
    ['Sedang', 50],
    ['Kurang', 25],
  ] as const)('%s gives %i % angka kredit', (category, credit) => {
    const numerator = { 'Amat baik': 95, Baik: 80, Cukup: 70, Sedang: 55, Kurang: 40 }[category];
    expect(pkgBand(numerator, 1, 'round-half-up')).toMatchObject({ category, creditPercent: credit });
  });

  it('floor and exact agree on every category for every value in hundredths from 0 to 100', () => {
    for (let n = 0; n <= 10_000; n++) expect(pkgBand(n, 100, 'exact')).toEqual(pkgBand(n, 100, 'floor'));
  });

  it('the schools\' "hitung cepat" table (raw total of 56) is exactly the round-half-up rule', () => {
    const table = (t: number): PkgCategory => (t >= 51 ? 'Amat baik' : t >= 43 ? 'Baik' : t >= 34 ? 'Cukup' : t >= 29 ? 'Sedang' : 'Kurang');
    for (let total = 14; total <= 56; total++) expect(pkgBand(total * 100, 56, 'round-half-up').category).toBe(table(total));
  });
});

describe('round half-up on integers', () => {
  it.each([
    [7 * 10_000, 12, 5833],
    [5, 2, 3],
    [3, 2, 2],
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
    [9_007_199, 1, 9_007_199],
  ])('%i ÷ %i → %i', (a, b, expected) => {
    expect(roundHalfUpDiv(a, b)).toBe(expected);
  });
});

describe('full PKG score', () => {
  it('worked example §1.5 A: K1 rated 1,2,2,0,0,2 → 7 of 12 → 58.33 % → value 3', () => {
    const ratings = ratingsWithScores([7]);
    ratings[0] = [1, 2, 2, 0, 0, 2];
    const result = scorePkg(PKG, ratings, 'round-half-up');
    expect(result.competencies[0]).toEqual({ number: 1, score: 7, max: 12, percent: 58.33, value: 3 });
  });

  it('worked example §1.5 C: K4 21/22 → 95.45 %, K10 12/16 → 75.00 %, K7 9/10 → 90.00 %', () => {
    const scores = COUNTS.map(() => 0);
    scores[3] = 21;
    scores[9] = 12;
    scores[6] = 9;
    const result = scorePkg(PKG, ratingsWithScores(scores), 'round-half-up');
    expect(result.competencies[3]).toMatchObject({ number: 4, score: 21, max: 22, percent: 95.45, value: 4 });
    expect(result.competencies[9]).toMatchObject({ number: 10, score: 12, max: 16, percent: 75, value: 3 });
    expect(result.competencies[6]).toMatchObject({ number: 7, score: 9, max: 10, percent: 90, value: 4 });
  });

  it('all indicators at 0 give every competency the minimum value 1: total 14, nilai 25, Kurang', () => {
    const result = scorePkg(PKG, ratingsWithScores([]), 'round-half-up');
    expect(result.competencies.every((c) => c.value === 1 && c.percent === 0)).toBe(true);
    expect(result).toMatchObject({ total: 14, maxTotal: 56, nilai: 25, category: 'Kurang', creditPercent: 25 });
  });

  it('all indicators at 2 give 56 of 56: nilai 100, Amat baik, 125 %', () => {
    const result = scorePkg(PKG, ratingsWithScores(COUNTS.map((n) => n * 2)), 'exact');
    expect(result).toMatchObject({ total: 56, maxTotal: 56, nilai: 100, category: 'Amat baik', creditPercent: 125, rule: 'exact' });
  });

  // total of 56 → nilai, category under round-half-up / floor
  it.each([
    [51, 91.07, 'Amat baik', 'Amat baik'],
    [50, 89.29, 'Baik', 'Baik'],
    [43, 76.79, 'Baik', 'Baik'],
    [42, 75, 'Cukup', 'Cukup'],
    [34, 60.71, 'Cukup', 'Sedang'],
    [33, 58.93, 'Sedang', 'Sedang'],
    [29, 51.79, 'Sedang', 'Sedang'],
    [28, 50, 'Kurang', 'Kurang'],
  ] as const)('a total of %i of 56 is nilai %d: %s with round-half-up, %s with floor', (total, nilai, halfUp, floor) => {
    // `total` as competency values: as many 4s as fit, then the rest
    const values: number[] = [];
    let left = total - 14;
    for (let i = 0; i < 14; i++) {
      const extra = Math.min(3, left);
      left -= extra;
      values.push(1 + extra);
    }
    const ratings = ratingsWithValues(values);
    const a = scorePkg(PKG, ratings, 'round-half-up');
    const b = scorePkg(PKG, ratings, 'floor');
    expect(a.total).toBe(total);
    expect(a.nilai).toBe(nilai);
    expect(a.category).toBe(halfUp);
    expect(b.category).toBe(floor);
    expect(b.rule).toBe<PkgBandRule>('floor');
  });

  it('refuses ratings that do not fit the definition instead of scoring them', () => {
    expect(() => scorePkg(PKG, ratingsWithScores([]).slice(1), 'round-half-up')).toThrow();
    const short = ratingsWithScores([]);
    short[3] = [0, 0];
    expect(() => scorePkg(PKG, short, 'round-half-up')).toThrow();
  });
});

describe('validating ratings names the competency at fault', () => {
  const valid = asRecord(ratingsWithScores([7, 8, 4]));

  it('accepts a complete set and returns it in instrument order', () => {
    const result = validatePkgRatings(PKG, valid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.ratings.map((r) => r.length)).toEqual(COUNTS);
  });

  it('a missing competency is reported by number', () => {
    const { 3: _dropped, ...rest } = valid;
    expect(validatePkgRatings(PKG, rest)).toEqual({ ok: false, problems: [{ kind: 'missing_competency', competency: 3 }] });
  });

  it('a wrong number of indicators is reported with expected and actual counts', () => {
    expect(validatePkgRatings(PKG, { ...valid, 4: [2, 2, 2] })).toEqual({
      ok: false,
      problems: [{ kind: 'wrong_indicator_count', competency: 4, expected: 11, actual: 3 }],
    });
  });

  it.each([
    ['3', 3],
    ['-1', -1],
    ['1.5', 1.5],
    ['a string "2"', '2'],
    ['null', null],
    ['true', true],
  ])('a value of %s is refused with competency and indicator', (_name, bad) => {
    const ratings: Record<string, unknown[]> = { ...valid, 2: [2, 2, bad, 2, 2, 2] };
    expect(validatePkgRatings(PKG, ratings)).toEqual({ ok: false, problems: [{ kind: 'invalid_value', competency: 2, indicator: 3, value: bad }] });
  });

  it('a competency the instrument does not have is refused', () => {
    expect(validatePkgRatings(PKG, { ...valid, 15: [2] })).toEqual({ ok: false, problems: [{ kind: 'unknown_competency', key: '15' }] });
    expect(validatePkgRatings(PKG, { ...valid, '01': [2] })).toEqual({ ok: false, problems: [{ kind: 'unknown_competency', key: '01' }] });
  });

  it('reports every problem at once', () => {
    const { 14: _dropped, ...rest } = valid;
    const result = validatePkgRatings(PKG, { ...rest, 1: [9, 2, 2, 2, 2] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.kind).sort()).toEqual(['invalid_value', 'missing_competency', 'wrong_indicator_count']);
    }
  });

  it('an empty ratings object reports all 14 competencies missing', () => {
    const result = validatePkgRatings(PKG, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(14);
  });

  it('an inherited property name is not taken for a competency', () => {
    const result = validatePkgRatings({ competencies: [{ number: 1, indicatorCount: 1 }] }, Object.create({ 1: [2] }) as Record<string, unknown[]>);
    expect(result).toEqual({ ok: false, problems: [{ kind: 'missing_competency', competency: 1 }] });
  });
});

describe('annual angka kredit: (AKK − AKPKB − AKP) × JM/JWM × NPK / 4', () => {
  it.each([
    ['III/a Baik, 24 JP: (50 − 3 − 5) × 1 × 100 % / 4 = 10.5', { akk: 50, akpkb: 3, akp: 5, teachingHours: 24, npk: 100 }, 10.5, 1],
    ['III/a Amat baik, 24 JP: × 125 % = 13.125 (worked example §1.5 B)', { akk: 50, akpkb: 3, akp: 5, teachingHours: 24, npk: 125 }, 13.125, 1],
    ['40 JP counts as JM/JWM = 1', { akk: 50, akpkb: 3, akp: 5, teachingHours: 40, npk: 100 }, 10.5, 1],
    ['more than 40 JP does not raise JM/JWM above 1', { akk: 50, akpkb: 3, akp: 5, teachingHours: 44, npk: 100 }, 10.5, 1],
    ['below 24 JP, JM/JWM = JM/24: 18 JP → 0.75', { akk: 50, akpkb: 3, akp: 5, teachingHours: 18, npk: 100 }, 7.875, 0.75],
    ['20 JP → 20/24, rounded to 3 decimals', { akk: 50, akpkb: 3, akp: 5, teachingHours: 20, npk: 100 }, 8.75, 0.8333],
    ['Kurang (25 %) at 24 JP', { akk: 50, akpkb: 3, akp: 5, teachingHours: 24, npk: 25 }, 2.625, 1],
    ['0 JP gives 0', { akk: 50, akpkb: 3, akp: 5, teachingHours: 0, npk: 100 }, 0, 0],
    ['decimal credits are kept to 3 decimals', { akk: 100, akpkb: 4.5, akp: 0.25, teachingHours: 24, npk: 75 }, 17.859, 1],
  ])('%s', (_rule, input, perYear, hoursFactor) => {
    expect(annualAngkaKredit(input)).toEqual({ ok: true, perYear, hoursFactor, npk: input.npk });
  });

  it('refuses AKPKB + AKP above AKK', () => {
    expect(annualAngkaKredit({ akk: 5, akpkb: 3, akp: 5, teachingHours: 24, npk: 100 })).toEqual({ ok: false, reason: 'credits_exceed_akk' });
  });

  it.each([
    ['a negative AKK', { akk: -1, akpkb: 0, akp: 0, teachingHours: 24, npk: 100 }],
    ['fractional teaching hours', { akk: 50, akpkb: 3, akp: 5, teachingHours: 23.5, npk: 100 }],
    ['a non-finite number', { akk: Number.NaN, akpkb: 3, akp: 5, teachingHours: 24, npk: 100 }],
  ])('refuses %s', (_name, input) => {
    expect(annualAngkaKredit(input)).toEqual({ ok: false, reason: 'invalid_number' });
  });
});
