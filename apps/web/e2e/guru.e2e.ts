import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { TeacherFormPage } from './pages/TeacherFormPage.ts';
import { TeachersPage } from './pages/TeachersPage.ts';
import { eventually, launchBrowser, signedInContext, uniqueDigits } from './support.ts';

describe('teachers', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[GURU] search finds a teacher by name', async () => {
    const context = await signedInContext(browser, 'operator');
    const page = await context.newPage();
    const teachers = new TeachersPage(page);
    await teachers.goto();
    await teachers.rows().first().waitFor();
    const firstName = (await teachers.rows().first().getByRole('link').innerText()).trim();
    const word = firstName.split(/\s+/).find((w) => w.replace(/\W/g, '').length >= 4) ?? firstName;
    await teachers.search(word);
    const pattern = new RegExp(word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await eventually(async () => {
      const names = await teachers.rows().getByRole('link').allInnerTexts();
      assert.ok(names.includes(firstName), `${firstName} is found`);
      for (const name of names) assert.match(name.toLowerCase(), pattern);
    });
    await teachers.teacherLink(firstName).click();
    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    await context.close();
  });

  it('[GURU] operator adds a teacher; a 15-digit NIK is refused with a field error', async () => {
    const context = await signedInContext(browser, 'operator');
    const page = await context.newPage();
    const form = new TeacherFormPage(page);
    await form.gotoNew();
    const name = `Guru Uji ${Date.now()}`;
    await form.field(/^Nama/).fill(name);
    const nik = `35${uniqueDigits(14)}`;
    await form.field(/^NIK/).fill(nik.slice(0, 15));
    await form.save();
    await page.locator('.field-invalid').filter({ hasText: 'NIK harus 16 digit angka' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/guru/baru');
    await form.field(/^NIK/).fill(nik);
    await form.save();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(nik).waitFor();

    // Edit: the change is saved with PATCH and shown on the teacher page.
    await page.getByRole('link', { name: 'Ubah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah data guru' }).waitFor();
    await form.field(/^Telepon/).fill('081234567890');
    await form.save();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('081234567890').waitFor();

    // Deactivate, after confirming in the dialog: nothing is erased, the teacher leaves the active list.
    await page.getByRole('button', { name: 'Nonaktifkan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Nonaktifkan ${name}?`).waitFor();
    await dialog.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByText('Guru dinonaktifkan.').waitFor();
    await page.getByRole('button', { name: 'Aktifkan kembali' }).waitFor();
    const teachers = new TeachersPage(page);
    await teachers.goto();
    await teachers.search(name);
    await page.getByText('Tidak ada yang cocok dengan pencarian ini.').waitFor();
    await context.close();
  });

  it('[GURU][DRAFT] what was typed in the form survives a reload', async () => {
    const context = await signedInContext(browser, 'operator');
    const page = await context.newPage();
    const form = new TeacherFormPage(page);
    await form.gotoNew();
    await form.field(/^Nama/).fill('Draf Belum Tersimpan');
    await form.field(/^Tempat lahir/).fill('Sumenep');
    await page.reload();
    await page.getByText('Isian yang belum tersimpan dipulihkan').waitFor();
    assert.equal(await form.field(/^Nama/).inputValue(), 'Draf Belum Tersimpan');
    assert.equal(await form.field(/^Tempat lahir/).inputValue(), 'Sumenep');
    await page.getByRole('button', { name: 'Buang isian' }).click();
    assert.equal(await form.field(/^Nama/).inputValue(), '');
    await context.close();
  });

  it('[GURU][ROLES] a guru sees a colleague with restricted fields hidden and no edit button', async () => {
    const context = await signedInContext(browser, 'guru');
    const page = await context.newPage();
    const teachers = new TeachersPage(page);
    await teachers.goto();
    await teachers.rows().first().waitFor();
    let sawHidden = false;
    for (const index of [0, 1]) {
      await teachers.goto();
      await teachers.rows().nth(index).getByRole('link').click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Identitas' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Ubah' }).count(), 0);
      if ((await page.getByText('Disembunyikan').count()) > 0) sawHidden = true;
    }
    assert.ok(sawHidden, 'at least one colleague has hidden fields');
    await context.close();
  });
});
