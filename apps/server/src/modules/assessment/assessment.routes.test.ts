import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, login, type Session, type TestContext } from '../../../test/helpers.ts';
import { withTenant } from '../../db/database.ts';

const PKG_COUNTS = [6, 6, 4, 11, 7, 6, 5, 5, 5, 8, 3, 3, 3, 6];
const SCORE_URL = '/api/v1/instruments/pkg-2009-guru-mapel/score';

/** Every competency rated with one value, e.g. all 2. */
function uniform(value: number): Record<string, number[]> {
  return Object.fromEntries(PKG_COUNTS.map((n, i) => [String(i + 1), Array.from({ length: n }, () => value)]));
}

/** Competency values 4 × 6, 2 × 2 and 1 × 6 → total 34 of 56 = 60.71 (the gap between Sedang and Cukup). */
function total34(): Record<string, number[]> {
  const ratings = uniform(0);
  for (const c of [1, 2, 3, 4, 5, 6]) ratings[String(c)] = Array.from({ length: PKG_COUNTS[c - 1] ?? 0 }, () => 2);
  ratings['7'] = [2, 2, 1, 0, 0]; // 5/10 = 50 % → 2
  ratings['8'] = [2, 2, 1, 0, 0]; // → 2
  return ratings;
}

let ctx: TestContext;
let guru: Session;
let kepala: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
});
afterAll(async () => {
  await ctx.close();
});

describe('instruments need a signed-in user', () => {
  it.each([
    ['GET', '/api/v1/instruments'],
    ['GET', '/api/v1/instruments/pkg-2009-guru-mapel'],
    ['POST', SCORE_URL],
  ] as const)('%s %s without a session answers 401', async (method, url) => {
    const res = await ctx.app.inject({ method, url, ...(method === 'POST' ? { payload: { ratings: uniform(2) } } : {}) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.unauthenticated');
  });
});

describe('OpenAPI', () => {
  it('documents the instrument endpoints from the shared schemas', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/instruments', '/api/v1/instruments/{code}', '/api/v1/instruments/{code}/score']));
    expect(Object.keys(doc.paths['/api/v1/instruments/{code}/score'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '404', '422']));
  });

  it('without a session the 401 follows Accept-Language', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/instruments', headers: { 'accept-language': 'en' } });
    expect(res.json().error.message).toBe('Please sign in first.');
  });
});

