import type { ErrorBody, InstrumentDetail, InstrumentList, MadrasahInstrument, Observation, UpdateMadrasahInstrumentInput } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/database.ts';
import { createInstrumentCatalogue } from '../src/modules/assessment/instruments.catalogue.ts';
import { createInstrumentsRepository } from '../src/modules/assessment/instruments.repository.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/**
 * Madrasah-built instruments on real PostgreSQL: create → edit → publish → edit refused (409) →
 * new version → publish v2; an observation made with v1 keeps v1 and rates on its scale; the freeze
 * holds in the database too; official instruments stay unwritable; drafts only for builders; other
 * tenants see nothing; every write audited; bad input 4xx with nothing written.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const MI = '/api/v1/madrasah-instruments';
let ctx: TestContext;
let kepala: Session;
let operator: Session;
let guru: Session;
let operatorY: Session;
let madrasahId: string;
let teacherId: string;

async function call<T>(session: Session, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await session.request(method, url, body);
  expect([method, url, res.statusCode], res.body).toEqual([method, url, status]);
  return res.json<T>();
}

async function refused(session: Session, method: Method, url: string, body: unknown, status: number, code: string): Promise<ErrorBody> {
  const res = await session.request(method, url, body);
  expect([method, url, res.statusCode, res.json<ErrorBody>().error.code], res.body).toEqual([method, url, status, code]);
  return res.json<ErrorBody>();
}

const TABLES = ['instruments', 'instrument_domains', 'instrument_competencies', 'instrument_indicators', 'instrument_indicator_focus', 'audit_log', 'observations', 'observation_ratings'];
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const res = await ctx.db.db.execute<{ h: string | null }>(sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(table)} t`);
    out[table] = res.rows[0]?.h ?? '';
  }
  return out;
}

async function auditActions(entityId: string): Promise<string[]> {
  const res = await ctx.db.db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'instrument' and entity_id = ${entityId} order by id`);
  return res.rows.map((r) => r.action);
}

/** The SQLSTATE of a failed query, through Drizzle's wrapper. */
async function sqlStateOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (typeof current === 'object' && current !== null) {
      const code: unknown = (current as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      current = (current as { cause?: unknown }).cause;
    }
    return 'no code';
  }
  return 'no error';
}

const SCALE = {
  levels: [
    { value: 1, label: 'Kurang', description: 'Belum tampak' },
    { value: 2, label: 'Cukup', description: 'Tampak sebagian' },
    { value: 3, label: 'Baik', description: 'Tampak' },
    { value: 4, label: 'Sangat baik', description: 'Tampak konsisten' },
  ],
};

const content = (title = 'Supervisi Akademik Pembelajaran'): UpdateMadrasahInstrumentInput => ({
  title,
  source: 'Disusun tim supervisi madrasah',
  scale: SCALE,
  domains: [
    {
      name: 'Perencanaan',
      competencies: [{ name: 'Modul ajar', indicators: [{ text: 'Tujuan pembelajaran dirumuskan jelas', descriptors: { '1': 'Tidak ada', '4': 'Jelas dan terukur' }, focus: ['proses-pembelajaran'] }] }],
    },
    {
      name: 'Pelaksanaan',
      competencies: [
        { name: 'Kegiatan inti', indicators: [{ text: 'Semua siswa terlibat', descriptors: {}, focus: ['pengelolaan-kelas', 'penanganan-masalah'] }, { text: 'Umpan balik diberikan', descriptors: {}, focus: [] }] },
      ],
    },
  ],
});

const indicatorIds = (d: InstrumentDetail) => d.domains.flatMap((x) => x.competencies.flatMap((c) => c.indicators.map((i) => i.id)));

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  operator = await login(ctx.app, 'operator@contoh.sch.id');
  guru = await login(ctx.app, 'guru1@contoh.sch.id');
  operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
  madrasahId = kepala.me.madrasahs[0]?.id ?? '';
  teacherId = guru.me.user.teacherId ?? '';
});
afterAll(async () => ctx?.close());

