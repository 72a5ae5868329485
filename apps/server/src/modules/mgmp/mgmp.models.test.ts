import { MGMP_DECISION_STATUSES, MGMP_FOLLOW_UP_STATUSES, MGMP_MEETING_STATUSES, type MgmpFollowUpStatus, type MgmpMeetingStatus } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import {
  attendanceRate,
  canTransitionDecision,
  canTransitionFollowUp,
  canTransitionMeeting,
  checkInRefusal,
  decisionTakesVotes,
  groupAttendanceRate,
  isDueForReview,
  isOfficer,
  isOverdue,
  meetingTakesRecords,
  memberListProblem,
  minutesEditable,
  parseQuorum,
  quorumMet,
  quorumRequired,
  tallyVotes,
  todayInIndonesia,
  voteAdopts,
  voteCloseRefusal,
} from './mgmp.models.ts';

describe('meeting status transitions', () => {
  const allowed = new Set(['direncanakan>berlangsung', 'direncanakan>dibatalkan', 'berlangsung>selesai', 'berlangsung>dibatalkan']);
  const pairs = MGMP_MEETING_STATUSES.flatMap((from) => MGMP_MEETING_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s is allowed only along direncanakan → berlangsung → selesai, or to dibatalkan before selesai', (from, to) => {
    expect(canTransitionMeeting(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
  it.each(MGMP_MEETING_STATUSES.map((s) => [s, s !== 'dibatalkan'] as const))('a %s meeting takes attendance: %s', (status, expected) => {
    expect(meetingTakesRecords(status)).toBe(expected);
  });
});

describe('self check-in window [starts − 30 min, ends]', () => {
  const startsAt = new Date('2026-08-10T07:00:00Z');
  const endsAt = new Date('2026-08-10T09:00:00Z');
  const at = (iso: string) => new Date(iso);
  it.each<[string, MgmpMeetingStatus, string, ReturnType<typeof checkInRefusal>]>([
    ['31 minutes early', 'direncanakan', '2026-08-10T06:29:00Z', 'outside_window'],
    ['exactly 30 minutes early', 'direncanakan', '2026-08-10T06:30:00Z', null],
    ['during the meeting', 'berlangsung', '2026-08-10T08:00:00Z', null],
    ['at the end', 'berlangsung', '2026-08-10T09:00:00Z', null],
    ['one minute after the end', 'selesai', '2026-08-10T09:01:00Z', 'outside_window'],
    ['a cancelled meeting, inside the window', 'dibatalkan', '2026-08-10T08:00:00Z', 'cancelled'],
  ])('%s → %s', (_label, status, now, expected) => {
    expect(checkInRefusal({ status, startsAt, endsAt }, at(now))).toBe(expected);
  });
});

describe('quorum: default more than half of the members present (H only)', () => {
  it.each([
    [{ kind: 'majority' } as const, 10, 5, false],
    [{ kind: 'majority' } as const, 10, 6, true],
    [{ kind: 'majority' } as const, 9, 5, true],
    [{ kind: 'majority' } as const, 9, 4, false],
    [{ kind: 'majority' } as const, 1, 1, true],
    [{ kind: 'majority' } as const, 0, 0, false],
    [{ kind: 'fraction', numerator: 2, denominator: 3 } as const, 9, 6, true],
    [{ kind: 'fraction', numerator: 2, denominator: 3 } as const, 10, 6, false],
    [{ kind: 'fraction', numerator: 2, denominator: 3 } as const, 10, 7, true],
    [{ kind: 'fraction', numerator: 1, denominator: 1 } as const, 4, 3, false],
  ])('rule %j, %i members, %i present → met: %s', (rule, members, present, expected) => {
    expect(quorumMet(rule, members, present)).toBe(expected);
  });
  it('majority of 10 needs 6, of 9 needs 5', () => {
    expect([quorumRequired({ kind: 'majority' }, 10), quorumRequired({ kind: 'majority' }, 9)]).toEqual([6, 5]);
  });
  it('an unknown stored rule falls back to majority; a valid fraction is kept', () => {
    expect(parseQuorum({ kind: 'weird' })).toEqual({ kind: 'majority' });
    expect(parseQuorum({ kind: 'fraction', numerator: 3, denominator: 2 })).toEqual({ kind: 'majority' });
    expect(parseQuorum({ kind: 'fraction', numerator: 2, denominator: 3 })).toEqual({ kind: 'fraction', numerator: 2, denominator: 3 });
  });
});

describe('votes', () => {
  it('abstain and blok are counted, setuju vs tidak_setuju decides, a tie does not adopt', () => {
    const tally = tallyVotes(['setuju', 'setuju', 'abstain', 'tidak_setuju', 'blok']);
    expect(tally).toEqual({ setuju: 2, abstain: 1, tidak_setuju: 1, blok: 1 });
    expect(voteAdopts(tally)).toBe(true);
    expect(voteAdopts(tallyVotes(['setuju', 'tidak_setuju', 'abstain']))).toBe(false);
  });
  it.each([
    [false, [] as const, 'alasan', 'quorum_not_met'],
    [false, ['blok'] as const, null, 'quorum_not_met'],
    [true, ['blok', 'setuju'] as const, null, 'block_unanswered'],
    [true, ['blok', 'setuju'] as const, '   ', 'block_unanswered'],
    [true, ['blok', 'setuju'] as const, 'Keberatan dijawab: jadwal digeser.', null],
    [true, ['setuju', 'tidak_setuju'] as const, null, null],
  ])('quorum %s, votes %j, rationale %j → %s', (met, choices, rationale, expected) => {
    expect(voteCloseRefusal({ quorumMet: met, tally: tallyVotes(choices), rationale })).toBe(expected);
  });
});

describe('decision transitions: a closed decision takes no votes and stays closed', () => {
  const pairs = MGMP_DECISION_STATUSES.flatMap((from) => MGMP_DECISION_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canTransitionDecision(from, to)).toBe(from === 'open' && to === 'closed');
  });
  it.each([['open', true] as const, ['closed', false] as const])('a %s decision takes votes: %s', (status, expected) => {
    expect(decisionTakesVotes(status)).toBe(expected);
  });
  it.each([
    ['closed', '2026-09-01', null, '2026-09-01', true],
    ['closed', '2026-09-02', null, '2026-09-01', false],
    ['closed', '2026-08-01', new Date(), '2026-09-01', false],
    ['open', '2026-08-01', null, '2026-09-01', false],
    ['closed', null, null, '2026-09-01', false],
  ] as const)('%s, review %s, reviewed %s, today %s → due for review: %s', (status, reviewDate, reviewedAt, today, expected) => {
    expect(isDueForReview({ status, reviewDate, reviewedAt }, today)).toBe(expected);
  });
});

describe('minutes immutability', () => {
  it('a draft is editable, an approved revision is not', () => {
    expect([minutesEditable('draft'), minutesEditable('approved')]).toEqual([true, false]);
  });
});

describe('follow-up status transitions', () => {
  const allowed: Record<MgmpFollowUpStatus, MgmpFollowUpStatus[]> = {
    belum: ['belum', 'sedang', 'selesai', 'batal'],
    sedang: ['belum', 'sedang', 'selesai', 'batal'],
    selesai: ['selesai', 'sedang'],
    batal: ['batal', 'belum'],
  };
  const pairs = MGMP_FOLLOW_UP_STATUSES.flatMap((from) => MGMP_FOLLOW_UP_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canTransitionFollowUp(from, to)).toBe(allowed[from].includes(to));
  });
  it.each([
    ['belum', '2026-08-31', '2026-09-01', true],
    ['sedang', '2026-08-31', '2026-09-01', true],
    ['belum', '2026-09-01', '2026-09-01', false],
    ['selesai', '2026-08-01', '2026-09-01', false],
    ['batal', '2026-08-01', '2026-09-01', false],
  ] as const)('%s due %s on %s → overdue: %s', (status, dueDate, today, expected) => {
    expect(isOverdue({ status, dueDate }, today)).toBe(expected);
  });
});

