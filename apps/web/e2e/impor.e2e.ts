import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ImportPage } from './pages/ImportPage.ts';
import { activeTeacherTotal, launchBrowser, signedInContext, uniqueDigits } from './support.ts';

/**
 * A small Dapodik-style export: identifiers as text (fresh ones each run, so nothing matches an
 * earlier run's teachers), and the third row has a 15-digit NIK.
 */
function dapodikCsv(stamp: string): string {
  const header = 'No,Nama,NUPTK,JK,Tempat Lahir,Tanggal Lahir,NIP,Status Kepegawaian,Jenis PTK,Agama,NIK';
  const id = uniqueDigits(10);
  const rows = [
    `1,Impor Satu ${stamp},01${id}1111,L,Pamekasan,1985-01-02,1985010220100${id.slice(-5)},PNS,Guru Mapel,Islam,352801${id}`,
    `2,Impor Dua ${stamp},02${id}2222,P,Sumenep,1990-05-06,,GTY,Guru Mapel,Islam,352802${id}`,
    `3,Impor Tiga ${stamp},03${id}3333,L,Sampang,1988-07-08,,HONOR,Guru Mapel,Islam,35280${id}`,
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
    assert.match(rowTexts[0] ?? '', /\b35280\d{10}\b/, 'the error shows the bad 15-digit value');
    await wizard.blockedMessage().waitFor();
    assert.equal(await wizard.commitButton().isDisabled(), true, 'commit is disabled while the file has errors');

    assert.equal(await activeTeacherTotal(context), before, 'the teacher list total did not change');
    await page.goto('/guru');
    await page.getByTestId('teacher-total').waitFor();
    assert.match(await page.getByTestId('teacher-total').innerText(), new RegExp(`\\b${before}\\b`));
    await context.close();
  });

  it('[IMPOR] a clean Dapodik-style file is previewed, committed, and its teachers appear in the list', async () => {
    const context = await signedInContext(browser, 'operator');
    const before = await activeTeacherTotal(context);
    const stamp = String(Date.now());
    const csv = dapodikCsv(stamp).split('\r\n').slice(0, 3).join('\r\n') + '\r\n';
    const page = await context.newPage();
    const wizard = new ImportPage(page);
    await wizard.goto();
    await wizard.upload('guru-bersih.csv', csv);
    await page.getByText('Tidak ada kesalahan').waitFor();
    assert.equal(await wizard.commitButton().isDisabled(), false);
    await wizard.commitButton().click();
    await page.getByRole('heading', { name: 'Impor selesai' }).waitFor();
    await page.getByText('2 guru ditambahkan').waitFor();
    assert.equal(await activeTeacherTotal(context), before + 2);
    await page.getByRole('link', { name: 'Lihat daftar guru' }).click();
    await page.getByRole('searchbox').fill(`Impor Satu ${stamp}`);
    await page.getByRole('table').getByRole('link', { name: `Impor Satu ${stamp}` }).waitFor();
    await context.close();
  });
});
