import type { BuilderDomainInput } from '@tumbuh/shared';
import { describe, expect, it } from 'vitest';
import { canBuildInstruments, canReadInstrument } from './instruments.policies.ts';
import { exceedsTotals, instrumentCodeOf, isFrozen, nextVersion, publishProblems, scaleIsValid, slugOf, treeInputOf, treeRowsOf, unknownDescriptorLevels } from './instruments.models.ts';

const levels = (...values: number[]) => ({ levels: values.map((value) => ({ value, label: `L${value}`, description: '' })) });
const indicator = (text: string, descriptors: Record<string, string> = {}) => ({ text, descriptors, focus: [] });

describe('a scale has 2–7 levels, whole values 0–100, distinct and ascending', () => {
  it.each([
    ['four ascending levels', levels(1, 2, 3, 4), true],
    ['two levels starting at 0', levels(0, 1), true],
    ['seven levels', levels(1, 2, 3, 4, 5, 6, 7), true],
    ['one level', levels(1), false],
    ['eight levels', levels(1, 2, 3, 4, 5, 6, 7, 8), false],
    ['descending', levels(3, 2, 1), false],
    ['a repeated value', levels(1, 2, 2), false],
    ['a value above 100', levels(1, 101), false],
    ['a negative value', levels(-1, 1), false],
    ['a fraction', levels(1, 1.5), false],
  ] as const)('%s → %s', (_name, scale, ok) => {
    expect(scaleIsValid(scale)).toBe(ok);
  });
});

describe('descriptors name levels of the scale', () => {
  const tree = (descriptors: Record<string, string>): BuilderDomainInput[] => [{ name: 'R', competencies: [{ name: 'K', indicators: [indicator('I', descriptors)] }] }];
  it('keys that are level values are fine, and descriptors may be partial', () => {
    expect(unknownDescriptorLevels(levels(1, 2, 3, 4), tree({ '1': 'a', '4': 'd' }))).toEqual([]);
  });
  it('a key that is not a level value is named once', () => {
    expect(unknownDescriptorLevels(levels(1, 2, 3), tree({ '0': 'x', '3': 'y' }))).toEqual(['0']);
  });
});

describe('publishing needs a domain, each with a competency, each with an indicator', () => {
  it('an empty tree: no domains', () => {
    expect(publishProblems({ domains: [] })).toEqual([{ kind: 'no_domains' }]);
  });
  it('names each empty domain and competency by position', () => {
    expect(
      publishProblems({
        domains: [{ competencies: [{ indicators: [1] }, { indicators: [] }] }, { competencies: [] }],
      }),
    ).toEqual([
      { kind: 'competency_without_indicators', domain: 1, competency: 2 },
      { kind: 'domain_without_competencies', domain: 2 },
    ]);
  });
  it('a complete tree has no problems (descriptors are optional)', () => {
    expect(publishProblems({ domains: [{ competencies: [{ indicators: [indicator('I')] }] }] })).toEqual([]);
  });
  it('more than 200 indicators across the instrument is too many', () => {
    const many = (n: number): BuilderDomainInput[] => [{ name: 'R', competencies: [{ name: 'K', indicators: Array.from({ length: n }, (_, i) => indicator(`I${i}`)) }] }];
    expect(exceedsTotals(many(200))).toBe(false);
    expect(exceedsTotals(many(201))).toBe(true);
  });
});

describe('versions: a new draft only from a published version, one draft per code, highest + 1', () => {
  it('from v1 published, no draft → v2', () => {
    expect(nextVersion({ version: 1, status: 'published' }, [{ version: 1, status: 'published' }])).toEqual({ ok: true, version: 2 });
  });
  it('from an older published version → after the highest', () => {
    expect(nextVersion({ version: 1, status: 'published' }, [{ version: 1, status: 'published' }, { version: 2, status: 'published' }])).toEqual({ ok: true, version: 3 });
  });
  it('while a draft exists → refused', () => {
    expect(nextVersion({ version: 1, status: 'published' }, [{ version: 1, status: 'published' }, { version: 2, status: 'draft' }])).toEqual({ ok: false, reason: 'draft_exists' });
  });
  it('from a draft → refused', () => {
    expect(nextVersion({ version: 1, status: 'draft' }, [{ version: 1, status: 'draft' }])).toEqual({ ok: false, reason: 'not_published' });
  });
  it('a published version is frozen, a draft is not', () => {
    expect([isFrozen('published'), isFrozen('draft')]).toEqual([true, false]);
  });
});

