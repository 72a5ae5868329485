import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/database.ts';
import { users } from '../tenancy/tenancy.tables.ts';
import { storedFiles, type StoredFileRow } from './files.tables.ts';

export type { StoredFileRow };

/** A stored file with its uploader's name. */
export type StoredFileWithUploader = StoredFileRow & { uploaderName: string | null };

/** SQL of stored files. Every method takes the tenant. */
export function createFilesRepository() {
  return {
    async insert(q: Queryable, row: typeof storedFiles.$inferInsert): Promise<void> {
      await q.insert(storedFiles).values(row);
    },

    async find(q: Queryable, tenantId: string, id: string): Promise<StoredFileWithUploader | undefined> {
      const rows = await q
        .select({ file: storedFiles, uploaderName: users.name })
        .from(storedFiles)
        .leftJoin(users, and(eq(users.tenantId, storedFiles.tenantId), eq(users.id, storedFiles.createdBy)))
        .where(and(eq(storedFiles.tenantId, tenantId), eq(storedFiles.id, id)))
        .limit(1);
      const r = rows[0];
      return r ? { ...r.file, uploaderName: r.uploaderName } : undefined;
    },

    /** Files of one owner, oldest first (the order they were taken at the meeting). */
    async listByOwner(q: Queryable, tenantId: string, ownerKind: string, ownerId: string): Promise<StoredFileWithUploader[]> {
      const rows = await q
        .select({ file: storedFiles, uploaderName: users.name })
        .from(storedFiles)
        .leftJoin(users, and(eq(users.tenantId, storedFiles.tenantId), eq(users.id, storedFiles.createdBy)))
        .where(and(eq(storedFiles.tenantId, tenantId), eq(storedFiles.ownerKind, ownerKind), eq(storedFiles.ownerId, ownerId)))
        .orderBy(asc(storedFiles.createdAt), asc(storedFiles.id));
      return rows.map((r) => ({ ...r.file, uploaderName: r.uploaderName }));
    },

    async countByOwner(q: Queryable, tenantId: string, ownerKind: string, ownerId: string): Promise<number> {
      const [row] = await q
        .select({ n: count() })
        .from(storedFiles)
        .where(and(eq(storedFiles.tenantId, tenantId), eq(storedFiles.ownerKind, ownerKind), eq(storedFiles.ownerId, ownerId)));
      return row?.n ?? 0;
    },

    async remove(q: Queryable, tenantId: string, id: string): Promise<void> {
      await q.delete(storedFiles).where(and(eq(storedFiles.tenantId, tenantId), eq(storedFiles.id, id)));
    },
  };
}

export type FilesRepository = ReturnType<typeof createFilesRepository>;
