import { describe, expect, it } from 'vitest';
import { groupAttendanceRate } from './mgmp.models.ts';
import { attendanceFromTotals, mergeTopics, overviewPeriod, pooledAttendance, previousSemester, semesterExactly, semesterOf, sumCounts } from './overview.models.ts';

describe('the semester of a day (Indonesian school year starts in July)', () => {
  it.each([
    ['2026-07-01', '2026/2027', 'ganjil', '2026-07-01', '2026-12-31'],
    ['2026-11-24', '2026/2027', 'ganjil', '2026-07-01', '2026-12-31'],
    ['2026-12-31', '2026/2027', 'ganjil', '2026-07-01', '2026-12-31'],
    ['2027-01-01', '2026/2027', 'genap', '2027-01-01', '2027-06-30'],
    ['2027-06-30', '2026/2027', 'genap', '2027-01-01', '2027-06-30'],
  ])('%s is in semester %s %s (%s … %s)', (day, academicYear, half, from, to) => {
    expect(semesterOf(day)).toEqual({ academicYear, half, from, to });
  });

  it('the semester before ganjil is genap of the previous school year, and before genap is ganjil of the same one', () => {
    expect(previousSemester(semesterOf('2026-09-01'))).toEqual(semesterOf('2026-03-01'));
    expect(previousSemester(semesterOf('2026-03-01'))).toEqual(semesterOf('2025-09-01'));
  });

  it('a period is named as a semester only when it is exactly one', () => {
    expect(semesterExactly('2026-07-01', '2026-12-31')).toEqual({ academicYear: '2026/2027', half: 'ganjil' });
    expect(semesterExactly('2026-07-01', '2026-12-30')).toBeNull();
    expect(semesterExactly('2026-01-01', '2026-12-31')).toBeNull();
  });
});

describe('the overview period', () => {
  const today = '2026-11-24';
  it('defaults to the current semester', () => expect(overviewPeriod({}, today)).toEqual({ from: '2026-07-01', to: '2026-12-31' }));
  it('keeps a period given in full', () => expect(overviewPeriod({ from: '2026-01-01', to: '2026-03-31' }, today)).toEqual({ from: '2026-01-01', to: '2026-03-31' }));
  it('completes a missing end from the semester of the given one', () => {
    expect(overviewPeriod({ from: '2026-02-10' }, today)).toEqual({ from: '2026-02-10', to: '2026-06-30' });
    expect(overviewPeriod({ to: '2026-08-15' }, today)).toEqual({ from: '2026-07-01', to: '2026-08-15' });
  });
  it('refuses a period that ends before it starts; a one-day period is fine', () => {
    expect(overviewPeriod({ from: '2026-03-02', to: '2026-03-01' }, today)).toBe('to_before_from');
    expect(overviewPeriod({ from: '2026-03-01', to: '2026-03-01' }, today)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });
});

describe('average attendance from totals', () => {
  it('equals the per-group overview rate (mean over held meetings of present / members)', () => {
    const presents = [4, 3, 5, 2];
    const members = 5;
    expect(attendanceFromTotals({ held: presents.length, members, presentTotal: 14 })).toBeCloseTo(groupAttendanceRate(presents.map((present) => ({ members, present }))) ?? -1, 12);
    expect(attendanceFromTotals({ held: 4, members: 5, presentTotal: 14 })).toBeCloseTo(0.7, 12);
  });
  it('is null without held meetings or without members', () => {
    expect(attendanceFromTotals({ held: 0, members: 5, presentTotal: 0 })).toBeNull();
    expect(attendanceFromTotals({ held: 3, members: 0, presentTotal: 0 })).toBeNull();
  });
  it('pools groups so that every held meeting weighs the same', () => {
    // group A: 2 meetings of 4 members, 4 and 2 present (1.0, 0.5); group B: 1 meeting of 10, 7 present (0.7)
    expect(pooledAttendance([{ held: 2, members: 4, presentTotal: 6 }, { held: 1, members: 10, presentTotal: 7 }])).toBeCloseTo((1 + 0.5 + 0.7) / 3, 12);
    expect(pooledAttendance([{ held: 0, members: 4, presentTotal: 0 }, { held: 2, members: 0, presentTotal: 0 }])).toBeNull();
    expect(pooledAttendance([])).toBeNull();
  });
});

describe('totals', () => {
  it('adds counts key by key', () => {
    expect(sumCounts([{ a: 1, b: 2 }, { a: 3, b: 0 }], ['a', 'b'])).toEqual({ a: 4, b: 2 });
    expect(sumCounts([], ['a'])).toEqual({ a: 0 });
  });
  it('merges topics of several groups by topic, most meetings first, then by name', () => {
    const merged = mergeTopics([
      [{ topicId: 't1', name: 'Asesmen', meetings: 1 }, { topicId: 't2', name: 'PTK', meetings: 2 }],
      [{ topicId: 't1', name: 'Asesmen', meetings: 2 }, { topicId: 't3', name: 'Lesson study', meetings: 2 }],
    ]);
    expect(merged).toEqual([
      { topicId: 't1', name: 'Asesmen', meetings: 3 },
      { topicId: 't3', name: 'Lesson study', meetings: 2 },
      { topicId: 't2', name: 'PTK', meetings: 2 },
    ]);
  });
});
