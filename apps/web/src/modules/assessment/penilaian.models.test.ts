import { scorePkg, type InstrumentDetail } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { afterSent, formIndex, liveResult } from './penilaian.models.ts';

/** A PKG-shaped instrument: 14 competencies with the official indicator counts. */
const COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
let position = 0;
const detail = {
  domains: [
    {
      id: 'd',
      code: 'pedagogik',
      name: 'Pedagogik',
      competencies: COUNTS.map((n, c) => ({ id: `c${c}`, number: c + 1, name: `K${c + 1}`, indicators: Array.from({ length: n }, (_, i) => ({ id: `k${c + 1}.${i + 1}`, number: i + 1, position: ++position, text: 'x', focus: [] })) })),
    },
  ],
} as unknown as InstrumentDetail;
const index = formIndex(detail);

describe('rating form: the live result uses the same scoring as the server', () => {
  it('progress counts rated indicators: 0/78 at the start', () => {
    expect(liveResult(index, {}, 'round-half-up')).toMatchObject({ rated: 0, total: 78, score: null });
  });
  it('a competency shows % and value only once all its indicators are rated', () => {
    const r = liveResult(index, { 'k1.1': 2, 'k1.2': 1, 'k1.3': 2, 'k1.4': 0, 'k1.5': 0, 'k1.6': 2, 'k2.1': 2 }, 'round-half-up');
    expect(r.rated).toBe(7);
    expect(r.competencies[0]).toEqual({ number: 1, rated: 6, count: 6, percent: 58.33, value: 3 });
    expect(r.competencies[1]).toMatchObject({ rated: 1, percent: null, value: null });
  });
  it('all 78 rated: the Nilai PKG equals scorePkg on the same ratings and rule', () => {
    const ratings: Record<string, number> = {};
    const arrays = COUNTS.map((n, c) => Array.from({ length: n }, (_, i) => (c + i) % 3));
    arrays.forEach((a, c) => a.forEach((v, i) => (ratings[`k${c + 1}.${i + 1}`] = v)));
    const definition = { competencies: COUNTS.map((n, c) => ({ number: c + 1, indicatorCount: n })) };
    for (const rule of ['round-half-up', 'floor', 'exact'] as const) {
      expect(liveResult(index, ratings, rule).score).toEqual(scorePkg(definition, arrays, rule));
    }
  });
  it('ratings sent to the server leave the device store, unless changed again meanwhile', () => {
    expect(afterSent({ a: 1, b: 2, c: 0 }, { a: 1, b: 1 })).toEqual({ b: 2, c: 0 });
  });
});
