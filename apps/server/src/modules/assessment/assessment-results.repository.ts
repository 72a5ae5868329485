import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import type { ResultRecord } from './assessment-results.models.ts';
import { assessmentResults } from './assessment-results.tables.ts';
import { assessmentRatings, assessments } from './assessment-cycle.tables.ts';
import { assessmentSettings } from './assessment-settings.tables.ts';

/** A row of a raw query: column name → value. */
type Row = Record<string, unknown>;
async function rows<T>(q: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await q.execute(query);
  return result.rows as T[];
}

/** SQL of persisted results. Every method takes the tenant; callers run it inside `withTenant`. */
export function createAssessmentResultsRepository() {
  return {
    /** The assessment a result is computed for, with its ratings and the band rule set for its madrasah (null: none set). */
    async loadForResult(q: Queryable, tenantId: string, assessmentId: string) {
      const found = await q
        .select({ assessment: assessments, bandRule: assessmentSettings.bandRule })
        .from(assessments)
        .leftJoin(assessmentSettings, and(eq(assessmentSettings.tenantId, assessments.tenantId), eq(assessmentSettings.madrasahId, assessments.madrasahId)))
        .where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, assessmentId)))
        .limit(1);
      const row = found[0];
      if (!row) return undefined;
      const ratings = await q
        .select({ indicatorId: assessmentRatings.indicatorId, score: assessmentRatings.score })
        .from(assessmentRatings)
        .where(and(eq(assessmentRatings.tenantId, tenantId), eq(assessmentRatings.assessmentId, assessmentId)));
      return { assessment: row.assessment, bandRule: row.bandRule, ratings };
    },

    /** Writes (or replaces) the result of an assessment. */
    async upsertResult(
      q: Queryable,
      tenantId: string,
      key: { id: string; periodId: string; madrasahId: string; teacherId: string; raterKind: string },
      record: ResultRecord,
      now: Date,
    ): Promise<void> {
      const values = { tenantId, ...key, ...record, computedAt: now };
      await q
        .insert(assessmentResults)
        .values(values)
        .onConflictDoUpdate({
          target: [assessmentResults.tenantId, assessmentResults.id],
          set: {
            total: record.total,
            maxTotal: record.maxTotal,
            nilai: record.nilai,
            category: record.category,
            creditPercent: record.creditPercent,
            bandRule: record.bandRule,
            competencyValues: record.competencyValues,
            competencyScores: record.competencyScores,
            focusScores: record.focusScores,
            computedAt: now,
          },
        });
    },

    /** The band rule set for a madrasah (assessment_settings), or null when none is set. */
    async bandRuleOf(q: Queryable, tenantId: string, madrasahId: string): Promise<string | null> {
      const found = await q
        .select({ bandRule: assessmentSettings.bandRule })
        .from(assessmentSettings)
        .where(and(eq(assessmentSettings.tenantId, tenantId), eq(assessmentSettings.madrasahId, madrasahId)))
        .limit(1);
      return found[0]?.bandRule ?? null;
    },

    /** The stored result of one assessment, or undefined. */
    async findResult(q: Queryable, tenantId: string, assessmentId: string) {
      const found = await q.select().from(assessmentResults).where(and(eq(assessmentResults.tenantId, tenantId), eq(assessmentResults.id, assessmentId))).limit(1);
      return found[0];
    },

    /** Organisation name and kind (for the kop). */
    async findTenant(q: Queryable, tenantId: string): Promise<{ name: string; kind: string } | undefined> {
      const found = await rows<Row>(q, sql`select name, kind from tenants where id = ${tenantId}::uuid`);
      const row = found[0];
      return row ? { name: String(row.name), kind: String(row.kind) } : undefined;
    },

    /**
     * A signatory from an account: the linked teacher's name and NIP when there is one, else the
     * account name. For the kepala madrasah: the oldest active grant of the madrasah (or tenant-wide).
     */
    async signatory(q: Queryable, tenantId: string, f: { userId: string } | { kepalaOf: string }): Promise<{ name: string; nip: string | null } | undefined> {
      const where =
        'userId' in f
          ? sql`u.id = ${f.userId}::uuid`
          : sql`u.id = (select g.user_id from role_grants g join users gu on gu.tenant_id = g.tenant_id and gu.id = g.user_id
                         where g.tenant_id = ${tenantId}::uuid and g.role = 'kepala_madrasah' and gu.active and (g.madrasah_id = ${f.kepalaOf}::uuid or g.madrasah_id is null)
                         order by g.madrasah_id is null, g.created_at limit 1)`;
      const found = await rows<Row>(
        q,
        sql`select coalesce(t.name, u.name) as name, t.nip from users u left join teachers t on t.tenant_id = u.tenant_id and t.id = u.teacher_id
            where u.tenant_id = ${tenantId}::uuid and ${where}`,
      );
      const row = found[0];
      return row ? { name: String(row.name), nip: row.nip === null ? null : String(row.nip) } : undefined;
    },

    /** Names of the subjects a teacher teaches, in name order. */
    async teacherSubjectNames(q: Queryable, tenantId: string, teacherId: string): Promise<string[]> {
      const found = await rows<Row>(
        q,
        sql`select s.name from teacher_subjects ts join subjects s on s.tenant_id = ts.tenant_id and s.id = ts.subject_id
            where ts.tenant_id = ${tenantId}::uuid and s.tenant_id = ${tenantId}::uuid and ts.teacher_id = ${teacherId}::uuid order by s.name`,
      );
      return found.map((r) => String(r.name));
    },

    /** Removes the result of an assessment (it is no longer final or complete). */
    async deleteResult(q: Queryable, tenantId: string, assessmentId: string): Promise<void> {
      await q.delete(assessmentResults).where(and(eq(assessmentResults.tenantId, tenantId), eq(assessmentResults.id, assessmentId)));
    },

    /**
     * Final assessments without a stored result (finalised before results were persisted, or
     * written by a seed), limited to some periods or one teacher.
     */
    async missingResults(q: Queryable, tenantId: string, f: { periodIds?: readonly string[]; teacherId?: string }): Promise<string[]> {
      const filter = f.teacherId
        ? sql`and a.teacher_id = ${f.teacherId}::uuid`
        : f.periodIds
          ? sql`and a.period_id = any(${sql.param(f.periodIds)}::uuid[])`
          : sql``;
      const found = await rows<Row>(
        q,
        sql`select a.id from assessments a
            where a.tenant_id = ${tenantId}::uuid and a.status = 'final' ${filter}
              and not exists (select 1 from assessment_results r where r.tenant_id = a.tenant_id and r.id = a.id)
              -- only official PKG instruments have a result; a madrasah instrument's never goes missing
              and exists (select 1 from instruments i where i.code = a.instrument_code and i.version = a.instrument_version
                            and i.tenant_id is null and i.scoring_method = 'pkg-2009')`,
      );
      return found.map((r) => String(r.id));
    },

    /** Category counts of final kepala results per period (and group), for the madrasahs in `madrasahIds` ('all': the tenant). */
    async distribution(
      q: Queryable,
      tenantId: string,
      f: { madrasahIds: 'all' | readonly string[]; by: 'overall' | 'madrasah' | 'cluster' | 'mgmp'; academicYear?: string | undefined; kind?: string | undefined; periodId?: string | undefined },
    ): Promise<DistributionRow[]> {
      const scope = f.madrasahIds === 'all' ? sql`` : sql`and r.madrasah_id = any(${sql.param(f.madrasahIds)}::uuid[])`;
      const year = f.academicYear ? sql`and p.academic_year = ${f.academicYear}` : sql``;
      const kind = f.kind ? sql`and p.kind = ${f.kind}` : sql``;
      const period = f.periodId ? sql`and r.period_id = ${f.periodId}::uuid` : sql``;
      const group =
        f.by === 'madrasah'
          ? { select: sql`g.id as group_id, g.name as group_name`, join: sql`join madrasahs g on g.tenant_id = r.tenant_id and g.id = r.madrasah_id`, key: sql`, g.id, g.name` }
          : f.by === 'cluster'
            ? {
                select: sql`g.id as group_id, g.name as group_name`,
                join: sql`join (select distinct ts.teacher_id, s.cluster_id from teacher_subjects ts
                                join subjects s on s.tenant_id = ts.tenant_id and s.id = ts.subject_id
                                where ts.tenant_id = ${tenantId}::uuid and s.tenant_id = ${tenantId}::uuid and s.cluster_id is not null) tc on tc.teacher_id = r.teacher_id
                          join clusters g on g.tenant_id = r.tenant_id and g.id = tc.cluster_id`,
                key: sql`, g.id, g.name`,
              }
            : f.by === 'mgmp'
              ? {
                  select: sql`g.id as group_id, g.name as group_name`,
                  join: sql`join mgmp_members mm on mm.tenant_id = r.tenant_id and mm.teacher_id = r.teacher_id
                            join mgmp_groups g on g.tenant_id = mm.tenant_id and g.id = mm.group_id and g.archived_at is null`,
                  key: sql`, g.id, g.name`,
                }
              : { select: sql`null as group_id, null as group_name`, join: sql``, key: sql`` };
      const found = await rows<Row>(
        q,
        sql`select p.academic_year, p.kind, ${group.select}, r.category, r.band_rule, count(*)::int as n, sum(round(r.nilai * 100))::bigint as cents
            from assessment_results r
            join assessment_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
            ${group.join}
            where r.tenant_id = ${tenantId}::uuid and p.tenant_id = ${tenantId}::uuid and r.rater_kind = 'kepala' ${scope} ${year} ${kind} ${period}
            group by p.academic_year, p.kind ${group.key}, r.category, r.band_rule`,
      );
      return found.map((r) => ({
        academicYear: String(r.academic_year),
        kind: String(r.kind),
        groupId: r.group_id === null ? null : String(r.group_id),
        groupName: r.group_name === null ? null : String(r.group_name),
        category: String(r.category),
        bandRule: String(r.band_rule),
        count: Number(r.n),
        cents: Number(r.cents),
      }));
    },

    /** Period ids of the madrasahs in scope (with optional year / kind), for the backfill before an aggregate. */
    async periodIds(q: Queryable, tenantId: string, f: { madrasahIds: 'all' | readonly string[]; academicYear?: string | undefined; kind?: string | undefined }): Promise<string[]> {
      const scope = f.madrasahIds === 'all' ? sql`` : sql`and p.madrasah_id = any(${sql.param(f.madrasahIds)}::uuid[])`;
      const year = f.academicYear ? sql`and p.academic_year = ${f.academicYear}` : sql``;
      const kind = f.kind ? sql`and p.kind = ${f.kind}` : sql``;
      const found = await rows<Row>(q, sql`select p.id from assessment_periods p where p.tenant_id = ${tenantId}::uuid ${scope} ${year} ${kind}`);
      return found.map((r) => String(r.id));
    },

    /**
     * Teachers with a final kepala result in both periods (the newest result of each when a
     * period holds several), with both results, ordered by the change in Nilai PKG (100).
     */
    async movement(
      q: Queryable,
      tenantId: string,
      f: { madrasahIds: 'all' | readonly string[]; fromYear: string; fromKind: string; toYear: string; toKind: string; movement?: string | undefined; limit: number; offset: number },
    ): Promise<{ items: MovementRow[]; counts: { improved: number; declined: number; unchanged: number } }> {
      const scope = f.madrasahIds === 'all' ? sql`` : sql`and r.madrasah_id = any(${sql.param(f.madrasahIds)}::uuid[])`;
      const side = (year: string, kind: string) =>
        sql`select distinct on (r.teacher_id) r.teacher_id, r.nilai, r.category
            from assessment_results r join assessment_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
            where r.tenant_id = ${tenantId}::uuid and p.tenant_id = ${tenantId}::uuid and r.rater_kind = 'kepala'
              and p.academic_year = ${year} and p.kind = ${kind} ${scope}
            order by r.teacher_id, r.computed_at desc`;
      const pairs = sql`with f as (${side(f.fromYear, f.fromKind)}), t as (${side(f.toYear, f.toKind)}),
        pairs as (select t.teacher_id, f.nilai as from_nilai, f.category as from_category, t.nilai as to_nilai, t.category as to_category,
                         case when t.nilai > f.nilai then 'improved' when t.nilai < f.nilai then 'declined' else 'unchanged' end as movement
                  from f join t on t.teacher_id = f.teacher_id)`;
      const counts = await rows<Row>(q, sql`${pairs} select movement, count(*)::int as n from pairs group by movement`);
      const filter = f.movement ? sql`where pairs.movement = ${f.movement}` : sql``;
      const found = await rows<Row>(
        q,
        sql`${pairs} select pairs.*, te.name as teacher_name, te.madrasah_id, m.name as madrasah_name
            from pairs
            join teachers te on te.tenant_id = ${tenantId}::uuid and te.id = pairs.teacher_id
            join madrasahs m on m.tenant_id = ${tenantId}::uuid and m.id = te.madrasah_id
            ${filter}
            order by abs(pairs.to_nilai - pairs.from_nilai) desc, te.name, te.id
            limit ${f.limit} offset ${f.offset}`,
      );
      const byKind = new Map(counts.map((c) => [String(c.movement), Number(c.n)]));
      return {
        counts: { improved: byKind.get('improved') ?? 0, declined: byKind.get('declined') ?? 0, unchanged: byKind.get('unchanged') ?? 0 },
        items: found.map((r) => ({
          teacherId: String(r.teacher_id),
          teacherName: String(r.teacher_name),
          madrasahId: String(r.madrasah_id),
          madrasahName: String(r.madrasah_name),
          fromNilai: Number(r.from_nilai),
          fromCategory: String(r.from_category),
          toNilai: Number(r.to_nilai),
          toCategory: String(r.to_category),
        })),
      };
    },

    /** Every stored result of a teacher with its period and rater, oldest period first, each row carrying the teacher's count of final assessments. */
    async teacherResults(q: Queryable, tenantId: string, teacherId: string): Promise<TeacherResultRow[]> {
      const found = await rows<Row>(
        q,
        sql`select r.id, r.rater_kind, r.total, r.nilai, r.category, r.credit_percent, r.band_rule, r.competency_values, r.focus_scores,
                   (select count(*)::int from assessments f join instruments fi on fi.code = f.instrument_code and fi.version = f.instrument_version
                     where f.tenant_id = ${tenantId}::uuid and f.teacher_id = ${teacherId}::uuid and f.status = 'final'
                       and fi.tenant_id is null and fi.scoring_method = 'pkg-2009') as finals,
                   p.id as period_id, p.academic_year, p.kind, p.starts_on, a.rater_user_id, a.finalised_at, u.name as rater_name
            from assessment_results r
            join assessment_periods p on p.tenant_id = r.tenant_id and p.id = r.period_id
            join assessments a on a.tenant_id = r.tenant_id and a.id = r.id
            join users u on u.tenant_id = a.tenant_id and u.id = a.rater_user_id
            where r.tenant_id = ${tenantId}::uuid and p.tenant_id = ${tenantId}::uuid and a.tenant_id = ${tenantId}::uuid and u.tenant_id = ${tenantId}::uuid
              and r.teacher_id = ${teacherId}::uuid
            order by p.academic_year, p.kind, p.starts_on, a.finalised_at`,
      );
      return found.map((r) => ({
        assessmentId: String(r.id),
        raterKind: String(r.rater_kind),
        total: Number(r.total),
        nilai: Number(r.nilai),
        category: String(r.category),
        creditPercent: Number(r.credit_percent),
        bandRule: String(r.band_rule),
        competencyValues: (r.competency_values as number[]).map(Number),
        focusScores: r.focus_scores as { code: string; score: number; max: number; percent: number | null }[],
        periodId: String(r.period_id),
        academicYear: String(r.academic_year),
        kind: String(r.kind),
        startsOn: String(r.starts_on),
        raterUserId: String(r.rater_user_id),
        raterName: String(r.rater_name),
        finalisedAt: r.finalised_at === null ? null : new Date(String(r.finalised_at)),
        finals: Number(r.finals),
      }));
    },

    /** The final kepala results of some periods for the recap, in teacher-name order, read in pages (keyset on name, id). */
    async recapPage(q: Queryable, tenantId: string, periodIds: readonly string[], after: { name: string; id: string } | null, limit: number): Promise<RecapRow[]> {
      const cursor = after ? sql`and (te.name, te.id) > (${after.name}, ${after.id}::uuid)` : sql``;
      const found = await rows<Row>(
        q,
        sql`select te.id as teacher_id, te.name, te.nuptk, te.nip, m.name as madrasah_name, r.competency_values, r.total, r.nilai, r.category, r.credit_percent, r.band_rule
            from assessment_results r
            join teachers te on te.tenant_id = r.tenant_id and te.id = r.teacher_id
            join madrasahs m on m.tenant_id = r.tenant_id and m.id = r.madrasah_id
            where r.tenant_id = ${tenantId}::uuid and te.tenant_id = ${tenantId}::uuid and m.tenant_id = ${tenantId}::uuid
              and r.period_id = any(${sql.param(periodIds)}::uuid[]) and r.rater_kind = 'kepala' ${cursor}
            order by te.name, te.id
            limit ${limit}`,
      );
      return found.map((r) => ({
        teacherId: String(r.teacher_id),
        name: String(r.name),
        nuptk: r.nuptk === null ? null : String(r.nuptk),
        nip: r.nip === null ? null : String(r.nip),
        madrasahName: String(r.madrasah_name),
        competencyValues: (r.competency_values as number[]).map(Number),
        total: Number(r.total),
        nilai: Number(r.nilai),
        category: String(r.category),
        creditPercent: Number(r.credit_percent),
        bandRule: String(r.band_rule),
      }));
    },
  };
}

