import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { LIMITS, type FileCategory, type FileOwnerKind, type StoredFile } from '@tumbuh/shared';
import { uuidv7 } from 'uuidv7';
import { withTenant, type Database, type Queryable, type Tx } from '../../db/database.ts';
import { commonErrors } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../tenancy/tenancy.models.ts';
import { filesErrors } from './files.errors.ts';
import { processImage, toJpeg, type EncodedImage } from './files.images.ts';
import { canDeleteFile, classifyUpload, cleanFileName, contentDisposition, downloadName } from './files.models.ts';
import { fileOwnerPolicy, type OwnerAccess } from './files.owners.ts';
import { createFilesRepository, type StoredFileRow, type StoredFileWithUploader } from './files.repository.ts';
import { FileStore } from './files.storage.ts';

/**
 * Uploaded files: attach (validate by content, re-encode images, write bytes, insert the row, audit
 * — all or nothing), list, read, delete; the madrasah logo; and readers for other modules (the
 * PDF letterhead and the laporan kegiatan photos).
 *
 * First argument of the exported functions: `{ db, dataDir }`, the database handle (the pool's
 * `Database`, or an open transaction `Tx` for the readers, exactly what repositories receive in this
 * codebase) plus the data folder (`config.dataDir`; bytes live under `<dataDir>/files`).
 * With `AppDeps` at hand: `{ db: deps.db, dataDir: deps.config.dataDir }`.
 */
export interface FilesAccess {
  db: Queryable;
  dataDir: string;
}

/** What the writing use cases need: the pool (they open their own tenant transaction) and the data folder. */
export interface FilesDeps {
  db: Database;
  dataDir: string;
}

/** An uploaded file as it arrived. */
export interface Upload {
  fileName: string;
  /** The client's `Content-Type` for the part (only compared with the content, never trusted). */
  declaredType?: string | null | undefined;
  data: Buffer;
}

export interface AttachFileInput {
  ownerKind: FileOwnerKind;
  ownerId: string;
  upload: Upload;
  caption?: string | null | undefined;
  /** Accepted categories; default both. A logo takes images only. */
  categories?: readonly FileCategory[] | undefined;
  /** Long sides of the stored image and its thumbnail; default 1600 / 320. */
  imageSizes?: { maxPixels: number; thumbPixels: number } | undefined;
  /** Replace the owner's existing files (one logo per madrasah). */
  replace?: boolean | undefined;
}

const repository = createFilesRepository();

/** The API shape of a stored file. */
export function presentFile(row: StoredFileWithUploader, canDelete: boolean): StoredFile {
  return {
    id: row.id,
    ownerKind: row.ownerKind,
    ownerId: row.ownerId,
    category: row.category === 'image' ? 'image' : 'document',
    originalName: row.originalName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    caption: row.caption,
    createdBy: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
    url: `/api/v1/files/${row.id}`,
    thumbUrl: row.thumbKey ? `/api/v1/files/${row.id}?variant=thumb` : null,
    canDelete,
  };
}

/** What the audit log keeps of a file (metadata, never the bytes). */
function auditView(row: StoredFileRow) {
  return {
    ownerKind: row.ownerKind,
    ownerId: row.ownerId,
    originalName: row.originalName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    caption: row.caption,
    sha256: row.sha256,
  };
}

/**
 * Checks an upload against the rules (type from magic bytes, label agreement, size) and prepares the
 * bytes to store: images re-encoded for phones with a thumbnail, documents as they are.
 * @throws files.empty, files.type_not_allowed, files.mislabelled, files.too_large, files.unreadable_image
 */
export async function prepareUpload(upload: Upload, options: { categories?: readonly FileCategory[] | undefined; imageSizes?: { maxPixels: number; thumbPixels: number } | undefined } = {}) {
  const detected = upload.data.length > 0 ? await fileTypeFromBuffer(upload.data) : undefined;
  const verdict = classifyUpload({ detected, declaredType: upload.declaredType, fileName: upload.fileName, byteSize: upload.data.length, categories: options.categories });
  if (!verdict.ok) throw filesErrors[verdict.code]();
  const originalName = cleanFileName(upload.fileName);
  if (verdict.type.category === 'image') {
    const { main, thumb } = await processImage(upload.data, options.imageSizes);
    return { category: 'image' as const, originalName, main, thumb };
  }
  return { category: 'document' as const, originalName, main: { data: upload.data, mediaType: verdict.type.mediaType, width: null, height: null }, thumb: null };
}

