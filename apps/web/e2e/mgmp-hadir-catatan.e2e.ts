import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiCall, meetingNow, MgmpPage } from './pages/MgmpPage.ts';
import { launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

interface Sheet {
  items: { teacherId: string; name: string; code: string | null; note: string | null; source: string | null; checkedInAt: string | null }[];
}

const row = (page: Page, name: string) => page.locator('.attendance-row').filter({ has: page.getByText(name, { exact: true }) });

describe('MGMP daftar hadir: a note per member', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][HADIR][CATATAN] an officer writes notes on a phone (one save dropped), they show after reload and to members; H again keeps a self check-in', async () => {
    const kepala = await signedInContext(browser, 'kepala', PHONE);
    const guru = await signedInContext(browser, 'guru', PHONE);
    const meeting = await meetingNow(kepala, 'Rumpun PAI', `Rapat catatan ${stamp()}`, []);
    const checkIn = await apiCall<{ teacherId: string; checkedInAt: string }>(guru, 'POST', `/mgmp/meetings/${meeting.id}/check-in`, { code: meeting.checkInCode });
    const before = await apiCall<Sheet>(kepala, 'GET', `/mgmp/meetings/${meeting.id}/attendance`);
    const member = before.items.find((r) => r.teacherId === checkIn.teacherId)?.name ?? '';
    const other = before.items.find((r) => r.teacherId !== checkIn.teacherId && r.code === null)?.name ?? '';
    assert.ok(member && other, 'the member who checked in and another member are listed');

    const page = await kepala.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    await mgmp.attendanceNames();
    await row(page, member).getByText(/check-in sendiri/).waitFor();

    // The officer taps H again for the member who checked in themselves.
    await mgmp.mark('H', member).click();
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor({ timeout: 15_000 });

    // The first save of the notes fails (connection dropped): they stay on the phone and are sent again.
    let failed = 0;
    await page.route('**/api/v1/mgmp/meetings/*/attendance', async (route) => {
      if (route.request().method() === 'PUT' && failed === 0) {
        failed += 1;
        await route.abort('internetdisconnected');
      } else await route.fallback();
    });
    // A note for a member without a code waits for the tap; then both go together.
    await page.getByRole('button', { name: `Catatan untuk ${other}` }).click();
    await page.getByRole('textbox', { name: `Catatan untuk ${other}` }).fill('izin: sakit anak');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await row(page, other).getByText(/catatan dikirim setelah kode/).waitFor();
    await mgmp.mark('I', other).click();
    // A note for the member who checked in.
    await page.getByRole('button', { name: `Catatan untuk ${member}` }).click();
    await page.getByRole('textbox', { name: `Catatan untuk ${member}` }).fill('datang terlambat');
    await page.getByRole('textbox', { name: `Catatan untuk ${member}` }).press('Enter');
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor({ timeout: 20_000 });
    assert.equal(failed, 1, 'one save was dropped and sent again');

    // Nothing sticks out sideways on a 360 px phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling at 360 px');

    await page.reload();
    await row(page, other).getByText('Catatan: izin: sakit anak').waitFor();
    await row(page, member).getByText('Catatan: datang terlambat').waitFor();
    await row(page, member).getByText(/check-in sendiri/).waitFor();
    assert.equal(await mgmp.mark('I', other).getAttribute('aria-pressed'), 'true');

    const after = await apiCall<Sheet>(kepala, 'GET', `/mgmp/meetings/${meeting.id}/attendance`);
    const mine = after.items.find((r) => r.teacherId === checkIn.teacherId);
    assert.deepEqual(
      { code: mine?.code, source: mine?.source, checkedInAt: mine?.checkedInAt, note: mine?.note },
      { code: 'H', source: 'self', checkedInAt: checkIn.checkedInAt, note: 'datang terlambat' },
    );
    assert.deepEqual(
      after.items.filter((r) => r.name === other).map((r) => ({ code: r.code, note: r.note })),
      [{ code: 'I', note: 'izin: sakit anak' }],
    );

    // A member reads the notes on their phone (no buttons to change them).
    const memberPage = await guru.newPage();
    await new MgmpPage(memberPage).gotoMeeting(meeting.id);
    await row(memberPage, other).getByText('Catatan: izin: sakit anak').waitFor();
    assert.equal(await memberPage.getByRole('button', { name: `Catatan untuk ${other}` }).count(), 0);

    await kepala.close();
    await guru.close();
  });
});
