import type { Locator, Page } from 'playwright-core';

/** Page model of the kepala's feedback pages (/umpan-balik, /umpan-balik/:id). */
export class UmpanBalikPage {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Opens a round from the form; answers the round id (from the URL). */
  async openRound(input: { teacher: RegExp; className: string }): Promise<string> {
    const form = this.page.locator('form').filter({ has: this.page.getByLabel('Kelas (rombel)') });
    const teacher = form.getByLabel('Guru');
    const options = await teacher.locator('option').allTextContents();
    const label = options.find((o) => input.teacher.test(o));
    if (!label) throw new Error(`no teacher option matching ${String(input.teacher)}`);
    await teacher.selectOption({ label });
    await form.getByLabel('Kelas (rombel)').fill(input.className);
    await form.getByRole('button', { name: 'Buka putaran' }).click();
    await this.page.waitForURL(/\/umpan-balik\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() ?? '';
  }

  studentLink(): Locator {
    return this.page.getByTestId('student-link');
  }

  answerCount(): Locator {
    return this.page.getByTestId('answer-count');
  }

  qrCode(): Locator {
    return this.page.getByRole('img', { name: 'Kode QR tautan siswa' });
  }

  results(): Locator {
    return this.page.getByTestId('feedback-results');
  }
}

/** Page model of the students' form (/u/:token), on a phone. */
export class StudentFormPage {
  constructor(private readonly page: Page) {}

  /** Answers every statement with the given words (cycled) and sends, with an optional comment. */
  async answerAll(words: string[], comment?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Mulai' }).click();
    for (let i = 0; ; i++) {
      const progress = this.page.getByText(/^Pernyataan \d+ dari \d+$/);
      if (!(await progress.isVisible().catch(() => false))) break;
      await this.page.getByRole('button', { name: words[i % words.length], exact: true }).click();
      if (i > 20) throw new Error('too many statements');
    }
    if (comment) await this.page.getByLabel(/Ada yang ingin kamu sampaikan/).fill(comment);
    await this.page.getByRole('button', { name: 'Kirim jawaban' }).click();
  }

  message(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}
