import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInContext, uniqueDigits } from './support.ts';

describe('subjects and clusters', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[MAPEL] operator adds a cluster, then a subject in it, then deactivates the subject', async () => {
    const context = await signedInContext(browser, 'operator');
    const page = await context.newPage();
    await page.goto('/mapel');
    const code = `U${uniqueDigits(6)}`;
    const clusterName = `Rumpun Uji ${code}`;
    const subjectName = `Mapel Uji ${code}`;

    await page.getByRole('button', { name: 'Tambah rumpun' }).click();
    const clusterForm = page.getByRole('form', { name: 'Tambah rumpun' });
    await clusterForm.getByLabel(/^Kode/).fill(code);
    await clusterForm.getByLabel(/^Nama/).fill(clusterName);
    await clusterForm.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(clusterName, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Tambah mata pelajaran' }).click();
    const subjectForm = page.getByRole('form', { name: 'Tambah mata pelajaran' });
    await subjectForm.getByLabel(/^Kode/).fill(code);
    await subjectForm.getByLabel(/^Nama/).fill(subjectName);
    await subjectForm.getByLabel(/^Rumpun/).selectOption({ label: clusterName });
    await subjectForm.getByRole('button', { name: 'Simpan' }).click();
    const item = page.getByRole('listitem').filter({ hasText: subjectName });
    await item.getByText(new RegExp(clusterName)).first().waitFor();

    await item.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await item.getByRole('button', { name: 'Aktifkan' }).waitFor();
    await context.close();
  });
});
