import type { Page } from 'playwright-core';

/** The Penilaian Kinerja pages: periods, a period's teachers, the rating form and the result. */
export class PenilaianPage {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp) {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  async openNewPeriod(academicYear: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Buka periode baru' }).click();
    const year = this.page.getByLabel('Tahun pelajaran');
    await year.fill(academicYear);
    await this.page.getByRole('button', { name: 'Buka periode', exact: true }).click();
  }

  /** The card of a teacher on the period page. */
  teacherCard(name: string) {
    return this.page.locator('li.card').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  progress() {
    return this.page.getByTestId('pk-progress');
  }

  liveNilai() {
    return this.page.getByTestId('pk-nilai');
  }

  saveState() {
    return this.page.locator('.pk-sticky .save-state');
  }

  /** Taps the 0/1/2 button of the indicator at `position` (1–78). */
  async rate(position: number, score: 0 | 1 | 2): Promise<void> {
    await this.page.locator(`[data-indicator="${position}"]`).getByRole('button', { name: new RegExp(`^${score} `) }).click();
  }

  async expandAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Buka semua' }).click();
  }

  async finalise(): Promise<void> {
    await this.page.getByRole('button', { name: 'Finalkan penilaian' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Finalkan penilaian' }).click();
  }

  result() {
    return this.page.getByTestId('pk-result');
  }
}
