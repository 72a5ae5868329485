import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PenilaianPage } from './pages/PenilaianPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const TEACHER = 'Ahmad Fauzi, S.Pd.I';
/** A year no demo period uses, so the run opens its own period. */
const YEAR = '2031/2032';

describe('Penilaian Kinerja', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[PENILAIAN] kepala opens a period, rates a teacher on a phone (kept on the device while offline) and finalises; the guru sees and acknowledges', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const page = await context.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.menuButton().click();
    await shell.navLink(/^Penilaian Kinerja$/).click();
    const pk = new PenilaianPage(page);
    await pk.heading('Penilaian Kinerja Guru').waitFor();
    // the demo periods are listed
    await page.getByRole('link', { name: 'PKG sumatif 2025/2026' }).waitFor();

    await pk.openNewPeriod(YEAR);
    await pk.heading(`PKG formatif ${YEAR}`).waitFor();
    const card = pk.teacherCard(TEACHER);
    await card.getByRole('button', { name: 'Nilai (kepala)' }).click();
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await eventually(async () => assert.equal(await pk.progress().textContent(), '0/78'));

    // No horizontal scrolling at 360 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);

    await pk.expandAll();
    for (let n = 1; n <= 40; n++) await pk.rate(n, n % 5 === 0 ? 1 : 2);
    await eventually(async () => assert.equal(await pk.progress().textContent(), '40/78'));
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/));

    // The connection drops: the taps are kept on the device and sent when it is back.
    await context.setOffline(true);
    for (let n = 41; n <= 60; n++) await pk.rate(n, n % 5 === 0 ? 1 : 2);
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Tidak ada koneksi/));
    await page.reload().catch(() => undefined);
    await context.setOffline(false);
    await page.reload();
    await pk.heading(`Penilaian ${TEACHER}`).waitFor();
    await eventually(async () => assert.equal(await pk.progress().textContent(), '60/78'));
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/));

    await pk.expandAll();
    for (let n = 61; n <= 78; n++) await pk.rate(n, n === 78 ? 0 : 2);
    await eventually(async () => assert.equal(await pk.progress().textContent(), '78/78'));
    await eventually(async () => assert.match((await pk.liveNilai().textContent()) ?? '', /Nilai PKG: [\d,]+ · (Amat baik|Baik|Cukup|Sedang|Kurang)/));
    const live = (await pk.liveNilai().textContent()) ?? '';
    await eventually(async () => assert.match((await pk.saveState().textContent()) ?? '', /Semua nilai tersimpan/));

    await pk.finalise();
    await pk.heading(`Hasil PKG ${TEACHER}`).waitFor();
    const result = (await pk.result().textContent()) ?? '';
    const [, nilai = '', category = ''] = /Nilai PKG: ([\d,]+) · (.+)$/.exec(live) ?? [];
    assert.ok(result.includes(nilai) && result.includes(category), `result "${result}" shows the live value "${live}"`);
    await page.getByText(/Aturan kategori: dibulatkan setengah ke atas/).waitFor();
    await page.getByText('Belum ditanggapi guru.').waitFor();
    const assessmentUrl = page.url();
    await context.close();

    // The guru finds it under "Penilaian saya" and acknowledges with a comment.
    const guruContext = await signedInContext(browser, 'guru', PHONE);
    const guruPage = await guruContext.newPage();
    await guruPage.goto('/penilaian/saya');
    const mine = new PenilaianPage(guruPage);
    await mine.heading('Penilaian saya').waitFor();
    await guruPage.getByRole('link', { name: `PKG formatif ${YEAR} · Kepala madrasah` }).click();
    await mine.heading(`Hasil PKG ${TEACHER}`).waitFor();
    assert.equal(guruPage.url(), assessmentUrl);
    await guruPage.getByLabel('Tanggapan (opsional)').fill('Terima kasih atas masukannya.');
    await guruPage.getByRole('button', { name: 'Saya sudah membaca hasil ini' }).click();
    await guruPage.getByText(/Ditanggapi guru .* — Terima kasih atas masukannya\./).waitFor();
    // The teacher works out their annual angka kredit from the result's % AK and their rank data.
    await guruPage.getByText('Hitung angka kredit per tahun').click();
    const npk = Number(/(\d+)%/.exec((await guruPage.getByText(/dengan NPK hasil ini \d+%/).textContent()) ?? '')?.[1]);
    await guruPage.getByTestId('ak-akk').fill('50');
    await guruPage.getByTestId('ak-akpkb').fill('3');
    await guruPage.getByTestId('ak-akp').fill('5');
    await guruPage.getByTestId('ak-answer').getByText('Isi keempat kolom untuk menghitung.').waitFor();
    await guruPage.getByTestId('ak-teachingHours').fill('24');
    const expected = ((42 * npk) / 100 / 4).toLocaleString('id-ID', { maximumFractionDigits: 3 });
    await guruPage.getByTestId('ak-answer').getByText(`Angka kredit per tahun: ${expected} (JM/JWM = 1, NPK = ${npk}%)`).waitFor();
    // Kept on the device: still there after a reload.
    await guruPage.reload();
    await guruPage.getByText('Hitung angka kredit per tahun').click();
    assert.equal(await guruPage.getByTestId('ak-akk').inputValue(), '50');
    await guruContext.close();
  });

  it('[PENILAIAN] a guru never sees a colleague’s result: the result page of another teacher is not found', async () => {
    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const list = await kepala.request.get('/api/v1/assessment/assessments?raterKind=kepala&status=final&limit=100');
    const items = ((await list.json()) as { items: { id: string; teacher: { name: string } }[] }).items;
    const other = items.find((a) => a.teacher.name !== TEACHER);
    assert.ok(other, 'a final assessment of another teacher exists (demo)');
    await kepala.close();
    const guru = await signedInContext(browser, 'guru', PHONE);
    const page = await guru.newPage();
    await page.goto(`/penilaian/hasil/${other.id}`);
    await page.getByText('Penilaian tidak ditemukan.').waitFor();
    await guru.close();
  });
});
