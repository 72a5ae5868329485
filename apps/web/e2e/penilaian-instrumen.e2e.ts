import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PenilaianPage } from './pages/PenilaianPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const TEACHER = 'Ahmad Fauzi, S.Pd.I';
/** A year no demo period or other e2e file uses. */
const YEAR = '2033/2034';
/** The demo's published madrasah instrument of MTs Contoh (4 levels: Kurang, Cukup, Baik, Sangat baik). */
const INSTRUMENT = 'Supervisi Akademik Pembelajaran (v1, instrumen madrasah)';

describe('Penilaian dengan instrumen madrasah', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[PENILAIAN][INSTRUMEN] the kepala assesses with the madrasah’s own instrument on a phone: one button per level with its label, the descriptor of the chosen level, no Nilai PKG; the result shows the per-competency summary', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const page = await context.newPage();
    await page.goto('/penilaian');
    const pk = new PenilaianPage(page);
    await pk.heading('Penilaian Kinerja Guru').waitFor();
    await pk.openNewPeriod(YEAR);
    await pk.heading(`PKG formatif ${YEAR}`).waitFor();
    await page.getByLabel('Instrumen penilaian').selectOption({ label: INSTRUMENT });
    await pk.teacherCard(TEACHER).getByRole('button', { name: 'Nilai (kepala)' }).click();
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await pk.expandAll();

    const indicators = page.locator('[data-indicator]');
    const count = await indicators.count();
    assert.ok(count > 0, 'the instrument has indicators');
    // Four levels, each with its own label, instead of PKG's 0/1/2.
    const first = indicators.first();
    assert.deepEqual(await first.locator('.pk-score small').allTextContents(), ['Kurang', 'Cukup', 'Baik', 'Sangat baik']);
    // Rate every indicator: 4, 3, 2, 4, 3, 2, …
    const pattern = [4, 3, 2];
    for (let k = 0; k < count; k++) {
      await indicators.nth(k).getByRole('button', { name: new RegExp(`^${pattern[k % pattern.length] ?? 3} `) }).click();
    }
    // The chosen level's descriptor of the first indicator is shown under it.
    await first.getByText('Tujuan jelas, terukur dan dikaitkan dengan asesmen').waitFor();
    // No PKG numbers while rating a madrasah instrument.
    assert.equal(await pk.liveNilai().count(), 0);
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/), 20_000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);

    await pk.finalise();
    const summary = page.getByTestId('level-summary');
    await summary.getByRole('heading', { name: 'Ringkasan per kompetensi' }).waitFor();
    assert.equal(await pk.result().count(), 0, 'no Nilai PKG block');
    const rows = summary.locator('tbody tr');
    assert.ok((await rows.count()) > 0);
    assert.match((await rows.first().textContent()) ?? '', /dinilai/);

    // The server agrees: final, no PKG score, a summary whose counts add up to every indicator.
    const id = page.url().split('/').pop() ?? '';
    const stored = (await (await context.request.get(`/api/v1/assessment/assessments/${id}`)).json()) as {
      status: string;
      score: unknown;
      scored: boolean;
      levelSummary: { counts: { count: number }[] }[];
    };
    assert.equal(stored.status, 'final');
    assert.equal(stored.score, null);
    assert.equal(stored.scored, false);
    assert.equal(stored.levelSummary.reduce((n, c) => n + c.counts.reduce((m, x) => m + x.count, 0), 0), count);
    await context.close();
  });
});
