import type { InstrumentSummary } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import {
  addLevel,
  addNode,
  countDraft,
  hasProblemUnder,
  draftFromInstrument,
  draftToRequest,
  groupByCode,
  move,
  moveNode,
  newDraft,
  normaliseDraft,
  publishProblems,
  removeLevel,
  removeNode,
  renameNode,
  sameContent,
  toggleFocus,
  updateIndicator,
  updateLevel,
  validateDraft,
  type BuilderDraft,
} from './instruments.models.ts';

/** A complete draft: 4 levels, one domain, two competencies (2 + 1 indicators). */
function buildDraft(): BuilderDraft {
  let d = newDraft();
  d = { ...d, title: 'Instrumen supervisi', levels: d.levels.map((l, i) => ({ ...l, label: `L${i + 1}` })) };
  d = renameNode(d, [0], 'Pedagogik');
  d = renameNode(d, [0, 0], 'Membuka pelajaran');
  d = addNode(d, [0, 0]);
  d = addNode(d, [0]);
  d = renameNode(d, [0, 1], 'Menutup pelajaran');
  const fill = (path: readonly [number, number, number], text: string) =>
    (d = updateIndicator(d, path, (i) => ({ ...i, text, descriptors: i.descriptors.map((_, k) => `${text} ${k + 1}`) })));
  fill([0, 0, 0], 'Salam');
  fill([0, 0, 1], 'Apersepsi');
  fill([0, 1, 0], 'Rangkuman');
  return d;
}

describe('instrument builder: tree edits', () => {
  it('a new draft has a 4-level scale and one domain with one competency and one indicator', () => {
    const d = newDraft();
    expect(d.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(countDraft(d)).toEqual({ domains: 1, competencies: 1, indicators: 1 });
    expect(d.domains[0]?.competencies[0]?.indicators[0]?.descriptors).toEqual(['', '', '', '']);
  });

  it('adding nodes puts them last under the named parent', () => {
    const d = buildDraft();
    expect(countDraft(d)).toEqual({ domains: 1, competencies: 2, indicators: 3 });
    expect(countDraft(addNode(d, []))).toEqual({ domains: 2, competencies: 3, indicators: 4 });
    expect(addNode(d, [0, 1]).domains[0]?.competencies[1]?.indicators.length).toBe(2);
  });

  it('moving up or down swaps with the neighbour and never leaves the list', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moving an indicator keeps its text, descriptors, tags and key together', () => {
    const d = updateIndicator(buildDraft(), [0, 0, 1], (i) => ({ ...i, focus: ['pengelolaan-kelas'] }));
    const before = d.domains[0]?.competencies[0]?.indicators[1];
    const moved = moveNode(d, [0, 0, 1], -1);
    expect(moved.domains[0]?.competencies[0]?.indicators[0]).toEqual(before);
    expect(moved.domains[0]?.competencies[0]?.indicators.map((i) => i.text)).toEqual(['Apersepsi', 'Salam']);
    // the other competency is untouched
    expect(moved.domains[0]?.competencies[1]).toBe(d.domains[0]?.competencies[1]);
  });

  it('moving a competency carries its indicators', () => {
    const moved = moveNode(buildDraft(), [0, 1], -1);
    expect(moved.domains[0]?.competencies.map((c) => [c.name, c.indicators.length])).toEqual([
      ['Menutup pelajaran', 1],
      ['Membuka pelajaran', 2],
    ]);
  });

  it('removing a node removes everything under it and nothing else', () => {
    const d = buildDraft();
    expect(countDraft(removeNode(d, [0, 0]))).toEqual({ domains: 1, competencies: 1, indicators: 1 });
    expect(countDraft(removeNode(d, [0, 0, 1]))).toEqual({ domains: 1, competencies: 2, indicators: 2 });
    expect(countDraft(removeNode(d, [0]))).toEqual({ domains: 0, competencies: 0, indicators: 0 });
  });

  it('edits never change the draft they were given', () => {
    const d = buildDraft();
    const copy = JSON.stringify(d);
    moveNode(d, [0, 0, 0], 1);
    removeNode(d, [0, 1]);
    addLevel(d);
    removeLevel(d, 0);
    renameNode(d, [0], 'x');
    expect(JSON.stringify(d)).toBe(copy);
  });

  it('focus tags toggle and stay in the canonical order', () => {
    expect(toggleFocus([], 'penanganan-masalah')).toEqual(['penanganan-masalah']);
    expect(toggleFocus(['penanganan-masalah'], 'proses-pembelajaran')).toEqual(['proses-pembelajaran', 'penanganan-masalah']);
    expect(toggleFocus(['proses-pembelajaran', 'penanganan-masalah'], 'proses-pembelajaran')).toEqual(['penanganan-masalah']);
  });
});

