import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database } from '../db/database.ts';
import { assessmentPeriods, assessmentRatings, assessments } from '../modules/assessment/assessment-cycle.tables.ts';
import { assessmentSettings } from '../modules/assessment/assessment-settings.tables.ts';
import { instrumentCompetencies, instrumentIndicatorFocus, instrumentIndicators, instruments } from '../modules/assessment/instruments.tables.ts';
import { users } from '../modules/tenancy/tenancy.tables.ts';

/**
 * Demo PKG cycles, 2025/2026, of MTs Contoh and of both Yayasan Contoh madrasahs (same periods,
 * settings and kepala assessments; MTs Contoh alone has the teacher accounts' self and peer
 * assessments; the first Yayasan madrasah has a few by its pengawas). MTs Contoh's cycle: PKG formatif (July–September 2025, closed) and sumatif
 * (April–May 2026, open) with a final kepala assessment of every teacher, self-assessments of the
 * two teacher accounts, peer assessments named by the kepala (one still a draft) and the
 * madrasah's settings (combined view shown). The story between the periods: members of the MGMP
 * groups (demo/mgmp.seed.ts) improve most on the indicators tagged `pengelolaan-kelas` and
 * `proses-pembelajaran` (docs/assessment-focus-mapping.md); two teachers outside the groups decline;
 * categories spread over Amat baik, Baik and Cukup with one Sedang. Deterministic (no randomness,
 * no clock) and written with a few bulk inserts.
 */

export const DEMO_ASSESSMENT = {
  academicYear: '2025/2026',
  formatif: { startsOn: '2025-07-15', endsOn: '2025-09-06', finalisedAt: '2025-09-01T03:00:00Z' },
  sumatif: { startsOn: '2026-04-15', endsOn: '2026-05-30', finalisedAt: '2026-05-25T03:00:00Z' },
} as const;

/** Teacher indices (0 = teacher #1) in the MGMP groups of the demo (Rumpun PAI, Bahasa, MIPA, IPS). */
export const DEMO_MGMP_MEMBERS: ReadonlySet<number> = new Set([0, 1, 2, 3, 20, 22, 23, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 13, 14, 15]);
/** Teachers outside the groups whose result declines between the periods. */
export const DEMO_DECLINING: ReadonlySet<number> = new Set([16, 19]);

/**
 * Each teacher's strength in the formatif period: the share of indicators fully met (2); most of
 * the rest are partly met (1). Chosen so the kepala's formatif categories spread over Amat baik,
 * Baik, Cukup and one Sedang (teacher #22, Maimunah, outside the MGMP groups).
 */
const STRENGTH = [0.6, 0.45, 0.3, 0.25, 0.5, 0.4, 0.2, 0.65, 0.3, 0.55, 0.25, 0.45, 0.35, 0.2, 0.3, 0.15, 0.6, 0.2, 0.45, 0.55, 0.25, 0.12, 0.36, 0.8, 0.25];

/** A fixed pseudo-random number in [0, 1) for (a, b, c): the same everywhere, every time. */
function unit(a: number, b: number, c: number): number {
  let h = (a * 73_856_093) ^ (b * 19_349_663) ^ (c * 83_492_791);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) / 4_294_967_296;
}

/** What a rating needs to know of an indicator: whether it is tagged with one of the two focus dimensions the MGMP works on. */
export interface DemoIndicator {
  focus: boolean;
}

/**
 * Who a teacher is in the demo story: formatif strength (share of 2s), whether they improve most on
 * the focus indicators between the periods (`member`), whether they decline, and `key`, the number
 * the fixed pseudo-random ratings are drawn with (distinct keys give distinct patterns).
 * MTs Contoh's profiles are STRENGTH, DEMO_MGMP_MEMBERS and DEMO_DECLINING with key = teacher index.
 */
export interface DemoProfile {
  strength: number;
  member: boolean;
  declining: boolean;
  key: number;
}

