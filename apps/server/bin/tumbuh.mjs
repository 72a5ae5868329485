#!/usr/bin/env node
// The `tumbuh` command: runs the TypeScript sources through tsx in a checkout, or the built
// bundle (dist/cli.js) where the sources are not shipped or TUMBUH_USE_BUILD=1.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli.ts');
const built = join(root, 'dist', 'cli.js');
let mod;
if (existsSync(built) && (process.env.TUMBUH_USE_BUILD === '1' || !existsSync(source))) {
  mod = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  mod = await import(pathToFileURL(source).href);
}
await mod.main(process.argv);
