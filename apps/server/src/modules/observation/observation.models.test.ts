import { OBSERVATION_STATUSES, type ObservationStatus, type RoleGrant } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import {
  afterProblem,
  canTransition,
  evidenceByIndicator,
  evidenceVisible,
  goalAgendaTitle,
  nextPlannedMeeting,
  noteProblem,
  noteStartsObservation,
  observationAccess,
  observationReadScope,
  planProblem,
  ratingProblem,
  reflectionProblem,
  reflectionRoleOf,
  transitionStamp,
  unknownIndicators,
  type ObservationAccess,
} from './observation.models.ts';

const M = 'm-1';
const OTHER = 'm-2';
const who = (roles: RoleGrant[], userId = 'u-x', teacherId: string | null = null) => ({ roles, userId, teacherId });
const obs = { madrasahId: M, teacherId: 't-1', observerUserId: 'u-obs' };

describe('status flow: planned → in_progress → reflected → closed, nothing else', () => {
  const allowed = new Set(['planned>in_progress', 'in_progress>reflected', 'reflected>closed']);
  for (const from of OBSERVATION_STATUSES) {
    for (const to of OBSERVATION_STATUSES) {
      const ok = allowed.has(`${from}>${to}`);
      it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => expect(canTransition(from, to)).toBe(ok));
    }
  }
  it('each move stamps its own time', () => {
    expect([transitionStamp('in_progress'), transitionStamp('reflected'), transitionStamp('closed'), transitionStamp('planned')]).toEqual(['startedAt', 'reflectedAt', 'closedAt', null]);
  });
});

describe('what may change in which status (closed observations are immutable)', () => {
  const table: [ObservationStatus, plan: string | null, note: string | null, after: string | null, teacher: string | null, observer: string | null][] = [
    ['planned', null, null, 'invalid_transition', 'not_shared', 'invalid_transition'],
    ['in_progress', null, null, null, 'not_shared', null],
    ['reflected', 'invalid_transition', null, null, null, null],
    ['closed', 'closed', 'closed', 'closed', 'closed', 'closed'],
  ];
  for (const [status, plan, note, after, teacher, observer] of table) {
    it(`${status}: plan ${plan ?? 'ok'}, notes ${note ?? 'ok'}, ratings/goals ${after ?? 'ok'}, teacher reflection ${teacher ?? 'ok'}, observer feedback ${observer ?? 'ok'}`, () => {
      expect(planProblem(status)).toBe(plan);
      expect(noteProblem(status)).toBe(note);
      expect(afterProblem(status)).toBe(after);
      expect(reflectionProblem(status, 'teacher')).toBe(teacher);
      expect(reflectionProblem(status, 'observer')).toBe(observer);
    });
  }
  it('a note on a planned observation starts it; on others it does not', () => {
    expect(OBSERVATION_STATUSES.map(noteStartsObservation)).toEqual([true, false, false, false]);
  });
});

describe('who sees and changes an observation', () => {
  const cases: [string, ReturnType<typeof who>, ObservationAccess][] = [
    ['the observer edits', who([{ role: 'guru', madrasahId: M }], 'u-obs', 't-9'), 'edit'],
    ['the kepala of the madrasah edits', who([{ role: 'kepala_madrasah', madrasahId: M }]), 'edit'],
    ['a tenant-wide kepala grant edits', who([{ role: 'kepala_madrasah', madrasahId: null }]), 'edit'],
    ['a pengawas of the madrasah reads', who([{ role: 'pengawas', madrasahId: M }]), 'read'],
    ['the observed teacher gets the teacher view', who([{ role: 'guru', madrasahId: M }], 'u-t1', 't-1'), 'teacher'],
    ['another teacher sees nothing', who([{ role: 'guru', madrasahId: M }], 'u-t2', 't-2'), 'none'],
    ['the kepala of another madrasah sees nothing', who([{ role: 'kepala_madrasah', madrasahId: OTHER }]), 'none'],
    ['a pengawas of another madrasah sees nothing', who([{ role: 'pengawas', madrasahId: OTHER }]), 'none'],
    ['an operator sees nothing', who([{ role: 'operator', madrasahId: M }]), 'none'],
  ];
  for (const [name, actor, expected] of cases) it(name, () => expect(observationAccess(actor, obs)).toBe(expected));

  it('the teacher sees notes and ratings only once shared (reflected, closed); others whenever they see it', () => {
    expect(OBSERVATION_STATUSES.map((s) => evidenceVisible('teacher', s))).toEqual([false, false, true, true]);
    expect(OBSERVATION_STATUSES.map((s) => evidenceVisible('edit', s))).toEqual([true, true, true, true]);
    expect(OBSERVATION_STATUSES.map((s) => evidenceVisible('read', s))).toEqual([true, true, true, true]);
    expect(OBSERVATION_STATUSES.map((s) => evidenceVisible('none', s))).toEqual([false, false, false, false]);
  });
  it('reflection roles: teacher, observer (editors), none for readers', () => {
    expect((['teacher', 'edit', 'read', 'none'] as const).map(reflectionRoleOf)).toEqual(['teacher', 'observer', null, null]);
  });
  it('the list scope joins kepala and pengawas madrasahs; a tenant-wide grant sees all', () => {
    expect(observationReadScope(who([{ role: 'kepala_madrasah', madrasahId: M }, { role: 'pengawas', madrasahId: OTHER }, { role: 'guru', madrasahId: M }], 'u', 't'))).toEqual({ leadMadrasahIds: [M, OTHER], userId: 'u', teacherId: 't' });
    expect(observationReadScope(who([{ role: 'pengawas', madrasahId: null }])).leadMadrasahIds).toBe('all');
    expect(observationReadScope(who([{ role: 'guru', madrasahId: M }])).leadMadrasahIds).toEqual([]);
  });
});

