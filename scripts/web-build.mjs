#!/usr/bin/env node
// Builds the web client (vite build) when apps/web/dist is missing or older than its sources.
// Used by `npm start`, the e2e runner and, through the root `prepare` script, by `npm ci` /
// `npm install`, so that a fresh clone's first `npm start` does not wait for the build.
//   node scripts/web-build.mjs            build if needed
//   node scripts/web-build.mjs --force    build always
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'apps', 'web');
const BUILT_INDEX = path.join(WEB, 'dist', 'index.html');
// What the built client depends on: its sources and the shared contracts it imports.
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'public'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'package.json'),
  path.join(ROOT, 'packages', 'shared', 'src'),
];

/** Newest modification time (ms) of the files under `p`, skipping tests. */
function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/** True when apps/web/dist is missing or older than a web or shared source file. */
export function webBuildNeeded() {
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Runs `vite build` in apps/web; resolves when it succeeded, rejects otherwise. */
export function buildWeb() {
  const vite = path.join(path.dirname(createRequire(path.join(WEB, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`))));
  });
}

/** Builds the web client when needed; says what it does. */
export async function ensureWebBuilt(log = console.log) {
  if (!webBuildNeeded()) return false;
  const started = Date.now();
  log('[web] membangun klien web / building the web client (vite build)…');
  await buildWeb();
  log(`[web] selesai / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  try {
    if (force) await buildWeb();
    else if (!(await ensureWebBuilt())) console.log('[web] klien web sudah terbaru / web client up to date');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
