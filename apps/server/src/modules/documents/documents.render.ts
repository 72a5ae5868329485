import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { pageFooter, type FooterWithSpec } from './documents.models.ts';

/**
 * Renders a document definition to PDF bytes with pdfmake (server side). Fonts: the standard PDF
 * font Times (no file) and Roboto, shipped inside the pdfmake package, for text Times cannot encode
 * (see documentFont); nothing is fetched at run time: remote URLs are refused and local reads are
 * limited to those font files.
 *
 * Laying out a long report with photos takes hundreds of milliseconds of CPU, so it runs in one
 * worker thread: the server keeps answering other requests meanwhile. A definition that cannot be
 * sent to the worker (a function other than `a4Document`'s footer) is rendered in this thread.
 */
const require = createRequire(import.meta.url);
const FONTS_MODULE = require.resolve('pdfmake/fonts/Roboto.js');
const TIMES_MODULE = require.resolve('pdfmake/standard-fonts/Times.js');
const PDFMAKE_MODULE = require.resolve('pdfmake');
const fontFolder = path.dirname(FONTS_MODULE);
/** The standard PDF fonts are names, not files (pdfkit carries their metrics). */
const STANDARD_FONTS = new Set(['Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic']);
const CURRENT = '@@TUMBUH_PAGE_CURRENT@@';
const TOTAL = '@@TUMBUH_PAGE_TOTAL@@';

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.setFonts({ ...(require(FONTS_MODULE) as TFontDictionary), ...(require(TIMES_MODULE) as TFontDictionary) });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => STANDARD_FONTS.has(file) || path.resolve(file).startsWith(fontFolder + path.sep));
  configured = true;
}

/** Renders in this thread. */
export async function renderPdfInThread(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}

// The worker: CommonJS evaluated from this string (the server bundle has no separate worker file);
// modules are required by the absolute paths resolved here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const pdfmake = require(workerData.pdfmake);
pdfmake.setFonts({ ...require(workerData.fonts), ...require(workerData.times) });
pdfmake.setUrlAccessPolicy(() => false);
const standard = new Set(workerData.standardFonts);
pdfmake.setLocalAccessPolicy((file) => standard.has(file) || path.resolve(file).startsWith(workerData.fontFolder + path.sep));
parentPort.on('message', async ({ id, doc, footer }) => {
  try {
    if (footer) doc.footer = (current, total) => JSON.parse(footer.split(workerData.current).join(String(current)).split(workerData.total).join(String(total)));
    const body = await pdfmake.createPdf(doc).getBuffer();
    parentPort.postMessage({ id, body });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

type Pending = { resolve: (b: Buffer) => void; reject: (e: Error) => void };
let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = null;
}

function renderer(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { pdfmake: PDFMAKE_MODULE, fonts: FONTS_MODULE, times: TIMES_MODULE, standardFonts: [...STANDARD_FONTS], fontFolder, current: CURRENT, total: TOTAL } });
  w.unref(); // never keeps the process alive
  w.on('message', (m: { id: number; body?: Uint8Array; error?: string }) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.body) p.resolve(Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength));
    else p.reject(new Error(`PDF rendering failed: ${m.error ?? 'unknown'}`));
  });
  w.on('error', (e) => failAll(e instanceof Error ? e : new Error(String(e))));
  w.on('exit', (code) => failAll(new Error(`PDF worker stopped (${code})`)));
  worker = w;
  return w;
}

/** The definition as plain data for the worker (the footer of `a4Document` as a JSON template), or null when it has other functions. */
function transferable(doc: TDocumentDefinitions): { doc: TDocumentDefinitions; footer: string | null } | null {
  const { footer, ...rest } = doc;
  let template: string | null = null;
  if (footer !== undefined) {
    const spec = typeof footer === 'function' ? (footer as Partial<FooterWithSpec>).pageFooterSpec : undefined;
    if (!spec) return null;
    template = JSON.stringify(pageFooter(spec, CURRENT, TOTAL));
  }
  try {
    structuredClone(rest);
  } catch {
    return null;
  }
  return { doc: rest, footer: template };
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const message = transferable(doc);
  if (!message) return renderPdfInThread(doc);
  const id = nextId++;
  const w = renderer();
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref(); // alive while a document is being rendered
    w.postMessage({ id, ...message });
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  });
}