describe('codes are the title slug plus 8 characters of the id', () => {
  it('slugs Indonesian titles to ASCII', () => {
    expect(slugOf('Supervisi Akademik: Pembelajaran (Guru)')).toBe('supervisi-akademik-pembelajaran-guru');
    expect(slugOf('Supervisi Akademik: Pembelajaran (Guru Mapel)')).toBe('supervisi-akademik-pembelajaran-guru-map');
    expect(slugOf('Évaluasi – ÀÇ')).toBe('evaluasi-ac');
    expect(slugOf('!!!')).toBe('instrumen');
  });
  it('fits the instrument code pattern even for a long title', () => {
    const code = instrumentCodeOf('x'.repeat(300), '0190a000-0000-7000-8000-00000000abcd');
    expect(code).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    expect(code.endsWith('-0000abcd')).toBe(true);
  });
});

describe('a submitted tree becomes numbered rows and back', () => {
  const tree: BuilderDomainInput[] = [
    { name: 'Perencanaan', competencies: [{ name: 'RPP', indicators: [indicator('Tujuan jelas', { '4': 'Sangat jelas' }), indicator('Media sesuai')] }] },
    { name: 'Pelaksanaan', competencies: [{ name: 'Pembukaan', indicators: [{ text: 'Apersepsi', descriptors: {}, focus: ['proses-pembelajaran'] }] }, { name: 'Penutup', indicators: [indicator('Refleksi')] }] },
  ];
  let n = 0;
  const rows = treeRowsOf(tree, () => `id-${++n}`);
  it('competencies are numbered across the instrument, indicators within their competency, positions across', () => {
    expect(rows.domains.map((d) => [d.code, d.sortOrder])).toEqual([
      ['ranah-1', 1],
      ['ranah-2', 2],
    ]);
    expect(rows.competencies.map((c) => [c.name, c.number])).toEqual([
      ['RPP', 1],
      ['Pembukaan', 2],
      ['Penutup', 3],
    ]);
    expect(rows.indicators.map((i) => [i.text, i.number, i.sortOrder])).toEqual([
      ['Tujuan jelas', 1, 1],
      ['Media sesuai', 2, 2],
      ['Apersepsi', 1, 3],
      ['Refleksi', 1, 4],
    ]);
    expect(rows.focusTags).toEqual([{ indicatorId: rows.indicators[2]?.id, focus: 'proses-pembelajaran' }]);
  });
});

describe('who builds and who reads', () => {
  const M = 'm1';
  const grant = (role: 'operator' | 'kepala_madrasah' | 'guru' | 'pengawas', madrasahId: string | null = M) => ({ roles: [{ role, madrasahId }] });
  it.each([
    ['operator of the madrasah', grant('operator'), true],
    ['tenant-wide operator', grant('operator', null), true],
    ['kepala of the madrasah', grant('kepala_madrasah'), true],
    ['kepala of another madrasah', grant('kepala_madrasah', 'm2'), false],
    ['guru', grant('guru'), false],
    ['pengawas', grant('pengawas'), false],
  ] as const)('%s builds: %s', (_name, actor, ok) => {
    expect(canBuildInstruments(actor, M)).toBe(ok);
  });
  it('a guru reads a published version of their madrasah, not a draft, nothing of another madrasah', () => {
    expect(canReadInstrument(grant('guru'), { madrasahId: M, status: 'published' })).toBe(true);
    expect(canReadInstrument(grant('guru'), { madrasahId: M, status: 'draft' })).toBe(false);
    expect(canReadInstrument(grant('guru'), { madrasahId: 'm2', status: 'published' })).toBe(false);
  });
});

describe('treeInputOf gives back what was submitted', () => {
  it('round trip through a detail', () => {
    const detail = {
      domains: [{ id: 'd', code: 'ranah-1', name: 'R', competencies: [{ id: 'c', number: 1, name: 'K', indicators: [{ id: 'i', number: 1, position: 1, text: 'I', focus: ['pengelolaan-kelas' as const], descriptors: { '1': 'a' } }] }] }],
    };
    expect(treeInputOf(detail as never)).toEqual([{ name: 'R', competencies: [{ name: 'K', indicators: [{ text: 'I', descriptors: { '1': 'a' }, focus: ['pengelolaan-kelas'] }] }] }]);
  });
});
