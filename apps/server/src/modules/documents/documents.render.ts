import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

/**
 * Renders a document definition to PDF bytes with pdfmake (server side). Fonts are Roboto, shipped
 * inside the pdfmake package (covers Indonesian and most Latin names); nothing is fetched at run
 * time: remote URLs are refused and local reads are limited to those font files.
 */
const require = createRequire(import.meta.url);
const fonts = require('pdfmake/fonts/Roboto.js') as TFontDictionary;
const fontFolder = path.dirname(require.resolve('pdfmake/fonts/Roboto.js'));

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontFolder + path.sep));
  configured = true;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}
