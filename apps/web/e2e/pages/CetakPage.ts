import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';

/** The download links of the printed MGMP records (meeting page and group page). */
export class CetakPage {
  constructor(private readonly page: Page) {}

  link(name: RegExp | string) {
    return this.page.getByRole('link', { name });
  }

  /** Taps a download link and answers the file the browser saved, with the name the server gave it. */
  async download(name: RegExp | string): Promise<{ fileName: string; body: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.link(name).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), body: await readFile(path) };
  }
}

/** The text of a PDF, whitespace collapsed. */
export async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