export interface DistributionRow {
  academicYear: string;
  kind: string;
  groupId: string | null;
  groupName: string | null;
  category: string;
  bandRule: string;
  count: number;
  cents: number;
}

export interface MovementRow {
  teacherId: string;
  teacherName: string;
  madrasahId: string;
  madrasahName: string;
  fromNilai: number;
  fromCategory: string;
  toNilai: number;
  toCategory: string;
}

export interface TeacherResultRow {
  assessmentId: string;
  raterKind: string;
  total: number;
  nilai: number;
  category: string;
  creditPercent: number;
  bandRule: string;
  competencyValues: number[];
  focusScores: { code: string; score: number; max: number; percent: number | null }[];
  periodId: string;
  academicYear: string;
  kind: string;
  startsOn: string;
  raterUserId: string;
  raterName: string;
  finalisedAt: Date | null;
  /** How many final assessments the teacher has (results are missing when this is larger than the rows). */
  finals: number;
}

export interface RecapRow {
  teacherId: string;
  name: string;
  nuptk: string | null;
  nip: string | null;
  madrasahName: string;
  competencyValues: number[];
  total: number;
  nilai: number;
  category: string;
  creditPercent: number;
  bandRule: string;
}

export type AssessmentResultsRepository = ReturnType<typeof createAssessmentResultsRepository>;
