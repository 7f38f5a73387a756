import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeReport } from '../fixtures/reports';
import { cell, expectCell, expectNoPageErrors, paperText, pasteText, typeInCell, waitSaved } from './editor-page';
import { imeType, startHarness, type Harness } from './harness';

// Text editing in the report editor: blocks (Enter, Backspace, Alt+↑/↓, type), IME composition,
// one undo history across text and cells, and autosave that never loses a keystroke when saving fails.

let h: Harness;
let id = '';

const s1Paragraphs = (page: Page) => page.locator('#area-s1 .block-paragraph .block-text');
const s1Blocks = (page: Page) => page.locator('#area-s1 .block');
/** Waits until the focused field holds `value` (focus moves after the next frame). */
const expectFocused = (page: Page, value: string) =>
  page.waitForFunction((v) => (document.activeElement as HTMLTextAreaElement | null)?.value === v, value, { timeout: 5000 });
const isSave = (u: URL) => /\/api\/library(:|%3A)save$/i.test(u.pathname);

beforeAll(async () => {
  h = await startHarness();
  const created = await h.call('library:create', { unitName: '某市某区某街道办事处', level: 'township', year: 2025 });
  id = created.id;
  await h.call('library:save', { report: completeReport({ id }) });
  await h.open(id);
});

afterAll(async () => {
  await h?.close();
});

