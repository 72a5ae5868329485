import type { MgmpAgendaItem } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { agendaIndex, followUpSource, parseSourceValue, sourceMeetings, sourceValue } from './followups.models.ts';

const meeting = (id: string, startsAt: string, status: 'direncanakan' | 'berlangsung' | 'selesai' | 'dibatalkan') => ({ id, title: `Rapat ${id}`, startsAt, status });
const item = (id: string, meetingId: string, ordinal: number): MgmpAgendaItem => ({ id, meetingId, ordinal, title: `Butir ${id}`, kind: 'biasa', followUpId: null, decisionId: null });

describe('meetings offering their agenda as a follow-up source', () => {
  it('keeps running and held meetings, newest first, at most the limit', () => {
    const list = [
      meeting('a', '2026-08-01T01:00:00Z', 'selesai'),
      meeting('b', '2026-09-01T01:00:00Z', 'dibatalkan'),
      meeting('c', '2026-10-01T01:00:00Z', 'berlangsung'),
      meeting('d', '2026-12-01T01:00:00Z', 'direncanakan'),
      meeting('e', '2026-07-01T01:00:00Z', 'selesai'),
    ];
    expect(sourceMeetings(list).map((m) => m.id)).toEqual(['c', 'a', 'e']);
    expect(sourceMeetings(list, 2).map((m) => m.id)).toEqual(['c', 'a']);
  });
});

describe('the source select value', () => {
  it.each([
    [{ decisionId: 'd1', agendaItemId: '' }, 'd:d1'],
    [{ decisionId: '', agendaItemId: 'a1' }, 'a:a1'],
    [{ decisionId: '', agendaItemId: '' }, ''],
  ])('%o ↔ %s', (ids, value) => {
    expect(sourceValue(ids)).toBe(value);
    expect(parseSourceValue(value)).toEqual(ids);
  });

  it('a decision wins when a restored draft holds both; anything else means no source', () => {
    expect(sourceValue({ decisionId: 'd1', agendaItemId: 'a1' })).toBe('d:d1');
    expect(parseSourceValue('x:1')).toEqual({ decisionId: '', agendaItemId: '' });
  });
});

describe('where a follow-up comes from', () => {
  const agenda = agendaIndex([{ ...meeting('m1', '2026-08-01T01:00:00Z', 'selesai'), agenda: [item('i2', 'm1', 2), item('i1', 'm1', 1)] }]);
  const decisions = [
    { id: 'd1', statement: 'Lesson study tiap bulan', proposal: 'Usul LS' },
    { id: 'd2', statement: null, proposal: 'Usul bank soal' },
  ];

  it('indexes agenda items with their meeting, in agenda order', () => {
    expect([...agenda.keys()]).toEqual(['i1', 'i2']);
    expect(agenda.get('i2')).toEqual({ itemId: 'i2', itemTitle: 'Butir i2', meetingId: 'm1', meetingTitle: 'Rapat m1', startsAt: '2026-08-01T01:00:00Z' });
  });

  it.each([
    ['a decision by its statement', { decisionId: 'd1', agendaItemId: null }, { kind: 'decision', text: 'Lesson study tiap bulan' }],
    ['an open decision by its proposal', { decisionId: 'd2', agendaItemId: null }, { kind: 'decision', text: 'Usul bank soal' }],
    ['a decision not listed', { decisionId: 'dx', agendaItemId: null }, { kind: 'decision', text: null }],
    ['an agenda item with its meeting', { decisionId: null, agendaItemId: 'i1' }, { kind: 'agenda', ref: agenda.get('i1') }],
    ['an agenda item of an older meeting', { decisionId: null, agendaItemId: 'old' }, { kind: 'agenda', ref: null }],
    ['nothing', { decisionId: null, agendaItemId: null }, null],
  ] as const)('%s', (_name, followUp, expected) => {
    expect(followUpSource(followUp, decisions, agenda)).toEqual(expected);
  });
});
