import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCall, meetingNow, MgmpPage } from './pages/MgmpPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe('MGMP decision correction', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][KOREKSI] the ketua corrects a closed decision with a reason; the earlier wording stays in "Riwayat revisi", which the sekretaris reads without a correct button', async () => {
    const ketua = await signedInContext(browser, 'koordinator', PHONE);
    const itemTitle = `Usulan ulangan bersama ${stamp()}`;
    const meeting = await meetingNow(ketua, 'MIPA', `Rapat koreksi ${stamp()}`, [{ title: itemTitle, kind: 'proposal' }]);
    const agendaItemId = meeting.agenda.find((a) => a.title === itemTitle)?.id ?? '';
    const decision = await apiCall<{ id: string }>(ketua, 'POST', `/mgmp/agenda-items/${agendaItemId}/decisions`, { proposal: 'Ulangan bersama tiap bulan' });
    const firstWording = `Ulangan bersama tiap akhir bulan ${stamp()}.`;
    await apiCall(ketua, 'POST', `/mgmp/decisions/${decision.id}/close`, { outcome: 'mufakat', statement: firstWording, rationale: 'Semua sepakat.' });

    const page = await ketua.newPage();
    const mgmp = new MgmpPage(page);
    await mgmp.gotoMeeting(meeting.id);
    const item = mgmp.agendaItem(itemTitle);
    await item.getByText(firstWording).waitFor();
    await item.getByRole('button', { name: 'Koreksi keputusan' }).click();
    const corrected = `Ulangan bersama tiap akhir semester ${stamp()}.`;
    await item.getByLabel(/^Pernyataan keputusan/).fill(corrected);
    const save = item.getByRole('button', { name: 'Simpan koreksi' });
    // No reason yet: the form does not send.
    assert.equal(await save.isDisabled(), true);
    await item.getByLabel(/^Alasan koreksi/).fill('Salah tulis: disepakati per semester');
    const formWide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(formWide <= 0, `the open correction form fits 360 px (${formWide} px too wide)`);
    await save.click();
    await item.getByRole('status').filter({ hasText: 'Koreksi tersimpan' }).waitFor();
    await item.locator('.statement').filter({ hasText: corrected }).first().waitFor();

    // The history shows the earlier wording and the reason.
    await item.getByText('Riwayat revisi (1)').click();
    await item.locator('.decision-revision').getByText(firstWording).waitFor();
    await item.locator('.decision-revision').getByText('Alasan: Salah tulis: disepakati per semester').waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the meeting page fits 360 px (${wide} px too wide)`);

    const revisions = await apiCall<{ items: { revision: number; reason: string; before: { statement: string }; after: { statement: string } }[] }>(ketua, 'GET', `/mgmp/decisions/${decision.id}/revisions`);
    assert.deepEqual(
      revisions.items.map((r) => [r.revision, r.reason, r.before.statement, r.after.statement]),
      [[1, 'Salah tulis: disepakati per semester', firstWording, corrected]],
    );

    // The sekretaris reads the history but is not offered the correction, and the API refuses it.
    const sekretaris = await signedInContext(browser, 'sekretaris', PHONE);
    const sPage = await sekretaris.newPage();
    const sMgmp = new MgmpPage(sPage);
    await sMgmp.gotoMeeting(meeting.id);
    const sItem = sMgmp.agendaItem(itemTitle);
    await sItem.getByText('Riwayat revisi (1)').waitFor();
    await sItem.getByText(corrected).first().waitFor();
    assert.equal(await sItem.getByRole('button', { name: 'Koreksi keputusan' }).count(), 0);
    await assert.rejects(apiCall(sekretaris, 'POST', `/mgmp/decisions/${decision.id}/revise`, { statement: 'Diubah', reason: 'Coba' }), /: 403 .*auth\.forbidden/);
    await eventually(async () => assert.equal((await apiCall<{ total: number }>(sekretaris, 'GET', `/mgmp/decisions/${decision.id}/revisions`)).total, 1));
    await sekretaris.close();
    await ketua.close();
  });
});
