// Builds the Electron main process, the sandboxed preload and the web-mode server with esbuild:
//   electron/main/main.ts         → dist/main/main.cjs      (Node, CommonJS, electron external)
//   electron/preload/preload.ts   → dist/preload/preload.cjs (one CommonJS file for the sandbox)
//   electron/web/server-main.ts   → dist/web/server.mjs     (Node, ESM)
//   electron/services/import-worker.ts → dist/main/import-worker.mjs (Node, ESM; the import worker thread
//                                   both of them start; unpacked from the asar in the installed app)
// Everything else (zod, docx, jszip, lowdb, the templates) is bundled in, so the packaged app
// needs nothing from node_modules at run time.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

const common = {
  bundle: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: quiet ? 'warning' : 'info',
  absWorkingDir: root,
};

// Bundled CommonJS dependencies may require() Node built-ins from an ES module.
const ESM_REQUIRE = "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);";

// Electron 45 runs Node 22 and Chromium 140.
const targets = [
  {
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/main/main.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    // import.meta.url (used by the import service to find its worker) means this file.
    define: { 'import.meta.url': '__nianbaoImportMetaUrl' },
    banner: { js: "const __nianbaoImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    // A sandboxed preload has browser globals and a require() that knows only "electron".
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    // zod and its locales make up most of it; minified it parses faster on every page load.
    minify: true,
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: ['electron/web/server-main.ts'],
    outfile: 'dist/web/server.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: ESM_REQUIRE },
  },
  {
    ...common,
    entryPoints: ['electron/services/import-worker.ts'],
    outfile: 'dist/main/import-worker.mjs',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: ESM_REQUIRE },
  },
];

async function main() {
  mkdirSync(dist, { recursive: true });
  for (const options of targets) {
    const result = await build({ ...options, metafile: true });
    if (result.errors.length) process.exit(1);
    if (!quiet) console.log(`已生成 ${options.outfile}`);
  }
  // The Linux window icon.
  const icon = path.join(root, 'build', 'icons', '512x512.png');
  if (existsSync(icon)) copyFileSync(icon, path.join(dist, 'icon.png'));
}

main().catch((e) => {
  console.error(e?.message ?? e);
  process.exit(1);
});
