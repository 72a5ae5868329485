import type { Assessment, AssessmentPeriod, CombinedView, Distribution, InstrumentDetail, PeriodTeacherList } from '@tumbuh/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DECLINING, DEMO_MGMP_MEMBERS } from '../src/demo/assessment.seed.ts';
import { createTestContext, login, type Session, type TestContext } from './helpers.ts';

/** The demo PKG cycle of MTs Contoh tells its story through the API. */

const A = '/api/v1/assessment';
let ctx: TestContext;
let kepala: Session;
let periods: Record<'formatif' | 'sumatif', AssessmentPeriod>;
/** Per teacher index: the kepala's result and focus-indicator share of 2s per period. */
const results: { id: string; index: number; name: string; member: boolean; nilai: Record<string, number>; category: Record<string, string>; focus: Record<string, number>; other: Record<string, number> }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  kepala = await login(ctx.app, 'kepala@contoh.sch.id');
  const list = (await kepala.request('GET', `${A}/periods?academicYear=2025/2026`)).json<{ items: AssessmentPeriod[] }>();
  periods = { formatif: list.items.find((p) => p.kind === 'formatif') as AssessmentPeriod, sumatif: list.items.find((p) => p.kind === 'sumatif') as AssessmentPeriod };
  const pkg = (await kepala.request('GET', '/api/v1/instruments/pkg-2009-guru-mapel')).json<InstrumentDetail>();
  const focus = new Set(pkg.domains.flatMap((d) => d.competencies.flatMap((c) => c.indicators.filter((i) => i.focus.includes('pengelolaan-kelas') || i.focus.includes('proses-pembelajaran')).map((i) => i.id))));
  for (const kind of ['formatif', 'sumatif'] as const) {
    const teachers = (await kepala.request('GET', `${A}/periods/${periods[kind].id}/teachers`)).json<PeriodTeacherList>();
    for (const row of teachers.items) {
      const kepalaRow = row.assessments.find((a) => a.rater.kind === 'kepala');
      if (!kepalaRow) continue;
      const a = (await kepala.request('GET', `${A}/assessments/${kepalaRow.id}`)).json<Assessment>();
      const share = (pick: boolean) => {
        const rs = a.ratings.filter((r) => focus.has(r.indicatorId) === pick);
        return rs.reduce((s, r) => s + r.score, 0) / (rs.length * 2);
      };
      let entry = results.find((r) => r.id === row.teacher.id);
      if (!entry) {
        entry = { id: row.teacher.id, index: -1, name: row.teacher.name, member: false, nilai: {}, category: {}, focus: {}, other: {} };
        results.push(entry);
      }
      entry.nilai[kind] = a.score?.nilai ?? 0;
      entry.category[kind] = a.score?.category ?? '';
      entry.focus[kind] = share(true);
      entry.other[kind] = share(false);
    }
  }
  // The demo teachers' index (0 = teacher #1): their UUID v7 ids sort in creation order.
  const byId = results.map((r) => r.id).sort();
  for (const r of results) {
    r.index = byId.indexOf(r.id);
    r.member = DEMO_MGMP_MEMBERS.has(r.index);
  }
});
afterAll(async () => {
  await ctx.close();
});

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('demo PKG cycle of MTs Contoh (2025/2026)', () => {
  it('two periods, a final kepala assessment of every teacher in both', () => {
    expect(periods.formatif.status).toBe('closed');
    expect(periods.sumatif.status).toBe('open');
    expect(results).toHaveLength(25);
    for (const r of results) expect(Object.keys(r.category).sort(), r.name).toEqual(['formatif', 'sumatif']);
  });
  it('categories spread over Amat baik, Baik and Cukup with one Sedang in the formatif period', () => {
    const count = (kind: string, c: string) => results.filter((r) => r.category[kind] === c).length;
    if (process.env.SHOW_DEMO_STORY) console.log(results.map((r) => `${r.index} ${r.member ? 'M' : ' '} ${r.nilai.formatif} ${r.category.formatif} → ${r.nilai.sumatif} ${r.category.sumatif}  focus ${r.focus.formatif?.toFixed(2)}→${r.focus.sumatif?.toFixed(2)} other ${r.other.formatif?.toFixed(2)}→${r.other.sumatif?.toFixed(2)}`).join('\n'));
    for (const c of ['Amat baik', 'Baik', 'Cukup']) expect(count('formatif', c), c).toBeGreaterThan(0);
    expect(count('formatif', 'Sedang')).toBe(1);
    expect(count('formatif', 'Kurang')).toBe(0);
  });
  it('MGMP members improve most, and most on the pengelolaan kelas / proses pembelajaran indicators', () => {
    const gain = (rs: typeof results, f: (r: (typeof results)[number]) => Record<string, number>) => mean(rs.map((r) => (f(r).sumatif ?? 0) - (f(r).formatif ?? 0)));
    const members = results.filter((r) => r.member);
    const others = results.filter((r) => !r.member);
    expect(gain(members, (r) => r.nilai)).toBeGreaterThan(gain(others, (r) => r.nilai) + 5);
    expect(gain(members, (r) => r.focus)).toBeGreaterThan(gain(members, (r) => r.other) + 0.1);
  });
  it('the two declining teachers decline', () => {
    const declining = results.filter((r) => DEMO_DECLINING.has(r.index ?? -1));
    expect(declining).toHaveLength(2);
    for (const r of declining) expect(r.nilai.sumatif ?? 0, r.name).toBeLessThan(r.nilai.formatif ?? 0);
  });
  it('guru1 has self and peer results beside the kepala’s, and the weighted combination is shown', async () => {
    const guru = await login(ctx.app, 'guru1@contoh.sch.id');
    const view = (await guru.request('GET', `${A}/periods/${periods.sumatif.id}/teachers/${guru.me.user.teacherId}/combined`)).json<CombinedView>();
    expect(view.raters.map((r) => r.rater.kind)).toEqual(['kepala', 'peer', 'self']);
    expect(view.combined).not.toBeNull();
  });
});

