import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { a4Document, gridTable } from './documents.models.ts';
import { renderPdf, renderPdfInThread } from './documents.render.ts';

async function text(body: Buffer): Promise<string> {
  const { text: t } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return t.replace(/\s+/g, ' ');
}

const doc = () =>
  a4Document({
    title: 'Uji cetak',
    kop: { authorityLines: ['KEMENTERIAN AGAMA REPUBLIK INDONESIA'], institutionName: 'MTs Uji', address: null, region: null, npsn: '12345678', nsm: null, logo: null },
    content: [gridTable(['No', 'Nama'], Array.from({ length: 80 }, (_, i) => [String(i + 1), `Guru ${i + 1}`]), [30, '*'], { heights: 24 })],
  });

describe('rendering', () => {
  it('the worker renders what this thread renders, with the page footer rebuilt on every page', async () => {
    const [viaWorker, inThread] = [await text(await renderPdf(doc())), await text(await renderPdfInThread(doc()))];
    expect(viaWorker).toBe(inThread);
    expect(viaWorker).toContain('MTS UJI');
    expect(viaWorker).toContain('Guru 80');
    const pages = Number(/Halaman 1 dari (\d+)/.exec(viaWorker)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(viaWorker).toContain(`Halaman ${pages} dari ${pages}`);
  });

  it('a definition with its own functions is rendered in this thread', async () => {
    const custom = { ...doc(), footer: (current: number) => ({ text: `Lembar ${current}` }) };
    expect(await text(await renderPdf(custom))).toContain('Lembar 1');
  });

  it('letters the standard font cannot print come out right (Roboto is chosen)', async () => {
    const body = await renderPdf(a4Document({ title: 'Uji', kop: null, content: [{ text: 'Al-Qur’ān Hadīts, nilai ≥ 3' }] }));
    expect(await text(body)).toContain('Al-Qur’ān Hadīts, nilai ≥ 3');
  });

  it('several documents at once each get their own bytes', async () => {
    const titles = ['Satu', 'Dua', 'Tiga'];
    const bodies = await Promise.all(titles.map((t) => renderPdf(a4Document({ title: t, kop: null, content: [{ text: `Isi ${t}` }] }))));
    for (const [i, body] of bodies.entries()) expect(await text(body)).toContain(`Isi ${titles[i]}`);
  });
});
