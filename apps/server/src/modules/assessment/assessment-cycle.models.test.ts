import type { InstrumentDetail, RoleGrant } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeProblem,
  assessmentReadScope,
  canManagePeriods,
  canReadAssessment,
  categoryDistribution,
  decideRater,
  editProblem,
  finaliseProblem,
  indexInstrument,
  levelSummary,
  orderRatings,
  periodDatesProblem,
  ratingProblems,
  scoreAssessment,
  type PeerCandidate,
} from './assessment-cycle.models.ts';
import { scorePkg } from './pkg-scoring.models.ts';

const M = 'madrasah-1';
const OTHER = 'madrasah-2';
const who = (roles: RoleGrant[], extra: { userId?: string; teacherId?: string | null } = {}) => ({ roles, userId: extra.userId ?? 'u-actor', teacherId: extra.teacherId ?? null });
const kepala = who([{ role: 'kepala_madrasah', madrasahId: M }], { userId: 'u-kepala' });
const pengawas = who([{ role: 'pengawas', madrasahId: M }], { userId: 'u-pengawas' });
const operator = who([{ role: 'operator', madrasahId: null }], { userId: 'u-operator' });
const guru = who([{ role: 'guru', madrasahId: M }], { userId: 'u-guru', teacherId: 't-guru' });
const colleague = who([{ role: 'guru', madrasahId: M }], { userId: 'u-colleague', teacherId: 't-colleague' });
const teacher = { id: 't-guru', madrasahId: M };
const peer = (over: Partial<PeerCandidate> = {}): PeerCandidate => ({ userId: 'u-colleague', active: true, teacherId: 't-colleague', teacherMadrasahId: M, isGuru: true, ...over });

describe('period dates follow the academic year (July to June)', () => {
  it.each([
    ['2026/2027', '2026-07-13', '2026-08-31', null],
    ['2026/2027', '2026-07-01', '2027-06-30', null],
    ['2026/2028', '2026-07-13', '2026-08-31', 'academic_year'],
    ['2026-2027', '2026-07-13', '2026-08-31', 'academic_year'],
    ['2026/2027', '2026-09-01', '2026-08-31', 'order'],
    ['2026/2027', '2026-06-30', '2026-08-31', 'outside_year'],
    ['2026/2027', '2027-05-01', '2027-07-01', 'outside_year'],
  ])('%s from %s to %s → %s', (year, start, end, expected) => {
    expect(periodDatesProblem(year, start, end)).toBe(expected);
  });
  it('kepala and operator manage periods; pengawas and guru do not', () => {
    expect([kepala, operator, pengawas, guru].map((a) => canManagePeriods(a, M))).toEqual([true, true, false, false]);
    expect(canManagePeriods(kepala, OTHER)).toBe(false);
  });
});

