import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCall, meetingNow, MgmpPage } from './pages/MgmpPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe('MGMP sekretaris', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][SEKRETARIS] on a phone the sekretaris takes attendance and writes the minutes draft; approving stays the ketua’s (no button, the API refuses)', async () => {
    const context = await signedInContext(browser, 'sekretaris', PHONE);
    const itemTitle = `Pembahasan modul ajar ${stamp()}`;
    const meeting = await meetingNow(context, 'MIPA', `Rapat sekretaris ${stamp()}`, [{ title: itemTitle, kind: 'biasa' }]);
    const agendaItemId = meeting.agenda.find((a) => a.title === itemTitle)?.id;
    assert.ok(agendaItemId, 'the agenda item exists');

    const page = await context.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    // An officer sees the check-in code to show the room.
    await page.getByText(meeting.checkInCode ?? 'no code').waitFor();

    // Attendance: one present, one excused.
    const [first = '', second = ''] = await mgmp.attendanceNames();
    await mgmp.mark('H', first).click();
    await mgmp.mark('I', second).click();
    await mgmp.saveState().filter({ hasText: 'Semua isian tersimpan' }).waitFor();

    // The minutes draft.
    const item = mgmp.agendaItem(itemTitle);
    const summary = `Anggota menyusun modul ajar bersama ${stamp()}.`;
    await item.getByLabel(/^Ringkasan pembahasan/).fill(summary);
    await item.getByRole('button', { name: 'Simpan draf notulen' }).click();
    const minutesOf = () => apiCall<{ items: { status: string; summary: string }[] }>(context, 'GET', `/mgmp/agenda-items/${agendaItemId}/minutes`);
    await eventually(async () => assert.deepEqual((await minutesOf()).items.map((m) => [m.status, m.summary]), [['draft', summary]]));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the meeting page fits 360 px (${wide} px too wide)`);

    // No approve button for the sekretaris, also after a reload.
    await page.reload();
    const field = mgmp.agendaItem(itemTitle).getByLabel(/^Ringkasan pembahasan/);
    await field.waitFor();
    assert.equal(await field.inputValue(), summary);
    assert.equal(await mgmp.agendaItem(itemTitle).getByRole('button', { name: 'Setujui' }).count(), 0);

    // What was recorded, and the API's refusal to approve.
    const attendance = await apiCall<{ items: { name: string; code: string | null; source: string | null }[] }>(context, 'GET', `/mgmp/meetings/${meeting.id}/attendance`);
    assert.equal(attendance.items.find((r) => r.name === first)?.code, 'H');
    assert.equal(attendance.items.find((r) => r.name === second)?.code, 'I');
    await assert.rejects(apiCall(context, 'POST', `/mgmp/agenda-items/${agendaItemId}/minutes/approve`, {}), /: 403 .*auth\.forbidden/);
    assert.deepEqual(
      (await minutesOf()).items.map((m) => [m.status, m.summary]),
      [['draft', summary]],
    );

    // The ketua sees the same draft with the approve button.
    const ketua = await signedInContext(browser, 'koordinator', PHONE);
    const ketuaPage = await ketua.newPage();
    const ketuaMgmp = new MgmpPage(ketuaPage);
    await ketuaMgmp.gotoMeeting(meeting.id);
    await ketuaMgmp.agendaItem(itemTitle).getByRole('button', { name: 'Setujui' }).waitFor();
    await ketua.close();
    await context.close();
  });
});
