import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PenilaianPage } from './pages/PenilaianPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
/** The demo teacher whose lesson (ten days ago) was observed with the PKG instrument, notes tagged to PKG indicators 2, 3, 10, 23, 35. */
const TEACHER = 'Nur Hasanah, S.Pd';
const OBSERVED = 'Pertanyaan guru hanya dijawab tiga siswa di barisan depan.';
const NOTE_ONLINE = 'Wawancara: siswa di belakang jarang ditanya.';
const NOTE_OFFLINE = 'Dokumen RPP: pembagian peran kelompok tertulis.';

/** The academic year (starting 1 July, the demo setting) of the demo lesson ten days ago. */
function demoLessonYear(): string {
  const d = new Date(Date.now() - 10 * 86_400_000);
  const y = d.getUTCMonth() >= 6 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${y}/${y + 1}`;
}

const indicator = (page: Page, n: number) => page.locator(`[data-indicator="${n}"]`);

describe('Penilaian: bukti per indikator', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[PENILAIAN][BUKTI] the kepala rates with the observation notes beside each indicator, writes evidence notes (one offline, kept on the device) and the result shows them', async () => {
    const year = demoLessonYear();
    const context = await signedInContext(browser, 'kepala', PHONE);
    const page = await context.newPage();
    await page.goto('/penilaian');
    const pk = new PenilaianPage(page);
    await pk.heading('Penilaian Kinerja Guru').waitFor();
    await pk.openNewPeriod(year);
    await pk.heading(`PKG formatif ${year}`).waitFor();
    await pk.teacherCard(TEACHER).getByRole('button', { name: 'Nilai (kepala)' }).click();
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await pk.expandAll();

    // The observation note sits beside the indicator it is tagged to (2), not beside an untagged one (1).
    await indicator(page, 2).getByText(OBSERVED).waitFor();
    await indicator(page, 2).getByText('Catatan observasi').waitFor();
    assert.equal(await indicator(page, 1).getByText('Catatan observasi').count(), 0);
    // Notes and the evidence field fit a 360 px phone: no horizontal scrolling.
    await indicator(page, 2).getByRole('button', { name: 'Catatan bukti indikator 2' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);

    // The evidence field is collapsed until asked for; the 0/1/2 buttons stay one tap.
    await pk.rate(2, 1);
    assert.equal(await indicator(page, 2).locator('textarea').count(), 0);
    await indicator(page, 2).getByRole('button', { name: 'Catatan bukti indikator 2' }).click();
    await indicator(page, 2).getByRole('textbox', { name: 'Catatan bukti indikator 2' }).fill(NOTE_ONLINE);
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/));

    // Offline: a score and an evidence note on indicator 3 stay on the device, also when the form is left and reopened.
    await context.setOffline(true);
    await pk.rate(3, 2);
    await indicator(page, 3).getByRole('button', { name: 'Catatan bukti indikator 3' }).click();
    await indicator(page, 3).getByRole('textbox', { name: 'Catatan bukti indikator 3' }).fill(NOTE_OFFLINE);
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Tidak ada koneksi/));
    const formUrl = page.url();
    await page.getByRole('link', { name: /Kembali ke periode/ }).click();
    await page.goBack();
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await pk.expandAll();
    // The marker shows which indicators carry evidence while the field is collapsed.
    await indicator(page, 3).locator('.pk-evidence-mark').waitFor();
    await indicator(page, 3).getByRole('button', { name: 'Catatan bukti indikator 3' }).click();
    assert.equal(await indicator(page, 3).getByRole('textbox', { name: 'Catatan bukti indikator 3' }).inputValue(), NOTE_OFFLINE);

    // Back online: it is sent; after a reload the server's copy is shown.
    await context.setOffline(false);
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/), 20_000);
    await page.goto(formUrl);
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await pk.expandAll();
    await indicator(page, 3).getByRole('button', { name: 'Catatan bukti indikator 3' }).click();
    assert.equal(await indicator(page, 3).getByRole('textbox', { name: 'Catatan bukti indikator 3' }).inputValue(), NOTE_OFFLINE);
    assert.equal(await pk.progress().textContent(), '2/78');

    // The result page lists the evidence per indicator: the rater's notes and the observation note.
    await page.goto(formUrl.replace('/penilaian/nilai/', '/penilaian/hasil/'));
    const list = page.getByTestId('pk-evidence');
    await list.waitFor();
    await list.locator('[data-indicator="2"]').getByText(NOTE_ONLINE, { exact: false }).waitFor();
    await list.locator('[data-indicator="2"]').getByText(OBSERVED).waitFor();
    await list.locator('[data-indicator="3"]').getByText(NOTE_OFFLINE, { exact: false }).waitFor();
    await context.close();
  });
});
