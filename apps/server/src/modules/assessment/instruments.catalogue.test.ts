import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/database.ts';
import { createInstrumentCatalogue } from './instruments.catalogue.ts';
import type { InstrumentRows } from './instruments.models.ts';
import type { InstrumentsRepository } from './instruments.repository.ts';

const ID = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A tiny scored instrument: one domain, one competency of two indicators. */
function rows(): InstrumentRows {
  return {
    instruments: [
      { id: ID(1), code: 'uji', version: 1, title: 'Uji', kind: 'pkg', scoringMethod: 'pkg-2009', source: 's', scale: { levels: [] }, status: 'published', publishedAt: null, tenantId: null, madrasahId: null },
      { id: ID(9), code: 'uji', version: 2, title: 'Uji draf', kind: 'pkg', scoringMethod: 'pkg-2009', source: 's', scale: { levels: [] }, status: 'draft', publishedAt: null, tenantId: null, madrasahId: null },
    ],
    domains: [{ id: ID(2), instrumentId: ID(1), code: 'd', name: 'D', sortOrder: 1 }],
    competencies: [{ id: ID(3), instrumentId: ID(1), domainId: ID(2), number: 1, name: 'K', sortOrder: 1 }],
    indicators: [
      { id: ID(5), instrumentId: ID(1), competencyId: ID(3), number: 2, text: 'kedua', sortOrder: 2, descriptors: {} },
      { id: ID(4), instrumentId: ID(1), competencyId: ID(3), number: 1, text: 'pertama', sortOrder: 1, descriptors: {} },
    ],
    focusTags: [
      { indicatorId: ID(4), focus: 'penanganan-masalah' },
      { indicatorId: ID(4), focus: 'proses-pembelajaran' },
    ],
    focusDimensions: [
      { code: 'penanganan-masalah', name: 'P', description: '', sortOrder: 3 },
      { code: 'proses-pembelajaran', name: 'P', description: '', sortOrder: 1 },
    ],
  };
}

function fakeRepository(load: () => Promise<InstrumentRows>): { repository: InstrumentsRepository; calls: () => number } {
  let calls = 0;
  return {
    repository: {
      loadAll: async () => {
        calls++;
        return load();
      },
    },
    calls: () => calls,
  };
}
const db = {} as Queryable;

describe('instrument catalogue', () => {
  it('reads the reference tables once and answers later calls from memory', async () => {
    const fake = fakeRepository(async () => rows());
    const catalogue = createInstrumentCatalogue({ db, instrumentsRepository: fake.repository });
    const [a, b] = await Promise.all([catalogue.entries(), catalogue.entries()]);
    await catalogue.entries();
    expect(fake.calls()).toBe(1);
    expect(a).toBe(b);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    let fail = true;
    const fake = fakeRepository(async () => {
      if (fail) throw new Error('database down');
      return rows();
    });
    const catalogue = createInstrumentCatalogue({ db, instrumentsRepository: fake.repository });
    await expect(catalogue.entries()).rejects.toThrow('database down');
    fail = false;
    expect(await catalogue.entries()).toHaveLength(1);
    expect(fake.calls()).toBe(2);
  });

  it('serves only published versions, indicators in number order, focus tags in dimension order', async () => {
    const catalogue = createInstrumentCatalogue({ db, instrumentsRepository: fakeRepository(async () => rows()).repository });
    const [entry] = await catalogue.entries();
    expect(entry?.summary).toMatchObject({ code: 'uji', version: 1, competencyCount: 1, indicatorCount: 2 });
    const indicators = entry?.detail.domains[0]?.competencies[0]?.indicators ?? [];
    expect(indicators.map((i) => i.text)).toEqual(['pertama', 'kedua']);
    expect(indicators[0]?.focus).toEqual(['proses-pembelajaran', 'penanganan-masalah']);
    expect(entry?.pkg).toEqual({ competencies: [{ number: 1, indicatorCount: 2 }] });
  });

  it('refuses reference data with an unknown kind instead of serving it', async () => {
    const broken = rows();
    const first = broken.instruments[0];
    if (first) first.kind = 'survey';
    const catalogue = createInstrumentCatalogue({ db, instrumentsRepository: fakeRepository(async () => broken).repository });
    await expect(catalogue.entries()).rejects.toThrow('unknown instrument kind "survey"');
  });
});
