import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const sharedDir = fileURLToPath(new URL('../../packages/shared/src/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      // Two pages: the app (index.html) and the students' feedback form (student.html, served for
      // /u/:token), which loads only React and its own small module.
      input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), student: fileURLToPath(new URL('./student.html', import.meta.url)) },
      // The shared package re-exports zod schemas from one index; the client only needs its
      // types and constants, so modules whose exports are unused are dropped whole.
      treeshake: { moduleSideEffects: (id) => !id.startsWith(sharedDir) },
      // React in a chunk of its own, shared by both pages (else Rollup names it after a shared module).
      output: { manualChunks: (id) => (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) ? 'react' : undefined) },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