describe('official instruments as reference data', () => {
  it('lists both seeded official instruments with their counts', async () => {
    const res = await guru.request('GET', '/api/v1/instruments?owner=official');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items).toEqual([
      expect.objectContaining({ code: 'pkg-2009-guru-mapel', version: 1, kind: 'pkg', scoringMethod: 'pkg-2009', status: 'published', owner: 'official', madrasahId: null, domainCount: 4, competencyCount: 14, indicatorCount: 78 }),
      expect.objectContaining({ code: 'pmm-2024-observasi', version: 1, kind: 'observation', scoringMethod: 'none', status: 'published', domainCount: 1, competencyCount: 3, indicatorCount: 8 }),
    ]);
  });

  it('PKG has 14 competencies in 4 domains (pedagogik 7/45, kepribadian 3/18, sosial 2/6, profesional 2/9)', async () => {
    const res = await guru.request('GET', '/api/v1/instruments/pkg-2009-guru-mapel');
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    type Competency = { number: number; name: string; indicators: { number: number; position: number; text: string; focus: string[] }[] };
    const domains: { code: string; competencies: Competency[] }[] = detail.domains;
    expect(domains.map((d) => [d.code, d.competencies.length, d.competencies.reduce((n, c) => n + c.indicators.length, 0)])).toEqual([
      ['pedagogik', 7, 45],
      ['kepribadian', 3, 18],
      ['sosial', 2, 6],
      ['profesional', 2, 9],
    ]);
    const competencies = domains.flatMap((d) => d.competencies);
    expect(competencies.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(competencies.map((c) => c.indicators.length)).toEqual(PKG_COUNTS);
    expect(competencies.flatMap((c) => c.indicators.map((i) => i.position))).toEqual(Array.from({ length: 78 }, (_, i) => i + 1));
    expect(competencies.every((c) => c.indicators.every((i, k) => i.number === k + 1 && /^(Guru|Jika guru) .{20,}\.$/.test(i.text)))).toBe(true);
    expect(competencies[0]?.name).toBe('Mengenal karakteristik peserta didik');
    const k1 = competencies[0]?.indicators[3];
    expect(k1?.text).toBe('Guru mencoba mengetahui penyebab penyimpangan perilaku peserta didik untuk mencegah agar perilaku tersebut tidak merugikan peserta didik lainnya.');
    expect(k1?.focus).toEqual(['penanganan-masalah']);
    const k4 = competencies[3]?.indicators[6];
    expect(k4?.text).toBe('Guru mengelola kelas dengan efektif tanpa mendominasi atau sibuk dengan kegiatannya sendiri agar semua waktu peserta dapat termanfaatkan secara produktif.');
    expect(k4?.focus).toEqual(['pengelolaan-kelas']);
    expect(competencies[13]?.indicators[5]?.text).toBe('Guru dapat memanfaatkan TIK dalam berkomunikasi dan pelaksanaan PKB.');
    expect(detail.scale.levels).toEqual([
      expect.objectContaining({ value: 0, label: 'Tidak ada bukti (tidak terpenuhi)' }),
      expect.objectContaining({ value: 1, label: 'Terpenuhi sebagian' }),
      expect.objectContaining({ value: 2, label: 'Seluruhnya terpenuhi' }),
    ]);
    expect(detail.source).toContain('16 Tahun 2009');
    expect(detail.focusDimensions.map((d: { code: string }) => d.code)).toEqual(['proses-pembelajaran', 'pengelolaan-kelas', 'penanganan-masalah']);
  });

  it('PMM observation has the 8 sub-indikator of D.1 in 3 components, rated on 3 levels, grouping marked unverified', async () => {
    const res = await guru.request('GET', '/api/v1/instruments/pmm-2024-observasi');
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    const components: { name: string; indicators: { text: string; position: number }[] }[] = detail.domains[0].competencies;
    expect(components.map((c) => c.name)).toEqual(['Manajemen kelas', 'Dukungan psikologis', 'Metode pembelajaran']);
    const subs = components.flatMap((c) => c.indicators).sort((a, b) => a.position - b.position);
    expect(subs.map((s) => s.text)).toEqual([
      'Keteraturan suasana kelas',
      'Penerapan disiplin positif',
      'Umpan balik konstruktif',
      'Perhatian dan kepedulian',
      'Ekspektasi pada peserta didik',
      'Aktivitas interaktif',
      'Instruksi yang adaptif',
      'Instruksi pembelajaran',
    ]);
    expect(detail.scale.levels.map((l: { label: string }) => l.label)).toEqual(['Belum dilakukan', 'Dilakukan tapi belum efektif', 'Dilakukan dan efektif']);
    expect(detail.source).toContain('BELUM TERVERIFIKASI');
  });

  it('every focus tag in the database is the one written, with its reason, in docs/assessment-focus-mapping.md', async () => {
    const doc = await readFile(new URL('../../../../../docs/assessment-focus-mapping.md', import.meta.url), 'utf8');
    const documented = new Map<string, string[]>();
    for (const line of doc.split('\n')) {
      const pkg = /^\| K(\d+\.\d+) \|[^|]*\|([^|]*)\| *([^|]*?) *\|$/.exec(line);
      if (pkg?.[1] && pkg[2] !== undefined) {
        expect(pkg[3], `reason for K${pkg[1]}`).not.toBe('');
        documented.set(`pkg-2009-guru-mapel ${pkg[1]}`, [...pkg[2].matchAll(/`([a-z-]+)`/g)].map((m) => m[1] ?? ''));
      }
      const pmm = /^\| (\d) \|[^|]*\|[^|]*\|([^|]*)\| *([^|]*?) *\|$/.exec(line);
      if (pmm?.[1] && pmm[2] !== undefined) {
        expect(pmm[3], `reason for PMM ${pmm[1]}`).not.toBe('');
        documented.set(`pmm-2024-observasi ${pmm[1]}`, [...pmm[2].matchAll(/`([a-z-]+)`/g)].map((m) => m[1] ?? ''));
      }
    }
    const stored = new Map<string, string[]>();
    for (const code of ['pkg-2009-guru-mapel', 'pmm-2024-observasi']) {
      const detail = (await guru.request('GET', `/api/v1/instruments/${code}`)).json();
      for (const domain of detail.domains) {
        for (const c of domain.competencies) {
          for (const i of c.indicators) stored.set(code === 'pkg-2009-guru-mapel' ? `${code} ${c.number}.${i.number}` : `${code} ${i.position}`, i.focus);
        }
      }
    }
    expect(stored.size).toBe(86);
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(stored));
  });

  it.each([
    ['an unknown code', '/api/v1/instruments/pkg-2013-bk'],
    ['an unknown version', '/api/v1/instruments/pkg-2009-guru-mapel?version=2'],
  ])('%s answers 404 assessment.instrument_not_found', async (_name, url) => {
    const res = await guru.request('GET', url);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('assessment.instrument_not_found');
  });

  it('a code that is not a slug is refused as invalid input', async () => {
    const res = await guru.request('GET', '/api/v1/instruments/PKG%20X');
    expect(res.statusCode).toBe(400);
  });

  it('requests can read the official rows but not change them, even through a tenant transaction', async () => {
    const tenantId = guru.me.tenant.id;
    const count = await withTenant(ctx.db.db, tenantId, async (tx) => tx.execute(sql`select count(*)::int as n from instrument_indicators where tenant_id is null`));
    expect(count.rows[0]).toEqual({ n: 86 });
    // Madrasah instruments share these tables (row-level security: official rows are read-only), so an
    // update or delete of official rows reaches no row, and inserting an official row is refused.
    for (const statement of [
      sql`update instrument_indicators set text = 'diubah' where tenant_id is null`,
      sql`delete from instrument_indicator_focus where tenant_id is null`,
      sql`update instruments set status = 'draft' where tenant_id is null`,
      sql`delete from instrument_domains where tenant_id is null`,
    ]) {
      const result = await withTenant(ctx.db.db, tenantId, async (tx) => tx.execute(statement));
      expect(result.rowCount).toBe(0);
    }
    for (const statement of [
      sql`insert into focus_dimensions (code, name, description, sort_order) values ('x', 'x', 'x', 9)`,
      sql`insert into instruments (id, code, version, title, kind, scoring_method, source, scale, status) values (gen_random_uuid(), 'palsu', 1, 'Palsu', 'observation', 'none', '', '{}', 'draft')`,
      sql`truncate instrument_indicator_focus`,
    ]) {
      await expect(withTenant(ctx.db.db, tenantId, async (tx) => tx.execute(statement))).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    }
    const after = await ctx.db.db.execute(sql`select count(*)::int as n from instrument_indicators where tenant_id is null and text <> 'diubah'`);
    expect(after.rows[0]).toEqual({ n: 86 });
  });
});

