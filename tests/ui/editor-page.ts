import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

// Page helpers for the editor: cells, issues, the save status, typing into table cells.

/** The table cell with this path. */
export const cell = (page: Page, path: string): Locator => page.locator(`[data-cell="${path}"]`);

/** The shown value of a cell ("" when blank). */
export async function cellValue(page: Page, path: string): Promise<string> {
  const v = cell(page, path).locator('.tg-value');
  return (await v.count()) ? (await v.innerText()).trim() : '';
}

/** Waits until the shown value of a cell is `value`. */
export async function expectCell(page: Page, path: string, value: string): Promise<void> {
  await page.waitForFunction(
    ([p, v]) => ((document.querySelector(`[data-cell="${p}"] .tg-value`)?.textContent ?? '').trim() === v),
    [path, value] as const,
    { timeout: 5000 },
  );
}

/** The issue items whose text contains `text`. */
export const issueItem = (page: Page, text: string): Locator => page.locator('.issue-list > li', { hasText: text });

/** Waits for "已保存 hh:mm:ss" (every edit acknowledged). */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /^已保存 \d{2}:\d{2}:\d{2}/.test(document.querySelector('.save-status')?.textContent ?? ''), undefined, { timeout: 10_000 });
}

/** Selects a cell with a click and types text into it (typing replaces), ending with `end` (Enter/Tab). */
export async function typeInCell(page: Page, path: string, text: string, end: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await cell(page, path).click();
  await page.keyboard.type(text);
  await page.keyboard.press(end);
}

/** The path of the focused table cell (the td or the input inside it), or null. */
export async function activeCell(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement?.closest('[data-cell]') as HTMLElement | null)?.dataset.cell ?? null);
}

/** Dispatches a paste of tab-separated text on the focused element (as Excel/WPS put it on the clipboard). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Asserts the page threw nothing. */
export function expectNoPageErrors(errors: string[]): void {
  expect(errors, errors.join('\n')).toEqual([]);
}

/** Every text field of the report editor, joined by newlines (textarea values are not in innerText). */
export async function paperText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLTextAreaElement>('.paper textarea')].map((t) => t.value).join('\n'));
}
