import type { Locator, Page } from 'playwright-core';
import { openDetails } from '../support.ts';

/** The instruments pages: the list, the builder of a madrasah's own instrument and the read-only view. */
export class InstrumenPage {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  async createInstrument(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Buat instrumen baru' }).click();
    await this.page.getByLabel('Judul instrumen').fill(title);
    await this.page.getByRole('button', { name: 'Buat dan susun' }).click();
  }

  /** The collapsible section of the scale, identity, a domain (1-based), a competency (numbered across the instrument) or an indicator in it. */
  section(name: 'identity' | 'scale') {
    return this.page.locator(`details[data-section="${name}"]`);
  }
  domain(n: number) {
    return this.page.locator(`details[data-domain="${n}"]`);
  }
  competency(n: number) {
    return this.page.locator(`details[data-competency="${n}"]`);
  }
  indicator(competency: number, n: number) {
    return this.competency(competency).locator(`details[data-indicator="${n}"]`);
  }
  level(n: number) {
    return this.section('scale').locator(`[data-level="${n}"]`);
  }

  async open(section: Locator): Promise<void> {
    await openDetails(this.page, section);
  }

  async fillIndicator(competency: number, n: number, text: string, descriptors: readonly string[], focus?: string): Promise<void> {
    const ind = this.indicator(competency, n);
    await this.open(ind);
    await ind.getByLabel('Pernyataan indikator').fill(text);
    for (const [i, d] of descriptors.entries()) await ind.getByRole('textbox', { name: new RegExp(`^Tingkat ${i + 1} – `) }).fill(d);
    if (focus) await ind.getByRole('checkbox', { name: focus }).check();
  }

  saveState() {
    return this.page.getByTestId('ib-save-state');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Simpan draf' }).click();
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Terbitkan', exact: true }).click();
  }
}