describe('demo PKG cycles of every demo madrasah (Yayasan Contoh too)', () => {
  it('every teacher of every demo madrasah has a final kepala assessment, by that madrasah’s kepala, in both 2025/2026 periods', async () => {
    const rows = await ctx.db.db.execute<{ madrasah: string; teachers: number; periods: number; missing: number }>(sql`
      select m.name as madrasah,
        (select count(*)::int from teachers t where t.madrasah_id = m.id) as teachers,
        (select count(*)::int from assessment_periods p where p.madrasah_id = m.id and p.academic_year = '2025/2026') as periods,
        (select count(*)::int from teachers t cross join assessment_periods p
          where t.madrasah_id = m.id and p.madrasah_id = m.id and p.academic_year = '2025/2026'
            and not exists (select 1 from assessments a join role_grants r on r.user_id = a.rater_user_id and r.role = 'kepala_madrasah' and r.madrasah_id = m.id
              where a.period_id = p.id and a.teacher_id = t.id and a.rater_kind = 'kepala' and a.status = 'final')) as missing
      from madrasahs m join tenants n on n.id = m.tenant_id where n.demo order by m.npsn`);
    expect(rows.rows.map((r) => [r.madrasah, r.teachers, r.periods, r.missing])).toEqual([
      ['MTs Contoh', 25, 2, 0],
      ['MTs Contoh Nusantara', 6, 2, 0],
      ['MTs Contoh Harapan', 5, 2, 0],
    ]);
  });
  it('the Yayasan madrasahs’ categories spread, and the mean Nilai PKG rises between the periods', async () => {
    const operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
    const d = (await operatorY.request('GET', `${A}/distribution?academicYear=2025/2026&by=madrasah`)).json<Distribution>();
    expect(d.periods.map((p) => [p.kind, p.overall.assessed])).toEqual([
      ['formatif', 11],
      ['sumatif', 11],
    ]);
    for (const p of d.periods) {
      expect(p.overall.distribution.filter((c) => c.count > 0).length, p.kind).toBeGreaterThanOrEqual(3);
      for (const g of p.groups) expect(g.distribution.filter((c) => c.count > 0).length, `${p.kind} ${g.name}`).toBeGreaterThanOrEqual(2);
    }
    const [f, s] = d.periods;
    expect(s?.overall.meanNilai ?? 0).toBeGreaterThan(f?.overall.meanNilai ?? 0);
  });
  it('pengawas@yayasan sees the distribution of their madrasah and their own ratings beside the kepala’s; never the other madrasah nor MTs Contoh', async () => {
    const pengawas = await login(ctx.app, 'pengawas@yayasan.sch.id');
    const operatorY = await login(ctx.app, 'operator@yayasan.sch.id');
    const assigned = pengawas.me.madrasahs[0]?.id ?? '';
    expect(pengawas.me.madrasahs).toHaveLength(1);
    const res = await pengawas.request('GET', `${A}/distribution?madrasahId=${assigned}&academicYear=2025/2026`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Distribution>();
    expect(d.periods.map((p) => p.kind)).toEqual(['formatif', 'sumatif']);
    for (const p of d.periods) {
      expect(p.overall.assessed).toBe(6);
      expect(p.overall.distribution.some((c) => c.count > 0)).toBe(true);
    }
    const list = (await pengawas.request('GET', `${A}/periods?academicYear=2025/2026`)).json<{ items: AssessmentPeriod[] }>();
    expect(list.items.map((p) => p.madrasahId)).toEqual([assigned, assigned]);
    for (const period of list.items) {
      const teachers = (await pengawas.request('GET', `${A}/periods/${period.id}/teachers`)).json<PeriodTeacherList>();
      const both = teachers.items.filter((t) => t.assessments.some((a) => a.rater.kind === 'pengawas' && a.status === 'final') && t.assessments.some((a) => a.rater.kind === 'kepala'));
      expect(both.length, period.kind).toBe(3);
    }
    const other = operatorY.me.madrasahs.find((m) => m.id !== assigned)?.id ?? '';
    const contoh = kepala.me.madrasahs[0]?.id ?? '';
    for (const madrasahId of [other, contoh]) {
      const denied = await pengawas.request('GET', `${A}/distribution?madrasahId=${madrasahId}&academicYear=2025/2026`);
      expect([403, 404], denied.body).toContain(denied.statusCode);
    }
  });
  it('the new Yayasan kepala accounts each see their own madrasah’s periods', async () => {
    for (const email of ['kepala.nusantara@yayasan.sch.id', 'kepala.harapan@yayasan.sch.id']) {
      const s = await login(ctx.app, email);
      expect(s.me.madrasahs).toHaveLength(1);
      const list = (await s.request('GET', `${A}/periods?academicYear=2025/2026`)).json<{ items: AssessmentPeriod[] }>();
      expect(list.items.map((p) => [p.madrasahId, p.kind, p.status])).toEqual([
        [s.me.madrasahs[0]?.id, 'formatif', 'closed'],
        [s.me.madrasahs[0]?.id, 'sumatif', 'open'],
      ]);
    }
  });
});