/**
 * Attaches a file to an owner, all or nothing: inside one tenant transaction `authorize` runs (the
 * calling module's own policy check: throw to refuse; return the owner's madrasah), then the bytes
 * are written (temporary name + rename), the row inserted and the upload audited. A failed write
 * leaves no row (the transaction rolls back); a failed insert, audit or commit removes the bytes.
 * With `replace`, the owner's previous files are deleted (their bytes after the commit).
 * @throws files.* upload errors, files.too_many, and whatever `authorize` throws
 */
export async function attachFile(
  deps: FilesDeps,
  actor: Actor,
  input: AttachFileInput,
  authorize: (tx: Tx) => Promise<{ madrasahId: string | null }>,
): Promise<StoredFile> {
  const store = new FileStore(deps.dataDir);
  const written: string[] = [];
  const replaced: StoredFileRow[] = [];
  let result: StoredFile;
  try {
    result = await withTenant(deps.db, actor.tenantId, async (tx) => {
      const { madrasahId } = await authorize(tx);
      if (input.replace) replaced.push(...(await repository.listByOwner(tx, actor.tenantId, input.ownerKind, input.ownerId)));
      else if ((await repository.countByOwner(tx, actor.tenantId, input.ownerKind, input.ownerId)) >= LIMITS.filesPerOwnerMax) throw filesErrors['files.too_many']();
      const prepared = await prepareUpload(input.upload, { categories: input.categories, imageSizes: input.imageSizes });
      const id = uuidv7();
      const mainKey = FileStore.keyFor(actor.tenantId, id, 'main');
      const thumbKey = prepared.thumb ? FileStore.keyFor(actor.tenantId, id, 'thumb') : null;
      written.push(mainKey);
      await store.write(mainKey, prepared.main.data);
      if (thumbKey && prepared.thumb) {
        written.push(thumbKey);
        await store.write(thumbKey, prepared.thumb.data);
      }
      for (const old of replaced) {
        await repository.remove(tx, actor.tenantId, old.id);
        await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId: old.madrasahId, action: 'files.delete', entityType: 'stored_file', entityId: old.id, before: auditView(old), after: null });
      }
      const row: StoredFileRow = {
        tenantId: actor.tenantId,
        id,
        madrasahId,
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        category: prepared.category,
        originalName: prepared.originalName,
        mediaType: prepared.main.mediaType,
        byteSize: prepared.main.data.length,
        width: prepared.main.width,
        height: prepared.main.height,
        storageKey: mainKey,
        thumbKey,
        thumbMediaType: prepared.thumb?.mediaType ?? null,
        thumbByteSize: prepared.thumb?.data.length ?? null,
        caption: input.caption ?? null,
        sha256: createHash('sha256').update(prepared.main.data).digest('hex'),
        createdBy: actor.userId,
        createdAt: new Date(),
      };
      const { createdAt: _createdAt, ...insertRow } = row;
      await repository.insert(tx, insertRow);
      await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId, action: 'files.upload', entityType: 'stored_file', entityId: id, before: null, after: auditView(row) });
      const stored = await repository.find(tx, actor.tenantId, id);
      if (!stored) throw filesErrors['files.not_found']();
      return presentFile(stored, true);
    });
  } catch (error) {
    await Promise.all(written.map((key) => store.remove(key).catch(() => undefined)));
    throw error;
  }
  await removeBytes(store, replaced);
  return result;
}

async function removeBytes(store: FileStore, rows: readonly StoredFileRow[]): Promise<void> {
  for (const row of rows) {
    await store.remove(row.storageKey).catch(() => undefined);
    if (row.thumbKey) await store.remove(row.thumbKey).catch(() => undefined);
  }
}

/** The registered policy of an owner kind, run for the actor. Unknown kinds are invisible (404). */
async function ownerAccess(tx: Tx, actor: Actor, ownerKind: string, ownerId: string): Promise<OwnerAccess> {
  const policy = fileOwnerPolicy(ownerKind);
  if (!policy) throw filesErrors['files.not_found']();
  return policy(tx, actor, ownerId);
}

/**
 * Uploads a file to an owner whose module registered a policy (meeting, follow-up…), checking that
 * policy. @throws the owner's not-found (404), auth.forbidden, mgmp.group_archived, mgmp.meeting_cancelled, files.*
 */
