import { describe, expect, it } from 'vitest';
import { checkAnswerSheet, deviceHash, effectiveMinAnswers, effectiveStatus, newRoundToken, orderComments, resultsShown, summariseAnswers, thresholdAllowed } from './feedback.models.ts';
import { resultAccess } from './feedback.policies.ts';

const items = [
  { id: 'a', number: 1, focus: 'proses-pembelajaran' as const },
  { id: 'b', number: 2, focus: 'pengelolaan-kelas' as const },
  { id: 'c', number: 3, focus: 'pengelolaan-kelas' as const },
];
const full = (v: [unknown, unknown, unknown]) => [
  { itemId: 'a', value: v[0] },
  { itemId: 'b', value: v[1] },
  { itemId: 'c', value: v[2] },
];

describe('threshold: results only with at least N answers, N never below 5', () => {
  it.each([
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [7, 8, false],
    [8, 8, true],
    [4, 3, false], // a setting below the floor still means 5
    [5, 3, true],
    [0, 5, false],
  ])('%i answers with setting %i → shown %s', (answers, setting, shown) => {
    expect(resultsShown(answers, setting)).toBe(shown);
  });

  it.each([
    [undefined, 5],
    [null, 5],
    [3, 5],
    [5, 5],
    [12, 12],
  ])('effective threshold of setting %s is %i', (setting, expected) => {
    expect(effectiveMinAnswers(setting)).toBe(expected);
  });

  it.each([
    [4, false],
    [5, true],
    [30, true],
    [1000, true],
    [1001, false],
    [5.5, false],
    [0, false],
    [-5, false],
  ])('a tenant may choose %s: %s', (n, ok) => {
    expect(thresholdAllowed(n)).toBe(ok);
  });
});

describe('answer sheet: every item once, values 1–4, comment ≤ 500', () => {
  it('a complete sheet with values 1 and 4 is accepted, in item order, comment trimmed', () => {
    const result = checkAnswerSheet(items, { answers: [...full([1, 4, 3])].reverse(), comment: '  Bagus  ' });
    expect(result).toEqual({ ok: true, values: [{ itemId: 'a', value: 1 }, { itemId: 'b', value: 4 }, { itemId: 'c', value: 3 }], comment: 'Bagus' });
  });

  it('an empty or blank comment is stored as none', () => {
    expect(checkAnswerSheet(items, { answers: full([2, 2, 2]), comment: '   ' })).toMatchObject({ ok: true, comment: null });
    expect(checkAnswerSheet(items, { answers: full([2, 2, 2]) })).toMatchObject({ ok: true, comment: null });
  });

  it.each([
    [0, 'invalid_value'],
    [5, 'invalid_value'],
    [2.5, 'invalid_value'],
    ['3', 'invalid_value'],
    [null, 'invalid_value'],
    [-1, 'invalid_value'],
  ])('value %j is refused (%s) naming the statement', (value, kind) => {
    const result = checkAnswerSheet(items, { answers: full([1, value, 1]) });
    expect(result).toEqual({ ok: false, problems: [{ kind, number: 2 }] });
  });

  it('an item of another set is refused as unknown', () => {
    const result = checkAnswerSheet(items, { answers: [...full([1, 1, 1]), { itemId: 'zzz', value: 2 }] });
    expect(result).toEqual({ ok: false, problems: [{ kind: 'unknown_item', itemId: 'zzz' }] });
  });

  it('a missing item and a repeated item are refused', () => {
    const result = checkAnswerSheet(items, { answers: [{ itemId: 'a', value: 1 }, { itemId: 'a', value: 2 }, { itemId: 'b', value: 2 }] });
    expect(result).toEqual({ ok: false, problems: [{ kind: 'duplicate_item', itemId: 'a' }, { kind: 'missing_item', number: 3 }] });
  });

  it('a comment of 500 characters is accepted, 501 refused', () => {
    expect(checkAnswerSheet(items, { answers: full([1, 1, 1]), comment: 'x'.repeat(500) }).ok).toBe(true);
    expect(checkAnswerSheet(items, { answers: full([1, 1, 1]), comment: 'x'.repeat(501) })).toEqual({ ok: false, problems: [{ kind: 'comment_too_long', max: 500 }] });
  });
});

