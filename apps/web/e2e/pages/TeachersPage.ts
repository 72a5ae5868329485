import type { Page } from 'playwright-core';

/** /guru: the teacher list. */
export class TeachersPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/guru');
    await this.page.getByRole('heading', { level: 1, name: /^(Guru|Teachers)$/ }).waitFor();
  }

  searchBox() {
    return this.page.getByRole('searchbox', { name: /Cari guru|Search teachers/ });
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  teacherLink(name: string | RegExp) {
    return this.page.getByRole('table').getByRole('link', { name });
  }

  rows() {
    return this.page.getByRole('table').locator('tbody tr');
  }

  total() {
    return this.page.getByTestId('teacher-total');
  }
}
