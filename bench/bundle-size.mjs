#!/usr/bin/env node
// Gzipped JavaScript of the web client's first load: every <script src> and
// <link rel="modulepreload" href> of apps/web/dist/index.html (what the browser fetches before
// the first screen), gzipped at zlib's default level. Target: ≤ 170 KB.
//   node bench/bundle-size.mjs        (builds the web client first if it is missing or stale)
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ensureWebBuilt, ROOT } from '../scripts/build-if-needed.mjs';

const TARGET_KB = 170;
await ensureWebBuilt();
const dist = path.join(ROOT, 'apps', 'web', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const urls = new Set();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) urls.add(m[1]);

const files = [];
for (const url of urls) {
  if (/^https?:/.test(url)) continue;
  const file = path.join(dist, url.replace(/^\//, '').split('?')[0]);
  const raw = readFileSync(file);
  files.push({ file: path.relative(ROOT, file), bytes: raw.length, gzipBytes: zlib.gzipSync(raw).length });
}
const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
const result = {
  benchmark: 'bundle-size',
  measuredAt: new Date().toISOString(),
  machine: { node: process.version, platform: `${os.platform()} ${os.release()}` },
  command: 'node bench/bundle-size.mjs',
  files,
  totalBytes: files.reduce((n, f) => n + f.bytes, 0),
  totalGzipBytes: gzipBytes,
  totalGzipKB: Math.round((gzipBytes / 1024) * 10) / 10,
  targetKB: TARGET_KB,
  withinTarget: gzipBytes / 1024 <= TARGET_KB,
};
await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
await fs.writeFile(path.join(ROOT, 'bench', 'results', 'bundle-size.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (files.length === 0) {
  console.error('no scripts found in apps/web/dist/index.html');
  process.exit(1);
}