export async function uploadOwnerFile(deps: FilesDeps, actor: Actor, ownerKind: FileOwnerKind, ownerId: string, upload: Upload, caption: string | null): Promise<StoredFile> {
  return attachFile(deps, actor, { ownerKind, ownerId, upload, caption }, async (tx) => {
    const access = await ownerAccess(tx, actor, ownerKind, ownerId);
    if (!access.canAttach) throw commonErrors['auth.forbidden']();
    if (access.attachBlocked) throw access.attachBlocked;
    return { madrasahId: access.madrasahId };
  });
}

/** The files of an owner, oldest first. @throws the owner's not-found (404), auth.forbidden */
export async function listOwnerFiles(deps: FilesDeps, actor: Actor, ownerKind: FileOwnerKind, ownerId: string): Promise<{ items: StoredFile[]; total: number }> {
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const access = await ownerAccess(tx, actor, ownerKind, ownerId);
    if (!access.canRead) throw commonErrors['auth.forbidden']();
    const rows = await repository.listByOwner(tx, actor.tenantId, ownerKind, ownerId);
    const items = rows.map((r) => presentFile(r, canDeleteFile({ uploadedByActor: r.createdBy === actor.userId, canRead: true, canManage: access.canManage })));
    return { items, total: items.length };
  });
}

/** Loads a file the actor may see; anything else (other tenant, owner not visible, not a member) is files.not_found. */
async function loadVisibleFile(tx: Tx, actor: Actor, fileId: string) {
  const row = await repository.find(tx, actor.tenantId, fileId);
  if (!row) throw filesErrors['files.not_found']();
  let access: OwnerAccess;
  try {
    access = await ownerAccess(tx, actor, row.ownerKind, row.ownerId);
  } catch {
    throw filesErrors['files.not_found']();
  }
  if (!access.canRead) throw filesErrors['files.not_found']();
  return { row, access };
}

/** What `GET /files/:id` sends. */
export interface FileContent {
  data: Buffer;
  mediaType: string;
  fileName: string;
  disposition: string;
}

/** The content of a file (or its thumbnail; a document has none: its main bytes are sent). @throws files.not_found */
export async function readFileContent(deps: FilesDeps, actor: Actor, fileId: string, options: { variant: 'full' | 'thumb'; download?: boolean }): Promise<FileContent> {
  const { row } = await withTenant(deps.db, actor.tenantId, (tx) => loadVisibleFile(tx, actor, fileId));
  return readContentOf(new FileStore(deps.dataDir), row, options);
}

async function readContentOf(store: FileStore, row: StoredFileRow, options: { variant: 'full' | 'thumb'; download?: boolean }): Promise<FileContent> {
  const thumbKey = options.variant === 'thumb' ? row.thumbKey : null;
  const thumb = thumbKey !== null;
  let data: Buffer;
  try {
    data = await store.read(thumbKey ?? row.storageKey);
  } catch {
    // The row exists but its bytes are gone (restored without files, removed by hand): not found, not a 500.
    throw filesErrors['files.not_found']();
  }
  const mediaType = thumb ? (row.thumbMediaType ?? row.mediaType) : row.mediaType;
  const fileName = downloadName(row.originalName, mediaType);
  // Documents are always downloads; images open inline unless asked otherwise.
  const inline = row.category === 'image' && !options.download;
  return { data, mediaType, fileName, disposition: contentDisposition(fileName, inline ? 'inline' : 'attachment') };
}

/** Deletes a file: its uploader, or a manager of the owner. Bytes are removed after the commit. @throws files.not_found, auth.forbidden */
export async function deleteFile(deps: FilesDeps, actor: Actor, fileId: string): Promise<void> {
  const row = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const { row, access } = await loadVisibleFile(tx, actor, fileId);
    if (!canDeleteFile({ uploadedByActor: row.createdBy === actor.userId, canRead: access.canRead, canManage: access.canManage })) throw commonErrors['auth.forbidden']();
    if (access.attachBlocked && !access.canManage) throw access.attachBlocked;
    await repository.remove(tx, actor.tenantId, row.id);
    await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId: row.madrasahId, action: 'files.delete', entityType: 'stored_file', entityId: row.id, before: auditView(row), after: null });
    return row;
  });
  await removeBytes(new FileStore(deps.dataDir), [row]);
}

// ---------- madrasah logo (kop) ----------
const LOGO_SIZES = { maxPixels: 1000, thumbPixels: LIMITS.logoMaxPixels };