describe('indicators and values must belong to the instrument version', () => {
  const pmm = { code: 'pmm-2024-observasi', version: 1, indicatorIds: ['i1', 'i2', 'i3'], scaleValues: [1, 2, 3] };
  it('an indicator of another version is unknown', () => expect(unknownIndicators(pmm, ['i1', 'pkg-7', 'i3'])).toEqual(['pkg-7']));
  it('ratings on the scale are accepted', () => expect(ratingProblem(pmm, [{ indicatorId: 'i1', value: 1 }, { indicatorId: 'i2', value: 3 }])).toBeNull());
  it('a value off the scale is refused (PMM has no 0)', () => expect(ratingProblem(pmm, [{ indicatorId: 'i1', value: 0 }])).toBe('invalid_rating_value'));
  it('an unknown indicator is reported before a bad value', () => expect(ratingProblem(pmm, [{ indicatorId: 'x', value: 9 }])).toBe('unknown_indicator'));
  it('evidence: each indicator gets the notes tagged to it, in time order', () => {
    const notes = [
      { id: 'b', notedAt: '2026-01-01T08:10:00Z', indicatorIds: ['i1', 'i2'] },
      { id: 'a', notedAt: '2026-01-01T08:05:00Z', indicatorIds: ['i1'] },
      { id: 'c', notedAt: '2026-01-01T08:20:00Z', indicatorIds: [] },
    ];
    const map = evidenceByIndicator(notes);
    expect(map.get('i1')?.map((n) => n.id)).toEqual(['a', 'b']);
    expect(map.get('i2')?.map((n) => n.id)).toEqual(['b']);
    expect(map.has('i3')).toBe(false);
  });
});

describe('a goal goes to the next planned MGMP meeting', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const m = (id: string, status: string, startsAt: string) => ({ id, status, startsAt });
  it('picks the earliest planned meeting that has not started', () => {
    const meetings = [m('late', 'direncanakan', '2026-04-01T06:00:00Z'), m('soon', 'direncanakan', '2026-03-05T06:00:00Z'), m('past', 'direncanakan', '2026-02-20T06:00:00Z'), m('running', 'berlangsung', '2026-03-02T06:00:00Z')];
    expect(nextPlannedMeeting(meetings, now)?.id).toBe('soon');
  });
  it('none planned (only held, cancelled or past): undefined, so the goal becomes a follow-up', () => {
    expect(nextPlannedMeeting([m('a', 'selesai', '2026-03-05T06:00:00Z'), m('b', 'dibatalkan', '2026-03-06T06:00:00Z'), m('c', 'direncanakan', '2026-02-01T06:00:00Z')], now)).toBeUndefined();
  });
  it('the agenda title names the teacher and the target, within 200 characters', () => {
    expect(goalAgendaTitle({ what: 'Pakai kartu giliran', dueDate: '2026-04-01' }, 'Ahmad')).toBe('Tindak lanjut observasi kelas (Ahmad): Pakai kartu giliran — target 2026-04-01');
    expect(goalAgendaTitle({ what: 'x'.repeat(500), dueDate: '2026-04-01' }, 'A').length).toBe(200);
  });
});