describe('who may rate', () => {
  it.each([
    ['the kepala of the madrasah rates as kepala', kepala, 'kepala', undefined, undefined, { ok: true, raterUserId: 'u-kepala' }],
    ['a kepala of another madrasah may not', who([{ role: 'kepala_madrasah', madrasahId: OTHER }]), 'kepala', undefined, undefined, { ok: false, reason: 'rater_not_allowed' }],
    ['a guru may not rate as kepala', guru, 'kepala', undefined, undefined, { ok: false, reason: 'rater_not_allowed' }],
    ['the kepala may not rate as kepala in someone else’s name', kepala, 'kepala', 'u-other', undefined, { ok: false, reason: 'rater_not_allowed' }],
    ['the assigned pengawas rates as pengawas', pengawas, 'pengawas', undefined, undefined, { ok: true, raterUserId: 'u-pengawas' }],
    ['a pengawas of another madrasah may not', who([{ role: 'pengawas', madrasahId: OTHER }]), 'pengawas', undefined, undefined, { ok: false, reason: 'rater_not_allowed' }],
    ['the teacher rates themself (self)', guru, 'self', undefined, undefined, { ok: true, raterUserId: 'u-guru' }],
    ['a colleague may not open a self assessment for the teacher', colleague, 'self', undefined, undefined, { ok: false, reason: 'rater_not_allowed' }],
    ['the kepala names a guru of the madrasah as peer', kepala, 'peer', 'u-colleague', peer(), { ok: true, raterUserId: 'u-colleague' }],
    ['a guru may not assign peers', guru, 'peer', 'u-colleague', peer(), { ok: false, reason: 'rater_not_allowed' }],
    ['a peer without a rater account is refused', kepala, 'peer', undefined, undefined, { ok: false, reason: 'invalid_peer_rater' }],
    ['a peer of another madrasah is refused', kepala, 'peer', 'u-colleague', peer({ teacherMadrasahId: OTHER }), { ok: false, reason: 'invalid_peer_rater' }],
    ['a peer account without the guru role is refused', kepala, 'peer', 'u-colleague', peer({ isGuru: false }), { ok: false, reason: 'invalid_peer_rater' }],
    ['a disabled peer account is refused', kepala, 'peer', 'u-colleague', peer({ active: false }), { ok: false, reason: 'invalid_peer_rater' }],
    ['the teacher cannot be their own peer', kepala, 'peer', 'u-colleague', peer({ teacherId: 't-guru' }), { ok: false, reason: 'invalid_peer_rater' }],
    ['an account not linked to a teacher is refused as peer', kepala, 'peer', 'u-colleague', peer({ teacherId: null, teacherMadrasahId: null }), { ok: false, reason: 'invalid_peer_rater' }],
  ] as const)('%s', (_name, actor, kind, raterUserId, candidate, expected) => {
    expect(decideRater(actor, kind, teacher, raterUserId, candidate)).toEqual(expected);
  });
});

describe('who reads an assessment: a guru never sees other teachers’ scores', () => {
  const base = { madrasahId: M, teacherId: 't-guru', raterUserId: 'u-kepala', raterKind: 'kepala' as const };
  it.each([
    ['the rater, in draft', kepala, 'draft', true],
    ['the kepala of the madrasah', who([{ role: 'kepala_madrasah', madrasahId: M }], { userId: 'u-new-kepala' }), 'draft', true],
    ['the assigned pengawas', pengawas, 'final', true],
    ['a pengawas of another madrasah', who([{ role: 'pengawas', madrasahId: OTHER }]), 'final', false],
    ['the teacher, once final', guru, 'final', true],
    ['the teacher, while a draft', guru, 'draft', false],
    ['a colleague, even when final', colleague, 'final', false],
    ['the operator (manages periods, not scores)', operator, 'final', false],
  ] as const)('%s → %s', (_name, actor, status, expected) => {
    expect(canReadAssessment(actor, { ...base, status })).toBe(expected);
  });
  it('the teacher sees their own self assessment while a draft; the peer rater sees what they rate', () => {
    expect(canReadAssessment(guru, { ...base, raterUserId: 'u-guru', raterKind: 'self', status: 'draft' })).toBe(true);
    expect(canReadAssessment(colleague, { ...base, raterUserId: 'u-colleague', raterKind: 'peer', status: 'draft' })).toBe(true);
  });
  it('the list scope: kepala and pengawas by madrasah, everyone else only by user and teacher', () => {
    expect(assessmentReadScope(kepala)).toEqual({ leadMadrasahIds: [M], userId: 'u-kepala', teacherId: null });
    expect(assessmentReadScope(guru)).toEqual({ leadMadrasahIds: [], userId: 'u-guru', teacherId: 't-guru' });
    expect(assessmentReadScope(who([{ role: 'pengawas', madrasahId: null }])).leadMadrasahIds).toBe('all');
  });
});

describe('ratings only in draft; final is immutable; finalise needs every indicator', () => {
  it.each([
    ['draft', 'open', null],
    ['final', 'open', 'frozen'],
    ['final', 'closed', 'frozen'],
    ['draft', 'closed', 'period_closed'],
  ] as const)('a %s assessment in an %s period → %s', (status, period, expected) => {
    expect(editProblem({ status }, period)).toBe(expected);
  });
  it.each([
    ['draft', 78, 78, null],
    ['draft', 77, 78, 'incomplete'],
    ['draft', 0, 78, 'incomplete'],
    ['final', 78, 78, 'frozen'],
  ] as const)('finalise a %s with %i of %i rated → %s', (status, rated, total, expected) => {
    expect(finaliseProblem({ status }, 'open', rated, total)).toBe(expected);
  });
});

