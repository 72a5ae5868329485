/**
 * SQL of the teacher import. Every method takes the tenant, except the one system lookup the CLI
 * needs before it knows the tenant (`findMadrasahsByNpsnForSystem`, which says so).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportLayout, ImportTeacherRow } from '@tumbuh/shared';
import type { Queryable } from '../../../db/database.ts';
import { madrasahs, subjects, teacherImports, teachers } from '../people.tables.ts';
import type { ExistingTeacher, ImportIssue, PlannedRow, SubjectRef } from './imports.models.ts';

/** A madrasah as the import needs it. */
export interface ImportMadrasah {
  tenantId: string;
  id: string;
  name: string;
  npsn: string | null;
  nsm: string | null;
}

/** What the preview and the commit read of a stored import (rows left out unless asked for). */
export interface StoredImport {
  id: string;
  madrasahId: string;
  fileName: string;
  layout: ImportLayout;
  status: 'previewed' | 'committed' | 'rejected';
  totalRows: number;
  errors: ImportIssue[];
  columns: { header: string; field: string | null }[];
  createdCount: number | null;
  updatedCount: number | null;
}

/** Summary columns of the preview, computed from the stored rows. */
export interface StoredImportSummary extends StoredImport {
  sample: ImportTeacherRow[];
  toCreate: number;
  toUpdate: number;
  validRows: number;
}

/** The teacher columns an import writes, in the compact order the audit entry uses. */
export const TEACHER_WRITE_FIELDS = [
  'id', 'name', 'gender', 'employmentStatus', 'nuptk', 'nip', 'pegId', 'nik', 'birthPlace', 'birthDate',
  'ptkType', 'extraDuties', 'phone', 'email', 'address',
] as const;
type WriteField = (typeof TEACHER_WRITE_FIELDS)[number];
/** A teacher as one row of an import writes it. */
export type TeacherWrite = Record<WriteField, string | null> & { id: string; name: string };

/** Rows per INSERT … SELECT FROM unnest(…): one statement per chunk, arrays as parameters. */
const WRITE_CHUNK = 2500;

const importColumns = {
  id: teacherImports.id,
  madrasahId: teacherImports.madrasahId,
  fileName: teacherImports.fileName,
  layout: teacherImports.layout,
  status: teacherImports.status,
  totalRows: teacherImports.totalRows,
  errors: teacherImports.errors,
  columns: teacherImports.columns,
  createdCount: teacherImports.createdCount,
  updatedCount: teacherImports.updatedCount,
};

type ImportRecord = { [K in keyof typeof importColumns]: unknown };

function toStored(row: ImportRecord): StoredImport {
  return {
    id: row.id as string,
    madrasahId: row.madrasahId as string,
    fileName: row.fileName as string,
    layout: row.layout as ImportLayout,
    status: row.status as StoredImport['status'],
    totalRows: row.totalRows as number,
    errors: row.errors as ImportIssue[],
    columns: row.columns as StoredImport['columns'],
    createdCount: row.createdCount as number | null,
    updatedCount: row.updatedCount as number | null,
  };
}

const textArray = (values: (string | null)[]) => sql`${sql.param(values)}::text[]`;

