import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/docx/export-docx';
import { completeReport } from '../fixtures/reports';
import { paperText, activeCell, cell, cellValue, expectCell, expectNoPageErrors, issueItem, pasteText, typeInCell, waitSaved } from './editor-page';
import { imeType, startHarness, type Harness } from './harness';

// A clerk's whole day: import last year's DOCX, roll it forward to 2026, fill table 三 by keyboard and by
// pasting, watch H1 come and go, fix text with an IME, reload, restore a snapshot and export the DOCX.

let h: Harness;
let tmp: string;
let docxPath: string;
let reportId = '';

beforeAll(async () => {
  h = await startHarness();
  tmp = await mkdtemp(path.join(tmpdir(), 'nianbao-day-'));
  docxPath = path.join(tmp, '某街道办事处2025年政府信息公开工作年度报告.docx');
  await writeFile(docxPath, (await exportDocx(completeReport())).bytes);
});

afterAll(async () => {
  await h?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('一名工作人员的一天', () => {
  it('通过文件选择导入上年的 Word 报告，看到导入记录', async () => {
    const { page } = h;
    await h.open();
    await page.getByText('报告库中还没有报告').waitFor();
    await page.getByRole('button', { name: '导入报告…' }).click();
    await page.getByLabel('选择要导入的文件').setInputFiles(docxPath);
    await page.getByRole('heading', { name: '导入完成' }).waitFor({ timeout: 30_000 });
    const recognised = Number(await page.locator('.import-count-value[data-kind=recognised]').innerText());
    expect(recognised).toBeGreaterThan(0);
    await page.locator('.import-details summary').click();
    await expect.poll(() => page.locator('.import-entry').count()).toBeGreaterThan(0);
    await h.shot('import-log');
    await page.getByRole('button', { name: '返回报告库' }).click();
    const row = page.locator('.report-row', { hasText: '2025 年' });
    await row.waitFor();
    await expect.poll(() => page.locator('.unit-name').first().innerText()).toContain('某市某区某街道办事处');
    await expect.poll(() => row.locator('.status').innerText()).toMatch(/可以导出|个错误|个警告/);
    await h.shot('library');
  });

  it('从上年报告新建 2026 年报告：沿用的段落、需核对的年份和上年问题清单都标出来', async () => {
    const { page } = h;
    await page.getByRole('button', { name: '＋ 新建报告' }).click();
    await page.getByRole('button', { name: '从上年报告新建' }).first().click();
    await expect.poll(() => page.getByLabel('新报告年度').inputValue()).toBe('2026');
    await page.locator('form').getByRole('button', { name: '从上年报告新建' }).click();
    await page.getByRole('button', { name: '打开报告' }).click({ timeout: 30_000 });
    await page.locator('.editor .paper').waitFor();
    reportId = new URL(page.url()).searchParams.get('report') ?? '';
    expect(reportId).not.toBe('');
    const report = await h.call('library:get', { id: reportId });
    expect(report.year).toBe(2026);
    await expect.poll(() => page.locator('#field-title').inputValue()).toContain('2026');
    const stale = [...report.preface, ...Object.values(report.sections).flatMap((s) => s.blocks)].filter((b) => b.stale).length;
    await expect.poll(() => page.locator('.block.is-stale').count()).toBe(stale);
    if (stale) await expect.poll(() => page.locator('.stale-tag').first().textContent()).toBe('未更新（沿用上年）');
    const mentions = report.yearMentions.filter((m) => !m.reviewed).length;
    await expect.poll(() => page.locator('.mentions-panel .mention').count()).toBe(mentions);
    await expect.poll(() => page.locator('.problems-checklist li').count()).toBe(report.baseline?.problems.length ?? 0);
    // Last year's 结转下年度 arrives as this year's 上年结转.
    expect(report.values['t3.r2_carry_in.natural']).toBe(2);
    await expectCell(page, 't3.r2_carry_in.natural', '2');
    await h.shot('editor-rolled-forward');
  });

  it('核对年份：定位到段落，标为已核对', async () => {
    const { page } = h;
    const items = page.locator('.mentions-panel .mention');
    const before = await items.count();
    if (!before) return;
    await items.first().getByRole('button', { name: '定位' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await items.first().getByRole('button', { name: '已核对' }).click();
    await expect.poll(() => items.count()).toBe(before - 1);
  });

  it('上年问题清单在第五部分旁边：写入改进情况，说明后从清单中去掉', async () => {
    const { page } = h;
    const list = page.locator('.problems-checklist li');
    const n = await list.count();
    if (!n) return;
    const problem = (await list.first().locator('.problem-text').innerText()).replace(/[。；;，,]$/, '');
    await list.first().getByRole('button', { name: '写入改进情况' }).click();
    await page.waitForFunction((p) => (document.activeElement as HTMLTextAreaElement | null)?.value.includes(p), problem);
    await page.keyboard.insertText('已建立文件公开时间表。');
    await page.locator('#area-s5').scrollIntoViewIfNeeded();
    await h.shot('section-5-checklist');
    await list.first().getByRole('button', { name: '已说明' }).click();
    await expect.poll(() => list.count()).toBe(n - 1);
  });

  it('用键盘填表三：方向键、Tab、Enter，输入即替换，Delete 清空，全角数字可用，字母被拒绝', async () => {
    const { page } = h;
    await typeInCell(page, 't3.r1_new.natural', '20', 'Enter');
    await expectCell(page, 't3.r1_new.natural', '20');
    await expect.poll(() => activeCell(page)).toBe('t3.r2_carry_in.natural');
    // Typing replaces the old value.
    await cell(page, 't3.r1_new.natural').click();
    await page.keyboard.type('17');
    await page.keyboard.press('Tab');
    await expectCell(page, 't3.r1_new.natural', '17');
    await expect.poll(() => activeCell(page)).toBe('t3.r1_new.commercial');
    // Full-width digits from a Chinese input method.
    await page.keyboard.press('F2');
    await page.keyboard.insertText('３');
    await page.keyboard.press('Tab');
    await expectCell(page, 't3.r1_new.commercial', '3');
    // Arrow keys move; a letter is refused with a message in place.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeCell(page)).toBe('t3.r1_new.public_welfare');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeCell(page)).toBe('t3.r1_new.research');
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    await page.locator('.tg-bubble', { hasText: '请输入数字' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => cellValue(page, 't3.r1_new.research')).toBe('');
    // Delete clears.
    await typeInCell(page, 't3.r1_new.research', '5', 'Tab');
    await expectCell(page, 't3.r1_new.research', '5');
    await cell(page, 't3.r1_new.research').click();
    await page.keyboard.press('Delete');
    await expectCell(page, 't3.r1_new.research', '');
    for (const c of ['research', 'public_welfare', 'legal_service', 'other']) await typeInCell(page, `t3.r1_new.${c}`, c === 'legal_service' ? '1' : '0', 'Tab');
    await expectCell(page, 't3.r1_new.total', '21');
  });

  it('粘贴一块多行多列的数据，一次撤销全部撤回', async () => {
    const { page } = h;
    await cell(page, 't3.r3_1_open.natural').click();
    await pasteText(page, '9\t2\t0\t0\t0\t0\n2\t0\t0\t0\t0\t0\n');
    await expectCell(page, 't3.r3_1_open.commercial', '2');
    await expectCell(page, 't3.r3_2_partial.natural', '2');
    await expectCell(page, 't3.r3_1_open.total', '11');
    await page.keyboard.press('Control+z');
    await expectCell(page, 't3.r3_1_open.natural', '');
    await expectCell(page, 't3.r3_2_partial.natural', '');
    await page.keyboard.press('Control+y');
    await expectCell(page, 't3.r3_1_open.natural', '9');
    await expectCell(page, 't3.r3_2_partial.natural', '2');
    await cell(page, 't3.r3_1_open.natural').scrollIntoViewIfNeeded();
    await h.shot('table-3');
  });

  it('H1 错误随输入出现，点击定位，一键填入后消失', async () => {
    const { page } = h;
    // Zeros for the rest of the 办理结果 rows down to 四、结转 (21 rows × 6 columns; the computed （七）总计 row is skipped).
    const zeros = Array.from({ length: 21 }, () => '0\t0\t0\t0\t0\t0').join('\n');
    await cell(page, 't3.r3_3_1_state_secret.natural').click();
    await pasteText(page, zeros);
    await expectCell(page, 't3.r4_carry_out.other', '0');
    const h1 = issueItem(page, '表三“自然人”列');
    await h1.waitFor();
    await expect.poll(() => h1.innerText()).toContain('H1');
    await h.shot('editor-issues');
    await h1.locator('.issue-main').click();
    await page.waitForFunction(() => ((document.activeElement?.closest('[data-cell]') as HTMLElement | null)?.dataset.cell ?? '').startsWith('t3.'));
    await h1.getByRole('button', { name: '一键填入' }).click();
    await h1.waitFor({ state: 'detached' });
    // 一 + 二 − （七）总计 = 17 + 2 − 11 = 8
    await expectCell(page, 't3.r4_carry_out.natural', '8');
    await typeInCell(page, 't3.r4_carry_out.natural', '3', 'Enter');
    await issueItem(page, '表三“自然人”列').waitFor();
    await page.keyboard.press('Control+z');
    await issueItem(page, '表三“自然人”列').waitFor({ state: 'detached' });
  });

  it('用输入法修改文字：组字不丢字、不重复，沿用标记随修改消失', async () => {
    const { page } = h;
    const firstStale = page.locator('.block.is-stale .block-text').first();
    const target = (await firstStale.count()) ? firstStale : page.locator('.doc-section[aria-label="一、总体情况"] .block-paragraph .block-text').first();
    const id = await target.getAttribute('id');
    await target.click();
    await page.keyboard.press('Control+End');
    const before = await target.inputValue();
    await imeType(page, ['j', 'ji', 'jin', '今年'], '今年');
    await imeType(page, ['g', 'gong', '公开'], '公开工作');
    await page.keyboard.insertText('稳步推进。');
    await expect.poll(() => page.locator(`#${id}`).inputValue()).toBe(`${before}今年公开工作稳步推进。`);
    await expect.poll(() => page.locator(`#${id}`).evaluate((el) => el.closest('.block')!.classList.contains('is-stale'))).toBe(false);
    await waitSaved(page);
    const saved = await h.call('library:get', { id: reportId });
    const all = [...saved.preface, ...Object.values(saved.sections).flatMap((s) => s.blocks)];
    expect(all.find((b) => `blk-${b.id}` === id)?.text).toBe(`${before}今年公开工作稳步推进。`);
  });

  it('刷新页面后一切都在', async () => {
    const { page } = h;
    await waitSaved(page);
    await page.reload();
    await page.locator('.editor .paper').waitFor();
    await expectCell(page, 't3.r1_new.natural', '17');
    await expectCell(page, 't3.r3_1_open.total', '11');
    await expect.poll(() => paperText(page)).toContain('今年公开工作稳步推进。');
  });

  it('在历史版本中恢复较早的版本（可以撤销）', async () => {
    const { page } = h;
    await page.getByRole('button', { name: '历史版本' }).click();
    const items = page.locator('.snapshot-list li');
    await items.first().waitFor();
    const n = await items.count();
    expect(n).toBeGreaterThan(1);
    await items.nth(n - 1).getByRole('button', { name: '恢复此版本' }).click();
    await items.nth(n - 1).getByRole('button', { name: '确认恢复' }).click();
    await expectCell(page, 't3.r1_new.natural', '');
    await h.shot('history-restored');
    await page.keyboard.press('Control+z');
    await expectCell(page, 't3.r1_new.natural', '17');
    await waitSaved(page);
    const saved = await h.call('library:get', { id: reportId });
    expect(saved.values['t3.r1_new.natural']).toBe(17);
    await page.getByRole('button', { name: '检查结果' }).click();
  });

  it('打印预览', async () => {
    const { page } = h;
    await page.keyboard.press('Control+p');
    await page.locator('.preview-pane').waitFor();
    await page.waitForTimeout(300);
    await h.shot('preview');
    await page.keyboard.press('Escape');
    await page.locator('.editor .paper').waitFor();
  });

  it('导出：仍有错误时再确认一次，下载的 Word 文档里有表格数值和标题', async () => {
    const { page } = h;
    const errors = (await h.call('library:list', {})).find((r) => r.id === reportId)!.errors;
    await page.keyboard.press('Control+e');
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor();
    if (errors > 0) await expect.poll(() => dialog.innerText()).toContain(`报告还有 ${errors} 个错误，仍要导出吗？`);
    await h.shot('export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: errors > 0 ? '仍要导出' : '导出' }).click()]);
    const file = path.join(tmp, 'exported.docx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await dialog.getByText(/^已导出为/).waitFor();
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    expect(text).toContain('政府信息公开工作年度报告');
    expect(text).toContain('2026');
    expect(xml).toMatch(/<w:t(?: [^>]*)?>17<\/w:t>/);
    expect(text).toContain('今年公开工作稳步推进。');
    await h.shot('export-done');
    await dialog.getByRole('button', { name: '完成' }).click();
    expectNoPageErrors(h.pageErrors);
  });
});