describe('the teacher acknowledges only their own final assessment, once', () => {
  const final = { teacherId: 't-guru', status: 'final' as const, acknowledgedAt: null };
  it.each([
    ['own, final', guru, final, null],
    ['a colleague’s', colleague, final, 'not_own'],
    ['the kepala (not the teacher)', kepala, final, 'not_own'],
    ['own, still a draft', guru, { ...final, status: 'draft' as const }, 'not_final'],
    ['own, already acknowledged', guru, { ...final, acknowledgedAt: new Date('2026-08-01T00:00:00Z') }, 'already_acknowledged'],
  ] as const)('%s → %s', (_name, actor, a, expected) => {
    expect(acknowledgeProblem(actor, a)).toBe(expected);
  });
});

/** A tiny PKG-scored instrument: competency 1 with 2 indicators, competency 2 with 1. */
function tinyInstrument(scoringMethod: 'pkg-2009' | 'none' = 'pkg-2009'): InstrumentDetail {
  const indicator = (id: string, number: number, position: number) => ({ id, number, position, text: id, focus: [], descriptors: {} });
  return {
    id: 'i', code: 'uji', version: 3, title: 'Uji', kind: 'pkg', scoringMethod, status: 'published', owner: 'official', madrasahId: null, domainCount: 1, competencyCount: 2, indicatorCount: 3,
    source: 's', publishedAt: null,
    scale: { levels: [0, 1, 2].map((value) => ({ value, label: String(value), description: '' })) },
    domains: [{ id: 'd', code: 'd', name: 'd', competencies: [
      { id: 'c1', number: 1, name: 'c1', indicators: [indicator('a', 1, 1), indicator('b', 2, 2)] },
      { id: 'c2', number: 2, name: 'c2', indicators: [indicator('c', 1, 3)] },
    ] }],
    focusDimensions: [],
  };
}

describe('ratings belong to the assessment’s instrument version and are 0, 1 or 2', () => {
  const index = indexInstrument(tinyInstrument());
  if (!index) throw new Error('tiny instrument not indexed');
  it('an instrument not scored as PKG is not rated in this cycle unless it is a madrasah’s own (anyScale)', () => {
    expect(indexInstrument(tinyInstrument('none'))).toBeUndefined();
    expect(indexInstrument(tinyInstrument('none'), { anyScale: true })?.scored).toBe(false);
    expect(index.scored).toBe(true);
  });
  it.each([
    ['known indicators with 0/1/2', [{ indicatorId: 'a', score: 0 }, { indicatorId: 'c', score: 2 }], []],
    ['an indicator of another version', [{ indicatorId: 'zzz', score: 1 }], [{ kind: 'unknown_indicator', indicatorId: 'zzz' }]],
    ['a score of 3', [{ indicatorId: 'a', score: 3 }], [{ kind: 'invalid_score', indicatorId: 'a', score: 3 }]],
    ['a score of −1', [{ indicatorId: 'b', score: -1 }], [{ kind: 'invalid_score', indicatorId: 'b', score: -1 }]],
    ['the same indicator twice', [{ indicatorId: 'a', score: 1 }, { indicatorId: 'a', score: 2 }], [{ kind: 'duplicate_indicator', indicatorId: 'a' }]],
  ])('%s', (_name, entries, expected) => {
    expect(ratingProblems(index, entries)).toEqual(expected);
  });
  it('orders stored ratings by the instrument and drops strangers', () => {
    expect(orderRatings(index, [{ indicatorId: 'c' }, { indicatorId: 'x' }, { indicatorId: 'a' }]).map((r) => r.indicatorId)).toEqual(['a', 'c']);
  });
  it('the score is null until every indicator is rated, then equals the pure PKG module', () => {
    expect(scoreAssessment(index, [{ indicatorId: 'a', score: 2 }, { indicatorId: 'b', score: 1 }], 'round-half-up')).toBeNull();
    const full = scoreAssessment(index, [{ indicatorId: 'c', score: 0 }, { indicatorId: 'b', score: 1 }, { indicatorId: 'a', score: 2 }], 'round-half-up');
    expect(full).toEqual(scorePkg(index.pkg, [[2, 1], [0]], 'round-half-up'));
    expect(full).toMatchObject({ total: 4, maxTotal: 8, nilai: 50, category: 'Kurang' });
  });
});

