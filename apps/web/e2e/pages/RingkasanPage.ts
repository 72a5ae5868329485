import type { Page } from 'playwright-core';

/** /mgmp/ringkasan: totals, per-group cards (data-group) with figures (data-figure), charts. */
export class RingkasanPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Ringkasan MGMP' });
  }

  groupCard(name: string) {
    return this.page.locator(`[data-testid="ringkasan-group"][data-group="${name}"]`);
  }

  groupCards() {
    return this.page.locator('[data-testid="ringkasan-group"]');
  }

  /** The main value of a figure (meetings, attendance, decisions, followUps, overdue) in a card or in the totals. */
  figure(scope: 'totals' | string, key: string) {
    const root = scope === 'totals' ? this.page.getByTestId('ringkasan-totals') : this.groupCard(scope);
    return root.locator(`[data-figure="${key}"] dd.stat-value`);
  }

  chart(name: RegExp) {
    return this.page.getByRole('img', { name });
  }

  period() {
    return this.page.getByLabel('Periode');
  }
}
