import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/tenancy.tables.ts';

/** A madrasah (MTs) of a tenant. NPSN and NSM are text: leading zeros matter. */
export const madrasahs = pgTable(
  'madrasahs',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    npsn: text('npsn'),
    nsm: text('nsm'),
    address: text('address'),
    city: text('city'),
    province: text('province'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    uniqueIndex('madrasahs_npsn_key').on(t.tenantId, t.npsn),
  ],
);

/** Reference catalogue of MTs subjects and clusters (no tenant): copied into each new madrasah, then editable there. */
export const subjectCatalogue = pgTable('subject_catalogue', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  clusterCode: text('cluster_code').notNull(),
  clusterName: text('cluster_name').notNull(),
  curriculum: text('curriculum').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** Rumpun mata pelajaran of a madrasah (the MGMP unit of the study). */
export const clusters = pgTable(
  'clusters',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    uniqueIndex('clusters_code_key').on(t.tenantId, t.madrasahId, t.code),
  ],
);

/** Mata pelajaran of a madrasah. */
export const subjects = pgTable(
  'subjects',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    clusterId: uuid('cluster_id'),
    curriculum: text('curriculum').notNull().default('both'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.clusterId], foreignColumns: [clusters.tenantId, clusters.id] }),
    uniqueIndex('subjects_code_key').on(t.tenantId, t.madrasahId, t.code),
  ],
);

/** A guru. Identifiers are text; uniqueness per tenant where present. */
export const teachers = pgTable(
  'teachers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    employmentStatus: text('employment_status'),
    nuptk: text('nuptk'),
    nip: text('nip'),
    pegId: text('peg_id'),
    nik: text('nik'),
    birthPlace: text('birth_place'),
    birthDate: date('birth_date', { mode: 'string' }),
    ptkType: text('ptk_type'),
    extraDuties: text('extra_duties'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    /** Lower-cased name + identifiers, for trigram search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    uniqueIndex('teachers_nuptk_key').on(t.tenantId, t.nuptk).where(sql`${t.nuptk} is not null`),
    uniqueIndex('teachers_nip_key').on(t.tenantId, t.nip).where(sql`${t.nip} is not null`),
    uniqueIndex('teachers_peg_id_key').on(t.tenantId, t.pegId).where(sql`${t.pegId} is not null`),
    uniqueIndex('teachers_nik_key').on(t.tenantId, t.nik).where(sql`${t.nik} is not null`),
    index('teachers_list_idx').on(t.tenantId, t.madrasahId, t.active, t.name),
    /** The teacher list across the tenant's madrasahs, in name order. */
    index('teachers_name_idx').on(t.tenantId, t.active, t.name, t.id),
  ],
);

/** Which subjects a teacher teaches. */
export const teacherSubjects = pgTable(
  'teacher_subjects',
  {
    tenantId: uuid('tenant_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teacherId, t.subjectId] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.subjectId], foreignColumns: [subjects.tenantId, subjects.id] }),
    index('teacher_subjects_subject_idx').on(t.tenantId, t.subjectId),
  ],
);

/** An uploaded teacher file: parsed and previewed first, committed all-or-nothing later. */
export const teacherImports = pgTable(
  'teacher_imports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    fileName: text('file_name').notNull(),
    layout: text('layout').notNull(),
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull(),
    /** Parsed rows and errors (the preview), kept until commit. */
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    columns: jsonb('columns').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    createdCount: integer('created_count'),
    updatedCount: integer('updated_count'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
  ],
);
