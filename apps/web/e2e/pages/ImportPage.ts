import type { Page } from 'playwright-core';

/** /impor: the teacher import wizard. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/impor');
    await this.page.getByRole('heading', { level: 1, name: /Impor guru|Import teachers/ }).waitFor();
  }

  async upload(name: string, content: string, mimeType = 'text/csv'): Promise<void> {
    await this.page.getByLabel(/Berkas|File/).setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
    await this.page.getByRole('button', { name: /Unggah dan periksa|Upload and check/ }).click();
  }

  errorsTable() {
    return this.page.getByRole('table', { name: /Kesalahan per baris|Errors by row/ });
  }

  blockedMessage() {
    return this.page.getByRole('alert').filter({ hasText: /Tidak ada data yang ditulis|Nothing was written/ });
  }

  commitButton() {
    return this.page.getByRole('button', { name: /Simpan ke data guru|Save to teacher records/ });
  }
}
