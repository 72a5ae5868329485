import type { Page } from 'playwright-core';
import { openDetails } from '../support.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** MGMP administration: the new-group form (members from the teacher search) and the agenda editor. */
export class MgmpKelolaPage {
  constructor(private readonly page: Page) {}

  private form() {
    return this.page.locator('.new-group');
  }

  async openNewGroup(): Promise<void> {
    await openDetails(this.page, this.form());
    await this.field('Nama kelompok').waitFor();
  }

  field(label: string) {
    return this.form().getByLabel(new RegExp(`^${escape(label)}`));
  }

  /** Keeps "per mata pelajaran" and picks the first subject of the list. */
  async chooseFirstSubject(): Promise<void> {
    const select = this.field('Mata pelajaran');
    await select.locator('option:nth-child(2)').waitFor({ state: 'attached' });
    const value = await select.locator('option:nth-child(2)').getAttribute('value');
    if (value) await select.selectOption(value);
  }

  /** Searches the teacher registry and taps "Tambah" on the teacher. */
  async addMember(search: string, name: string): Promise<void> {
    const input = this.form().getByRole('searchbox', { name: /^Cari guru/ });
    await input.fill(search);
    await this.form().getByRole('button', { name: `Tambah ${name}` }).click();
    await this.roleSelect(name).waitFor();
    await input.fill('');
  }

  roleSelect(name: string) {
    return this.form().getByRole('combobox', { name: `Jabatan ${name}` });
  }

  async setRole(name: string, role: 'ketua' | 'sekretaris' | 'bendahara' | 'anggota'): Promise<void> {
    await this.roleSelect(name).selectOption(role);
  }

  async submitNewGroup(): Promise<void> {
    await this.form().getByRole('button', { name: 'Buat kelompok' }).click();
  }

  async openAgendaEditor(): Promise<void> {
    await openDetails(this.page, this.page.locator('.agenda-editor'));
  }
}