describe('a madrasah instrument: ratings on its own scale, no PKG score, a level summary per competency', () => {
  const detail = { ...tinyInstrument('none'), scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `L${value}`, description: '' })) } };
  const index = indexInstrument(detail, { anyScale: true });
  if (!index) throw new Error('madrasah instrument not indexed');
  it.each([
    ['its levels 1 and 4', [{ indicatorId: 'a', score: 1 }, { indicatorId: 'c', score: 4 }], []],
    ['PKG’s 0 is not a level of this scale', [{ indicatorId: 'a', score: 0 }], [{ kind: 'invalid_score', indicatorId: 'a', score: 0 }]],
    ['5 is above its scale', [{ indicatorId: 'b', score: 5 }], [{ kind: 'invalid_score', indicatorId: 'b', score: 5 }]],
  ])('%s', (_name, entries, expected) => {
    expect(ratingProblems(index, entries)).toEqual(expected);
  });
  it('has no PKG score even when every indicator is rated', () => {
    expect(scoreAssessment(index, [{ indicatorId: 'a', score: 4 }, { indicatorId: 'b', score: 3 }, { indicatorId: 'c', score: 1 }], 'round-half-up')).toBeNull();
  });
  it('averages the rated levels per competency (2 decimals, half up) and counts every level', () => {
    const summary = levelSummary(detail, [{ indicatorId: 'a', score: 4 }, { indicatorId: 'b', score: 1 }, { indicatorId: 'zzz', score: 4 }]);
    expect(summary.map((c) => [c.competencyId, c.rated, c.average, c.counts.map((n) => n.count)])).toEqual([
      ['c1', 2, 2.5, [1, 0, 0, 1]],
      ['c2', 0, null, [0, 0, 0, 0]],
    ]);
  });
  it('rounds a repeating average half up to 2 decimals', () => {
    const three = { ...detail, domains: [{ id: 'd', code: 'd', name: 'd', competencies: [{ id: 'k', number: 1, name: 'k', indicators: ['x', 'y', 'z'].map((id, n) => ({ id, number: n + 1, position: n + 1, text: id, focus: [], descriptors: {} })) }] }] };
    expect(levelSummary(three, [{ indicatorId: 'x', score: 1 }, { indicatorId: 'y', score: 1 }, { indicatorId: 'z', score: 2 }])[0]?.average).toBe(1.33);
    expect(levelSummary(three, [{ indicatorId: 'x', score: 2 }, { indicatorId: 'y', score: 2 }, { indicatorId: 'z', score: 1 }])[0]?.average).toBe(1.67);
  });
});

describe('the category distribution of a period (tingkat kinerja guru)', () => {
  it('counts every category, best first, with percents and the mean Nilai PKG (100)', () => {
    expect(categoryDistribution([{ category: 'Baik', nilai: 80.36 }, { category: 'Baik', nilai: 89.29 }, { category: 'Amat baik', nilai: 98.21 }])).toEqual({
      assessed: 3,
      meanNilai: 89.29,
      distribution: [
        { category: 'Amat baik', count: 1, percent: 33.33 },
        { category: 'Baik', count: 2, percent: 66.67 },
        { category: 'Cukup', count: 0, percent: 0 },
        { category: 'Sedang', count: 0, percent: 0 },
        { category: 'Kurang', count: 0, percent: 0 },
      ],
    });
  });
  it('an empty period has no mean and zero everywhere', () => {
    const empty = categoryDistribution([]);
    expect(empty.assessed).toBe(0);
    expect(empty.meanNilai).toBeNull();
    expect(empty.distribution.every((d) => d.count === 0 && d.percent === 0)).toBe(true);
  });
});
