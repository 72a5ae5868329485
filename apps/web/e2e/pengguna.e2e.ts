import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { Shell } from './pages/Shell.ts';
import { launchBrowser, newContext, signedInContext } from './support.ts';

describe('users and invitations', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[PENGGUNA] operator invites a teacher who sets a password and is signed in', async () => {
    const operator = await signedInContext(browser, 'operator');
    const page = await operator.newPage();
    await page.goto('/pengguna');
    const form = page.getByRole('form', { name: 'Undang pengguna' });
    const stamp = Date.now();
    const name = `Undangan Uji ${stamp}`;
    await form.getByLabel(/^Email/).fill(`uji${stamp}@contoh.sch.id`);
    await form.getByLabel(/^Nama/).fill(name);
    await form.getByLabel(/^Peran/).selectOption('guru');
    await form.getByRole('button', { name: 'Kirim undangan' }).click();
    const link = page.getByRole('textbox', { name: 'Tautan undangan' });
    await link.waitFor();
    const acceptUrl = await link.inputValue();
    assert.match(acceptUrl, /\/undangan\/[^/]+$/);
    await page.getByRole('table').getByText(name).first().waitFor();
    await operator.close();

    const invitee = await newContext(browser, { width: 360, height: 740 });
    const invitePage = await invitee.newPage();
    await invitePage.goto(new URL(acceptUrl).pathname);
    await invitePage.getByLabel(/^Kata sandi baru/).fill('rahasia-baru-2026');
    await invitePage.getByLabel(/^Ulangi kata sandi/).fill('rahasia-baru-2026');
    await invitePage.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await invitePage.waitForURL((url) => url.pathname === '/');
    await new Shell(invitePage).header().getByText(name).waitFor();
    await invitee.close();
  });
});
