import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCall } from './pages/MgmpPage.ts';
import { RingkasanPage } from './pages/RingkasanPage.ts';
import { launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const DEMO_GROUPS = ['MGMP Bahasa', 'MGMP IPS', 'MGMP MIPA', 'MGMP Rumpun PAI'];

interface Counts {
  meetings: { planned: number; held: number };
  averageAttendance: number | null;
  decisions: { made: number; reviewed: number };
  followUps: { done: number; total: number; overdue: number };
}
interface Overview {
  from: string;
  to: string;
  groups: (Counts & { name: string })[];
  totals: Counts & { groups: number };
}
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);

describe('MGMP overview (ringkasan)', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][RINGKASAN] the kepala on a phone opens the overview from the dashboard and sees the demo groups with the API’s numbers', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const card = page.getByTestId('dashboard-mgmp');
    await card.waitFor();
    await card.click();
    const ringkasan = new RingkasanPage(page);
    await ringkasan.heading().waitFor();
    assert.match(page.url(), /\/mgmp\/ringkasan$/);

    // The API for the page's default period (the current semester).
    const api = await apiCall<Overview>(context, 'GET', '/mgmp/overview');
    for (const name of DEMO_GROUPS) assert.ok(api.groups.some((g) => g.name === name), `API lists ${name}`);
    assert.ok(api.totals.meetings.held > 0, 'the demo semester has held meetings');
    await ringkasan.groupCard('MGMP Rumpun PAI').waitFor();
    assert.equal(await ringkasan.groupCards().count(), api.groups.length);
    for (const g of api.groups) {
      assert.equal(await ringkasan.figure(g.name, 'meetings').innerText(), `${g.meetings.held} dari ${g.meetings.planned}`, `${g.name} meetings`);
      assert.equal(await ringkasan.figure(g.name, 'attendance').innerText(), pct(g.averageAttendance), `${g.name} attendance`);
      assert.equal(await ringkasan.figure(g.name, 'decisions').innerText(), `${g.decisions.made} diambil · ${g.decisions.reviewed} ditinjau`, `${g.name} decisions`);
      assert.equal(await ringkasan.figure(g.name, 'followUps').innerText(), `${g.followUps.done} dari ${g.followUps.total}`, `${g.name} follow-ups`);
      assert.equal(await ringkasan.figure(g.name, 'overdue').innerText(), String(g.followUps.overdue), `${g.name} overdue`);
    }
    assert.equal(await ringkasan.figure('totals', 'groups').innerText(), String(api.totals.groups));
    assert.equal(await ringkasan.figure('totals', 'meetings').innerText(), `${api.totals.meetings.held} dari ${api.totals.meetings.planned}`);
    assert.equal(await ringkasan.figure('totals', 'attendance').innerText(), pct(api.totals.averageAttendance));
    assert.equal(await ringkasan.figure('totals', 'overdue').innerText(), String(api.totals.followUps.overdue));
    // The dashboard card showed the same totals.
    await ringkasan.chart(/Pertemuan per kelompok/).waitFor();
    await ringkasan.chart(/Kehadiran rata-rata per kelompok/).waitFor();
    // Phone first: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);

    // Another period: last school year asks the API for that period and shows its numbers.
    await ringkasan.period().selectOption('lastYear');
    const last = await apiCall<Overview>(context, 'GET', `/mgmp/overview?from=${await lastYearFrom(page)}&to=${await lastYearTo(page)}`);
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="ringkasan-totals"] [data-figure="meetings"] dd.stat-value')?.textContent === expected,
      `${last.totals.meetings.held} dari ${last.totals.meetings.planned}`,
    );
    await context.close();
  });

  it('[MGMP][RINGKASAN] a guru sees only the groups they belong to', async () => {
    const context = await signedInContext(browser, 'guru', PHONE);
    const page = await context.newPage();
    await page.goto('/mgmp');
    await page.getByRole('link', { name: 'Ringkasan semua kelompok' }).click();
    const ringkasan = new RingkasanPage(page);
    await ringkasan.groupCard('MGMP Rumpun PAI').waitFor();
    assert.equal(await ringkasan.groupCard('MGMP MIPA').count(), 0);
    await context.close();
  });
});

/** The last school year as the page computes it (July–June before the current one), from the browser's clock in WIB. */
async function lastYearFrom(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() + 7 * 3600 * 1000).toISOString();
    const y = Number(d.slice(0, 4));
    const start = Number(d.slice(5, 7)) >= 7 ? y : y - 1;
    return `${start - 1}-07-01`;
  });
}
async function lastYearTo(page: import('playwright-core').Page): Promise<string> {
  const from = await lastYearFrom(page);
  return `${Number(from.slice(0, 4)) + 1}-06-30`;
}
