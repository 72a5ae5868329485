import { describe, expect, it } from 'vitest';
import {
  addContribution,
  contributionErrors,
  contributionRows,
  contributionsToSend,
  CONTRIBUTIONS_MAX,
  namedContributions,
  removeContribution,
  restoredRows,
  updateContribution,
  type ContributionRow,
} from './minutes.models.ts';

const keys = () => {
  let n = 0;
  return () => `k${++n}`;
};
const row = (key: string, teacherId: string, text: string): ContributionRow => ({ key, teacherId, text });

describe('contributions list edits', () => {
  it('adds an empty row (optionally for a member), updates one row by key, removes one row by key', () => {
    const key = keys();
    let rows = contributionRows([{ teacherId: 'a', text: 'Contoh modul' }], key);
    expect(rows).toEqual([row('k1', 'a', 'Contoh modul')]);
    rows = addContribution(rows, '', key);
    rows = addContribution(rows, 'b', key);
    expect(rows.map((r) => [r.key, r.teacherId, r.text])).toEqual([
      ['k1', 'a', 'Contoh modul'],
      ['k2', '', ''],
      ['k3', 'b', ''],
    ]);
    rows = updateContribution(rows, 'k2', { teacherId: 'c' });
    rows = updateContribution(rows, 'k2', { text: 'Usul format' });
    expect(rows[1]).toEqual(row('k2', 'c', 'Usul format'));
    rows = removeContribution(rows, 'k1');
    expect(rows.map((r) => r.key)).toEqual(['k2', 'k3']);
  });

  it('stops at the server limit of 100', () => {
    const key = keys();
    let rows: ContributionRow[] = [];
    for (let i = 0; i < CONTRIBUTIONS_MAX + 5; i += 1) rows = addContribution(rows, 'a', key);
    expect(rows).toHaveLength(CONTRIBUTIONS_MAX);
  });

  it('restores only well-formed rows from a stored draft, giving keys to rows without one', () => {
    const key = keys();
    expect(restoredRows('x', key)).toEqual([]);
    expect(restoredRows([null, 3, { teacherId: 'a' }, { teacherId: 'a', text: 'T', key: 'old' }, { teacherId: '', text: 'U' }], key)).toEqual([row('old', 'a', 'T'), row('k1', '', 'U')]);
  });
});

describe('contributions mirror the server rules (a member and a text of 1–4000 characters)', () => {
  it.each([
    ['complete row', row('x', 'a', 'Memaparkan contoh'), undefined],
    ['empty row is skipped, not an error', row('x', '', '  '), undefined],
    ['who missing', row('x', '', 'Memaparkan'), { teacherId: 'who_required' }],
    ['text missing', row('x', 'a', ' '), { text: 'text_required' }],
    ['text too long', row('x', 'a', 'a'.repeat(4001)), { text: 'text_too_long' }],
    ['4000 characters after trimming is fine', row('x', 'a', ` ${'a'.repeat(4000)} `), undefined],
  ] as const)('%s', (_name, r, expected) => {
    expect(contributionErrors([r]).get('x')).toEqual(expected);
  });

  it('sends trimmed texts without the empty rows', () => {
    expect(contributionsToSend([row('1', 'a', ' Memaparkan '), row('2', '', ''), row('3', 'b', 'Usul')])).toEqual([
      { teacherId: 'a', text: 'Memaparkan' },
      { teacherId: 'b', text: 'Usul' },
    ]);
  });
});

describe('contributions shown with names', () => {
  it('names members and keeps a former member with a null name', () => {
    const members = [
      { teacherId: 'a', name: 'Siti' },
      { teacherId: 'b', name: 'Ahmad' },
    ];
    expect(
      namedContributions(
        [
          { teacherId: 'b', text: 'Usul' },
          { teacherId: 'z', text: 'Lama' },
        ],
        members,
      ),
    ).toEqual([
      { teacherId: 'b', name: 'Ahmad', text: 'Usul' },
      { teacherId: 'z', name: null, text: 'Lama' },
    ]);
  });
});