describe('attendance rates', () => {
  it('per member: H over recorded meetings; nothing recorded → null', () => {
    expect(attendanceRate(['H', 'H', 'I', 'A'])).toBe(0.5);
    expect(attendanceRate(['S'])).toBe(0);
    expect(attendanceRate([])).toBeNull();
  });
  it('per group: mean share present over meetings with members', () => {
    expect(groupAttendanceRate([{ members: 10, present: 8 }, { members: 10, present: 6 }, { members: 0, present: 0 }])).toBeCloseTo(0.7);
    expect(groupAttendanceRate([])).toBeNull();
  });
});

describe('members and officers', () => {
  it.each([
    ['ketua', true], ['sekretaris', true], ['bendahara', true], ['anggota', false], [null, false],
  ] as const)('%s is an officer who changes meetings: %s', (role, expected) => {
    expect(isOfficer(role)).toBe(expected);
  });
  it('one ketua, one sekretaris, one bendahara at most; a teacher once', () => {
    expect(memberListProblem([{ teacherId: 'a', role: 'ketua' }, { teacherId: 'b', role: 'anggota' }])).toBeNull();
    expect(memberListProblem([{ teacherId: 'a', role: 'ketua' }, { teacherId: 'b', role: 'ketua' }])).toBe('duplicate_officer');
    expect(memberListProblem([{ teacherId: 'a', role: 'ketua' }, { teacherId: 'a', role: 'anggota' }])).toBe('duplicate_teacher');
  });
});

describe('dates', () => {
  it('today is the WIB calendar day', () => {
    expect(todayInIndonesia(new Date('2026-08-31T17:30:00Z'))).toBe('2026-09-01');
    expect(todayInIndonesia(new Date('2026-08-31T16:30:00Z'))).toBe('2026-08-31');
  });
});