describe('device hash: same device same hash, unlinkable across rounds', () => {
  const secretA = Buffer.alloc(32, 1);
  const secretB = Buffer.alloc(32, 2);
  it('is stable for one round and one browser value', () => {
    expect(deviceHash(secretA, 'browser-value-1234567890')).toBe(deviceHash(secretA, 'browser-value-1234567890'));
    expect(deviceHash(secretA, 'browser-value-1234567890')).toMatch(/^[0-9a-f]{64}$/);
  });
  it('differs between browser values and between rounds (per-round secret)', () => {
    expect(deviceHash(secretA, 'browser-value-1234567890')).not.toBe(deviceHash(secretA, 'browser-value-1234567891'));
    expect(deviceHash(secretA, 'browser-value-1234567890')).not.toBe(deviceHash(secretB, 'browser-value-1234567890'));
  });
  it('never contains the browser value', () => {
    expect(deviceHash(secretA, 'abcdefabcdefabcdefabcdef')).not.toContain('abcdefabcdefabcdefabcdef');
  });
});

describe('public token: at least 128 random bits, URL-safe', () => {
  it('is 22 base64url characters (16 bytes) and new each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newRoundToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(t, 'base64url').length).toBe(16);
    }
  });
});

describe('round status: closed when closed or past its closing time', () => {
  const now = new Date('2026-11-24T08:00:00Z');
  it.each([
    ['open', null, 'open'],
    ['open', '2026-11-24T08:00:01Z', 'open'],
    ['open', '2026-11-24T08:00:00Z', 'closed'],
    ['open', '2026-11-24T07:00:00Z', 'closed'],
    ['closed', null, 'closed'],
    ['closed', '2026-12-01T00:00:00Z', 'closed'],
  ])('%s with closing time %s → %s', (status, closesAt, expected) => {
    expect(effectiveStatus({ status, closesAt: closesAt ? new Date(closesAt) : null }, now)).toBe(expected);
  });
});

describe('summary: distribution and mean per item, mean per focus dimension', () => {
  it('counts each value and averages; a dimension averages all its values', () => {
    const s = summariseAnswers(items, [
      { itemId: 'a', value: 4, n: 3 },
      { itemId: 'a', value: 2, n: 1 },
      { itemId: 'b', value: 1, n: 2 },
      { itemId: 'b', value: 3, n: 2 },
      { itemId: 'c', value: 4, n: 4 },
    ]);
    expect(s.items.map((i) => [i.id, i.distribution, i.mean])).toEqual([
      ['a', [0, 1, 0, 3], 3.5],
      ['b', [2, 0, 2, 0], 2],
      ['c', [0, 0, 0, 4], 4],
    ]);
    expect(s.focus).toEqual([
      { focus: 'proses-pembelajaran', mean: 3.5 },
      { focus: 'pengelolaan-kelas', mean: 3 },
    ]);
  });
});

describe('free text: in an order unrelated to submission', () => {
  it('sorted by text, blanks dropped', () => {
    expect(orderComments(['Zaman', null, 'Asyik', ' ', 'Mantap'])).toEqual(['Asyik', 'Mantap', 'Zaman']);
  });
});

describe('result access: free text for the kepala only', () => {
  const round = { madrasahId: 'm1', teacherId: 't1' };
  it.each([
    ['kepala of the madrasah', { roles: [{ role: 'kepala_madrasah' as const, madrasahId: 'm1' }], teacherId: null }, 'full'],
    ['kepala of another madrasah', { roles: [{ role: 'kepala_madrasah' as const, madrasahId: 'm2' }], teacherId: null }, 'none'],
    ['pengawas of the madrasah', { roles: [{ role: 'pengawas' as const, madrasahId: 'm1' }], teacherId: null }, 'aggregate'],
    ['the teacher', { roles: [{ role: 'guru' as const, madrasahId: 'm1' }], teacherId: 't1' }, 'aggregate'],
    ['another teacher', { roles: [{ role: 'guru' as const, madrasahId: 'm1' }], teacherId: 't2' }, 'none'],
    ['operator', { roles: [{ role: 'operator' as const, madrasahId: null }], teacherId: null }, 'none'],
  ])('%s → %s', (_label, actor, expected) => {
    expect(resultAccess(actor, round)).toBe(expected);
  });
});
