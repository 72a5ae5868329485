import { MGMP_MEETING_STATUSES, type MgmpMeetingStatus } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { agendaEditable, agendaItemRemovable, programmeItemChangeRefusal } from './mgmp.models.ts';

describe('the agenda is changed only while the meeting is planned or running', () => {
  const expected: Record<MgmpMeetingStatus, boolean> = { direncanakan: true, berlangsung: true, selesai: false, dibatalkan: false };
  it.each(MGMP_MEETING_STATUSES.map((s) => [s, expected[s]] as const))('a %s meeting: agenda editable %s', (status, editable) => {
    expect(agendaEditable(status)).toBe(editable);
  });
});

describe('an agenda item with minutes, a decision or a follow-up cannot be removed', () => {
  it.each([
    [{ minutes: 0, decisions: 0, followUps: 0 }, true],
    [{ minutes: 1, decisions: 0, followUps: 0 }, false],
    [{ minutes: 0, decisions: 1, followUps: 0 }, false],
    [{ minutes: 0, decisions: 0, followUps: 2 }, false],
    [{ minutes: 3, decisions: 1, followUps: 1 }, false],
  ] as const)('%o → removable %s', (records, removable) => {
    expect(agendaItemRemovable(records)).toBe(removable);
  });
});

describe('a programme activity: edited unless held, removed only when not scheduled (or its meeting was cancelled)', () => {
  const cases: [action: 'edit' | 'delete', status: MgmpMeetingStatus | null, refusal: 'held' | 'scheduled' | null][] = [
    ['edit', null, null],
    ['edit', 'direncanakan', null],
    ['edit', 'berlangsung', null],
    ['edit', 'dibatalkan', null],
    ['edit', 'selesai', 'held'],
    ['delete', null, null],
    ['delete', 'direncanakan', 'scheduled'],
    ['delete', 'berlangsung', 'scheduled'],
    ['delete', 'dibatalkan', null],
    ['delete', 'selesai', 'held'],
  ];
  it.each(cases)('%s with meeting %s → %s', (action, status, refusal) => {
    expect(programmeItemChangeRefusal(action, status)).toBe(refusal);
  });
  it('covers every meeting status for both actions', () => {
    const seen = new Set(cases.map(([a, s]) => `${a}:${s ?? 'none'}`));
    for (const a of ['edit', 'delete']) for (const s of [...MGMP_MEETING_STATUSES, 'none']) expect(seen.has(`${a}:${s}`)).toBe(true);
  });
});
