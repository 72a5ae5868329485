import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { escapeLike } from './people.models.ts';
import { clusters, madrasahs, subjectCatalogue, subjects, teacherSubjects, teachers } from './people.tables.ts';

export type TeacherRow = typeof teachers.$inferSelect;

/** What a list row needs: the list never reads (nor ships to Node) the restricted or long columns. */
const teacherSummaryColumns = {
  id: teachers.id,
  madrasahId: teachers.madrasahId,
  name: teachers.name,
  gender: teachers.gender,
  employmentStatus: teachers.employmentStatus,
  active: teachers.active,
};
export type TeacherSummaryRow = Pick<TeacherRow, keyof typeof teacherSummaryColumns>;
export type SubjectRow = typeof subjects.$inferSelect;
export type ClusterRow = typeof clusters.$inferSelect;
export type MadrasahRow = typeof madrasahs.$inferSelect;

/** Filter of the teacher list; `madrasahIds` 'all' means every madrasah of the tenant. */
export interface TeacherFilter {
  madrasahIds: 'all' | string[];
  madrasahId?: string | undefined;
  q?: string | undefined;
  subjectId?: string | undefined;
  clusterId?: string | undefined;
  employmentStatus?: string | undefined;
  active: 'true' | 'false' | 'all';
  limit: number;
  offset: number;
}

function inScope(column: typeof teachers.madrasahId | typeof subjects.madrasahId | typeof clusters.madrasahId | typeof madrasahs.id, ids: 'all' | string[]): SQL | undefined {
  if (ids === 'all') return undefined;
  return ids.length === 0 ? sql`false` : inArray(column, ids);
}

/** False for a patch with nothing to set: an UPDATE without columns is an SQL error, not a no-op. */
function hasValues(patch: object): boolean {
  return Object.values(patch).some((v) => v !== undefined);
}