/** Sets (or replaces) a madrasah's logo: its operator; images only. @throws people.madrasah_not_found, auth.forbidden, files.* */
export async function putMadrasahLogo(deps: FilesDeps, actor: Actor, madrasahId: string, upload: Upload): Promise<StoredFile> {
  return attachFile(deps, actor, { ownerKind: 'madrasah_logo', ownerId: madrasahId, upload, categories: ['image'], imageSizes: LOGO_SIZES, replace: true }, async (tx) => {
    const access = await ownerAccess(tx, actor, 'madrasah_logo', madrasahId);
    if (!access.canAttach) throw commonErrors['auth.forbidden']();
    return { madrasahId };
  });
}

/** A madrasah's logo as stored (`variant=thumb`: ≤ 300 px). @throws people.madrasah_not_found, files.not_found */
export async function getMadrasahLogo(deps: FilesDeps, actor: Actor, madrasahId: string, variant: 'full' | 'thumb'): Promise<FileContent & { id: string }> {
  const row = await withTenant(deps.db, actor.tenantId, async (tx) => {
    await ownerAccess(tx, actor, 'madrasah_logo', madrasahId);
    const [logo] = await repository.listByOwner(tx, actor.tenantId, 'madrasah_logo', madrasahId);
    if (!logo) throw filesErrors['files.not_found']();
    return logo;
  });
  return { id: row.id, ...(await readContentOf(new FileStore(deps.dataDir), row, { variant })) };
}

/** Removes a madrasah's logo: its operator. @throws people.madrasah_not_found, files.not_found, auth.forbidden */
export async function deleteMadrasahLogo(deps: FilesDeps, actor: Actor, madrasahId: string): Promise<void> {
  const rows = await withTenant(deps.db, actor.tenantId, async (tx) => {
    const access = await ownerAccess(tx, actor, 'madrasah_logo', madrasahId);
    if (!access.canManage) throw commonErrors['auth.forbidden']();
    const logos = await repository.listByOwner(tx, actor.tenantId, 'madrasah_logo', madrasahId);
    if (logos.length === 0) throw filesErrors['files.not_found']();
    for (const logo of logos) {
      await repository.remove(tx, actor.tenantId, logo.id);
      await recordAudit(tx, { tenantId: actor.tenantId, actor: { userId: actor.userId, label: actor.email }, madrasahId, action: 'files.delete', entityType: 'stored_file', entityId: logo.id, before: auditView(logo), after: null });
    }
    return logos;
  });
  await removeBytes(new FileStore(deps.dataDir), rows);
}

// ---------- readers for other modules (no policy: the caller has checked its own) ----------

/**
 * The madrasah's logo for a letterhead (kop): PNG or JPEG bytes, long side ≤ 300 px; null when the
 * operator has not uploaded one (or its bytes are missing). The caller checks who may print.
 */
export async function readMadrasahLogo(access: FilesAccess, tenantId: string, madrasahId: string): Promise<{ data: Buffer; mediaType: string } | null> {
  const [logo] = await repository.listByOwner(access.db, tenantId, 'madrasah_logo', madrasahId);
  if (!logo) return null;
  const store = new FileStore(access.dataDir);
  try {
    if (logo.thumbKey) return { data: await store.read(logo.thumbKey), mediaType: logo.thumbMediaType ?? logo.mediaType };
    return { data: await store.read(logo.storageKey), mediaType: logo.mediaType };
  } catch {
    return null;
  }
}

/**
 * The photos of an owner (meeting, follow-up, observation), oldest first, as phone-size JPEG or
 * PNG bytes (≤ 1600 px; anything else is converted to JPEG) for embedding in PDFs. Documents are
 * skipped; a photo whose bytes are missing is skipped. The caller checks who may read the owner.
 */
export async function listOwnerImages(access: FilesAccess, tenantId: string, ownerKind: FileOwnerKind, ownerId: string): Promise<Array<{ id: string; caption: string | null; data: Buffer; mediaType: string }>> {
  const rows = await repository.listByOwner(access.db, tenantId, ownerKind, ownerId);
  const store = new FileStore(access.dataDir);
  const images: Array<{ id: string; caption: string | null; data: Buffer; mediaType: string }> = [];
  for (const row of rows) {
    if (row.category !== 'image') continue;
    let data: Buffer;
    try {
      data = await store.read(row.storageKey);
    } catch {
      continue;
    }
    if (row.mediaType === 'image/jpeg' || row.mediaType === 'image/png') images.push({ id: row.id, caption: row.caption, data, mediaType: row.mediaType });
    else images.push({ id: row.id, caption: row.caption, data: await toJpeg(data), mediaType: 'image/jpeg' });
  }
  return images;
}

export type { EncodedImage };
export { registerFileOwnerPolicy, type FileOwnerPolicy, type OwnerAccess } from './files.owners.ts';
