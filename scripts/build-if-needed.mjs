#!/usr/bin/env node
// Builds what is missing or older than its sources: the web client (vite build → apps/web/dist)
// and the server bundle (esbuild → apps/server/dist/cli.js). Used by `npm start`, the e2e runner
// and, through the root `prepare` script, by `npm ci` / `npm install`, so that a fresh clone's
// first `npm start` neither waits for the web build nor compiles TypeScript at start-up.
//   node scripts/build-if-needed.mjs            build what is stale
//   node scripts/build-if-needed.mjs --force    build both always
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'apps', 'web');
const SERVER = path.join(ROOT, 'apps', 'server');
const SHARED_SRC = path.join(ROOT, 'packages', 'shared', 'src');
const WEB_INDEX = path.join(WEB, 'dist', 'index.html');
/** The server bundle that `TUMBUH_USE_BUILD=1` runs. */
export const SERVER_BUNDLE = path.join(SERVER, 'dist', 'cli.js');
// What each build depends on.
const WEB_SOURCES = [path.join(WEB, 'src'), path.join(WEB, 'public'), path.join(WEB, 'index.html'), path.join(WEB, 'student.html'), path.join(WEB, 'vite.config.ts'), path.join(WEB, 'package.json'), SHARED_SRC];
const SERVER_SOURCES = [path.join(SERVER, 'src'), path.join(SERVER, 'scripts'), path.join(SERVER, 'package.json'), SHARED_SRC];

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

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

/** True when apps/web/dist is missing or older than a web or shared source file. */
export function webBuildNeeded() {
  return stale(WEB_INDEX, WEB_SOURCES);
}

/** True when the server bundle is missing or older than a server or shared source file. */
export function serverBuildNeeded() {
  return stale(SERVER_BUNDLE, SERVER_SOURCES);
}

function run(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} failed (exit ${code})`))));
  });
}

/** Runs `vite build` in apps/web. */
export function buildWeb() {
  const vite = path.join(path.dirname(createRequire(path.join(WEB, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  return run([vite, 'build', '--logLevel', 'warn'], WEB);
}

/** Runs the server's esbuild bundle script. */
export function buildServer() {
  return run([path.join(SERVER, 'scripts', 'build.mjs')], SERVER);
}

async function timed(label, fn, log) {
  const started = Date.now();
  log(`[build] ${label}…`);
  await fn();
  log(`[build] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds the web client when needed; says what it does. Returns true when it built. */
export async function ensureWebBuilt(log = console.log) {
  if (!webBuildNeeded()) return false;
  await timed('membangun klien web / building the web client (vite build)', buildWeb, log);
  return true;
}

/** Bundles the server when needed. Returns true when it built. */
export async function ensureServerBuilt(log = console.log) {
  if (!serverBuildNeeded()) return false;
  await timed('membangun server / bundling the server (esbuild)', buildServer, log);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--force')) {
      await buildWeb();
      await buildServer();
    } else {
      const web = await ensureWebBuilt();
      const server = await ensureServerBuilt();
      if (!web && !server) console.log('[build] sudah terbaru / up to date');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
