import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { Shell } from './pages/Shell.ts';
import { BASE_URL, launchBrowser, signedInContext } from './support.ts';

describe('languages', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[I18N] the interface is Bahasa Indonesia by default, even in a browser set to English', async () => {
    const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-US', serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto('/masuk');
      await page.getByRole('heading', { name: 'Masuk ke Tumbuh' }).waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
    } finally {
      await context.close();
    }
  });

  it('[I18N] switching to English changes the interface and persists', async () => {
    const context = await signedInContext(browser, 'kepala');
    const page = await context.newPage();
    await page.goto('/guru');
    const shell = new Shell(page);
    await page.getByRole('heading', { level: 1, name: 'Guru' }).waitFor();
    try {
      await shell.switchLanguage('EN');
      await page.getByRole('heading', { level: 1, name: 'Teachers' }).waitFor();
      await shell.navLink(/^Subjects & clusters$/).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Teachers' }).waitFor();

      // Saved on the account as well: the API answers in English from now on.
      const me = await context.request.get('/api/v1/me');
      const body: unknown = await me.json();
      assert.ok(typeof body === 'object' && body !== null && 'user' in body);
      assert.match(JSON.stringify(body.user), /"locale":"en"/);
    } finally {
      await shell.switchLanguage('ID');
      await page.getByRole('heading', { level: 1, name: 'Guru' }).waitFor();
      await context.close();
    }
  });
});
