import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/LoginPage.ts';
import { Shell } from './pages/Shell.ts';
import { ACCOUNTS, DEMO_MADRASAH, DEMO_PASSWORD, launchBrowser, newContext, signedInContext } from './support.ts';

describe('sign-in and roles', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[AUTH] operator logs in and sees the madrasah name', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(ACCOUNTS.operator, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    const shell = new Shell(page);
    await shell.header().getByText(DEMO_MADRASAH).first().waitFor();
    await page.getByRole('heading', { level: 1, name: /Selamat datang/ }).waitFor();
    assert.ok(await shell.navLink(/^Pengguna$/).isVisible(), 'the operator sees the Pengguna menu');
    await shell.signOut();
    await page.waitForURL((url) => url.pathname === '/masuk');
    await context.close();
  });

  it('[AUTH] a wrong password shows the server message and stays on /masuk', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(ACCOUNTS.kepala, 'salah-sekali-123');
    const alert = login.errorAlert();
    await alert.waitFor();
    assert.notEqual((await alert.innerText()).trim(), '');
    assert.equal(new URL(page.url()).pathname, '/masuk');
    await context.close();
  });

  it('[AUTH] a visitor who is not signed in is sent to /masuk', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/guru');
    await page.waitForURL((url) => url.pathname === '/masuk');
    await new LoginPage(page).email().waitFor();
    await context.close();
  });

  it('[AUTH][ROLES] a guru sees no operator-only menu', async () => {
    const context = await signedInContext(browser, 'guru');
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.navLink(/^Guru$/).waitFor();
    assert.equal(await shell.navLink(/^Pengguna$/).count(), 0);
    assert.equal(await shell.navLink(/^Impor guru$/).count(), 0);
    await page.goto('/pengguna');
    await page.getByRole('heading', { name: 'Tidak ada akses' }).waitFor();
    await context.close();
  });

  it('[AUTH] when the session ends, the next API call sends the user to /masuk', async () => {
    const context = await signedInContext(browser, 'kepala');
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.navLink(/^Guru$/).waitFor();
    // Let the dashboard's late cards finish their calls first: one sent after the cookies are
    // cleared would itself (rightly) send the user to /masuk before the click below.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await shell.navLink(/^Guru$/).click();
    await page.waitForURL((url) => url.pathname === '/masuk');
    await page.getByText('Sesi Anda telah berakhir').waitFor();
    await context.close();
  });

  it('[APP] an unknown address shows the 404 page', async () => {
    const context = await signedInContext(browser, 'kepala');
    const page = await context.newPage();
    await page.goto('/tidak-ada-halaman-ini');
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await context.close();
  });

  it('[MOBILE] at 360 px the menu button opens the navigation', async () => {
    const context = await signedInContext(browser, 'operator', { width: 360, height: 740 });
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    assert.equal(await shell.navLink(/^Guru$/).isVisible(), false, 'the navigation starts folded');
    await shell.menuButton().click();
    await shell.navLink(/^Guru$/).click();
    await page.waitForURL((url) => url.pathname === '/guru');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page does not scroll sideways (overflow ${overflow}px)`);
    await context.close();
  });
});
