import type { Page } from 'playwright-core';

/** /guru/baru and /guru/:id/ubah. */
export class TeacherFormPage {
  constructor(private readonly page: Page) {}

  async gotoNew(): Promise<void> {
    await this.page.goto('/guru/baru');
    await this.page.getByRole('heading', { level: 1, name: /Tambah guru|Add teacher/ }).waitFor();
  }

  field(label: RegExp) {
    return this.page.getByLabel(label);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Simpan|Save)$/ }).click();
  }
}
