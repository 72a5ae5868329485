import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { madrasahs } from '../people/people.tables.ts';

/**
 * Assessment instruments, official and madrasah-built, in ONE set of tables so every foreign key
 * from observations and assessments (`(instrument_code, instrument_version)`, `indicator_id`) holds
 * for both. Official rows have `tenant_id` null: reference data loaded by migration (fixed UUID v5
 * ids, same on every installation), readable by every tenant, writable by none (row-level security:
 * reads see `tenant_id is null or = the current tenant`, writes only the current tenant's rows).
 * Madrasah rows carry `tenant_id` + `madrasah_id` and UUID v7 ids. A published instrument is frozen
 * by a trigger (drizzle/0022_madrasah_instruments_rls.sql): no row of it, or of its tree, changes.
 * See docs/ARCHITECTURE.md and docs/assessment-focus-mapping.md ("Madrasah instruments").
 */
export const instruments = pgTable(
  'instruments',
  {
    id: uuid('id').primaryKey(),
    /** Stable code of the instrument family, e.g. `pkg-2009-guru-mapel`. */
    code: text('code').notNull(),
    /** 1, 2, …: a published version is frozen; a change makes a new version. */
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** `pkg` (PK Guru, scored) or `observation` (rated per indicator, no total). */
    kind: text('kind').notNull(),
    /** How a full set of ratings becomes a result: `pkg-2009` or `none`. */
    scoringMethod: text('scoring_method').notNull(),
    /** Legal basis and where the wording comes from. */
    source: text('source').notNull(),
    /** The rating scale: `{ levels: [{ value, label, description }] }`, lowest first. */
    scale: jsonb('scale').notNull(),
    /** `published` (frozen). `draft` is reserved for madrasah-built instruments. */
    status: text('status').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Null for official instruments; the owning tenant and madrasah of a madrasah-built one. */
    tenantId: uuid('tenant_id'),
    madrasahId: uuid('madrasah_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('instruments_code_version_key').on(t.code, t.version),
    /** At most one draft per code (a change to a published version is one new draft). */
    uniqueIndex('instruments_one_draft_key').on(t.code).where(sql`status = 'draft'`),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    index('instruments_tenant_madrasah_idx').on(t.tenantId, t.madrasahId),
    check('instruments_owner_check', sql`(tenant_id is null) = (madrasah_id is null)`),
    check('instruments_status_check', sql`status in ('draft', 'published')`),
    check('instruments_published_at_check', sql`(status = 'published') = (published_at is not null)`),
  ],
);

/** Ranah / component of an instrument (PKG: pedagogik, kepribadian, sosial, profesional). */
export const instrumentDomains = pgTable(
  'instrument_domains',
  {
    id: uuid('id').primaryKey(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    /** As its instrument's (null for official ones); the freeze trigger checks it matches. */
    tenantId: uuid('tenant_id'),
    /** Stable slug within the instrument, e.g. `pedagogik`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('instrument_domains_code_key').on(t.instrumentId, t.code)],
);

/** Kompetensi (PKG: 1–14) of an instrument, in one domain. */
export const instrumentCompetencies = pgTable(
  'instrument_competencies',
  {
    id: uuid('id').primaryKey(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    domainId: uuid('domain_id')
      .notNull()
      .references(() => instrumentDomains.id),
    tenantId: uuid('tenant_id'),
    /** Official number, 1-based, unique within the instrument; ratings are keyed by it. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [uniqueIndex('instrument_competencies_number_key').on(t.instrumentId, t.number), index('instrument_competencies_domain_idx').on(t.domainId)],
);

/** Indikator: one rated statement, in the official wording. */
export const instrumentIndicators = pgTable(
  'instrument_indicators',
  {
    id: uuid('id').primaryKey(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    competencyId: uuid('competency_id')
      .notNull()
      .references(() => instrumentCompetencies.id),
    tenantId: uuid('tenant_id'),
    /** Number within its competency, 1-based: the position of its rating in the ratings array. */
    number: integer('number').notNull(),
    /** Official wording (Bahasa Indonesia). */
    text: text('text').notNull(),
    /** Position across the whole instrument (PKG 1–78, PMM 1–8 as officially numbered). */
    sortOrder: integer('sort_order').notNull(),
    /** What each scale level looks like for this indicator: `{ "<level value>": text }`, may be partial. */
    descriptors: jsonb('descriptors').notNull().default({}),
  },
  (t) => [
    uniqueIndex('instrument_indicators_number_key').on(t.competencyId, t.number),
    uniqueIndex('instrument_indicators_order_key').on(t.instrumentId, t.sortOrder),
  ],
);

/** The study's focus dimensions an indicator can be tagged with. */
export const focusDimensions = pgTable('focus_dimensions', {
  /** `proses-pembelajaran`, `pengelolaan-kelas`, `penanganan-masalah`. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** Focus tags of an indicator; the reason for each is written in docs/assessment-focus-mapping.md. */
export const instrumentIndicatorFocus = pgTable(
  'instrument_indicator_focus',
  {
    indicatorId: uuid('indicator_id').notNull(),
    focus: text('focus').notNull(),
    tenantId: uuid('tenant_id'),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.focus] }),
    foreignKey({ columns: [t.indicatorId], foreignColumns: [instrumentIndicators.id] }),
    foreignKey({ columns: [t.focus], foreignColumns: [focusDimensions.code] }),
    index('instrument_indicator_focus_focus_idx').on(t.focus),
  ],
);
