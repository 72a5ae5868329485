import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
/** Each section's data arrives this long after the page asked, so the page is seen half-loaded. */
const DELAY_MS = 1200;

declare global {
  interface Window {
    __layoutShift?: number;
  }
}

describe('MGMP group page layout', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][TATA-LETAK] the sections of a group page keep their place while their data loads: the forms do not move, no visible layout shift', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const groups = (await (await context.request.get('/api/v1/mgmp/groups?limit=200')).json()) as { items: { id: string; name: string }[] };
    const mipa = groups.items.find((g) => g.name === 'MGMP MIPA');
    assert.ok(mipa, 'the demo has MGMP MIPA');
    // Cumulative layout shift as Chromium measures it (shifts right after input do not count).
    await context.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) window.__layoutShift = (window.__layoutShift ?? 0) + entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // The group itself comes at once; its overview, programme, meetings, follow-ups and decisions late.
    await context.route(/\/api\/v1\/mgmp\/groups\/[^/]+\/(overview|programme-items|meetings|follow-ups|decisions)/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`/mgmp/${mipa.id}`);
    const form = page.locator('details.new-meeting > summary');
    await form.waitFor();
    await page.getByRole('heading', { name: 'MGMP MIPA', level: 1 }).waitFor();
    const early = await form.boundingBox();
    assert.ok(early, 'the new-meeting form is on the page before the sections have loaded');
    // Every section has arrived: the overview figures and the programme list.
    await page.locator('.overview .bar-fill').first().waitFor();
    await page.locator('.programme').getByText(/terlaksana/i).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const late = await form.boundingBox();
    assert.ok(late);
    assert.ok(Math.abs(late.y - early.y) <= 1, `the new-meeting form moved from y=${early.y} to y=${late.y} while the sections loaded`);
    await eventually(async () => {
      const shift = await page.evaluate(() => window.__layoutShift ?? 0);
      assert.ok(shift < 0.02, `cumulative layout shift ${shift.toFixed(3)} (≥ 0.02)`);
    });
    await context.close();
  });
});
