import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the renderer from renderer/ into dist/renderer with relative asset URLs (file:, app:// and the web server).
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
