import { MGMP_DECISION_STATUSES, MGMP_FOLLOW_UP_STATUSES, MGMP_MEMBER_ROLES, type MgmpDecisionStatus, type MgmpMemberRole } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { carryOverTitle, decisionRevisionRefusal, meetingReviewDay, missingCarryOvers, reviseWording } from './mgmp.models.ts';

describe('who may correct a decision, and in which state', () => {
  const offices: (MgmpMemberRole | null)[] = [...MGMP_MEMBER_ROLES, null];
  const cases = offices.flatMap((myRole) =>
    [false, true].flatMap((kepalaMadrasah) =>
      [false, true].flatMap((operator) => MGMP_DECISION_STATUSES.flatMap((status) => [false, true].map((archived) => ({ myRole, kepalaMadrasah, operator, status, archived })))),
    ),
  );
  it('covers every office × kepala × operator × status × archived (80 cases)', () => {
    expect(cases).toHaveLength(80);
  });
  it.each(cases)('office $myRole, kepala $kepalaMadrasah, operator $operator, $status, archived $archived', ({ myRole, kepalaMadrasah, operator, status, archived }) => {
    const may = myRole === 'ketua' || kepalaMadrasah || operator;
    const expected = !may ? 'forbidden' : archived ? 'archived' : status === 'open' ? 'open' : null;
    expect(decisionRevisionRefusal({ status, archived, reviser: { myRole, kepalaMadrasah, operator } })).toBe(expected);
  });
  it.each<[string, MgmpMemberRole | null, boolean, boolean, MgmpDecisionStatus, ReturnType<typeof decisionRevisionRefusal>]>([
    ['the ketua, closed', 'ketua', false, false, 'closed', null],
    ['the kepala madrasah (not a member), closed', null, true, false, 'closed', null],
    ['the operator (not a member), closed', null, false, true, 'closed', null],
    ['a sekretaris, closed: not even the officer who may close a vote', 'sekretaris', false, false, 'closed', 'forbidden'],
    ['a bendahara', 'bendahara', false, false, 'closed', 'forbidden'],
    ['an anggota', 'anggota', false, false, 'closed', 'forbidden'],
    ['a sekretaris on an open decision: forbidden before open', 'sekretaris', false, false, 'open', 'forbidden'],
    ['the ketua on an open decision', 'ketua', false, false, 'open', 'open'],
  ])('%s → %s', (_label, myRole, kepalaMadrasah, operator, status, expected) => {
    expect(decisionRevisionRefusal({ status, archived: false, reviser: { myRole, kepalaMadrasah, operator } })).toBe(expected);
  });
});

describe('the wording after a correction', () => {
  const current = { statement: 'Ulangan bersama tiap akhir bulan.', rationale: 'Disepakati semua.', reviewDate: '2026-12-01' };
  it('keeps a field left out and reports no change when nothing differs', () => {
    expect(reviseWording(current, {})).toEqual({ next: current, changed: false });
    expect(reviseWording(current, { statement: current.statement, rationale: current.rationale, reviewDate: current.reviewDate })).toEqual({ next: current, changed: false });
  });
  it('replaces the statement', () => {
    expect(reviseWording(current, { statement: 'Ulangan bersama tiap akhir semester.' })).toEqual({ next: { ...current, statement: 'Ulangan bersama tiap akhir semester.' }, changed: true });
  });
  it('clears the rationale and the review date with null', () => {
    expect(reviseWording(current, { rationale: null })).toEqual({ next: { ...current, rationale: null }, changed: true });
    expect(reviseWording(current, { reviewDate: null })).toEqual({ next: { ...current, reviewDate: null }, changed: true });
  });
  it('sets a review date where there was none', () => {
    expect(reviseWording({ ...current, reviewDate: null }, { reviewDate: '2027-01-15' })).toEqual({ next: { ...current, reviewDate: '2027-01-15' }, changed: true });
  });
});