/** Builds the repository; stateless, so one per app is enough. */
export function createTeacherImportsRepository() {
  return {
    /** The madrasah of the tenant, or undefined. */
    async findMadrasah(q: Queryable, tenantId: string, madrasahId: string): Promise<ImportMadrasah | undefined> {
      const rows = await q
        .select({ tenantId: madrasahs.tenantId, id: madrasahs.id, name: madrasahs.name, npsn: madrasahs.npsn, nsm: madrasahs.nsm })
        .from(madrasahs)
        .where(and(eq(madrasahs.tenantId, tenantId), eq(madrasahs.id, madrasahId)))
        .limit(1);
      return rows[0];
    },

    /**
     * System lookup (no tenant yet, used by the CLI): every madrasah with this NPSN in any tenant.
     * Run it on the pool, not inside `withTenant`, or row-level security hides the other tenants.
     */
    async findMadrasahsByNpsnForSystem(q: Queryable, npsn: string): Promise<ImportMadrasah[]> {
      return q
        .select({ tenantId: madrasahs.tenantId, id: madrasahs.id, name: madrasahs.name, npsn: madrasahs.npsn, nsm: madrasahs.nsm })
        .from(madrasahs)
        .where(eq(madrasahs.npsn, npsn))
        .limit(10);
    },

    /** Subjects of the madrasah (inactive ones too: an import may still name them). */
    async listSubjects(q: Queryable, tenantId: string, madrasahId: string): Promise<SubjectRef[]> {
      return q
        .select({ id: subjects.id, code: subjects.code, name: subjects.name })
        .from(subjects)
        .where(and(eq(subjects.tenantId, tenantId), eq(subjects.madrasahId, madrasahId)));
    },

    /** Identifiers of every teacher of the tenant: what rows are matched against. */
    async listTeacherIdentities(q: Queryable, tenantId: string): Promise<ExistingTeacher[]> {
      return q
        .select({
          id: teachers.id,
          madrasahId: teachers.madrasahId,
          name: teachers.name,
          nuptk: teachers.nuptk,
          nip: teachers.nip,
          pegId: teachers.pegId,
          nik: teachers.nik,
          birthDate: teachers.birthDate,
        })
        .from(teachers)
        .where(eq(teachers.tenantId, tenantId));
    },

    /** Stores a previewed import with its rows and errors. */
    async insertImport(
      q: Queryable,
      tenantId: string,
      input: {
        id: string;
        madrasahId: string;
        fileName: string;
        layout: ImportLayout;
        rows: ImportTeacherRow[];
        errors: ImportIssue[];
        columns: { header: string; field: string | null }[];
        createdBy: string | null;
        createdAt: Date;
      },
    ): Promise<void> {
      await q.insert(teacherImports).values({
        tenantId,
        id: input.id,
        madrasahId: input.madrasahId,
        fileName: input.fileName,
        layout: input.layout,
        status: 'previewed',
        totalRows: input.rows.length,
        rows: input.rows,
        errors: input.errors,
        columns: input.columns,
        createdBy: input.createdBy,
        createdAt: input.createdAt,
      });
    },

    /** The import with counts and the first `sampleSize` rows, without loading every row. */
    async findImportSummary(q: Queryable, tenantId: string, importId: string, sampleSize: number): Promise<StoredImportSummary | undefined> {
      const rows = await q
        .select({
          ...importColumns,
          sample: sql<ImportTeacherRow[]>`jsonb_path_query_array(${teacherImports.rows}, ${`$[0 to ${Math.max(0, sampleSize - 1)}]`}::jsonpath)`,
          toCreate: sql<number>`(select count(*)::int from jsonb_array_elements(${teacherImports.rows}) r where r->>'action' = 'create')`,
          toUpdate: sql<number>`(select count(*)::int from jsonb_array_elements(${teacherImports.rows}) r where r->>'action' = 'update')`,
          validRows: sql<number>`(select count(*)::int from jsonb_array_elements(${teacherImports.rows}) r
            where (r->>'row')::int not in (select (e->>'row')::int from jsonb_array_elements(${teacherImports.errors}) e))`,
        })
        .from(teacherImports)
        .where(and(eq(teacherImports.tenantId, tenantId), eq(teacherImports.id, importId)))
        .limit(1);
      const row = rows[0];
      if (!row) return undefined;
      return { ...toStored(row), sample: row.sample, toCreate: row.toCreate, toUpdate: row.toUpdate, validRows: row.validRows };
    },

    /** The import with all its rows, locked until the transaction ends (one commit at a time). */
    async lockImportWithRows(
      q: Queryable,
      tenantId: string,
      importId: string,
    ): Promise<(StoredImport & { rows: ImportTeacherRow[] }) | undefined> {
      const rows = await q
        .select({ ...importColumns, rows: teacherImports.rows })
        .from(teacherImports)
        .where(and(eq(teacherImports.tenantId, tenantId), eq(teacherImports.id, importId)))
        .for('update')
        .limit(1);
      const row = rows[0];
      if (!row) return undefined;
      return { ...toStored(row), rows: row.rows as ImportTeacherRow[] };
    },

    /** The teachers' current values of the written columns (the audit's "before"). */
    async listTeachersForAudit(q: Queryable, tenantId: string, ids: string[]): Promise<TeacherWrite[]> {
      if (ids.length === 0) return [];
      return q
        .select({
          id: teachers.id,
          name: teachers.name,
          gender: teachers.gender,
          employmentStatus: teachers.employmentStatus,
          nuptk: teachers.nuptk,
          nip: teachers.nip,
          pegId: teachers.pegId,
          nik: teachers.nik,
          birthPlace: teachers.birthPlace,
          birthDate: teachers.birthDate,
          ptkType: teachers.ptkType,
          extraDuties: teachers.extraDuties,
          phone: teachers.phone,
          email: teachers.email,
          address: teachers.address,
        })
        .from(teachers)
        .where(and(eq(teachers.tenantId, tenantId), inArray(teachers.id, ids)));
    },

    /**
     * Inserts new teachers and updates matched ones in bulk (INSERT … SELECT FROM unnest … ON
     * CONFLICT on the primary key). An update keeps a stored value where the file has none, keeps
     * the teacher's madrasah and active flag, and recomputes `search_text` with the shared formula.
     * A matched row whose values would not change is not rewritten (a re-import of the same file
     * touches neither `updated_at` nor the indexes). Returns how many rows were inserted and how
     * many were actually changed; a matched teacher that meanwhile moved to another madrasah is
     * left alone.
     */
    async upsertTeachers(
      q: Queryable,
      tenantId: string,
      madrasahId: string,
      rows: TeacherWrite[],
      now: Date,
    ): Promise<{ created: number; changed: number }> {
      const total = { created: 0, changed: 0 };
      for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
        const chunk = rows.slice(start, start + WRITE_CHUNK);
        const col = (field: WriteField) => textArray(chunk.map((r) => r[field]));
        const result = await q.execute<{ created: number; changed: number }>(sql`
          with written as (
          insert into teachers (tenant_id, id, madrasah_id, name, gender, employment_status, nuptk, nip, peg_id, nik,
            birth_place, birth_date, ptk_type, extra_duties, phone, email, address, search_text, created_at, updated_at)
          select ${tenantId}::uuid, u.id::uuid, ${madrasahId}::uuid, u.name, u.gender, u.employment_status, u.nuptk, u.nip,
            u.peg_id, u.nik, u.birth_place, u.birth_date::date, u.ptk_type, u.extra_duties, u.phone, u.email, u.address,
            lower(u.name || ' ' || coalesce(u.nuptk, '') || ' ' || coalesce(u.nip, '') || ' ' || coalesce(u.peg_id, '')),
            ${now}, ${now}
          from unnest(${col('id')}, ${col('name')}, ${col('gender')}, ${col('employmentStatus')}, ${col('nuptk')},
            ${col('nip')}, ${col('pegId')}, ${col('nik')}, ${col('birthPlace')}, ${col('birthDate')}, ${col('ptkType')},
            ${col('extraDuties')}, ${col('phone')}, ${col('email')}, ${col('address')})
            as u(id, name, gender, employment_status, nuptk, nip, peg_id, nik, birth_place, birth_date, ptk_type,
              extra_duties, phone, email, address)
          on conflict (tenant_id, id) do update set
            name = excluded.name,
            gender = coalesce(excluded.gender, teachers.gender),
            employment_status = coalesce(excluded.employment_status, teachers.employment_status),
            nuptk = coalesce(excluded.nuptk, teachers.nuptk),
            nip = coalesce(excluded.nip, teachers.nip),
            peg_id = coalesce(excluded.peg_id, teachers.peg_id),
            nik = coalesce(excluded.nik, teachers.nik),
            birth_place = coalesce(excluded.birth_place, teachers.birth_place),
            birth_date = coalesce(excluded.birth_date, teachers.birth_date),
            ptk_type = coalesce(excluded.ptk_type, teachers.ptk_type),
            extra_duties = coalesce(excluded.extra_duties, teachers.extra_duties),
            phone = coalesce(excluded.phone, teachers.phone),
            email = coalesce(excluded.email, teachers.email),
            address = coalesce(excluded.address, teachers.address),
            search_text = lower(excluded.name || ' ' || coalesce(coalesce(excluded.nuptk, teachers.nuptk), '') || ' '
              || coalesce(coalesce(excluded.nip, teachers.nip), '') || ' ' || coalesce(coalesce(excluded.peg_id, teachers.peg_id), '')),
            updated_at = excluded.updated_at
          where teachers.madrasah_id = excluded.madrasah_id
            and (teachers.name, teachers.gender, teachers.employment_status, teachers.nuptk, teachers.nip, teachers.peg_id,
              teachers.nik, teachers.birth_place, teachers.birth_date, teachers.ptk_type, teachers.extra_duties,
              teachers.phone, teachers.email, teachers.address)
            is distinct from (excluded.name, coalesce(excluded.gender, teachers.gender),
              coalesce(excluded.employment_status, teachers.employment_status), coalesce(excluded.nuptk, teachers.nuptk),
              coalesce(excluded.nip, teachers.nip), coalesce(excluded.peg_id, teachers.peg_id), coalesce(excluded.nik, teachers.nik),
              coalesce(excluded.birth_place, teachers.birth_place), coalesce(excluded.birth_date, teachers.birth_date),
              coalesce(excluded.ptk_type, teachers.ptk_type), coalesce(excluded.extra_duties, teachers.extra_duties),
              coalesce(excluded.phone, teachers.phone), coalesce(excluded.email, teachers.email),
              coalesce(excluded.address, teachers.address))
          returning (xmax = 0) as inserted
          )
          select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as changed from written
        `);
        total.created += result.rows[0]?.created ?? 0;
        total.changed += result.rows[0]?.changed ?? 0;
      }
      return total;
    },

    /** Replaces the subjects of these teachers with the given pairs. */
    async replaceTeacherSubjects(q: Queryable, tenantId: string, teacherIds: string[], pairs: { teacherId: string; subjectId: string }[]): Promise<void> {
      for (let start = 0; start < teacherIds.length; start += WRITE_CHUNK) {
        const chunk = teacherIds.slice(start, start + WRITE_CHUNK);
        await q.execute(sql`delete from teacher_subjects where tenant_id = ${tenantId}::uuid and teacher_id = any(${sql.param(chunk)}::uuid[])`);
      }
      for (let start = 0; start < pairs.length; start += WRITE_CHUNK) {
        const chunk = pairs.slice(start, start + WRITE_CHUNK);
        await q.execute(sql`
          insert into teacher_subjects (tenant_id, teacher_id, subject_id)
          select ${tenantId}::uuid, p.teacher_id, p.subject_id
          from unnest(${sql.param(chunk.map((p) => p.teacherId))}::uuid[], ${sql.param(chunk.map((p) => p.subjectId))}::uuid[]) as p(teacher_id, subject_id)
          on conflict do nothing
        `);
      }
    },

    /** Marks the import committed with what it did. */
    async markCommitted(q: Queryable, tenantId: string, importId: string, result: { created: number; updated: number; at: Date }): Promise<void> {
      await q
        .update(teacherImports)
        .set({ status: 'committed', committedAt: result.at, createdCount: result.created, updatedCount: result.updated })
        .where(and(eq(teacherImports.tenantId, tenantId), eq(teacherImports.id, importId)));
    },

    /** Marks the import rejected (a commit was refused) and keeps the errors that refused it. */
    async markRejected(q: Queryable, tenantId: string, importId: string, errors: ImportIssue[]): Promise<void> {
      await q
        .update(teacherImports)
        .set({ status: 'rejected', errors })
        .where(and(eq(teacherImports.tenantId, tenantId), eq(teacherImports.id, importId), sql`${teacherImports.status} <> 'committed'`));
    },
  };
}

/** The repository's type, for use-case dependencies. */
export type TeacherImportsRepository = ReturnType<typeof createTeacherImportsRepository>;

/** A planned row as the teacher columns it writes. */
export function toTeacherWrite(row: PlannedRow, id: string): TeacherWrite {
  return {
    id,
    name: row.name,
    gender: row.gender,
    employmentStatus: row.employmentStatus,
    nuptk: row.nuptk,
    nip: row.nip,
    pegId: row.pegId,
    nik: row.nik,
    birthPlace: row.birthPlace,
    birthDate: row.birthDate,
    ptkType: row.ptkType,
    extraDuties: row.extraDuties,
    phone: row.phone,
    email: row.email,
    address: row.address,
  };
}
