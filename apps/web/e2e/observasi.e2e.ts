import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { DokumentasiPage } from './pages/DokumentasiPage.ts';
import { ObservasiPage } from './pages/ObservasiPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
/** Phone screenshots for a person to look at (not compared). */
const shot = (name: string) => path.join(tmpdir(), `tumbuh-observasi-${name}.png`);
const stamp = () => `${Date.now()}`.slice(-6);

describe('Observasi kelas', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[OBSERVASI] kepala plans, writes 2 tagged notes on a phone (one while offline), rates with evidence beside, adds a goal and sends it to the MGMP group; the guru sees the goal', async () => {
    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const page = await kepala.newPage();
    await page.goto('/');
    const shell = new Shell(page);
    await shell.menuButton().click();
    await shell.navLink(/^Observasi kelas$/).click();
    const obs = new ObservasiPage(page);
    await obs.heading('Observasi kelas').waitFor();
    await page.getByRole('link', { name: 'Rencanakan observasi' }).click();
    await obs.heading('Rencana observasi').waitFor();
    const topic = `Adab menuntut ilmu ${stamp()}`;
    const id = await obs.plan({ teacher: /^Ahmad Fauzi/, rombel: 'VIII-B', subject: 'Akidah Akhlak', topic });
    await page.getByText(topic).waitFor();
    assert.equal(await page.getByTestId('obs-status').textContent(), 'Direncanakan');

    // During: two notes tagged to indicators; the second typed while the network is down.
    await obs.writeNote('Guru membuka dengan salam dan menata tempat duduk.', [1]);
    await eventually(async () => assert.equal(await obs.notes().count(), 1));
    await page.getByText('Berlangsung').first().waitFor();
    await kepala.setOffline(true);
    await obs.writeNote('Siswa bergiliran menjawab dengan kartu nama.', [6, 4]);
    await page.getByText('Menunggu sinyal').first().waitFor();
    await kepala.setOffline(false);
    await eventually(async () => assert.equal(await page.getByText('Menunggu sinyal').count(), 0), 20_000);
    assert.equal(await obs.notes().count(), 2);
    await page.screenshot({ path: shot('during'), fullPage: true });
    const fromServer = await (await kepala.request.get(`/api/v1/observations/${id}`)).json();
    assert.equal(fromServer.notes.length, 2, 'both notes reached the server, once each');

    // A classroom photo taken during the observation is kept with it (through the files module).
    const photos = new DokumentasiPage(page, 'observation');
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 180, b: 120 } } }).jpeg().toBuffer();
    await photos.takePhoto({ name: 'kelas.jpg', buffer: photo }, 'Papan tulis kelompok');
    await photos.thumbnail('Papan tulis kelompok').waitFor();
    const stored = await (await kepala.request.get(`/api/v1/observations/${id}/files`)).json();
    assert.equal(stored.items.length, 1, 'the photo belongs to this observation');

    // After: the rating of indicator 6 shows its note as evidence; rate and save.
    await obs.tab('Sesudah').click();
    await obs.rating(6).getByText('Siswa bergiliran menjawab').waitFor();
    await obs.rating(6).getByText('Dilakukan dan efektif').click();
    await obs.rating(1).getByText('Dilakukan tapi belum efektif').click();
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await page.getByText('Tersimpan.').waitFor();
    await page.screenshot({ path: shot('after'), fullPage: true });

    // A goal, sent to the teacher's MGMP group.
    const goal = `Memakai kartu giliran di semua kelas ${stamp()}`;
    await page.getByLabel('Tujuan yang disepakati').fill(goal);
    await page.getByLabel('Target tanggal').fill('2027-01-31');
    await page.getByRole('button', { name: 'Tambah tujuan' }).click();
    await page.getByText(goal).waitFor();
    // The guru may be in more than one group (other tests add members): choose Rumpun PAI explicitly.
    const groupSelect = page.locator('.obs-send select');
    const pai = await groupSelect.locator('option', { hasText: 'Rumpun PAI' }).getAttribute('value');
    await groupSelect.selectOption(pai ?? '');
    await page.getByRole('button', { name: 'Kirim ke MGMP' }).click();
    await page.getByText(/Dikirim ke MGMP Rumpun PAI/).waitFor();
    await obs.confirm('Selesai & bagikan ke guru');
    await eventually(async () => assert.equal(await page.getByTestId('obs-status').textContent(), 'Refleksi'));
    await kepala.close();

    // The guru sees the goal on their teacher page, and the shared observation with its notes.
    const guru = await signedInContext(browser, 'guru', PHONE);
    const me = await (await guru.request.get('/api/v1/me')).json();
    const guruPage = await guru.newPage();
    await guruPage.goto(`/guru/${me.user.teacherId}`);
    await guruPage.getByTestId('teacher-observation-goals').getByText(goal).waitFor();
    await guruPage.getByTestId('teacher-observation-goals').getByRole('link', { name: /dari observasi/ }).first().waitFor();
    await guruPage.goto(`/observasi/${id}`);
    await guruPage.getByText('Siswa bergiliran menjawab dengan kartu nama.').first().waitFor();
    await guruPage.getByRole('tab', { name: 'Refleksi' }).click();
    await guruPage.getByPlaceholder('Tulis refleksi atau umpan balik').fill('Saya akan memakai kartu giliran setiap pertemuan.');
    await guruPage.getByRole('button', { name: 'Kirim' }).click();
    await guruPage.getByText('Refleksi guru').waitFor();
    await guruPage.screenshot({ path: shot('reflection'), fullPage: true });
    // Nothing is wider than the phone.
    const overflow = await guruPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no horizontal scroll at 360 px (overflow ${overflow})`);
    await guru.close();
  });
});