describe('the review day of a meeting (WIB)', () => {
  it('is the planned start day, or today when the meeting starts later than planned', () => {
    expect(meetingReviewDay(new Date('2026-09-10T02:00:00Z'), new Date('2026-09-01T02:00:00Z'))).toBe('2026-09-10');
    expect(meetingReviewDay(new Date('2026-09-10T02:00:00Z'), new Date('2026-09-12T02:00:00Z'))).toBe('2026-09-12');
    // 18:00 UTC is already the next day in WIB
    expect(meetingReviewDay(new Date('2026-09-10T18:00:00Z'), new Date('2026-09-01T02:00:00Z'))).toBe('2026-09-11');
  });
});

describe('what a planned or starting meeting still lacks on its agenda', () => {
  const meetingId = 'm-next';
  const day = '2026-09-10';
  const decision = (id: string, over: Partial<{ status: MgmpDecisionStatus; reviewDate: string | null; reviewedAt: Date | null; meetingId: string; statement: string | null }> = {}) => ({
    id,
    proposal: `Usulan ${id}`,
    statement: `Keputusan ${id}`,
    status: 'closed' as MgmpDecisionStatus,
    reviewDate: '2026-09-10',
    reviewedAt: null,
    meetingId: 'm-earlier',
    ...over,
  });
  const followUp = (id: string, over: Partial<{ status: (typeof MGMP_FOLLOW_UP_STATUSES)[number]; originMeetingId: string | null }> = {}) => ({ id, what: `Tugas ${id}`, status: 'belum' as const, originMeetingId: 'm-earlier', ...over });

  it('adds decisions due by the day first, then open follow-ups, in the shape of the items added at planning', () => {
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [followUp('f1')], decisions: [decision('d1')] })).toEqual([
      { title: 'Tinjau keputusan: Keputusan d1', kind: 'keputusan-review', decisionId: 'd1', followUpId: null },
      { title: 'Tindak lanjut: Tugas f1', kind: 'tindak-lanjut-review', decisionId: null, followUpId: 'f1' },
    ]);
  });
  it('adds nothing the agenda already carries (idempotent), and nothing twice from repeated input', () => {
    const agenda = [
      { followUpId: 'f1', decisionId: null },
      { followUpId: null, decisionId: 'd1' },
    ];
    expect(missingCarryOvers({ meetingId, day, agenda, followUps: [followUp('f1')], decisions: [decision('d1')] })).toEqual([]);
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [followUp('f2'), followUp('f2')], decisions: [decision('d2'), decision('d2')] })).toHaveLength(2);
  });
  it.each(MGMP_FOLLOW_UP_STATUSES.map((s) => [s, s === 'belum' || s === 'sedang'] as const))('a %s follow-up is carried: %s', (status, carried) => {
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [followUp('f', { status })], decisions: [] })).toHaveLength(carried ? 1 : 0);
  });
  it.each<[string, Parameters<typeof decision>[1], number]>([
    ['due on the day', {}, 1],
    ['due before the day', { reviewDate: '2026-08-01' }, 1],
    ['due the day after', { reviewDate: '2026-09-11' }, 0],
    ['without a review date', { reviewDate: null }, 0],
    ['already reviewed', { reviewedAt: new Date('2026-09-01T00:00:00Z') }, 0],
    ['still open', { status: 'open' }, 0],
  ])('a decision %s → %i item', (_label, over, n) => {
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [], decisions: [decision('d', over)] })).toHaveLength(n);
  });
  it('a decision without a statement is titled by its proposal', () => {
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [], decisions: [decision('d', { statement: null })] })[0]?.title).toBe('Tinjau keputusan: Usulan d');
    expect(carryOverTitle({ kind: 'follow-up', what: 'Susun kisi-kisi' })).toBe('Tindak lanjut: Susun kisi-kisi');
  });
  it('what came out of this very meeting waits for a later one; a follow-up of no meeting is carried', () => {
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [followUp('f', { originMeetingId: meetingId })], decisions: [decision('d', { meetingId })] })).toEqual([]);
    expect(missingCarryOvers({ meetingId, day, agenda: [], followUps: [followUp('f', { originMeetingId: null })], decisions: [] })).toHaveLength(1);
  });
});
