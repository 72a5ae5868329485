import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The bytes of uploaded files, on disk under `<dataDir>/files/<tenantId>/` (the backup of
 * modules/system copies that folder). Never inside a served folder: they leave the server only
 * through the authenticated `GET /api/v1/files/:id`. Keys are relative to `<dataDir>/files`.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
  }

  /** The key of a file's main bytes or its thumbnail. */
  static keyFor(tenantId: string, fileId: string, variant: 'main' | 'thumb'): string {
    return `${tenantId}/${fileId}${variant === 'thumb' ? '.thumb' : ''}`;
  }

  /** Absolute path of a key, refusing anything that would leave the files folder. */
  pathOf(key: string): string {
    const parts = key.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) throw new Error(`invalid file key: ${key}`);
    return path.join(this.root, ...parts);
  }

  /** Writes all bytes to a temporary name, flushes, then renames: a reader never sees half a file. */
  async write(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.part-${randomBytes(6).toString('hex')}`;
    try {
      const handle = await fs.open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  /** Removes a key; a missing file is not an error. */
  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fs.access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }
}
