import type { Page } from 'playwright-core';

/** Header and navigation of the signed-in app. */
export class Shell {
  constructor(private readonly page: Page) {}

  header() {
    return this.page.getByRole('banner');
  }

  nav() {
    return this.page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });
  }

  navLink(name: RegExp) {
    return this.nav().getByRole('link', { name });
  }

  menuButton() {
    return this.page.getByRole('button', { name: /^(Menu|Tutup menu|Close menu)$/ });
  }

  languageButton(code: 'ID' | 'EN') {
    return this.header().getByRole('button', { name: code, exact: true });
  }

  async switchLanguage(code: 'ID' | 'EN'): Promise<void> {
    await this.languageButton(code).click();
  }

  async signOut(): Promise<void> {
    await this.header()
      .getByRole('button', { name: /^(Keluar|Sign out)$/ })
      .click();
  }
}
