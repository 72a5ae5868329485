import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PerkembanganPage } from './pages/PerkembanganPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };

/** The demo teacher of guru1@contoh.sch.id, as the API knows them. */
async function ownTeacherId(context: import('playwright-core').BrowserContext): Promise<string> {
  const res = await context.request.get('/api/v1/me');
  const me = (await res.json()) as { user: { teacherId: string | null } };
  if (!me.user.teacherId) throw new Error('guru1 has no teacher record');
  return me.user.teacherId;
}

describe('Perkembangan guru', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[PERKEMBANGAN] kepala opens a teacher’s page on a phone and sees the growth over the demo periods: Nilai PKG line, competency heat-map, focus lines, raters, print link', async () => {
    const guru = await signedInContext(browser, 'guru');
    const teacherId = await ownTeacherId(guru);
    await guru.close();

    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const page = await kepala.newPage();
    await page.goto(`/guru/${teacherId}`);
    const growth = new PerkembanganPage(page);
    await growth.section().getByRole('heading', { name: 'Perkembangan' }).waitFor();
    await growth.nilaiChart().waitFor();
    await growth.focusChart().waitFor();
    // Two demo periods, formatif and sumatif 2025/2026, each with the kepala's result and category.
    // (Other e2e files may add later periods on the same server: look at the demo's two.)
    const all = await growth.categories().getByRole('listitem').allTextContents();
    const categories = all.filter((c) => c.startsWith('2025/2026'));
    assert.equal(categories.length, 2, all.join(' | '));
    assert.match(categories[0] ?? '', /^2025\/2026 formatif: \d+(\.\d+)? \((Amat baik|Baik|Cukup|Sedang|Kurang), \d+% AK\)$/);
    assert.match(categories[1] ?? '', /^2025\/2026 sumatif: /);
    // Heat-map: 14 competencies × 2 periods, every cell a number 1–4 (colour is not the only cue).
    const rows = growth.heatmap().locator('tbody tr');
    assert.equal(await rows.count(), 14);
    const cells = await growth.heatmap().locator('tbody td').allTextContents();
    assert.equal(cells.length, 14 * all.length);
    for (const c of cells) assert.match(c, /^[1-4]$/);
    // Raters side by side, with the Lampiran 1C print link of each.
    const raters = await growth.raters().locator('tbody tr').allTextContents();
    assert.ok(raters.some((r) => r.includes('Kepala madrasah')), raters.join(' | '));
    assert.ok(raters.some((r) => r.includes('Diri sendiri')), raters.join(' | '));
    const href = await growth.raters().getByRole('link', { name: 'Cetak rekap (Lampiran 1C)' }).first().getAttribute('href');
    const pdf = await kepala.request.get(href ?? '');
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(e).position === 'absolute')
        .slice(-3)
        .map((e) => `${e.tagName}.${String(e.className)} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    assert.ok(overflow <= 1, `no horizontal scroll at 360 px (overflow ${overflow}: ${wide.join(', ')})`);
    await kepala.close();
  });

  it('[PERKEMBANGAN] another guru does not see a colleague’s growth', async () => {
    const guru = await signedInContext(browser, 'guru');
    const teacherId = await ownTeacherId(guru);
    await guru.close();
    const koordinator = await signedInContext(browser, 'koordinator');
    const page = await koordinator.newPage();
    await page.goto(`/guru/${teacherId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await new PerkembanganPage(page).section().count(), 0);
    assert.equal((await koordinator.request.get(`/api/v1/teachers/${teacherId}/growth`)).status(), 403);
    await koordinator.close();
  });

  it('[SEBARAN] kepala opens Sebaran kinerja guru from the menu: stacked bars per period, by MGMP group, who improved or declined', async () => {
    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const page = await kepala.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.menuButton().click();
    await shell.navLink(/^Sebaran kinerja guru$/).click();
    await page.getByRole('heading', { name: 'Sebaran kinerja guru', level: 1 }).waitFor();
    const view = new PerkembanganPage(page);
    await view.distribution().waitFor();
    const bars = view.distribution().getByRole('img');
    // One bar per period: the demo's two, plus any period another e2e file finalised on this server.
    await eventually(async () => assert.ok((await bars.count()) >= 2));
    const periods = await bars.count();
    assert.match((await bars.first().getAttribute('aria-label')) ?? '', /^Keseluruhan: Amat baik \d+, Baik \d+, Cukup \d+, Sedang \d+, Kurang \d+$/);
    await page.getByTestId('distribution-by').selectOption('mgmp');
    await eventually(async () => assert.ok((await bars.count()) > periods));
    await view.movementCounts().waitFor();
    assert.match((await view.movementCounts().textContent()) ?? '', /^\d+ naik · \d+ turun · \d+ tetap$/);
    await kepala.close();
  });
});
