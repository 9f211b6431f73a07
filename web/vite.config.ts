// Vite build of the web workbench: sources in web/, output in web/dist, /api proxied to a local server in dev.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: process.env.VIGIL_API_URL ?? 'http://127.0.0.1:8080', changeOrigin: false },
      '/health': { target: process.env.VIGIL_API_URL ?? 'http://127.0.0.1:8080' },
    },
  },
  preview: { host: '127.0.0.1' },
});
