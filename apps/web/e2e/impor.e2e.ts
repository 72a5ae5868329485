import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ImportPage } from './pages/ImportPage.ts';
import { activeTeacherTotal, launchBrowser, signedInContext } from './support.ts';

/** A small Dapodik-style export: identifiers as text, the third row has a 15-digit NIK. */
function dapodikCsv(stamp: string): string {
  const header = 'No,Nama,NUPTK,JK,Tempat Lahir,Tanggal Lahir,NIP,Status Kepegawaian,Jenis PTK,Agama,NIK';
  const rows = [
    `1,Impor Satu ${stamp},1234567890123456,L,Pamekasan,1985-01-02,198501022010011001,PNS,Guru Mapel,Islam,3528010101850001`,
    `2,Impor Dua ${stamp},2234567890123456,P,Sumenep,1990-05-06,,GTY,Guru Mapel,Islam,3528010505900002`,
    `3,Impor Tiga ${stamp},3234567890123456,L,Sampang,1988-07-08,,HONOR,Guru Mapel,Islam,352801070888000`,
  ];
  return [header, ...rows].join('\r\n') + '\r\n';
}

describe('teacher import', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[IMPOR] a Dapodik-style file with one bad row shows the error and writes nothing', async () => {
    const context = await signedInContext(browser, 'operator');
    const before = await activeTeacherTotal(context);
    const page = await context.newPage();
    const wizard = new ImportPage(page);
    await wizard.goto();
    await wizard.upload('guru-dapodik.csv', dapodikCsv(String(Date.now())));

    const errors = wizard.errorsTable();
    await errors.waitFor();
    const rowTexts = await errors.locator('tbody tr').allInnerTexts();
    assert.equal(rowTexts.length, 1, `one error row, got: ${rowTexts.join(' | ')}`);
    assert.match(rowTexts[0] ?? '', /\b4\b/, 'the error names spreadsheet row 4 (header is row 1)');
    assert.match(rowTexts[0] ?? '', /352801070888000/, 'the error shows the bad value');
    await wizard.blockedMessage().waitFor();
    assert.equal(await wizard.commitButton().isDisabled(), true, 'commit is disabled while the file has errors');

    assert.equal(await activeTeacherTotal(context), before, 'the teacher list total did not change');
    await page.goto('/guru');
    await page.getByTestId('teacher-total').waitFor();
    assert.match(await page.getByTestId('teacher-total').innerText(), new RegExp(`\\b${before}\\b`));
    await context.close();
  });
});