/** The profile of teacher `teacher` of MTs Contoh. */
export function contohProfile(teacher: number): DemoProfile {
  return { strength: STRENGTH[teacher] ?? 0.4, member: DEMO_MGMP_MEMBERS.has(teacher), declining: DEMO_DECLINING.has(teacher), key: teacher };
}

/**
 * Teachers of the Yayasan Contoh madrasahs (demo.seed.ts, 6 and 5 teachers), by madrasah: strengths
 * chosen so the kepala's categories spread (at least three categories over the yayasan in each
 * period, two or more per madrasah: assessment-demo.test.ts), most teachers improve on the focus
 * indicators after the yayasan's in-house training (`member`), one per madrasah declines, and the
 * mean Nilai PKG rises. Keys from 100 on, away from MTs Contoh's.
 */
export const YAYASAN_PROFILES: readonly (readonly DemoProfile[])[] = [
  [
    { strength: 0.7, member: true, declining: false, key: 100 },
    { strength: 0.35, member: true, declining: false, key: 101 },
    { strength: 0.5, member: false, declining: false, key: 102 },
    { strength: 0.15, member: true, declining: false, key: 103 },
    { strength: 0.45, member: false, declining: true, key: 104 },
    { strength: 0.25, member: true, declining: false, key: 105 },
  ],
  [
    { strength: 0.6, member: true, declining: false, key: 120 },
    { strength: 0.3, member: false, declining: true, key: 121 },
    { strength: 0.45, member: true, declining: false, key: 122 },
    { strength: 0.2, member: true, declining: false, key: 123 },
    { strength: 0.75, member: false, declining: false, key: 124 },
  ],
];

/**
 * The 0/1/2 ratings of a teacher in a period by one rater kind, indicator by indicator.
 * - formatif: 2 with the teacher's strength, else mostly 1, a few 0.
 * - sumatif: MGMP members gain a lot on focus indicators (+0.3) and a little elsewhere (+0.05);
 *   others stay near their level; the two decliners lose 0.3.
 * - self-assessments are a little more generous, peers a little less.
 */
export function demoRatings(
  teacher: number,
  period: 'formatif' | 'sumatif',
  rater: 'kepala' | 'pengawas' | 'peer' | 'self',
  indicators: readonly DemoIndicator[],
  profile: DemoProfile = contohProfile(teacher),
): number[] {
  const { strength: base, member, declining, key } = profile;
  const bias = rater === 'self' ? 0.12 : rater === 'peer' ? -0.05 : rater === 'pengawas' ? -0.03 : 0;
  return indicators.map((indicator, k) => {
    let p2 = base + bias;
    if (period === 'sumatif') {
      if (declining) p2 -= 0.3;
      else if (member) p2 += indicator.focus ? 0.3 : 0.05;
      else p2 += 0.02;
    }
    const u = unit(key + 1, k + 1, rater === 'kepala' ? 1 : rater === 'peer' ? 2 : rater === 'self' ? 3 : 4);
    if (u < p2) return 2;
    // Below the strength: mostly partly met, a few with no evidence (more for weak or declining teachers).
    const zeroShare = declining && period === 'sumatif' ? 0.3 : base < 0.15 ? 0.2 : 0.12;
    return unit(key + 7, k + 3, 9) < zeroShare ? 0 : 1;
  });
}

/**
 * One madrasah's demo PKG cycle. The defaults are MTs Contoh's: its kepala, its teachers' profiles,
 * the self and peer assessments of the two teacher accounts (guru1@, koordinator@: teacher #1 and
 * #10) and the combined view shown. A Yayasan madrasah passes its kepala, its profiles,
 * `teacherAccounts: false` and, for the pengawas's madrasah, the teachers the pengawas rated.
 */
export interface DemoAssessmentInput {
  tenantId: string;
  madrasahId: string;
  /** In demo order, matching `profiles`. */
  teacherIds: readonly string[];
  kepalaEmail?: string;
  profiles?: readonly DemoProfile[];
  teacherAccounts?: boolean;
  showCombined?: boolean;
  /** Final pengawas assessments of these teacher indices in both periods, by `email`. */
  pengawas?: { email: string; teachers: readonly number[] };
}

