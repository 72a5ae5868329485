#!/usr/bin/env node
// `npm start`: builds the web client if it is missing or stale, then runs `tumbuh serve` in the
// foreground (same terminal, SIGTERM/SIGINT passed on once, its exit code returned).
// The server gets its own process group, so Ctrl+C reaches it once, through this script, and it
// can finish the requests in flight before PostgreSQL stops.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt, ROOT } from './web-build.mjs';

try {
  await ensureWebBuilt();
} catch (error) {
  console.error(`[web] ${error instanceof Error ? error.message : error}`);
  console.error('[web] server tetap dijalankan tanpa klien web baru / starting the server without a fresh web client');
}

const child = spawn(process.execPath, [path.join(ROOT, 'apps', 'server', 'bin', 'tumbuh.mjs'), 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
  detached: true,
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});