describe('instrument builder: the scale keeps descriptors in step', () => {
  it('adding a level adds the next value and an empty descriptor to every indicator', () => {
    const d = addLevel(buildDraft());
    expect(d.levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    for (const c of d.domains[0]?.competencies ?? []) for (const i of c.indicators) expect(i.descriptors).toHaveLength(5);
    expect(d.domains[0]?.competencies[0]?.indicators[0]?.descriptors[4]).toBe('');
  });

  it('removing a level removes that descriptor from every indicator', () => {
    const d = removeLevel(buildDraft(), 1);
    expect(d.levels.map((l) => l.value)).toEqual([1, 3, 4]);
    expect(d.domains[0]?.competencies[0]?.indicators[0]?.descriptors).toEqual(['Salam 1', 'Salam 3', 'Salam 4']);
  });

  it('a scale has between 2 and 7 levels', () => {
    let d = buildDraft();
    for (let k = 0; k < 10; k++) d = addLevel(d);
    expect(d.levels).toHaveLength(7);
    for (let k = 0; k < 10; k++) d = removeLevel(d, 0);
    expect(d.levels).toHaveLength(2);
    expect(d.domains[0]?.competencies[0]?.indicators[0]?.descriptors).toHaveLength(2);
  });
});

describe('instrument builder: validation mirrors the server', () => {
  it('a complete draft has no problems', () => {
    expect(validateDraft(buildDraft())).toEqual({});
  });

  it('names each empty required field by its request path; descriptors may stay empty', () => {
    let d = buildDraft();
    d = { ...d, title: '  ' };
    d = updateIndicator(d, [0, 1, 0], (i) => ({ ...i, text: '', descriptors: ['a', '', 'c', 'd'] }));
    d = updateLevel(d, 2, { label: '' });
    d = renameNode(d, [0, 0], '');
    expect(validateDraft(d)).toEqual({
      title: 'required',
      'scale.levels.2.label': 'required',
      'domains.0.competencies.0.name': 'required',
      'domains.0.competencies.1.indicators.0.text': 'required',
    });
  });

  it('a descriptor is named by the value of its level, as the server keys it', () => {
    let d = updateLevel(buildDraft(), 3, { value: 10 });
    d = updateIndicator(d, [0, 0, 0], (i) => ({ ...i, descriptors: ['a', 'b', 'c', 'x'.repeat(1001)] }));
    expect(validateDraft(d)).toEqual({ 'domains.0.competencies.0.indicators.0.descriptors.10': 'tooLong' });
  });

  it('level values must rise from the lowest level', () => {
    const d = updateLevel(buildDraft(), 2, { value: 2 });
    expect(validateDraft(d)).toEqual({ 'scale.levels.2.value': 'levelOrder' });
    expect(validateDraft(updateLevel(buildDraft(), 0, { value: -1 }))).toEqual({ 'scale.levels.0.value': 'levelRange' });
  });

  it('an empty tree, domain or competency may be saved but not published', () => {
    expect(validateDraft({ ...buildDraft(), domains: [] })).toEqual({});
    expect(publishProblems(buildDraft())).toEqual([]);
    expect(publishProblems({ ...buildDraft(), domains: [] })).toEqual([{ kind: 'no_domains' }]);
    expect(publishProblems(removeNode(addNode(buildDraft(), []), [0, 1, 0]))).toEqual([{ kind: 'competency_without_indicators', domain: 1, competency: 2 }]);
    expect(publishProblems({ ...buildDraft(), domains: [{ key: 'd', name: 'D', competencies: [] }] })).toEqual([{ kind: 'domain_without_competencies', domain: 1 }]);
  });

  it('finds the problems hidden in a collapsed section', () => {
    const problems = { 'domains.0.competencies.1.indicators.0.text': 'required' };
    expect(hasProblemUnder(problems, 'domains.0')).toBe(true);
    expect(hasProblemUnder(problems, 'domains.0.competencies.1')).toBe(true);
    expect(hasProblemUnder(problems, 'domains.0.competencies.0')).toBe(false);
    expect(hasProblemUnder(problems, 'domains.1')).toBe(false);
  });
});

describe('instrument builder: a draft restored from the device', () => {
  it('comes back as it was saved', () => {
    const d = buildDraft();
    expect(normaliseDraft(JSON.parse(JSON.stringify(d)))).toEqual(d);
  });

  it('is repaired: descriptors fitted to the levels, unknown tags and fields dropped', () => {
    const raw = {
      title: 'x',
      kind: 'observation',
      levels: [{ value: 1, label: 'a', description: '' }, { value: 2, label: 'b' }],
      domains: [{ key: 'd1', name: 'D', extra: 1, competencies: [{ key: 'c1', name: 'C', indicators: [{ key: 'i1', text: 'I', descriptors: ['p', 'q', 'r'], focus: ['pengelolaan-kelas', 'nope'] }, 'junk'] }] }],
    };
    expect(normaliseDraft(raw)).toEqual({
      title: 'x',
      source: '',
      levels: [
        { value: 1, label: 'a', description: '' },
        { value: 2, label: 'b', description: '' },
      ],
      domains: [{ key: 'd1', name: 'D', competencies: [{ key: 'c1', name: 'C', indicators: [{ key: 'i1', text: 'I', descriptors: ['p', 'q'], focus: ['pengelolaan-kelas'] }] }] }],
    });
  });

  it('is refused when it is not a draft', () => {
    expect(normaliseDraft(null)).toBeNull();
    expect(normaliseDraft({ title: 'x' })).toBeNull();
    expect(normaliseDraft([1, 2])).toBeNull();
  });
});

describe('instrument builder: to and from the API', () => {
  it('the request carries the whole tree in order, descriptors keyed by level value, empty ones left out', () => {
    let d = updateIndicator(buildDraft(), [0, 0, 0], (i) => ({ ...i, descriptors: ['Tidak', '', ' Kadang ', 'Selalu'], focus: ['pengelolaan-kelas'] }));
    d = { ...d, source: '  ' };
    const body = draftToRequest(d);
    expect(body.title).toBe('Instrumen supervisi');
    expect(body.source).toBeNull();
    expect(body.scale.levels.map((l) => [l.value, l.label])).toEqual([
      [1, 'L1'],
      [2, 'L2'],
      [3, 'L3'],
      [4, 'L4'],
    ]);
    expect(body.domains[0]?.competencies.map((c) => c.indicators.map((i) => i.text))).toEqual([['Salam', 'Apersepsi'], ['Rangkuman']]);
    expect(body.domains[0]?.competencies[0]?.indicators[0]).toEqual({ text: 'Salam', descriptors: { '1': 'Tidak', '3': 'Kadang', '4': 'Selalu' }, focus: ['pengelolaan-kelas'] });
  });

  it('a stored version comes back into the form as it was sent', () => {
    const d = buildDraft();
    const body = draftToRequest(d);
    let position = 0;
    const stored = {
      title: body.title,
      source: '',
      scale: { levels: body.scale.levels.map((l) => ({ value: l.value, label: l.label, description: l.description ?? '' })) },
      domains: body.domains.map((dom, di) => ({
        id: `d${di}`,
        code: `d${di}`,
        name: dom.name,
        competencies: dom.competencies.map((c, ci) => ({
          id: `c${ci}`,
          number: ci + 1,
          name: c.name,
          indicators: c.indicators.map((i, ii) => ({ id: `i${ci}${ii}`, number: ii + 1, position: ++position, text: i.text, focus: i.focus ?? [], descriptors: i.descriptors ?? {} })),
        })),
      })),
    };
    const back = draftFromInstrument(stored);
    expect(sameContent(back, d)).toBe(true);
    expect(back.domains[0]?.competencies[0]?.indicators[0]?.descriptors).toEqual(['Salam 1', 'Salam 2', 'Salam 3', 'Salam 4']);
    expect(sameContent(back, renameNode(d, [0], 'Lain'))).toBe(false);
  });
});

describe('instrument list: one row per code', () => {
  const summary = (code: string, version: number, title: string, status: 'draft' | 'published'): InstrumentSummary => ({
    id: `${code}-${version}`,
    code,
    version,
    title,
    kind: 'observation',
    scoringMethod: 'none',
    status,
    owner: 'madrasah',
    madrasahId: null,
    domainCount: 1,
    competencyCount: 1,
    indicatorCount: 1,
  });

  it('groups the versions of a code, newest first, and sorts the rows by the newest title', () => {
    const groups = groupByCode([summary('b', 1, 'Supervisi', 'published'), summary('a', 1, 'Angket', 'published'), summary('b', 2, 'Supervisi kelas', 'draft')]);
    expect(groups.map((g) => [g.code, g.newest.title, g.versions.map((v) => `${v.version}:${v.status}`)])).toEqual([
      ['a', 'Angket', ['1:published']],
      ['b', 'Supervisi kelas', ['2:draft', '1:published']],
    ]);
  });
});
