import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { StudentFormPage, UmpanBalikPage } from './pages/UmpanBalikPage.ts';
import { Shell } from './pages/Shell.ts';
import { eventually, launchBrowser, newContext, signedInContext } from './support.ts';

const PHONE = { width: 360, height: 740 };
const stamp = () => `${Date.now()}`.slice(-6);

describe('Umpan balik siswa', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('[UMPAN-BALIK] kepala opens a round; five students answer on phones; a second answer from one phone is refused; results only after the fifth', async () => {
    const kepalaContext = await signedInContext(browser, 'kepala');
    const kepala = await kepalaContext.newPage();
    await kepala.goto('/');
    await new Shell(kepala).navLink(/^Umpan balik siswa$/).click();
    const ub = new UmpanBalikPage(kepala);
    await ub.heading('Umpan balik siswa').waitFor();
    const className = `VIII-E2E-${stamp()}`;
    await ub.openRound({ teacher: /^Rina Marlina/, className });
    await ub.heading(new RegExp(`${className} · Rina Marlina`)).waitFor();
    await ub.qrCode().waitFor();
    const link = (await ub.studentLink().textContent()) ?? '';
    assert.match(link, /\/u\/[A-Za-z0-9_-]{22,}$/, 'the student link carries the token');
    const path = new URL(link).pathname;
    assert.equal(await ub.answerCount().textContent(), '0');
    await kepala.getByText('Belum cukup jawaban: 0 dari minimal 5').waitFor();

    const students: BrowserContext[] = [];
    const answerAs = async (i: number, words: string[], comment?: string) => {
      const context = await newContext(browser, PHONE);
      students.push(context);
      const page = await context.newPage();
      await page.goto(path);
      await page.getByText(/Rina Marlina, S\.Sn · .*Kelas /).waitFor();
      // No name, NISN or any identifier is asked.
      assert.equal(await page.getByLabel(/nama|NISN/i).count(), 0, `student ${i} is asked nothing about themself`);
      const form = new StudentFormPage(page);
      await form.answerAll(words, comment);
      await form.message('Terima kasih!').waitFor();
      return page;
    };

    const first = await answerAs(1, ['Sering', 'Selalu'], 'Penjelasannya jelas.');
    await answerAs(2, ['Kadang-kadang']);
    await answerAs(3, ['Selalu']);
    await answerAs(4, ['Tidak pernah', 'Sering']);

    // The same phone again: refused (the local flag is cleared to prove the server refuses too).
    await first.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.endsWith('.sent')) localStorage.removeItem(key);
    });
    await first.goto(path);
    const again = new StudentFormPage(first);
    await again.answerAll(['Selalu']);
    await again.message('Jawaban dari ponsel ini sudah diterima. Terima kasih!').waitFor();

    // Four answers: still no results.
    await kepala.reload();
    await eventually(async () => assert.equal(await ub.answerCount().textContent(), '4'));
    await kepala.getByText('Belum cukup jawaban: 4 dari minimal 5').waitFor();
    assert.equal(await ub.results().count(), 0);

    await answerAs(5, ['Sering'], 'Kadang terlalu cepat.');
    // The live count moves without a reload; then the results appear.
    await eventually(async () => assert.equal(await ub.answerCount().textContent(), '5'), 15_000);
    await ub.results().waitFor();
    await kepala.getByText('Penjelasannya jelas.').waitFor();
    await kepala.getByText('Kadang terlalu cepat.').waitFor();
    await kepala.getByText('Pengelolaan kelas').first().waitFor();

    // Closing: a new phone is told the round is closed.
    await kepala.getByRole('button', { name: 'Tutup putaran' }).click();
    await kepala.getByRole('dialog').getByRole('button', { name: 'Tutup putaran' }).click();
    await kepala.getByText('Ditutup', { exact: true }).waitFor();
    const late = await newContext(browser, PHONE);
    students.push(late);
    const latePage = await late.newPage();
    await latePage.goto(path);
    await latePage.getByText('Putaran umpan balik ini sudah ditutup. Terima kasih!').waitFor();

    for (const c of students) await c.close();
    await kepalaContext.close();
  });

  it('[UMPAN-BALIK] an unknown link gets a clear message; the form keeps answers when the connection drops', async () => {
    const context = await newContext(browser, PHONE);
    const page = await context.newPage();
    await page.goto('/u/AAAAAAAAAAAAAAAAAAAAAA');
    await page.getByText('Tautan tidak dikenal. Periksa lagi tautannya atau pindai ulang kode QR.').waitFor();

    // A demo round that is open (Dewi Lestari, 3 answers): the first send fails, the answers stay.
    const kepalaContext = await signedInContext(browser, 'kepala');
    const res = await kepalaContext.request.get('/api/v1/feedback/rounds?status=open&limit=200');
    const rounds = ((await res.json()) as { items: { teacher: { name: string }; publicPath: string | null }[] }).items;
    const open = rounds.find((r) => r.teacher.name.startsWith('Dewi Lestari'));
    assert.ok(open?.publicPath, 'the demo has an open round');
    let failed = 0;
    await page.route('**/api/v1/public/feedback/*/answers', async (route) => {
      if (failed === 0) {
        failed += 1;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    await page.goto(open.publicPath);
    const form = new StudentFormPage(page);
    await form.answerAll(['Sering']);
    await form.message(/Belum terkirim/).waitFor();
    await page.reload();
    // After a reload the answers are still there: straight to the comment and send.
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await form.message('Terima kasih!').waitFor();
    await kepalaContext.close();
    await context.close();
  });
});
