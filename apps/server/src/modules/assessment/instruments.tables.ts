import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Official assessment instruments: reference data shared by all tenants (no `tenant_id`, Citus
 * reference tables), loaded by migration, read-only for requests (writes revoked from
 * `tumbuh_app`). Ids are fixed UUIDs written in the seed migration, so every installation has the
 * same ids. Madrasah-built instruments will live in tenant tables of the same shape (see
 * docs/assessment-focus-mapping.md, "Custom instruments later").
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
  },
  (t) => [uniqueIndex('instruments_code_version_key').on(t.code, t.version)],
);

/** Ranah / component of an instrument (PKG: pedagogik, kepribadian, sosial, profesional). */
export const instrumentDomains = pgTable(
  'instrument_domains',
  {
    id: uuid('id').primaryKey(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
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
    /** Number within its competency, 1-based: the position of its rating in the ratings array. */
    number: integer('number').notNull(),
    /** Official wording (Bahasa Indonesia). */
    text: text('text').notNull(),
    /** Position across the whole instrument (PKG 1–78, PMM 1–8 as officially numbered). */
    sortOrder: integer('sort_order').notNull(),
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
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.focus] }),
    foreignKey({ columns: [t.indicatorId], foreignColumns: [instrumentIndicators.id] }),
    foreignKey({ columns: [t.focus], foreignColumns: [focusDimensions.code] }),
    index('instrument_indicator_focus_focus_idx').on(t.focus),
  ],
);
