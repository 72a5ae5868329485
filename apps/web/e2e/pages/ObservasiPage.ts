import type { Locator, Page } from 'playwright-core';

/** Page model of the classroom-observation pages (/observasi, /observasi/baru, /observasi/:id). */
export class ObservasiPage {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Fills and saves the plan form; answers the new observation's id (from the URL). */
  async plan(input: { teacher: RegExp; rombel: string; subject: string; topic: string }): Promise<string> {
    const form = this.page.locator('form');
    const teacher = form.getByLabel('Guru yang diamati');
    const options = await teacher.locator('option').allTextContents();
    const label = options.find((o) => input.teacher.test(o));
    if (!label) throw new Error(`no teacher option matching ${String(input.teacher)}`);
    await teacher.selectOption({ label });
    await form.getByLabel('Kelas (rombel)').fill(input.rombel);
    await form.getByLabel('Mata pelajaran').fill(input.subject);
    await form.getByLabel('Topik / materi').fill(input.topic);
    await form.getByText('Pengelolaan kelas', { exact: true }).click();
    await form.getByRole('button', { name: 'Simpan rencana' }).click();
    await this.page.waitForURL(/\/observasi\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() ?? '';
  }

  tab(name: 'Selama' | 'Sesudah' | 'Refleksi'): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** Types a note, taps the indicator chips whose label starts with the given numbers, and saves. */
  async writeNote(text: string, indicatorNumbers: number[]): Promise<void> {
    await this.page.getByPlaceholder(/Tulis apa yang terlihat/).fill(text);
    for (const n of indicatorNumbers) {
      const chip = this.page.locator('.obs-note-form .obs-chip', { hasText: new RegExp(`^${n}\\. `) });
      // The chips show the focus indicators first; the others are one tap away.
      if ((await chip.count()) === 0) await this.page.getByRole('button', { name: 'Semua indikator' }).click();
      await chip.click();
    }
    await this.page.getByRole('button', { name: 'Simpan catatan' }).click();
  }

  notes(): Locator {
    return this.page.locator('.obs-notes > li');
  }

  rating(position: number): Locator {
    return this.page.locator(`.obs-rating[data-indicator="${position}"]`);
  }

  async confirm(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).first().click();
    await this.page.getByRole('dialog').getByRole('button', { name: label }).click();
  }
}
