import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReport } from '../fixtures/reports';
import { expectNoPageErrors, paperText } from './editor-page';
import { startHarness, type Harness } from './harness';

// The library screen: a blank report from the dialog, grouping and status, search, duplicate,
// delete to the trash and restore, and importing pasted text with its log.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('报告库', () => {
  it('新建空白报告：单位全称、单位类型、年度默认为上一年', async () => {
    const { page } = h;
    await h.open();
    await h.shot('library-empty');
    await page.getByRole('button', { name: '＋ 新建报告' }).click();
    await expect.poll(() => page.getByLabel('年度', { exact: true }).inputValue()).toBe(String(new Date().getFullYear() - 1));
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByText('请填写单位全称').waitFor();
    await page.getByLabel('单位全称').fill('某县某镇人民政府');
    await page.getByLabel('单位类型').selectOption('township');
    await page.getByLabel('年度', { exact: true }).fill('2025');
    await h.shot('new-report-dialog');
    await page.getByRole('button', { name: '创建' }).click();
    await page.locator('.editor .paper').waitFor();
    await expect.poll(() => page.locator('#field-title').inputValue()).toBe('某县某镇人民政府2025年政府信息公开工作年度报告');
    await page.getByRole('button', { name: '‹ 报告库' }).click();
    const row = page.locator('.report-row', { hasText: '某县某镇人民政府2025年' });
    await row.waitFor();
    await expect.poll(() => row.locator('.status').innerText()).toMatch(/^\d+ 个错误/);
  });

  it('按单位分组显示状态，按单位名称搜索', async () => {
    const { page } = h;
    const created = await h.call('library:create', { unitName: '某市某区某街道办事处', level: 'township', year: 2025 });
    await h.call('library:save', { report: completeReport({ id: created.id }) });
    await page.reload();
    await page.locator('.unit-group').nth(1).waitFor();
    await expect.poll(() => page.locator('.unit-group').count()).toBe(2);
    const ready = page.locator('.report-row', { hasText: '某市某区某街道办事处2025年' });
    await expect.poll(() => ready.locator('.status').innerText()).toBe('可以导出');
    await h.shot('library');
    await page.getByLabel('按单位名称搜索').fill('街道');
    await page.waitForFunction(() => document.querySelectorAll('.unit-group').length === 1);
    await expect.poll(() => page.locator('.unit-name').innerText()).toBe('某市某区某街道办事处');
    await page.getByLabel('按单位名称搜索').fill('不存在的单位');
    await page.getByText('没有找到单位名称包含“不存在的单位”的报告。').waitFor();
    await page.getByLabel('按单位名称搜索').fill('');
  });

  it('复制、删除到回收站、撤销删除、从回收站恢复', async () => {
    const { page } = h;
    const rows = page.locator('.unit-group', { hasText: '某市某区某街道办事处' }).locator('.report-row');
    await rows.first().getByRole('button', { name: '复制' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.report-row').length === 3);
    await rows.first().getByRole('button', { name: /^删除/ }).click();
    await page.locator('.toast').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.report-row').length === 2);
    await page.locator('.toast').getByRole('button', { name: '撤销' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.report-row').length === 3);
    await rows.first().getByRole('button', { name: /^删除/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.report-row').length === 2);
    await page.getByRole('button', { name: '回收站' }).click();
    const trashed = page.locator('.trash .report-row');
    await trashed.first().waitFor();
    await expect.poll(() => trashed.count()).toBe(1);
    await h.shot('trash');
    await trashed.first().getByRole('button', { name: /^恢复/ }).click();
    await page.getByText('回收站是空的。').waitFor();
    await page.getByRole('button', { name: '全部报告' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.report-row').length === 3);
  });

  it('粘贴报告全文导入，显示导入记录，打开报告', async () => {
    const { page } = h;
    const text = [
      '某县某局2024年政府信息公开工作年度报告',
      '本报告依据《中华人民共和国政府信息公开条例》编制。',
      '一、总体情况',
      '2024年，我局认真贯彻落实《条例》。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '政策解读不够及时。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ].join('\n');
    await page.getByRole('button', { name: '＋ 新建报告' }).click();
    await page.getByRole('button', { name: '粘贴文本' }).click();
    await page.getByLabel('粘贴报告全文').fill(text);
    await page.getByRole('button', { name: '识别并导入' }).click();
    await page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 30_000 });
    expect(Number(await page.locator('.import-count-value[data-kind=recognised]').innerText())).toBeGreaterThan(0);
    await page.getByRole('button', { name: '打开报告' }).click();
    await page.locator('.editor .paper').waitFor();
    await expect.poll(() => paperText(page)).toContain('2024年，我局认真贯彻落实《条例》。');
    expectNoPageErrors(h.pageErrors);
  });

  it('备份报告库，在另一台电脑（空的报告库）上恢复；再恢复一次时相同的报告被跳过', async () => {
    const { page } = h;
    if (await page.locator('.editor').count()) await page.locator('.back-button').click();
    await page.locator('.library').waitFor();
    const titles = await page.locator('.report-title').allInnerTexts();
    expect(titles.length).toBeGreaterThan(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份报告库' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^年报备份-\d{8}\.json$/);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'nianbao-backup-')), download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText(/已生成备份文件/).waitFor();
    await h.shot('library-backup');

    const other = await startHarness();
    try {
      await other.open();
      expect(await other.page.locator('.report-title').count()).toBe(0);
      await other.page.getByLabel('选择备份文件').setInputFiles(file);
      await other.page.getByText(`已从备份恢复 ${titles.length + (await h.call('library:trash', {})).length} 份报告`).waitFor();
      await expect.poll(async () => (await other.page.locator('.report-title').allInnerTexts()).sort()).toEqual([...titles].sort());
      await other.page.getByLabel('选择备份文件').setInputFiles(file);
      await other.page.getByText(/已从备份恢复 0 份报告，\d+ 份与报告库中的相同，已跳过/).waitFor();
      expect(await other.page.locator('.report-title').count()).toBe(titles.length);
      expectNoPageErrors(other.pageErrors);
    } finally {
      await other.close();
    }
  });
});

describe('150 % 缩放', () => {
  it('1280×720（相当于 1920×1080 屏幕 150 % 缩放）下编辑器布局不挤不乱', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1280, height: 720 });
    const list = await h.call('library:list', {});
    const ready = list.find((r) => r.errors === 0)!;
    await h.open(ready.id);
    await page.locator('#area-s3').scrollIntoViewIfNeeded();
    await h.shot('editor-1280x720');
    // Nothing in the toolbar overflows: every toolbar button is fully visible.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.toolbar button')].filter((b) => {
        const r = b.getBoundingClientRect();
        return r.right > window.innerWidth || r.width < 10;
      }).length,
    );
    expect(clipped).toBe(0);
    await page.setViewportSize({ width: 1024, height: 640 });
    await h.shot('editor-1024x640');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
