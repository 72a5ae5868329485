import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiCall } from './pages/MgmpPage.ts';
import { eventually, launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };

interface Group {
  id: string;
  archived: boolean;
}

describe('MGMP archive', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][ARSIP] the operator takes an archived group out of the archive on its page; it can be managed again', async () => {
    const context = await signedInContext(browser, 'operator', PHONE);
    const me = (await (await context.request.get('/api/v1/me')).json()) as { madrasahs: { id: string }[] };
    const teachers = (await (await context.request.get('/api/v1/teachers?limit=1')).json()) as { items: { id: string }[] };
    const name = `MGMP Arsip ${Date.now()}`;
    const group = await apiCall<Group>(context, 'POST', '/mgmp/groups', { madrasahId: me.madrasahs[0]?.id, name, termStart: '2024-07-01', termEnd: '2026-06-30', members: [{ teacherId: teachers.items[0]?.id, role: 'ketua' }] });
    await apiCall<Group>(context, 'POST', `/mgmp/groups/${group.id}/archive`, {});

    const page = await context.newPage();
    await page.goto(`/mgmp/${group.id}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('Kelompok ini sudah diarsipkan').waitFor();
    assert.equal(await page.getByText('Pengaturan kelompok').count(), 0, 'an archived group has no settings');
    await page.getByRole('button', { name: 'Keluarkan dari arsip' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Keluarkan dari arsip' }).click();
    await page.getByText('Pengaturan kelompok').waitFor();
    assert.equal(await page.getByText('Kelompok ini sudah diarsipkan').count(), 0);
    await eventually(async () => assert.equal((await apiCall<Group>(context, 'GET', `/mgmp/groups/${group.id}`)).archived, false));
    await context.close();
  });
});
