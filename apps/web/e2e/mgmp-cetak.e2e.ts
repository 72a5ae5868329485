import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { CetakPage, pdfText } from './pages/CetakPage.ts';
import { apiCall, groupId, MgmpPage } from './pages/MgmpPage.ts';
import { launchBrowser, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };

interface Decision {
  meetingId: string;
  outcome: 'mufakat' | 'vote' | null;
  statement: string | null;
  rationale: string | null;
}

describe('MGMP printed records', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MGMP][CETAK] the notulen PDF downloads from the meeting page on a phone and contains the decisions', async () => {
    const context = await signedInContext(browser, 'koordinator', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const decisions = (await apiCall<{ items: Decision[] }>(context, 'GET', `/mgmp/groups/${mipa}/decisions`)).items;
    const mufakat = decisions.find((d) => d.outcome === 'mufakat');
    assert.ok(mufakat?.statement, 'the demo has a decision by mufakat');

    const page = await context.newPage();
    await new MgmpPage(page).gotoMeeting(mufakat.meetingId);
    const cetak = new CetakPage(page);
    await cetak.link('Notulen rapat (PDF)').waitFor();
    const file = await cetak.download('Notulen rapat (PDF)');
    assert.match(file.fileName, /^notulen-rapat-MIPA-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(file.body);
    assert.ok(text.includes(mufakat.statement), `the notulen contains "${mufakat.statement}"`);
    assert.ok(text.includes(mufakat.rationale ?? '<none>'), 'and its rationale');
    assert.ok(text.includes('Mufakat (musyawarah)'), 'and how it was decided');
    assert.ok(text.includes('MTS CONTOH') && text.includes('Mengetahui,'), 'with the kop and the signature blocks');
    await context.close();
  });

  it('[MGMP][CETAK] the group page offers the program kerja PDF and the attendance XLSX', async () => {
    const context = await signedInContext(browser, 'kepala', PHONE);
    const mipa = await groupId(context, 'MIPA');
    const page = await context.newPage();
    await page.goto(`/mgmp/${mipa}`);
    const cetak = new CetakPage(page);
    await cetak.link(/^Program kerja .* \(PDF\)$/).waitFor();
    const programme = await cetak.download(/^Program kerja .* \(PDF\)$/);
    assert.match(programme.fileName, /^program-kerja-MIPA-\d{4}-\d{4}\.pdf$/);
    assert.ok((await pdfText(programme.body)).includes('PROGRAM KERJA TAHUNAN'));

    const xlsx = await cetak.download('Rekap kehadiran (XLSX)');
    assert.match(xlsx.fileName, /^kehadiran-MIPA-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    assert.ok(sheet, 'a worksheet');
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1, 5), ['No', 'Nama', 'NIP', 'Jabatan']);
    await context.close();
  });
});
