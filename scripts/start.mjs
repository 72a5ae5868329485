#!/usr/bin/env node
// `npm start`: builds the web client and the server bundle if missing or stale (normally done
// already by `npm ci`), then runs `tumbuh serve` from the bundle in the foreground (same
// terminal, SIGTERM/SIGINT passed on once, its exit code returned). TUMBUH_USE_BUILD=0 runs the
// TypeScript sources instead.
// The server gets its own process group, so Ctrl+C reaches it once, through this script, and it
// can finish the requests in flight before PostgreSQL stops.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ensureServerBuilt, ensureWebBuilt, ROOT } from './build-if-needed.mjs';

try {
  await ensureWebBuilt();
} catch (error) {
  console.error(`[build] ${error instanceof Error ? error.message : error}`);
  console.error('[build] server tetap dijalankan tanpa klien web baru / starting the server without a fresh web client');
}
let useBuild = process.env.TUMBUH_USE_BUILD !== '0';
if (useBuild) {
  try {
    await ensureServerBuilt();
  } catch (error) {
    console.error(`[build] ${error instanceof Error ? error.message : error}; running the sources instead`);
    useBuild = false;
  }
}

const child = spawn(process.execPath, [path.join(ROOT, 'apps', 'server', 'bin', 'tumbuh.mjs'), 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TUMBUH_USE_BUILD: useBuild ? '1' : '0' },
  detached: true,
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});
