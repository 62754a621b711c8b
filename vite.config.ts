/** Vite build of the web UI: sources in src/web, output in dist/web (served by src/server/web-static.ts). */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressPlugin } from './src/server/web-precompress.ts';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompressPlugin()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // dist/web/.vite/manifest.json: which files a page needs before it renders (the weight budget test reads it).
    manifest: true,
    rollupOptions: {
      // Our UI modules, domain rules and shared schemas do nothing when imported (declarations only), so a
      // module nothing is used from is left out: the report page imports ReportForm through the case area's
      // index.ts, which re-exports the tables, drawers and filters of the staff pages too (issue 18, page weight).
      // CSS and packages keep their own side-effect flags.
      treeshake: {
        moduleSideEffects: (id, external) => external || !/\/src\/(web\/modules|domain|shared)\/.*\.tsx?$/.test(id),
      },
      output: {
        // Charts in their own chunk, loaded only when a chart shows. antd is left to Rollup: one antd chunk
        // made every phone download the whole component library before the report form could render.
        manualChunks: (id) => {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
      // zod's comments that Rollup cannot place are harmless; they buried the build's own progress lines.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/open311': 'http://127.0.0.1:3000' } },
});
