import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { DokumentasiPage } from './pages/DokumentasiPage.ts';
import { apiCall, groupId, meetingNow, MgmpPage } from './pages/MgmpPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };

interface StoredFile {
  id: string;
  caption: string | null;
  width: number | null;
  height: number | null;
  mediaType: string;
  byteSize: number;
}

describe('MGMP meeting documentation', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][DOKUMENTASI] a ketua on a phone takes a photo at the meeting, it is made smaller before upload, and its thumbnail shows', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const meeting = await meetingNow(context, 'MIPA', 'Pertemuan dokumentasi (uji)', [{ title: 'Diskusi', kind: 'biasa' }]);
    // A camera-sized photo (2400×1800, with noise so it is heavy like a real one), made here rather than stored in the repository.
    const noise = Buffer.alloc(2400 * 1800 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const photo = await sharp(noise, { raw: { width: 2400, height: 1800, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
    assert.ok(photo.length > 1_500_000, `the test photo is heavy (${photo.length} bytes)`);

    const page = await context.newPage();
    await new MgmpPage(page).gotoMeeting(meeting.id);
    const docs = new DokumentasiPage(page);
    await docs.heading().waitFor();
    const caption = `Diskusi kelompok ${Date.now()}`;
    let sentBytes = 0;
    page.on('request', (req) => {
      if (req.method() !== 'POST' || !req.url().endsWith(`/mgmp/meetings/${meeting.id}/files`)) return;
      sentBytes = req.postDataBuffer()?.length ?? 0;
      if (sentBytes === 0) void req.allHeaders().then((h) => (sentBytes = Number(h['content-length'] ?? 0)));
    });
    await docs.takePhoto({ name: 'IMG_20260901_0930.jpg', buffer: photo }, caption);

    const thumb = docs.thumbnail(caption);
    await thumb.waitFor();
    await thumb.scrollIntoViewIfNeeded(); // thumbnails load lazily, when they come into view (a longer page puts it below the fold)
    await eventually(async () => {
      const size = await docs.naturalSize(thumb);
      assert.ok(size.complete && size.width > 0, 'the thumbnail image has loaded');
      assert.ok(Math.max(size.width, size.height) <= 320, `a thumbnail, not the full photo (${size.width}×${size.height})`);
    });
    await docs.savedNote().waitFor();

    // The browser sent a phone-size JPEG, far lighter than the camera file; the server kept it at 1600 px.
    assert.ok(sentBytes > 0 && sentBytes < photo.length / 2, `upload of ${sentBytes} bytes for a ${photo.length}-byte photo`);
    const files = await apiCall<{ items: StoredFile[] }>(context, 'GET', `/mgmp/meetings/${meeting.id}/files`);
    const stored = files.items.find((f) => f.caption === caption);
    assert.ok(stored, 'the photo is listed with its caption');
    assert.equal(stored.mediaType, 'image/jpeg');
    assert.deepEqual([stored.width, stored.height], [1600, 1200]);

    // Full size opens from the thumbnail; the page fits the phone.
    const link = page.getByRole('link', { name: `Buka ukuran penuh: ${caption}` });
    assert.equal(await link.getAttribute('href'), `/api/v1/files/${stored.id}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
    await context.close();
  });

  it('[MGMP][DOKUMENTASI][DEMO] the demo\'s last held MIPA meeting already shows its documentation photos to the kepala, and the laporan kegiatan carries them', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const held = await apiCall<{ items: { id: string; startsAt: string }[] }>(context, 'GET', `/mgmp/groups/${mipa}/meetings?status=selesai&limit=200`);
    const last = held.items.sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    assert.ok(last, 'the demo has held MIPA meetings');
    const files = await apiCall<{ items: StoredFile[] }>(context, 'GET', `/mgmp/meetings/${last.id}/files`);
    assert.ok(files.items.length >= 2, `the seeded photos are listed (${files.items.length})`);

    const page = await context.newPage();
    await new MgmpPage(page).gotoMeeting(last.id);
    const docs = new DokumentasiPage(page);
    await docs.heading().waitFor();
    for (const file of files.items) {
      const thumb = docs.thumbnail(file.caption ?? '');
      await thumb.waitFor();
      await thumb.scrollIntoViewIfNeeded(); // thumbnails load lazily, when they come into view
      await eventually(async () => {
        const size = await docs.naturalSize(thumb);
        assert.ok(size.complete && size.width > 0 && size.width <= 320, `the thumbnail of "${file.caption}" has loaded (${size.width} px)`);
      });
    }
    const pdf = await context.request.get(`/api/v1/mgmp/meetings/${last.id}/laporan.pdf`);
    assert.equal(pdf.status(), 200);
    const images = (await pdf.body()).toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
    assert.ok(images >= files.items.length + 1, `the laporan embeds the photos and the kop logo (${images} images)`);
    await context.close();
  });

  it('[MGMP][DOKUMENTASI] a file of the wrong type gets a clear message and nothing is sent; the operator sets the madrasah logo from the dashboard', async () => {
    const ketua = await signedInContext(browser, 'koordinator', PHONE);
    const meeting = await meetingNow(ketua, 'MIPA', 'Pertemuan salah berkas (uji)', [{ title: 'Diskusi', kind: 'biasa' }]);
    const page = await ketua.newPage();
    await new MgmpPage(page).gotoMeeting(meeting.id);
    const docs = new DokumentasiPage(page);
    await docs.heading().waitFor();
    let posted = false;
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/files')) posted = true;
    });
    await docs.section.getByTestId('files-choose').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto') });
    await docs.section.getByRole('alert').filter({ hasText: '"catatan.txt" bukan jenis yang diterima' }).waitFor();
    assert.equal(posted, false, 'nothing was uploaded');
    await ketua.close();

    const operator = await signedInContext(browser, 'operator', PHONE);
    const dash = await operator.newPage();
    await dash.goto('/');
    const logoInput = dash.getByTestId('logo-input').first();
    await logoInput.waitFor({ state: 'attached' });
    const logo = await sharp({ create: { width: 600, height: 600, channels: 4, background: { r: 15, g: 107, b: 79, alpha: 1 } } }).png().toBuffer();
    await logoInput.setInputFiles({ name: 'logo-madrasah.png', mimeType: 'image/png', buffer: logo });
    await dash.getByRole('status').filter({ hasText: 'Logo tersimpan.' }).waitFor();
    const img = dash.getByRole('img', { name: /^Logo / }).first();
    await eventually(async () => {
      const size = await img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
      assert.equal(size, 300, 'the kop-size logo (300 px) is shown');
    });
    await operator.close();
  });
});
