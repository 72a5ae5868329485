import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { InstrumenPage } from './pages/InstrumenPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, signedInContext, uniqueDigits } from './support.ts';

const PHONE = { width: 360, height: 740 };
const LEVELS = ['Belum tampak', 'Mulai tampak', 'Tampak', 'Membudaya'];

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
}

describe('Instrumen buatan madrasah', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[INSTRUMEN] kepala builds an instrument on a phone (kept on the device while offline), saves, publishes (editing gone) and makes a new version; the guru sees only the published one', async () => {
    const title = `Supervisi kelas ${uniqueDigits(6)}`;
    const context = await signedInContext(browser, 'kepala', PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.menuButton().click();
    await shell.navLink(/^Instrumen$/).click();
    const ib = new InstrumenPage(page);
    await ib.heading('Instrumen penilaian').waitFor();
    // the official instruments are listed read-only
    const official = page.getByRole('list', { name: 'Instrumen resmi' }).getByRole('listitem').filter({ hasText: 'Penilaian Kinerja Guru' }).first();
    await official.getByRole('link', { name: 'Lihat' }).click();
    await ib.heading(/Penilaian Kinerja Guru/).waitFor();
    await page.getByText(/4 ranah · 14 kompetensi · 78 indikator/).waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0);
    await page.getByRole('button', { name: 'Cetak' }).waitFor();
    await page.getByRole('link', { name: '← Daftar instrumen' }).click();
    await ib.heading('Instrumen penilaian').waitFor();

    await ib.createInstrument(title);
    await ib.heading('Susun instrumen').waitFor();
    await noHorizontalScroll(page);

    // A 4-level scale with the school's own labels.
    await ib.open(ib.section('scale'));
    for (const [i, label] of LEVELS.entries()) await ib.level(i + 1).getByLabel('Sebutan').fill(label);
    assert.equal(await ib.section('scale').locator('[data-level]').count(), 4);

    // One domain, two competencies, three indicators with descriptors; one indicator tagged.
    await page.getByRole('button', { name: /Tambah ranah/ }).click();
    await ib.open(ib.domain(1));
    await ib.domain(1).getByLabel('Nama ranah').first().fill('Pelaksanaan pembelajaran');
    await ib.open(ib.competency(1));
    await ib.competency(1).getByLabel('Nama kompetensi').fill('Kegiatan pendahuluan');
    await ib.fillIndicator(1, 1, 'Guru menyampaikan tujuan pembelajaran', ['Tidak disampaikan', 'Disampaikan sekilas', 'Disampaikan dengan jelas', 'Dikaitkan dengan kehidupan siswa']);
    await ib.competency(1).getByRole('button', { name: /Tambah indikator/ }).click();
    await ib.fillIndicator(1, 2, 'Guru mengatur tempat duduk siswa', ['Tidak diatur', 'Diatur sebagian', 'Diatur rapi', 'Diatur sesuai kegiatan'], 'Pengelolaan kelas');
    // reorder: indicator 2 goes up, then back down
    await ib.indicator(1, 2).getByRole('button', { name: 'Naikkan Indikator 2' }).click();
    await eventually(async () => assert.match((await ib.indicator(1, 1).locator('summary').textContent()) ?? '', /mengatur tempat duduk/));
    await ib.indicator(1, 1).getByRole('button', { name: 'Turunkan Indikator 1' }).click();
    await eventually(async () => assert.match((await ib.indicator(1, 1).locator('summary').textContent()) ?? '', /menyampaikan tujuan/));

    await ib.domain(1).getByRole('button', { name: /Tambah kompetensi/ }).click();
    await ib.open(ib.competency(2));
    await ib.competency(2).getByLabel('Nama kompetensi').fill('Kegiatan penutup');
    await noHorizontalScroll(page);
    await eventually(async () => assert.match((await ib.saveState().textContent()) ?? '', /belum disimpan/));

    // The connection drops while typing: everything stays on the device and the next visit restores it.
    await context.setOffline(true);
    await ib.fillIndicator(2, 1, 'Guru bersama siswa menyimpulkan pelajaran', ['Tidak ada', 'Guru sendiri', 'Bersama sebagian siswa', 'Bersama seluruh siswa']);
    await eventually(async () => assert.match((await ib.saveState().textContent()) ?? '', /Tidak ada koneksi/));
    await page.reload().catch(() => undefined);
    await context.setOffline(false);
    await page.reload();
    await ib.heading('Susun instrumen').waitFor();
    await page.getByText('Isian yang belum tersimpan dipulihkan dari perangkat ini.').waitFor();
    await ib.open(ib.competency(2));
    await ib.open(ib.indicator(2, 1));
    assert.equal(await ib.indicator(2, 1).getByLabel('Pernyataan indikator').inputValue(), 'Guru bersama siswa menyimpulkan pelajaran');
    assert.equal(await ib.indicator(2, 1).getByRole('textbox', { name: /^Tingkat 4 – / }).inputValue(), 'Bersama seluruh siswa');
    assert.equal(await ib.domain(1).getByLabel('Nama ranah').first().inputValue(), 'Pelaksanaan pembelajaran');

    await ib.save();
    await eventually(async () => assert.match((await ib.saveState().textContent()) ?? '', /Semua perubahan tersimpan/));

    // Reload: the content comes from the server now (no device copy).
    await page.reload();
    await ib.heading('Susun instrumen').waitFor();
    await page.getByText(/1 ranah · 2 kompetensi · 3 indikator/).first().waitFor();
    assert.equal(await page.getByText('Isian yang belum tersimpan dipulihkan dari perangkat ini.').count(), 0);
    await ib.open(ib.indicator(1, 2));
    assert.equal(await ib.indicator(1, 2).getByLabel('Pernyataan indikator').inputValue(), 'Guru mengatur tempat duduk siswa');
    assert.equal(await ib.indicator(1, 2).getByRole('textbox', { name: /^Tingkat 4 – Membudaya/ }).inputValue(), 'Diatur sesuai kegiatan');
    assert.equal(await ib.indicator(1, 2).getByRole('checkbox', { name: 'Pengelolaan kelas' }).isChecked(), true);
    assert.equal(await ib.level(3).getByLabel('Sebutan').inputValue(), 'Tampak');

    // Publish: the confirmation explains the freeze; afterwards the page is read-only.
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await page.getByRole('dialog').getByText(/dibekukan/).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await ib.heading(title).waitFor();
    await page.getByText('Versi ini sudah terbit dan dibekukan. Perubahan dibuat sebagai versi baru.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Simpan draf' }).count(), 0);
    assert.equal(await page.getByRole('textbox').count(), 0);
    await page.getByText('Guru mengatur tempat duduk siswa').waitFor();
    await page.getByText('Pengelolaan kelas', { exact: true }).waitFor();
    await page.getByText('Diatur sesuai kegiatan').waitFor();
    await noHorizontalScroll(page);
    const publishedUrl = page.url();

    // The published instrument can be chosen when planning a classroom observation; its tagged indicator is offered by focus.
    await page.goto('/observasi/baru');
    await page.getByLabel('Instrumen', { exact: true }).selectOption({ label: title });
    await page.getByRole('checkbox', { name: 'Pengelolaan kelas' }).check();
    await page.getByText('Indikator fokus (opsional)').click();
    await page.getByRole('checkbox', { name: '2. Guru mengatur tempat duduk siswa' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /Guru menyampaikan tujuan/ }).count(), 0);
    await page.goto(publishedUrl);
    await ib.heading(title).waitFor();

    // A new version: a draft copy, editable again; version 1 stays as it was.
    await page.getByRole('button', { name: 'Buat versi baru' }).click();
    await ib.heading('Susun instrumen').waitFor();
    await page.getByText('Versi 2').first().waitFor();
    assert.notEqual(page.url(), publishedUrl);
    await ib.open(ib.indicator(1, 1));
    assert.equal(await ib.indicator(1, 1).getByLabel('Pernyataan indikator').inputValue(), 'Guru menyampaikan tujuan pembelajaran');

    await page.goto('/instrumen');
    const row = page.getByRole('list', { name: 'Instrumen buatan madrasah' }).getByRole('listitem').filter({ hasText: title }).first();
    await row.getByRole('link', { name: 'Versi 1 · Terbit' }).waitFor();
    await row.getByRole('link', { name: 'Versi 2 · Draf' }).waitFor();
    await context.close();

    // The guru of the madrasah sees the published version only, read-only.
    const guruContext = await signedInContext(browser, 'guru', PHONE);
    const guru = await guruContext.newPage();
    await guru.goto('/instrumen');
    await new InstrumenPage(guru).heading('Instrumen penilaian').waitFor();
    const guruRow = guru.getByRole('list', { name: 'Instrumen buatan madrasah' }).getByRole('listitem').filter({ hasText: title }).first();
    await guruRow.getByRole('link', { name: 'Versi 1 · Terbit' }).waitFor();
    assert.equal(await guruRow.getByRole('link', { name: 'Versi 2 · Draf' }).count(), 0);
    assert.equal(await guru.getByRole('button', { name: 'Buat instrumen baru' }).count(), 0);
    await guruRow.getByRole('link', { name: 'Versi 1 · Terbit' }).click();
    await new InstrumenPage(guru).heading(title).waitFor();
    assert.equal(await guru.getByRole('button', { name: 'Buat versi baru' }).count(), 0);
    await guruContext.close();
  });

  it('[INSTRUMEN] operator: an incomplete draft cannot be published, a missing field is shown beside it, and a draft can be deleted', async () => {
    const title = `Instrumen coba ${uniqueDigits(6)}`;
    const context = await signedInContext(browser, 'operator', PHONE);
    const page = await context.newPage();
    await page.goto('/instrumen');
    const ib = new InstrumenPage(page);
    await ib.heading('Instrumen penilaian').waitFor();
    await ib.createInstrument(title);
    await ib.heading('Susun instrumen').waitFor();

    // Empty tree: publishing is blocked and says why.
    await page.getByTestId('ib-publish-problems').getByText('Belum ada ranah.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Terbitkan', exact: true }).isDisabled(), true);

    // A domain without a name: the save is refused on the device, the message sits beside the field.
    await page.getByRole('button', { name: /Tambah ranah/ }).click();
    await ib.open(ib.competency(1));
    await ib.competency(1).getByLabel('Nama kompetensi').fill('Kompetensi A');
    await ib.save();
    await page.getByText('Periksa kembali isian yang ditandai.').waitFor();
    const domainName = ib.domain(1).getByLabel('Nama ranah').first();
    assert.equal(await domainName.getAttribute('aria-invalid'), 'true');
    await eventually(async () => assert.equal(await domainName.evaluate((el) => el === document.activeElement), true, 'the first field to fix has the focus'));
    await ib.domain(1).locator('.field-invalid').first().getByText('Wajib diisi.').waitFor();
    await domainName.fill('Ranah A');
    await ib.indicator(1, 1).getByLabel('Pernyataan indikator').fill('Indikator A');
    await ib.save();
    await eventually(async () => assert.match((await ib.saveState().textContent()) ?? '', /Semua perubahan tersimpan/));
    assert.equal(await page.getByTestId('ib-publish-problems').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Terbitkan', exact: true }).isDisabled(), false);

    // Delete the draft: back to the list, and it is gone.
    await page.getByRole('button', { name: 'Hapus draf' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hapus draf' }).click();
    await ib.heading('Instrumen penilaian').waitFor();
    await page.getByRole('button', { name: 'Buat instrumen baru' }).waitFor();
    await eventually(async () => assert.equal(await page.getByText(title).count(), 0));
    const list = await context.request.get('/api/v1/instruments?owner=madrasah');
    assert.ok(!((await list.json()) as { items: { title: string }[] }).items.some((i) => i.title === title), 'the deleted draft is gone on the server');
    await context.close();
  });
});