describe('create → edit → publish → frozen → new version → publish v2', () => {
  let v1: MadrasahInstrument;
  let v2: MadrasahInstrument;
  let observation: Observation;

  it('the kepala starts a draft (version 1, empty tree, server-made code); it is audited', async () => {
    v1 = await call<MadrasahInstrument>(kepala, 'POST', MI, { madrasahId, title: 'Supervisi Akademik Pembelajaran', scale: SCALE }, 201);
    expect(v1).toMatchObject({ version: 1, status: 'draft', owner: 'madrasah', madrasahId, kind: 'observation', scoringMethod: 'none', domains: [], canEdit: true });
    expect(v1.code).toMatch(/^supervisi-akademik-pembelajaran-[0-9a-f]{8}$/);
    expect(v1.publishProblems).toEqual([{ kind: 'no_domains' }]);
    expect(v1.versions).toEqual([{ id: v1.id, version: 1, status: 'draft', publishedAt: null }]);
    expect(await auditActions(v1.id)).toEqual(['instrument.create']);
  });

  it('an empty draft cannot be published: 422 instruments.incomplete naming the problem', async () => {
    const body = await refused(kepala, 'POST', `${MI}/${v1.id}/publish`, undefined, 422, 'instruments.incomplete');
    expect(body.error.details).toEqual([{ kind: 'no_domains' }]);
  });

  it('a draft is seen by its builders only: not by a guru of the madrasah, not in the guru’s list', async () => {
    await refused(guru, 'GET', `${MI}/${v1.id}`, undefined, 404, 'instruments.not_found');
    const guruList = await call<InstrumentList>(guru, 'GET', '/api/v1/instruments');
    expect(guruList.items.map((i) => i.id)).not.toContain(v1.id);
    const kepalaList = await call<InstrumentList>(kepala, 'GET', '/api/v1/instruments');
    expect(kepalaList.items.find((i) => i.id === v1.id)).toMatchObject({ status: 'draft', owner: 'madrasah', madrasahId });
    expect(kepalaList.items.filter((i) => i.owner === 'official').map((i) => i.code)).toEqual(expect.arrayContaining(['pkg-2009-guru-mapel', 'pmm-2024-observasi']));
  });

  it('the whole draft is replaced in one PUT: numbered competencies and indicators, descriptors, focus; audited with before and after', async () => {
    v1 = await call<MadrasahInstrument>(kepala, 'PUT', `${MI}/${v1.id}`, content());
    expect(v1.domains.map((d) => [d.code, d.name, d.competencies.map((c) => [c.number, c.name, c.indicators.map((i) => [i.number, i.position, i.text])])])).toEqual([
      ['ranah-1', 'Perencanaan', [[1, 'Modul ajar', [[1, 1, 'Tujuan pembelajaran dirumuskan jelas']]]]],
      ['ranah-2', 'Pelaksanaan', [[2, 'Kegiatan inti', [[1, 2, 'Semua siswa terlibat'], [2, 3, 'Umpan balik diberikan']]]]],
    ]);
    expect(v1.domains[0]?.competencies[0]?.indicators[0]).toMatchObject({ descriptors: { '1': 'Tidak ada', '4': 'Jelas dan terukur' }, focus: ['proses-pembelajaran'] });
    expect(v1.domains[1]?.competencies[0]?.indicators[0]?.focus).toEqual(['pengelolaan-kelas', 'penanganan-masalah']);
    expect(v1).toMatchObject({ domainCount: 2, competencyCount: 2, indicatorCount: 3, publishProblems: [], source: 'Disusun tim supervisi madrasah' });
    const res = await ctx.db.db.execute<{ before: { domains: unknown[] }; after: { domains: unknown[] } }>(
      sql`select before, after from audit_log where entity_id = ${v1.id} and action = 'instrument.update'`,
    );
    expect(res.rows[0]?.before.domains).toEqual([]);
    expect(res.rows[0]?.after.domains).toHaveLength(2);
  });

  it('a descriptor for a level not on the scale, or a descending scale, is refused and nothing changes', async () => {
    const before = await snapshot();
    const bad = content();
    const first = bad.domains[0]?.competencies[0]?.indicators[0];
    if (first) first.descriptors = { '9': 'Tidak ada tingkat 9' };
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, bad, 422, 'instruments.unknown_level');
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, { ...content(), scale: { levels: [...SCALE.levels].reverse() } }, 422, 'instruments.invalid_scale');
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, { ...content(), scale: { levels: [SCALE.levels[0], SCALE.levels[0]] } }, 422, 'instruments.invalid_scale');
    await refused(kepala, 'POST', MI, { madrasahId, title: 'X', scale: { levels: [SCALE.levels[1], SCALE.levels[0]] } }, 422, 'instruments.invalid_scale');
    await refused(kepala, 'POST', MI, { madrasahId, title: 'X', scale: { levels: [SCALE.levels[0]] } }, 400, 'common.validation_failed');
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, { ...content(), extra: 1 }, 400, 'common.validation_failed');
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, { ...content(), domains: [{ name: '', competencies: [] }] }, 400, 'common.validation_failed');
    expect(await snapshot()).toEqual(before);
  });

  it('a guru may not build: 403 for the madrasah’s draft-less actions, and nothing changes', async () => {
    const before = await snapshot();
    await refused(guru, 'POST', MI, { madrasahId, title: 'Instrumen guru', scale: SCALE }, 403, 'auth.forbidden');
    expect(await snapshot()).toEqual(before);
  });

  it('publishing freezes it: edit, delete and a second publish answer 409 instruments.frozen', async () => {
    v1 = await call<MadrasahInstrument>(kepala, 'POST', `${MI}/${v1.id}/publish`);
    expect(v1).toMatchObject({ status: 'published', version: 1, publishProblems: [] });
    expect(v1.publishedAt).not.toBeNull();
    const before = await snapshot();
    await refused(kepala, 'PUT', `${MI}/${v1.id}`, content('Diubah'), 409, 'instruments.frozen');
    await refused(operator, 'DELETE', `${MI}/${v1.id}`, undefined, 409, 'instruments.frozen');
    await refused(kepala, 'POST', `${MI}/${v1.id}/publish`, undefined, 409, 'instruments.frozen');
    expect(await snapshot()).toEqual(before);
    expect(await auditActions(v1.id)).toEqual(['instrument.create', 'instrument.update', 'instrument.publish']);
  });

  it('the freeze holds in the database: no row of a published instrument or its tree changes, even outside the app', async () => {
    const ownTenant = kepala.me.tenant.id;
    const asApp = (statement: ReturnType<typeof sql>) => withTenant(ctx.db.db, ownTenant, (tx) => tx.execute(statement));
    expect(await sqlStateOf(asApp(sql`update instrument_indicators set text = 'Diubah' where instrument_id = ${v1.id}`))).toBe('23001');
    expect(await sqlStateOf(asApp(sql`update instruments set title = 'Diubah' where id = ${v1.id}`))).toBe('23001');
    expect(await sqlStateOf(asApp(sql`delete from instrument_indicator_focus where tenant_id = ${ownTenant}`))).toBe('23001');
    const domainId = v1.domains[0]?.id ?? '';
    expect(
      await sqlStateOf(asApp(sql`insert into instrument_competencies (id, instrument_id, domain_id, tenant_id, number, name, sort_order) values (gen_random_uuid(), ${v1.id}, ${domainId}, ${ownTenant}, 9, 'Tambahan', 9)`)),
    ).toBe('23001');
    // The system connection (owner, no row-level security) is refused too.
    expect(await sqlStateOf(ctx.db.db.execute(sql`update instruments set title = 'Diubah' where id = ${v1.id}`))).toBe('23001');
    // The restore's flag (migration 0026) never opens the freeze to the request role.
    const flagged = withTenant(ctx.db.db, ownTenant, async (tx) => {
      await tx.execute(sql`select set_config('tumbuh.restoring', 'on', true)`);
      return tx.execute(sql`update instrument_indicators set text = 'Diubah' where instrument_id = ${v1.id}`);
    });
    expect(await sqlStateOf(flagged)).toBe('23001');
  });

  it('official instruments stay unwritable by requests: updates and deletes reach no row', async () => {
    const result = await withTenant(ctx.db.db, kepala.me.tenant.id, async (tx) => {
      const updated = await tx.execute(sql`update instruments set title = 'Dibajak' where code = 'pkg-2009-guru-mapel'`);
      const deleted = await tx.execute(sql`delete from instrument_indicator_focus where tenant_id is null`);
      const seen = await tx.execute<{ n: number }>(sql`select count(*)::int as n from instruments where tenant_id is null`);
      return { updated: updated.rowCount, deleted: deleted.rowCount, seen: seen.rows[0]?.n };
    });
    expect(result).toEqual({ updated: 0, deleted: 0, seen: 2 });
    const insert = withTenant(ctx.db.db, kepala.me.tenant.id, (tx) =>
      tx.execute(sql`insert into instruments (id, code, version, title, kind, scoring_method, source, scale, status) values (gen_random_uuid(), 'palsu', 1, 'Palsu', 'observation', 'none', '', '{}', 'draft')`),
    );
    expect(await sqlStateOf(insert)).toBe('42501');
  });

  it('a guru of the madrasah reads the published version (by id and by code); it appears in their list', async () => {
    const got = await call<MadrasahInstrument>(guru, 'GET', `${MI}/${v1.id}`);
    expect(got).toMatchObject({ id: v1.id, status: 'published', canEdit: false });
    const byCode = await call<InstrumentDetail>(guru, 'GET', `/api/v1/instruments/${v1.code}`);
    expect(byCode).toMatchObject({ id: v1.id, version: 1, owner: 'madrasah', indicatorCount: 3 });
    const list = await call<InstrumentList>(guru, 'GET', `/api/v1/instruments?owner=madrasah`);
    expect(list.items.map((i) => i.id)).toContain(v1.id);
    expect(list.items.every((i) => i.owner === 'madrasah' && i.status === 'published' && i.madrasahId === madrasahId)).toBe(true);
  });

  it('an observation uses v1 and rates on its 1–4 scale; a value off the scale is refused', async () => {
    observation = await call<Observation>(
      kepala,
      'POST',
      '/api/v1/observations',
      { teacherId, observerKind: 'kepala', scheduledAt: new Date(Date.now() - 3_600_000).toISOString(), rombel: 'VIII-A', subjectName: 'Fikih', topic: 'Salat', instrumentCode: v1.code },
      201,
    );
    expect(observation.instrument).toEqual({ code: v1.code, version: 1 });
    await call(kepala, 'POST', `/api/v1/observations/${observation.id}/transition`, { to: 'in_progress' });
    const ids = indicatorIds(v1);
    const rated = await call<Observation>(kepala, 'PUT', `/api/v1/observations/${observation.id}/ratings`, { ratings: ids.map((indicatorId, i) => ({ indicatorId, value: i + 1 })) });
    expect(rated.ratings.map((r) => r.value).sort()).toEqual([1, 2, 3]);
    const before = await snapshot();
    await refused(kepala, 'PUT', `/api/v1/observations/${observation.id}/ratings`, { ratings: [{ indicatorId: ids[0], value: 5 }] }, 422, 'observation.invalid_rating_value');
    await refused(kepala, 'PUT', `/api/v1/observations/${observation.id}/ratings`, { ratings: [{ indicatorId: ids[0], value: 0 }] }, 422, 'observation.invalid_rating_value');
    expect(await snapshot()).toEqual(before);
  });

  it('a new version copies the published tree into draft v2 (same code, new ids); only one draft at a time', async () => {
    v2 = await call<MadrasahInstrument>(kepala, 'POST', `${MI}/${v1.id}/new-version`, undefined, 201);
    expect(v2).toMatchObject({ code: v1.code, version: 2, status: 'draft', title: v1.title, indicatorCount: 3 });
    expect(indicatorIds(v2).some((id) => indicatorIds(v1).includes(id))).toBe(false);
    expect(v2.domains.map((d) => d.competencies.map((c) => c.indicators.map((i) => [i.text, i.descriptors, i.focus])))).toEqual(
      v1.domains.map((d) => d.competencies.map((c) => c.indicators.map((i) => [i.text, i.descriptors, i.focus]))),
    );
    expect(v2.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    const before = await snapshot();
    await refused(kepala, 'POST', `${MI}/${v1.id}/new-version`, undefined, 409, 'instruments.draft_exists');
    await refused(kepala, 'POST', `${MI}/${v2.id}/new-version`, undefined, 409, 'instruments.not_published');
    expect(await snapshot()).toEqual(before);
    expect(await auditActions(v2.id)).toEqual(['instrument.new_version']);
  });

  it('v2 is edited (a 3-level scale) and published; the observation made with v1 keeps v1 and its ratings', async () => {
    const next = content('Supervisi Akademik Pembelajaran (revisi)');
    next.scale = { levels: SCALE.levels.slice(0, 3) };
    const first = next.domains[0]?.competencies[0]?.indicators[0];
    if (first) first.descriptors = { '1': 'Tidak ada', '3': 'Jelas' };
    await call<MadrasahInstrument>(kepala, 'PUT', `${MI}/${v2.id}`, next);
    v2 = await call<MadrasahInstrument>(kepala, 'POST', `${MI}/${v2.id}/publish`);
    expect(v2).toMatchObject({ version: 2, status: 'published', title: 'Supervisi Akademik Pembelajaran (revisi)' });
    const kept = await call<Observation>(kepala, 'GET', `/api/v1/observations/${observation.id}`);
    expect(kept.instrument).toEqual({ code: v1.code, version: 1 });
    expect(kept.ratings).toHaveLength(3);
    // v1 unchanged (frozen), v1 still served by version; the newest by default is v2.
    const stillV1 = await call<InstrumentDetail>(kepala, 'GET', `/api/v1/instruments/${v1.code}?version=1`);
    expect(stillV1.scale.levels).toHaveLength(4);
    expect((await call<InstrumentDetail>(kepala, 'GET', `/api/v1/instruments/${v1.code}`)).version).toBe(2);
    // A rating of 4 is still valid on the v1 observation; a new observation without a version gets v2 (1–3).
    await call<Observation>(kepala, 'PUT', `/api/v1/observations/${observation.id}/ratings`, { ratings: [{ indicatorId: indicatorIds(v1)[0], value: 4 }] });
    const fresh = await call<Observation>(
      kepala,
      'POST',
      '/api/v1/observations',
      { teacherId, observerKind: 'kepala', scheduledAt: new Date(Date.now() - 3_600_000).toISOString(), rombel: 'VIII-A', subjectName: 'Fikih', topic: 'Zakat', instrumentCode: v1.code },
      201,
    );
    expect(fresh.instrument).toEqual({ code: v1.code, version: 2 });
    await call(kepala, 'POST', `/api/v1/observations/${fresh.id}/transition`, { to: 'in_progress' });
    await refused(kepala, 'PUT', `/api/v1/observations/${fresh.id}/ratings`, { ratings: [{ indicatorId: indicatorIds(v2)[0], value: 4 }] }, 422, 'observation.invalid_rating_value');
    await refused(kepala, 'PUT', `/api/v1/observations/${fresh.id}/ratings`, { ratings: [{ indicatorId: indicatorIds(v1)[0], value: 3 }] }, 422, 'observation.unknown_indicator');
  });

  it('a draft can be deleted (audited with its content); a draft cannot be used by an observation', async () => {
    const v3 = await call<MadrasahInstrument>(operator, 'POST', `${MI}/${v2.id}/new-version`, undefined, 201);
    expect(v3.version).toBe(3);
    await refused(
      kepala,
      'POST',
      '/api/v1/observations',
      { teacherId, observerKind: 'kepala', scheduledAt: new Date().toISOString(), rombel: 'VIII-A', subjectName: 'Fikih', topic: 'Zakat', instrumentCode: v1.code, instrumentVersion: 3 },
      404,
      'assessment.instrument_not_found',
    );
    expect(await call(operator, 'DELETE', `${MI}/${v3.id}`)).toEqual({ ok: true });
    await refused(kepala, 'GET', `${MI}/${v3.id}`, undefined, 404, 'instruments.not_found');
    const res = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from instrument_indicators where instrument_id = ${v3.id}`);
    expect(res.rows[0]?.n).toBe(0);
    expect(await auditActions(v3.id)).toEqual(['instrument.new_version', 'instrument.delete']);
  });

  it('another tenant sees nothing: 404 by id and by code, absent from lists, not usable in an observation, and nothing changes', async () => {
    const before = await snapshot();
    await refused(operatorY, 'GET', `${MI}/${v1.id}`, undefined, 404, 'instruments.not_found');
    await refused(operatorY, 'PUT', `${MI}/${v2.id}`, content(), 404, 'instruments.not_found');
    await refused(operatorY, 'POST', `${MI}/${v1.id}/new-version`, undefined, 404, 'instruments.not_found');
    await refused(operatorY, 'DELETE', `${MI}/${v1.id}`, undefined, 404, 'instruments.not_found');
    await refused(operatorY, 'GET', `/api/v1/instruments/${v1.code}`, undefined, 404, 'assessment.instrument_not_found');
    await refused(operatorY, 'POST', MI, { madrasahId, title: 'Penyusup', scale: SCALE }, 404, 'people.madrasah_not_found');
    const list = await call<InstrumentList>(operatorY, 'GET', '/api/v1/instruments');
    expect(list.items.every((i) => i.owner === 'official')).toBe(true);
    const filtered = await call<InstrumentList>(operatorY, 'GET', `/api/v1/instruments?madrasahId=${madrasahId}&owner=madrasah`);
    expect(filtered.items).toEqual([]);
    const yTeacher = await ctx.db.db.execute<{ id: string }>(sql`select t.id from teachers t join tenants n on n.id = t.tenant_id where n.name = 'Yayasan Contoh' order by t.name limit 1`);
    await refused(
      operatorY,
      'POST',
      '/api/v1/observations',
      { teacherId: yTeacher.rows[0]?.id, observerKind: 'kepala', scheduledAt: new Date().toISOString(), rombel: 'VII', subjectName: 'Fikih', topic: 'Salat', instrumentCode: v1.code },
      404,
      'assessment.instrument_not_found',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('the database refuses an observation of another tenant pointing at this instrument', async () => {
    const y = await ctx.db.db.execute<{ tenant_id: string; madrasah_id: string; teacher_id: string; user_id: string }>(sql`
      select t.tenant_id, t.madrasah_id, t.id as teacher_id, u.id as user_id from teachers t join tenants n on n.id = t.tenant_id
      join users u on u.tenant_id = t.tenant_id where n.name = 'Yayasan Contoh' limit 1`);
    const r = y.rows[0];
    const insert = ctx.db.db.execute(sql`insert into observations (tenant_id, id, madrasah_id, teacher_id, observer_user_id, observer_kind, scheduled_at, rombel, subject_name, topic, focus, focus_indicator_ids, instrument_code, instrument_version, status, created_by)
      values (${r?.tenant_id}, gen_random_uuid(), ${r?.madrasah_id}, ${r?.teacher_id}, ${r?.user_id}, 'kepala', now(), 'VII', 'Fikih', 'Salat', '[]', '[]', ${v1.code}, 1, 'planned', ${r?.user_id})`);
    expect(await sqlStateOf(insert)).toBe('23503');
  });
});

describe('demo data', () => {
  it('MTs Contoh has a published "Supervisi Akademik Pembelajaran" (4 levels, 8 indicators) and one shared observation rated with it', async () => {
    const detail = await call<InstrumentDetail>(guru, 'GET', '/api/v1/instruments/supervisi-akademik-mts-contoh');
    expect(detail).toMatchObject({ title: 'Supervisi Akademik Pembelajaran', version: 1, status: 'published', owner: 'madrasah', madrasahId, indicatorCount: 8 });
    expect(detail.scale.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    const list = await call<{ items: { id: string; instrument: { code: string; version: number }; status: string }[] }>(kepala, 'GET', '/api/v1/observations?limit=200');
    const used = list.items.filter((o) => o.instrument.code === 'supervisi-akademik-mts-contoh');
    expect(used.map((o) => [o.instrument.version, o.status])).toEqual([[1, 'reflected']]);
    const obs = await call<Observation>(kepala, 'GET', `/api/v1/observations/${used[0]?.id}`);
    expect(obs.ratings).toHaveLength(8);
    expect(obs.ratings.every((r) => detail.scale.levels.some((l) => l.value === r.value))).toBe(true);
  });

  it('the official catalogue (shared by every tenant, read on the system connection) holds official instruments only', async () => {
    const rows = await createInstrumentsRepository().loadAll(ctx.db.db);
    expect(rows.instruments.map((i) => i.tenantId)).toEqual([null, null]);
    expect(rows.indicators).toHaveLength(86);
    const own = await ctx.db.db.execute<{ n: number }>(sql`select count(*)::int as n from instruments where tenant_id is not null`);
    expect(own.rows[0]?.n).toBeGreaterThan(0);
    const entries = await createInstrumentCatalogue({ db: ctx.db.db, instrumentsRepository: createInstrumentsRepository() }).entries();
    expect(entries.map((e) => [e.summary.code, e.summary.owner])).toEqual([
      ['pkg-2009-guru-mapel', 'official'],
      ['pmm-2024-observasi', 'official'],
    ]);
  });
});
