import { ensureRendererBuilt } from './renderer-build';

/** Vitest global setup: build the renderer once before the UI tests. */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