/** SQL of madrasahs, clusters, subjects and teachers. Every method takes the tenant. */
export function createPeopleRepository() {
  return {
    // ---------- madrasahs ----------
    async listMadrasahs(q: Queryable, tenantId: string, filter: { ids: 'all' | string[]; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(madrasahs.tenantId, tenantId),
        inScope(madrasahs.id, filter.ids),
        filter.q ? ilike(madrasahs.name, `%${escapeLike(filter.q)}%`) : undefined,
      );
      const items = await q.select().from(madrasahs).where(where).orderBy(asc(madrasahs.name)).limit(filter.limit).offset(filter.offset);
      const [total] = await q.select({ n: count() }).from(madrasahs).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async findMadrasah(q: Queryable, tenantId: string, id: string): Promise<MadrasahRow | undefined> {
      const rows = await q.select().from(madrasahs).where(and(eq(madrasahs.tenantId, tenantId), eq(madrasahs.id, id))).limit(1);
      return rows[0];
    },

    async insertMadrasah(q: Queryable, row: typeof madrasahs.$inferInsert): Promise<void> {
      await q.insert(madrasahs).values(row);
    },

    /**
     * Copies the MTs subject catalogue (reference data) into a new madrasah: its clusters and subjects,
     * which the madrasah may then edit. Returns the created rows.
     */
    async copyCatalogue(q: Queryable, tenantId: string, madrasahId: string, newId: () => string) {
      const catalogue = await q.select().from(subjectCatalogue).orderBy(asc(subjectCatalogue.sortOrder));
      const clusterIds = new Map<string, string>();
      const clusterRows: (typeof clusters.$inferInsert)[] = [];
      for (const c of catalogue) {
        if (clusterIds.has(c.clusterCode)) continue;
        const id = newId();
        clusterIds.set(c.clusterCode, id);
        clusterRows.push({ tenantId, id, madrasahId, code: c.clusterCode, name: c.clusterName });
      }
      const subjectRows = catalogue.map((c) => ({
        tenantId,
        id: newId(),
        madrasahId,
        code: c.code,
        name: c.name,
        clusterId: clusterIds.get(c.clusterCode) ?? null,
        curriculum: c.curriculum,
      }));
      if (clusterRows.length > 0) await q.insert(clusters).values(clusterRows);
      if (subjectRows.length > 0) await q.insert(subjects).values(subjectRows);
      return { clusters: clusterRows, subjects: subjectRows };
    },

    // ---------- clusters ----------
    async listClusters(q: Queryable, tenantId: string, filter: { ids: 'all' | string[]; madrasahId?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
      const where = and(
        eq(clusters.tenantId, tenantId),
        inScope(clusters.madrasahId, filter.ids),
        filter.madrasahId ? eq(clusters.madrasahId, filter.madrasahId) : undefined,
        filter.q ? or(ilike(clusters.name, `%${escapeLike(filter.q)}%`), ilike(clusters.code, `%${escapeLike(filter.q)}%`)) : undefined,
      );
      const items = await q.select().from(clusters).where(where).orderBy(asc(clusters.name)).limit(filter.limit).offset(filter.offset);
      const [total] = await q.select({ n: count() }).from(clusters).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async findCluster(q: Queryable, tenantId: string, id: string): Promise<ClusterRow | undefined> {
      const rows = await q.select().from(clusters).where(and(eq(clusters.tenantId, tenantId), eq(clusters.id, id))).limit(1);
      return rows[0];
    },

    async insertCluster(q: Queryable, row: typeof clusters.$inferInsert): Promise<void> {
      await q.insert(clusters).values(row);
    },

    async updateCluster(q: Queryable, tenantId: string, id: string, patch: Partial<typeof clusters.$inferInsert>): Promise<void> {
      if (!hasValues(patch)) return;
      await q.update(clusters).set(patch).where(and(eq(clusters.tenantId, tenantId), eq(clusters.id, id)));
    },

    async codeTaken(q: Queryable, table: 'clusters' | 'subjects', tenantId: string, madrasahId: string, code: string, exceptId?: string): Promise<boolean> {
      const t = table === 'clusters' ? clusters : subjects;
      const rows = await q
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.tenantId, tenantId), eq(t.madrasahId, madrasahId), sql`lower(${t.code}) = lower(${code})`, exceptId ? sql`${t.id} <> ${exceptId}` : undefined))
        .limit(1);
      return rows.length > 0;
    },

    // ---------- subjects ----------
    async listSubjects(q: Queryable, tenantId: string, filter: { ids: 'all' | string[]; madrasahId?: string | undefined; q?: string | undefined; active?: 'true' | 'false' | undefined; limit: number; offset: number }) {
      const where = and(
        eq(subjects.tenantId, tenantId),
        inScope(subjects.madrasahId, filter.ids),
        filter.madrasahId ? eq(subjects.madrasahId, filter.madrasahId) : undefined,
        filter.active ? eq(subjects.active, filter.active === 'true') : undefined,
        filter.q ? or(ilike(subjects.name, `%${escapeLike(filter.q)}%`), ilike(subjects.code, `%${escapeLike(filter.q)}%`)) : undefined,
      );
      const items = await q.select().from(subjects).where(where).orderBy(asc(subjects.name)).limit(filter.limit).offset(filter.offset);
      const [total] = await q.select({ n: count() }).from(subjects).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async findSubject(q: Queryable, tenantId: string, id: string): Promise<SubjectRow | undefined> {
      const rows = await q.select().from(subjects).where(and(eq(subjects.tenantId, tenantId), eq(subjects.id, id))).limit(1);
      return rows[0];
    },

    async findSubjectsByIds(q: Queryable, tenantId: string, ids: string[]): Promise<SubjectRow[]> {
      if (ids.length === 0) return [];
      return q.select().from(subjects).where(and(eq(subjects.tenantId, tenantId), inArray(subjects.id, ids)));
    },

    async insertSubject(q: Queryable, row: typeof subjects.$inferInsert): Promise<void> {
      await q.insert(subjects).values(row);
    },

    async updateSubject(q: Queryable, tenantId: string, id: string, patch: Partial<typeof subjects.$inferInsert>): Promise<void> {
      if (!hasValues(patch)) return;
      await q.update(subjects).set(patch).where(and(eq(subjects.tenantId, tenantId), eq(subjects.id, id)));
    },

    // ---------- teachers ----------
    async listTeachers(q: Queryable, tenantId: string, filter: TeacherFilter) {
      const subjectMatch = (cond: SQL) =>
        exists(
          q
            .select({ one: sql`1` })
            .from(teacherSubjects)
            .innerJoin(subjects, and(eq(subjects.tenantId, teacherSubjects.tenantId), eq(subjects.id, teacherSubjects.subjectId)))
            .where(and(eq(teacherSubjects.tenantId, teachers.tenantId), eq(teacherSubjects.teacherId, teachers.id), cond)),
        );
      const where = and(
        eq(teachers.tenantId, tenantId),
        inScope(teachers.madrasahId, filter.madrasahIds),
        filter.madrasahId ? eq(teachers.madrasahId, filter.madrasahId) : undefined,
        filter.active === 'all' ? undefined : eq(teachers.active, filter.active === 'true'),
        filter.employmentStatus ? eq(teachers.employmentStatus, filter.employmentStatus) : undefined,
        filter.q ? sql`${teachers.searchText} like ${`%${escapeLike(filter.q.toLowerCase())}%`}` : undefined,
        filter.subjectId ? subjectMatch(eq(subjects.id, filter.subjectId)) : undefined,
        filter.clusterId ? subjectMatch(eq(subjects.clusterId, filter.clusterId)) : undefined,
      );
      // Page and total in one pass over the matches (the window count); a second query only when
      // the page is past the end and so carries no row to read the total from.
      const rows = await q
        .select({ teacher: teacherSummaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(teachers)
        .where(where)
        .orderBy(asc(teachers.name), asc(teachers.id))
        .limit(filter.limit)
        .offset(filter.offset);
      if (rows.length > 0) return { items: rows.map((r) => r.teacher), total: rows[0]?.total ?? 0 };
      const [total] = await q.select({ n: count() }).from(teachers).where(where);
      return { items: [], total: total?.n ?? 0 };
    },

    /** Subjects of several teachers at once (one query for a whole page). */
    async subjectsOfTeachers(q: Queryable, tenantId: string, teacherIds: string[]) {
      if (teacherIds.length === 0) return [];
      return q
        .select({ teacherId: teacherSubjects.teacherId, id: subjects.id, name: subjects.name, clusterId: subjects.clusterId })
        .from(teacherSubjects)
        .innerJoin(subjects, and(eq(subjects.tenantId, teacherSubjects.tenantId), eq(subjects.id, teacherSubjects.subjectId)))
        .where(and(eq(teacherSubjects.tenantId, tenantId), inArray(teacherSubjects.teacherId, teacherIds)))
        .orderBy(asc(subjects.name));
    },

    async findTeacher(q: Queryable, tenantId: string, id: string): Promise<TeacherRow | undefined> {
      const rows = await q.select().from(teachers).where(and(eq(teachers.tenantId, tenantId), eq(teachers.id, id))).limit(1);
      return rows[0];
    },

    /** Another teacher of the tenant holding one of these identifiers, if any. */
    async findIdentifierClash(
      q: Queryable,
      tenantId: string,
      ids: { nuptk?: string | null; nip?: string | null; pegId?: string | null; nik?: string | null },
      exceptId?: string,
    ): Promise<TeacherRow | undefined> {
      const conds = [
        ids.nuptk ? eq(teachers.nuptk, ids.nuptk) : undefined,
        ids.nip ? eq(teachers.nip, ids.nip) : undefined,
        ids.pegId ? eq(teachers.pegId, ids.pegId) : undefined,
        ids.nik ? eq(teachers.nik, ids.nik) : undefined,
      ].filter((c): c is SQL => c !== undefined);
      if (conds.length === 0) return undefined;
      const rows = await q
        .select()
        .from(teachers)
        .where(and(eq(teachers.tenantId, tenantId), or(...conds), exceptId ? sql`${teachers.id} <> ${exceptId}` : undefined))
        .limit(1);
      return rows[0];
    },

    async insertTeacher(q: Queryable, row: typeof teachers.$inferInsert): Promise<void> {
      await q.insert(teachers).values(row);
    },

    async updateTeacher(q: Queryable, tenantId: string, id: string, patch: Partial<typeof teachers.$inferInsert>): Promise<void> {
      await q.update(teachers).set({ ...patch, updatedAt: new Date() }).where(and(eq(teachers.tenantId, tenantId), eq(teachers.id, id)));
    },

    async replaceTeacherSubjects(q: Queryable, tenantId: string, teacherId: string, subjectIds: string[]): Promise<void> {
      await q.delete(teacherSubjects).where(and(eq(teacherSubjects.tenantId, tenantId), eq(teacherSubjects.teacherId, teacherId)));
      if (subjectIds.length > 0) {
        await q.insert(teacherSubjects).values([...new Set(subjectIds)].map((subjectId) => ({ tenantId, teacherId, subjectId })));
      }
    },
  };
}
export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
