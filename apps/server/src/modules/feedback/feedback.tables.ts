import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { focusDimensions } from '../assessment/instruments.tables.ts';
import { madrasahs, subjects, teachers } from '../people/people.tables.ts';
import { tenants, users } from '../tenancy/tenancy.tables.ts';

/**
 * Anonymous student feedback. Item sets are reference data (no tenant, loaded by migration,
 * read-only for requests); rounds, answers and the tenant's threshold are tenant tables.
 *
 * Privacy (see docs/ARCHITECTURE.md, "Student feedback: what is stored"): an answer row holds the
 * round, a keyed hash of the device's random per-round value, the optional comment and the
 * values. No name, NISN, IP address, user agent or submission time column exists.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A versioned set of feedback statements (reference data). */
export const feedbackItemSets = pgTable(
  'feedback_item_sets',
  {
    /** e.g. `umpan-balik-siswa-2026`. */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

/** One statement of a set, tagged to one focus dimension, answered on a 4-point scale. */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    /** Fixed UUID written by the seed migration (UUID v5 of `feedback:<code>@<version>/<number>`). */
    id: uuid('id').primaryKey(),
    setCode: text('set_code').notNull(),
    setVersion: integer('set_version').notNull(),
    number: integer('number').notNull(),
    focus: text('focus')
      .notNull()
      .references(() => focusDimensions.code),
    textId: text('text_id').notNull(),
    textEn: text('text_en').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.setCode, t.setVersion], foreignColumns: [feedbackItemSets.code, feedbackItemSets.version] }),
    uniqueIndex('feedback_items_number_key').on(t.setCode, t.setVersion, t.number),
  ],
);

/** The tenant's feedback settings: the minimum number of answers before results are shown (never below 5). */
export const feedbackSettings = pgTable(
  'feedback_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    minAnswers: integer('min_answers').notNull().default(5),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    check('feedback_settings_min_answers_check', sql`${t.minAnswers} between 5 and 1000`),
  ],
);

/** A feedback round: one class answering about one teacher (and subject), reached by its public token. */
export const feedbackRounds = pgTable(
  'feedback_rounds',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    madrasahId: uuid('madrasah_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    subjectId: uuid('subject_id'),
    /** Rombel, e.g. `VIII-B`. */
    className: text('class_name').notNull(),
    itemSetCode: text('item_set_code').notNull(),
    itemSetVersion: integer('item_set_version').notNull(),
    /** The public link token: 128 random bits, base64url. Unique across tenants (it finds the tenant). */
    token: text('token').notNull(),
    /** HMAC key for device hashes; erased when the round closes (old hashes then link to nothing). */
    deviceSecret: bytea('device_secret'),
    /** open / closed. */
    status: text('status').notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.teacherId], foreignColumns: [teachers.tenantId, teachers.id] }),
    foreignKey({ columns: [t.tenantId, t.subjectId], foreignColumns: [subjects.tenantId, subjects.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.itemSetCode, t.itemSetVersion], foreignColumns: [feedbackItemSets.code, feedbackItemSets.version] }),
    check('feedback_rounds_status_check', sql`${t.status} in ('open', 'closed')`),
    check('feedback_rounds_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('feedback_rounds_class_check', sql`char_length(${t.className}) between 1 and 40`),
    uniqueIndex('feedback_rounds_token_key').on(t.token),
    index('feedback_rounds_teacher_idx').on(t.tenantId, t.teacherId),
    index('feedback_rounds_madrasah_idx').on(t.tenantId, t.madrasahId, t.createdAt),
  ],
);

/** One anonymous answer sheet of a round. */
export const feedbackAnswers = pgTable(
  'feedback_answers',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    roundId: uuid('round_id').notNull(),
    /** HMAC-SHA256(round's device secret, the browser's random per-round value), hex. Refuses a second answer. */
    deviceHash: text('device_hash').notNull(),
    /** The optional free-text answer (shown to the kepala only). */
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.roundId], foreignColumns: [feedbackRounds.tenantId, feedbackRounds.id] }),
    uniqueIndex('feedback_answers_device_key').on(t.tenantId, t.roundId, t.deviceHash),
    check('feedback_answers_comment_check', sql`char_length(${t.comment}) <= 500`),
  ],
);

/** The value (1–4) given to one item in one answer sheet. */
export const feedbackAnswerValues = pgTable(
  'feedback_answer_values',
  {
    tenantId: uuid('tenant_id').notNull(),
    answerId: uuid('answer_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    value: smallint('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.answerId, t.itemId] }),
    foreignKey({ columns: [t.tenantId, t.answerId], foreignColumns: [feedbackAnswers.tenantId, feedbackAnswers.id] }).onDelete('cascade'),
    check('feedback_answer_values_value_check', sql`${t.value} between 1 and 4`),
  ],
);
