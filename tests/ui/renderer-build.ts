import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

// Builds dist/renderer with Vite when it is missing or older than the sources it is made from.
// The build goes to a fresh folder that then replaces dist/renderer, so a page being served never sees a
// half-written folder and a failed build leaves the previous one in place.

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST_RENDERER = path.join(ROOT, 'dist', 'renderer');
const SOURCES = ['renderer', 'electron/core', 'templates'].map((p) => path.join(ROOT, p));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when dist/renderer is missing or older than renderer/, electron/core/ or templates/. */
export function rendererIsStale(): boolean {
  const index = path.join(DIST_RENDERER, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(s) && newest(s) > built);
}

/** Builds the renderer if needed; returns true when it built. */
export async function ensureRendererBuilt(): Promise<boolean> {
  if (!rendererIsStale()) return false;
  // Under vitest NODE_ENV is "test", which would give React's development build: build for production.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const tmp = path.join(ROOT, 'dist', `.renderer-build-${process.pid}-${Date.now()}`);
  try {
    await build({ configFile: path.join(ROOT, 'renderer', 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
    rmSync(DIST_RENDERER, { recursive: true, force: true });
    renameSync(tmp, DIST_RENDERER);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
  return true;
}
