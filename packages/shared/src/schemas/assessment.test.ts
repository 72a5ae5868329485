import { describe, expect, it } from 'vitest';
import { instrumentCodeParamsSchema, instrumentVersionQuerySchema, pkgScoreRequestSchema } from './assessment.ts';

describe('pkgScoreRequestSchema', () => {
  it('accepts ratings keyed by competency number, with an optional rule and rank data', () => {
    const parsed = pkgScoreRequestSchema.parse({ ratings: { 1: [1, 2, 2, 0, 0, 2] }, rule: 'floor', rank: { akk: 50, akpkb: 3, akp: 5, teachingHours: 24 } });
    expect(parsed.ratings['1']).toEqual([1, 2, 2, 0, 0, 2]);
    expect(parsed.rule).toBe('floor');
  });

  it('leaves the values to the instrument check, so a bad value can be reported with its competency (422, not 400)', () => {
    expect(pkgScoreRequestSchema.safeParse({ ratings: { 2: [3, '2', null] } }).success).toBe(true);
  });

  it.each([
    ['no ratings', {}],
    ['ratings as a list', { ratings: [[1, 2]] }],
    ['a competency that is not a list', { ratings: { 1: 2 } }],
    ['an unknown rule', { ratings: {}, rule: 'ceil' }],
    ['an unknown field', { ratings: {}, teacherId: 'x' }],
    ['rank data without teaching hours', { ratings: {}, rank: { akk: 50, akpkb: 3, akp: 5 } }],
    ['fractional teaching hours', { ratings: {}, rank: { akk: 50, akpkb: 3, akp: 5, teachingHours: 23.5 } }],
    ['negative credits', { ratings: {}, rank: { akk: 50, akpkb: -3, akp: 5, teachingHours: 24 } }],
    ['a competency list longer than any instrument allows', { ratings: { 1: Array.from({ length: 201 }, () => 0) } }],
  ])('refuses %s', (_name, input) => {
    expect(pkgScoreRequestSchema.safeParse(input).success).toBe(false);
  });
});

describe('instrument parameters', () => {
  it.each(['pkg-2009-guru-mapel', 'pmm-2024-observasi', 'a'])('accepts the code %s', (code) => {
    expect(instrumentCodeParamsSchema.safeParse({ code }).success).toBe(true);
  });
  it.each(['PKG', '-pkg', 'pkg 2009', 'pkg_2009', '', 'a'.repeat(64)])('refuses the code %j', (code) => {
    expect(instrumentCodeParamsSchema.safeParse({ code }).success).toBe(false);
  });
  it('takes the version from the query string as a positive whole number', () => {
    expect(instrumentVersionQuerySchema.parse({ version: '2' })).toEqual({ version: 2 });
    expect(instrumentVersionQuerySchema.safeParse({ version: '0' }).success).toBe(false);
    expect(instrumentVersionQuerySchema.parse({})).toEqual({});
  });
});