describe('编辑文字', () => {
  it('标记 editor-ready，检查结果为空时提示可以导出', async () => {
    const { page } = h;
    const mark = await page.evaluate(() => performance.getEntriesByName('editor-ready').length);
    expect(mark).toBe(1);
    await page.getByText('没有发现问题，可以导出').waitFor();
  });

  it('段末 Enter 新建段落，空段落 Backspace 删除，Alt+↑/↓ 移动，类型可切换', async () => {
    const { page } = h;
    const count = await s1Blocks(page).count();
    const first = s1Paragraphs(page).first();
    const text = await first.inputValue();
    await first.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await expect.poll(() => s1Blocks(page).count()).toBe(count + 1);
    await expectFocused(page, '');
    await page.keyboard.type('New paragraph');
    await expect.poll(() => first.inputValue()).toBe(text);
    // Alt+↑ moves the new paragraph above its predecessor, Alt+↓ back.
    const order = () => page.locator('#area-s1 .block-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    const before = await order();
    await page.keyboard.press('Alt+ArrowUp');
    const moved = await order();
    const i = before.indexOf('New paragraph');
    expect(moved[i - 1]).toBe('New paragraph');
    await expectFocused(page, 'New paragraph');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => order()).toEqual(before);
    await expectFocused(page, 'New paragraph');
    // Alt+1 makes it a （一） heading, Alt+0 a paragraph again; the selector shows the type.
    await page.keyboard.press('Alt+1');
    const block = page.locator('#area-s1 .block', { has: page.locator('textarea:focus') });
    await expect.poll(() => block.locator('select').inputValue()).toBe('heading2');
    await block.locator('select').selectOption('paragraph');
    // Clear it and Backspace in the empty block removes it.
    await block.locator('textarea').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await expect.poll(() => s1Blocks(page).count()).toBe(count);
    await expectFocused(page, text);
    await waitSaved(page);
  });

  it('Enter 在段落中间拆分段落', async () => {
    const { page } = h;
    const last = page.locator('#area-s6 .block-text').first();
    const text = await last.inputValue();
    await last.click();
    await page.keyboard.press('Control+Home');
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const values = () => page.locator('#area-s6 .block-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    await expect.poll(async () => (await values()).slice(0, 2)).toEqual([text.slice(0, 5), text.slice(5)]);
    await page.keyboard.press('Backspace'); // at the start of the second half: joins them again
    await expect.poll(() => page.locator('#area-s6 .block-text').first().inputValue()).toBe(text);
  });

  it('粘贴多段文字成为多个段落，一次撤销全部撤回', async () => {
    const { page } = h;
    const blocks = page.locator('#area-s6 .block-text');
    const n = await blocks.count();
    const before = await blocks.first().inputValue();
    await blocks.first().click();
    await page.keyboard.press('Control+End');
    await pasteText(page, '第一段补充。\r\n\r\n　　第二段。\r\n第三段。');
    await expectFocused(page, '第三段。');
    const values = await blocks.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(values.slice(0, 3)).toEqual([`${before}第一段补充。`, '第二段。', '第三段。']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => blocks.count()).toBe(n);
    await expect.poll(() => blocks.first().inputValue()).toBe(before);
  });

  it('输入法组字（CDP imeSetComposition / insertText）不丢字、不重复，组字时回车不拆分段落', async () => {
    const { page } = h;
    const p = page.locator('#area-s6 .block-text').first();
    await p.click();
    await page.keyboard.press('Control+End');
    const before = await p.inputValue();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'xin', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: '信息', selectionStart: 2, selectionEnd: 2 });
    // An Enter during composition belongs to the IME (keyCode 229): no new block.
    const blocks = await page.locator('#area-s6 .block').count();
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await expect.poll(() => page.locator('#area-s6 .block').count()).toBe(blocks);
    await cdp.send('Input.insertText', { text: '信息处理费' });
    await cdp.detach();
    await imeType(page, ['s', 'sh', 'shou', '收'], '收取');
    await page.keyboard.insertText('情况如上。');
    await expect.poll(() => p.inputValue()).toBe(`${before}信息处理费收取情况如上。`);
    // Composition in the middle of the text.
    await page.keyboard.press('Control+Home');
    await imeType(page, ['b', 'ben', '本'], '本');
    await expect.poll(() => p.inputValue()).toBe(`本${before}信息处理费收取情况如上。`);
    await waitSaved(page);
    const saved = await h.call('library:get', { id });
    expect(saved.sections.s6.blocks[0].text).toBe(`本${before}信息处理费收取情况如上。`);
  });

  it('撤销 / 重做贯穿文字和表格：连续输入合并为一步，每次单元格修改一步', async () => {
    const { page } = h;
    const p = page.locator('#area-s6 .block-text').first();
    const start = await p.inputValue();
    await p.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('ABC');
    await typeInCell(page, 't2.rules.issued', '1', 'Enter');
    await typeInCell(page, 't2.rules.repealed', '1', 'Enter');
    await expectCell(page, 't2.rules.repealed', '1');
    await page.keyboard.press('Control+z');
    await expectCell(page, 't2.rules.repealed', '0');
    await expectCell(page, 't2.rules.issued', '1');
    await page.keyboard.press('Control+z');
    await expectCell(page, 't2.rules.issued', '0');
    await expect.poll(() => p.inputValue()).toBe(`${start}ABC`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => p.inputValue()).toBe(start);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => p.inputValue()).toBe(`${start}ABC`);
    await page.keyboard.press('Control+y');
    await expectCell(page, 't2.rules.issued', '1');
    await page.getByRole('button', { name: '撤销' }).click();
    await expectCell(page, 't2.rules.issued', '0');
    await page.keyboard.press('Control+z');
    await expect.poll(() => p.inputValue()).toBe(start);
    await waitSaved(page);
  });

  it('点击问题跳到段落；S5 警告随文字出现和消失', async () => {
    const { page } = h;
    const p = page.locator('#area-s6 .block-text').first();
    await p.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('无。');
    const s5 = page.locator('.issue-list > li', { hasText: '信息处理费' });
    await s5.waitFor();
    await expect.poll(() => page.locator('.outline-item', { hasText: '六、其他需要报告的事项' }).locator('.badge-warning').innerText()).toBe('1');
    await page.locator('#field-title').click();
    await s5.locator('.issue-main').click();
    await page.waitForFunction(() => document.activeElement?.closest('#area-s6') != null);
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('本年度未收取信息处理费。');
    await s5.waitFor({ state: 'detached' });
    await waitSaved(page);
  });

  it('Ctrl+S 立即保存；保存失败时显示原因并保留在本机，刷新后恢复，重试后保存成功', async () => {
    const { page } = h;
    let failing = true;
    const handler = (route: Route) =>
      (failing
        ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'io', message: '磁盘已满' } }) })
        : route.continue()
      ).catch(() => undefined); // the page may unload while a save is on its way
    await page.route(isSave, handler);
    await waitSaved(page);
    const p = page.locator('#area-s6 .block-text').first();
    await p.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('KEEP');
    await expect.poll(() => p.inputValue()).toBe('本年度未收取信息处理费。KEEP');
    await page.keyboard.press('Control+s');
    await page.getByText('保存失败：磁盘已满，已保留在本机，稍后重试').waitFor();
    await h.shot('save-failed');
    const kept = await page.evaluate((rid) => localStorage.getItem(`nianbao.unsaved.${rid}`), id);
    expect(kept).toContain('本年度未收取信息处理费。KEEP');
    // The failing save is retried and lands once the disk is writable again; the local copy is then dropped.
    failing = false;
    const retry = page.locator('.save-status').getByRole('button', { name: '重试' });
    if (await retry.count()) await retry.click();
    await waitSaved(page);
    await expect.poll(() => page.evaluate((rid) => localStorage.getItem(`nianbao.unsaved.${rid}`), id)).toBeNull();
    expect((await h.call('library:get', { id })).sections.s6.blocks[0].text).toBe('本年度未收取信息处理费。KEEP');
    // A crash before the save landed: the browser's copy holds newer text than the library. (Written directly
    // rather than by typing and reloading: a save sent while the page unloads may or may not reach the server.)
    failing = true;
    await page.evaluate(
      ([rid, copy]) => localStorage.setItem(`nianbao.unsaved.${rid}`, JSON.stringify({ at: Date.now(), report: copy })),
      [id, await (async () => {
        const r = await h.call('library:get', { id });
        r.sections.s6.blocks[0].text = '本年度未收取信息处理费。KEEP2';
        return r;
      })()] as const,
    );
    await page.reload();
    await page.locator('.editor .paper').waitFor();
    await page.getByText(/已恢复上次未保存的修改/).waitFor();
    await expect.poll(() => page.locator('#area-s6 .block-text').first().inputValue()).toBe('本年度未收取信息处理费。KEEP2');
    await page.getByText('保存失败：磁盘已满，已保留在本机，稍后重试').waitFor();
    expect((await h.call('library:get', { id })).sections.s6.blocks[0].text).toBe('本年度未收取信息处理费。KEEP');
    failing = false;
    await page.locator('.save-status').getByRole('button', { name: '重试' }).click();
    await waitSaved(page);
    await expect.poll(() => page.evaluate((rid) => localStorage.getItem(`nianbao.unsaved.${rid}`), id)).toBeNull();
    expect((await h.call('library:get', { id })).sections.s6.blocks[0].text).toBe('本年度未收取信息处理费。KEEP2');
    await page.unroute(isSave, handler);
    await expect.poll(() => paperText(page)).toContain('KEEP2');
    expectNoPageErrors(h.pageErrors.filter((e) => !/磁盘已满/.test(e)));
  });

  it('快捷键帮助面板', async () => {
    const { page } = h;
    await page.getByRole('button', { name: '帮助' }).click();
    for (const k of ['Ctrl+S', 'Ctrl+Z', 'Ctrl+E', 'Ctrl+P']) await page.locator('.shortcut-list kbd', { hasText: k }).first().waitFor();
    await h.shot('help');
    await page.getByRole('button', { name: '检查结果' }).click();
    await cell(page, 't3.r1_new.natural').waitFor();
  });
});
