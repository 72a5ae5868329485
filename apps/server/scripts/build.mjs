#!/usr/bin/env node
// Bundles the server (src/cli.ts) into dist/cli.js with esbuild: ESM for Node, every npm package
// left external (installed beside it) except the workspace package @tumbuh/shared, whose
// TypeScript sources are bundled in. At run time the bundle finds the migrations (../drizzle)
// and the web client (apps/web/dist) by walking up from its own file.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(serverDir, 'dist', 'cli.js');

/** Everything imported by a bare name is external, except the workspace's own shared package. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === '@tumbuh/shared' || args.path.startsWith('@tumbuh/shared/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
await rm(path.join(serverDir, 'dist'), { recursive: true, force: true });
const result = await build({
  entryPoints: [path.join(serverDir, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [externalPackages],
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + (o.bytes ?? 0), 0);
console.log(`[server] ${path.relative(process.cwd(), outfile)} (${(bytes / 1024).toFixed(0)} KB incl. source map) in ${Date.now() - started} ms`);
