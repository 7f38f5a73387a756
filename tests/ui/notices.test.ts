import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

// Start-up notices (a damaged report file set aside, …) are shown once in a banner above the library.

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    prepare: async (dataDir) => {
      await mkdir(path.join(dataDir, 'reports'), { recursive: true });
      await writeFile(path.join(dataDir, 'reports', 'r-damaged.json'), '{"schemaVersion": 1, "id": "r-damaged", "unit": ');
    },
  });
});

afterAll(async () => {
  await h?.close();
});

describe('启动提示', () => {
  it('在报告库上方显示一次，点“知道了”关闭，刷新后不再出现', async () => {
    const { page } = h;
    await h.open();
    const banner = page.locator('.banner-notice');
    await banner.waitFor();
    expect((await banner.innerText()).length).toBeGreaterThan(5);
    await h.shot('notices');
    await banner.getByRole('button', { name: '知道了' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.library').waitFor();
    await page.waitForTimeout(600);
    await expect.poll(() => banner.count()).toBe(0);
  });
});