describe('PKG calculator', () => {
  it('scores a full set and answers the documented shape (default rule round-half-up)', async () => {
    const ratings = uniform(2);
    ratings['1'] = [1, 2, 2, 0, 0, 2];
    const res = await guru.request('POST', SCORE_URL, { ratings });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['competencies', 'total', 'maxTotal', 'nilai', 'category', 'creditPercent', 'rule', 'instrument']);
    expect(body.competencies[0]).toEqual({ number: 1, score: 7, max: 12, percent: 58.33, value: 3 });
    expect(body.competencies[1]).toEqual({ number: 2, score: 12, max: 12, percent: 100, value: 4 });
    expect(body).toMatchObject({ total: 55, maxTotal: 56, nilai: 98.21, category: 'Amat baik', creditPercent: 125, rule: 'round-half-up', instrument: { code: 'pkg-2009-guru-mapel', version: 1 } });
  });

  it('the rule is applied and reported: 34 of 56 = 60.71 is Cukup rounded half-up, Sedang with floor or exact', async () => {
    const halfUp = (await guru.request('POST', SCORE_URL, { ratings: total34() })).json();
    expect(halfUp).toMatchObject({ total: 34, nilai: 60.71, category: 'Cukup', creditPercent: 75, rule: 'round-half-up' });
    for (const rule of ['floor', 'exact']) {
      const res = await guru.request('POST', SCORE_URL, { ratings: total34(), rule });
      expect(res.json()).toMatchObject({ total: 34, category: 'Sedang', creditPercent: 50, rule });
    }
  });

  it('with rank data it computes the annual angka kredit: III/a Amat baik → 13.125', async () => {
    const res = await kepala.request('POST', SCORE_URL, { ratings: uniform(2), rank: { akk: 50, akpkb: 3, akp: 5, teachingHours: 24 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().angkaKredit).toEqual({ perYear: 13.125, hoursFactor: 1, npk: 125 });
  });

  it('rank data whose credits exceed AKK is refused with 422 assessment.invalid_rank_data', async () => {
    const res = await kepala.request('POST', SCORE_URL, { ratings: uniform(2), rank: { akk: 5, akpkb: 3, akp: 5, teachingHours: 24 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('assessment.invalid_rank_data');
  });

  it.each([
    [
      'a missing competency',
      () => {
        const { 3: _dropped, ...rest } = uniform(1);
        return rest;
      },
      'kompetensi 3 tidak ada nilainya',
    ],
    ['a wrong number of indicators', () => ({ ...uniform(1), 4: [2, 2, 2] }), 'kompetensi 4 harus berisi 11 nilai indikator, diterima 3'],
    ['a value outside 0/1/2', () => ({ ...uniform(1), 2: [2, 2, 3, 2, 2, 2] }), 'kompetensi 2, indikator 3: nilai 3 tidak sah'],
    ['a text value', () => ({ ...uniform(1), 9: [2, '2', 2, 2, 2] }), 'kompetensi 9, indikator 2: nilai "2" tidak sah'],
    ['a competency the instrument lacks', () => ({ ...uniform(1), 15: [2] }), 'kompetensi "15" tidak ada di instrumen ini'],
  ])('%s answers 422 assessment.invalid_ratings naming the competency', async (_name, build, message) => {
    const res = await guru.request('POST', SCORE_URL, { ratings: build() });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('assessment.invalid_ratings');
    expect(error.message).toContain(message);
    expect(Array.isArray(error.details)).toBe(true);
  });

  it('several problems are all listed in details, the first three in the message', async () => {
    const ratings: Record<string, unknown[]> = uniform(1);
    delete ratings['1'];
    delete ratings['2'];
    ratings['3'] = [9, 9];
    const error = (await guru.request('POST', SCORE_URL, { ratings })).json().error;
    expect(error.details).toHaveLength(5);
    expect(error.message).toMatch(/^Penilaian tidak valid: kompetensi 1 tidak ada nilainya; kompetensi 2 tidak ada nilainya; kompetensi 3 harus berisi 4 nilai indikator, diterima 2; dan 2 masalah lain\.$/);
  });

  it('the message is in English for a user whose language is English', async () => {
    const english = await login(ctx.app, 'peneliti@contoh.sch.id');
    expect((await english.request('PATCH', '/api/v1/me', { locale: 'en' })).statusCode).toBe(200);
    const res = await english.request('POST', SCORE_URL, { ratings: { ...uniform(1), 4: [2] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('Invalid ratings: competency 4 needs 11 indicator ratings, got 1.');
  });

  it('an instrument without a score (PMM observation) answers 422 assessment.scoring_not_supported', async () => {
    const res = await guru.request('POST', '/api/v1/instruments/pmm-2024-observasi/score', { ratings: { 1: [1, 2] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('assessment.scoring_not_supported');
  });

  it('an unknown instrument answers 404', async () => {
    const res = await guru.request('POST', '/api/v1/instruments/pkg-2030/score', { ratings: uniform(1) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('assessment.instrument_not_found');
  });

  it.each([
    ['ratings that are not an object', { ratings: [[1, 2]] }],
    ['no ratings', { rule: 'floor' }],
    ['an unknown rule', { ratings: uniform(1), rule: 'ceil' }],
    ['an unknown field', { ratings: uniform(1), teacher: 'x' }],
  ])('%s is refused as invalid input (400) before scoring', async (_name, body) => {
    const res = await guru.request('POST', SCORE_URL, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('common.validation_failed');
  });
});
