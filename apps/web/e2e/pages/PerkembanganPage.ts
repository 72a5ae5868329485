import type { Page } from 'playwright-core';

/** The "Perkembangan" section of a teacher page and the "Sebaran kinerja guru" page. */
export class PerkembanganPage {
  constructor(private readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Perkembangan' });
  }

  nilaiChart() {
    return this.section().getByRole('img', { name: /^Nilai PKG \(0–100\) per periode/ });
  }

  focusChart() {
    return this.section().getByRole('img', { name: /^Dimensi fokus/ });
  }

  heatmap() {
    return this.page.getByTestId('competency-heatmap');
  }

  raters() {
    return this.page.getByTestId('growth-raters');
  }

  categories() {
    return this.page.getByTestId('growth-categories');
  }

  distribution() {
    return this.page.getByTestId('distribution');
  }

  movementCounts() {
    return this.page.getByTestId('movement-counts');
  }
}
