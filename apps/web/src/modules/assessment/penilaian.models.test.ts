import { scorePkg, type InstrumentDetail } from '@tumbuh/shared';
import { describe, expect, it, vi } from 'vitest';
import { afterSent, afterSentEvidence, angkaKreditFromFields, formIndex, liveResult, loadPendingEvidence, ratingBatch, savePendingEvidence } from './penilaian.models.ts';

/** A PKG-shaped instrument: 14 competencies with the official indicator counts. */
const COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
let position = 0;
const detail = {
  scoringMethod: 'pkg-2009',
  scale: { levels: [0, 1, 2].map((value) => ({ value, label: String(value), description: '' })) },
  domains: [
    {
      id: 'd',
      code: 'pedagogik',
      name: 'Pedagogik',
      competencies: COUNTS.map((n, c) => ({ id: `c${c}`, number: c + 1, name: `K${c + 1}`, indicators: Array.from({ length: n }, (_, i) => ({ id: `k${c + 1}.${i + 1}`, number: i + 1, position: ++position, text: 'x', focus: [], descriptors: {} })) })),
    },
  ],
} as unknown as InstrumentDetail;
const index = formIndex(detail);

describe('rating form with a madrasah instrument: one button per level of its scale, no PKG numbers', () => {
  const own = {
    scoringMethod: 'none',
    scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `L${value}`, description: '' })) },
    domains: [{ id: 'd', code: 'd', name: 'D', competencies: [{ id: 'c', number: 1, name: 'K', indicators: [{ id: 'a', number: 1, position: 1, text: 'a', focus: [], descriptors: { '4': 'Mahir' } }, { id: 'b', number: 2, position: 2, text: 'b', focus: [], descriptors: {} }] }] }],
  } as unknown as InstrumentDetail;
  const ownIndex = formIndex(own);
  it('keeps every level of its scale and the descriptors per indicator', () => {
    expect(ownIndex.scored).toBe(false);
    expect(ownIndex.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(ownIndex.competencies[0]?.indicators[0]?.descriptors).toEqual({ '4': 'Mahir' });
  });
  it('counts ratings on its levels (4 counts, 0 does not) and gives no percent, value or Nilai PKG', () => {
    const r = liveResult(ownIndex, { a: 4, b: 3 }, 'round-half-up');
    expect(r).toMatchObject({ rated: 2, total: 2, score: null });
    expect(r.competencies[0]).toEqual({ number: 1, rated: 2, count: 2, percent: null, value: null });
    expect(liveResult(ownIndex, { a: 0 }, 'round-half-up').rated).toBe(0);
  });
  it('the PKG instrument keeps its 0/1/2 buttons', () => {
    expect(index.scored).toBe(true);
    expect(index.levels.map((l) => l.value)).toEqual([0, 1, 2]);
  });
});

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

describe('rating form: evidence notes travel with the scores', () => {
  const server = { a: { score: 2, evidence: 'RPP' }, b: { score: 1, evidence: null } };

  it('a changed note is sent with the indicator’s score, even when only the note changed', () => {
    expect(ratingBatch({}, { a: 'RPP dan jurnal' }, server)).toEqual([{ indicatorId: 'a', score: 2, evidence: 'RPP dan jurnal' }]);
  });

  it('a score sent without a changed note leaves the note out, so the server keeps the stored one', () => {
    expect(ratingBatch({ a: 1 }, { a: 'RPP' }, server)).toEqual([{ indicatorId: 'a', score: 1 }]);
  });

  it('a note on an indicator not yet rated waits on the device until it is rated', () => {
    expect(ratingBatch({}, { c: 'wawancara' }, server)).toEqual([]);
    expect(ratingBatch({ c: 0 }, { c: 'wawancara' }, server)).toEqual([{ indicatorId: 'c', score: 0, evidence: 'wawancara' }]);
  });

  it('an emptied note is sent as empty text (which clears it); nothing unchanged is sent', () => {
    expect(ratingBatch({}, { a: '  ' }, server)).toEqual([{ indicatorId: 'a', score: 2, evidence: '' }]);
    expect(ratingBatch({ b: 1 }, { b: '' }, server)).toEqual([]);
  });

  it('typed notes are kept on the device until the server has them; a note changed meanwhile stays', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    savePendingEvidence('x', { a: 'satu', b: 'dua' });
    expect(loadPendingEvidence('x')).toEqual({ a: 'satu', b: 'dua' });
    expect(afterSentEvidence({ a: 'satu', b: 'dua lagi' }, { a: 'satu', b: 'dua' })).toEqual({ b: 'dua lagi' });
    savePendingEvidence('x', {});
    expect(loadPendingEvidence('x')).toEqual({});
    expect(store.size).toBe(0);
    vi.unstubAllGlobals();
  });
});

describe('angka kredit calculator: (AKK − AKPKB − AKP) × JM/JWM × NPK / 4 from the typed rank data', () => {
  const fields = (akk: string, akpkb: string, akp: string, teachingHours: string) => ({ akk, akpkb, akp, teachingHours });
  it('gives nothing until all four fields are filled', () => {
    expect(angkaKreditFromFields(fields('50', '3', '5', ''), 125)).toEqual({ kind: 'incomplete' });
  });
  it('III/a → III/b at Amat baik with a full load: 42 × 1 × 125 % / 4 = 13.125', () => {
    expect(angkaKreditFromFields(fields('50', '3', '5', '24'), 125)).toEqual({ kind: 'ok', perYear: 13.125, hoursFactor: 1, npk: 125 });
  });
  it('a load under 24 JP scales by JM/24, and a decimal comma is read like a point', () => {
    expect(angkaKreditFromFields(fields('50', '3', '5', '18'), 125)).toMatchObject({ kind: 'ok', perYear: 9.844, hoursFactor: 0.75 });
    expect(angkaKreditFromFields(fields('50,5', '3', '5,5', '24'), 100)).toMatchObject({ kind: 'ok', perYear: 10.5 });
  });
  it('refuses PKB and penunjang credits above AKK, text, and hours that are not whole', () => {
    expect(angkaKreditFromFields(fields('10', '8', '5', '24'), 100)).toEqual({ kind: 'invalid', reason: 'credits_exceed_akk' });
    expect(angkaKreditFromFields(fields('lima', '3', '5', '24'), 100)).toEqual({ kind: 'invalid', reason: 'invalid_number' });
    expect(angkaKreditFromFields(fields('50', '3', '5', '18,5'), 100)).toEqual({ kind: 'invalid', reason: 'invalid_number' });
  });
});
