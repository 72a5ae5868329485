import { describe, expect, it } from 'vitest';
import { overviewPeriods, percent, todayWib } from './ringkasan.models.ts';

describe('periods of the MGMP overview', () => {
  it('in semester ganjil: this semester, the genap before it, this and last school year', () => {
    expect(overviewPeriods('2026-11-24').map((p) => [p.key, p.from, p.to, p.half, p.academicYear])).toEqual([
      ['semester', '2026-07-01', '2026-12-31', 'ganjil', '2026/2027'],
      ['lastSemester', '2026-01-01', '2026-06-30', 'genap', '2025/2026'],
      ['year', '2026-07-01', '2027-06-30', null, '2026/2027'],
      ['lastYear', '2025-07-01', '2026-06-30', null, '2025/2026'],
    ]);
  });
  it('in semester genap: the ganjil before it belongs to the same school year', () => {
    expect(overviewPeriods('2027-03-01').slice(0, 3).map((p) => [p.from, p.to, p.academicYear])).toEqual([
      ['2027-01-01', '2027-06-30', '2026/2027'],
      ['2026-07-01', '2026-12-31', '2026/2027'],
      ['2026-07-01', '2027-06-30', '2026/2027'],
    ]);
  });
  it('takes the day in WIB (UTC+7) and rounds shares to whole percents', () => {
    expect(todayWib(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect([percent(0.625), percent(null), percent(1)]).toEqual([63, null, 100]);
  });
});