/** Seeds one madrasah's demo PKG cycle (MTs Contoh's with the defaults). `teacherIds` in demo order. */
export async function seedAssessmentDemo(db: Database, input: DemoAssessmentInput): Promise<void> {
  const { tenantId, madrasahId, teacherIds } = input;
  const kepalaEmail = input.kepalaEmail ?? 'kepala@contoh.sch.id';
  const teacherAccounts = input.teacherAccounts ?? true;
  const profileOf = (t: number) => input.profiles?.[t] ?? contohProfile(t);
  await withTenant(db, tenantId, async (tx) => {
    const [instrument] = await tx.select({ id: instruments.id, version: instruments.version }).from(instruments).where(eq(instruments.code, 'pkg-2009-guru-mapel')).orderBy(asc(instruments.version)).limit(1);
    if (!instrument) return;
    const indicatorRows = await tx
      .select({ id: instrumentIndicators.id })
      .from(instrumentIndicators)
      .innerJoin(instrumentCompetencies, eq(instrumentCompetencies.id, instrumentIndicators.competencyId))
      .where(eq(instrumentIndicators.instrumentId, instrument.id))
      .orderBy(asc(instrumentCompetencies.sortOrder), asc(instrumentIndicators.number));
    const tagged = new Set(
      (
        await tx
          .select({ id: instrumentIndicatorFocus.indicatorId })
          .from(instrumentIndicatorFocus)
          .where(and(inArray(instrumentIndicatorFocus.indicatorId, indicatorRows.map((r) => r.id)), inArray(instrumentIndicatorFocus.focus, ['pengelolaan-kelas', 'proses-pembelajaran'])))
      ).map((r) => r.id),
    );
    const indicators = indicatorRows.map((r) => ({ id: r.id, focus: tagged.has(r.id) }));
    const emails = [kepalaEmail, ...(teacherAccounts ? ['guru1@contoh.sch.id', 'koordinator@contoh.sch.id'] : []), ...(input.pengawas ? [input.pengawas.email] : [])];
    const accounts = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.tenantId, tenantId), inArray(users.email, emails)));
    const userOf = (email: string) => accounts.find((a) => a.email === email)?.id;
    const kepala = userOf(kepalaEmail);
    const guru1 = userOf('guru1@contoh.sch.id');
    const koordinator = userOf('koordinator@contoh.sch.id');
    const pengawas = input.pengawas ? userOf(input.pengawas.email) : undefined;
    if (!kepala || (teacherAccounts && (!guru1 || !koordinator)) || (input.pengawas && !pengawas)) return;

    await tx.insert(assessmentSettings).values({
      tenantId,
      id: uuidv7(),
      madrasahId,
      bandRule: 'round-half-up',
      yearStartsOn: '07-01',
      formatifStartsOn: '07-15',
      formatifEndsOn: '09-07',
      sumatifStartsOn: '04-15',
      sumatifEndsOn: '05-31',
      weightKepala: 50,
      weightPengawas: 20,
      weightPeer: 20,
      weightSelf: 10,
      showCombined: input.showCombined ?? true,
      updatedBy: kepala,
    });

    const periodRows: (typeof assessmentPeriods.$inferInsert)[] = [];
    const assessmentRows: (typeof assessments.$inferInsert)[] = [];
    const ratingRows: (typeof assessmentRatings.$inferInsert)[] = [];
    for (const kind of ['formatif', 'sumatif'] as const) {
      const def = DEMO_ASSESSMENT[kind];
      const periodId = uuidv7();
      const finalisedAt = new Date(def.finalisedAt);
      periodRows.push({ tenantId, id: periodId, madrasahId, academicYear: DEMO_ASSESSMENT.academicYear, kind, startsOn: def.startsOn, endsOn: def.endsOn, status: kind === 'formatif' ? 'closed' : 'open', createdAt: new Date(`${def.startsOn}T01:00:00Z`), updatedAt: finalisedAt });

      const add = (teacher: number, raterKind: 'kepala' | 'pengawas' | 'peer' | 'self', raterUserId: string, opts: { draftRated?: number; acknowledged?: string | null; comment?: string | null } = {}) => {
        const id = uuidv7();
        const draft = opts.draftRated !== undefined;
        assessmentRows.push({
          tenantId,
          id,
          periodId,
          madrasahId,
          teacherId: teacherIds[teacher] ?? '',
          instrumentCode: 'pkg-2009-guru-mapel',
          instrumentVersion: instrument.version,
          raterUserId,
          raterKind,
          status: draft ? 'draft' : 'final',
          finalisedAt: draft ? null : finalisedAt,
          acknowledgedAt: opts.acknowledged ? new Date(opts.acknowledged) : null,
          teacherComment: opts.comment ?? null,
          createdBy: raterKind === 'pengawas' ? raterUserId : kepala,
          createdAt: new Date(`${def.startsOn}T02:00:00Z`),
          updatedAt: finalisedAt,
        });
        const scores = demoRatings(teacher, kind, raterKind, indicators, profileOf(teacher));
        const count = draft ? (opts.draftRated ?? 0) : indicators.length;
        for (let k = 0; k < count; k++) {
          ratingRows.push({ tenantId, assessmentId: id, indicatorId: indicators[k]?.id ?? '', score: scores[k] ?? 0, evidence: k === 0 && raterKind === 'kepala' ? 'RPP dan daftar nilai diperiksa' : null, updatedAt: finalisedAt });
        }
      };

      const ackGuru1 = kind === 'formatif' ? { acknowledged: '2025-09-03T05:00:00Z', comment: 'Terima kasih, saya akan memperbaiki pengelolaan kelas melalui MGMP.' } : {};
      const ackKoordinator = kind === 'formatif' ? { acknowledged: '2025-09-02T05:00:00Z', comment: null } : { acknowledged: '2026-05-27T05:00:00Z', comment: 'Lesson study MGMP MIPA sangat membantu.' };
      teacherIds.forEach((_, t) => add(t, 'kepala', kepala, teacherAccounts && t === 0 ? ackGuru1 : teacherAccounts && t === 9 ? ackKoordinator : {}));
      if (teacherAccounts && guru1 && koordinator) {
        // evaluasi diri of the two teachers with accounts
        add(0, 'self', guru1);
        add(9, 'self', koordinator);
        // teman sejawat named by the kepala: koordinator rates #1–#3 and #12, guru1 rates #10
        for (const t of [0, 1, 2, 11]) add(t, 'peer', koordinator, kind === 'sumatif' && t === 11 ? { draftRated: 30 } : {});
        add(9, 'peer', guru1);
      }
      // the assigned pengawas's own ratings, beside the kepala's
      if (input.pengawas && pengawas) for (const t of input.pengawas.teachers) if (t < teacherIds.length) add(t, 'pengawas', pengawas);
    }
    await tx.insert(assessmentPeriods).values(periodRows);
    await tx.insert(assessments).values(assessmentRows);
    // MTs Contoh: ~4,700 ratings as one JSON parameter: much faster than a multi-row VALUES list of 28,000 parameters.
    const json = JSON.stringify(ratingRows.map((r) => ({ a: r.assessmentId, i: r.indicatorId, s: r.score, e: r.evidence, u: r.updatedAt })));
    await tx.execute(sql`insert into ${assessmentRatings} (tenant_id, assessment_id, indicator_id, score, evidence, updated_at)
      select ${tenantId}::uuid, t.a, t.i, t.s, t.e, t.u from jsonb_to_recordset(${json}::jsonb) as t(a uuid, i uuid, s int, e text, u timestamptz)`);
  });
}
