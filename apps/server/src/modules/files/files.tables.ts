import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { madrasahs } from '../people/people.tables.ts';
import { tenants, users } from '../tenancy/tenancy.tables.ts';

/**
 * Uploaded files (meeting photos, follow-up evidence, the madrasah logo, observation photos). The
 * row holds the metadata; the bytes live on disk under `<dataDir>/files/<tenantId>/` (never in a
 * served folder) at `storage_key` (and `thumb_key` for an image's thumbnail), relative to
 * `<dataDir>/files`. The owner is polymorphic (`owner_kind` + `owner_id`, no foreign key): each
 * owning module checks its own policy before it attaches or reads.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** The madrasah the owner belongs to; null for a tenant-level (district) MGMP group's records. */
    madrasahId: uuid('madrasah_id'),
    /** 'mgmp_meeting' | 'mgmp_follow_up' | 'madrasah_logo' | 'observation' | … (extensible: checked in code). */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** 'image' (re-encoded, metadata stripped) or 'document' (stored as uploaded). */
    category: text('category').notNull(),
    /** The client's file name, cleaned (no path, no control characters). */
    originalName: text('original_name').notNull(),
    /** The type of the stored bytes, decided from their content. */
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key'),
    thumbMediaType: text('thumb_media_type'),
    thumbByteSize: integer('thumb_byte_size'),
    caption: text('caption'),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    foreignKey({ columns: [t.tenantId, t.madrasahId], foreignColumns: [madrasahs.tenantId, madrasahs.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
    check('stored_files_category_check', sql`${t.category} in ('image', 'document')`),
    check('stored_files_size_check', sql`${t.byteSize} > 0`),
    index('stored_files_owner_idx').on(t.tenantId, t.ownerKind, t.ownerId, t.createdAt),
    /** One logo per madrasah. */
    uniqueIndex('stored_files_logo_key').on(t.tenantId, t.ownerId).where(sql`owner_kind = 'madrasah_logo'`),
  ],
);

export type StoredFileRow = typeof storedFiles.$inferSelect;
