import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startGridHarness } from '../tests/ui/grid/grid-harness';
import { fmtMs, median, percentile } from './stats';

// Keystroke → paint in the 表三 grid with check() running on every commit, measured inside Chromium:
// from performance.now() in the first keydown listener to requestAnimationFrame + setTimeout(0) (the frame after the update is painted).

interface Sample {
  key: string;
  /** Where the key landed: 'TD' (grid cell) or 'INPUT' (the open editor). */
  target: string;
  /** keydown → end of the task that handled it (React renders discrete events synchronously). */
  task: number;
  /** keydown → React's render and commit plus a forced style/layout, measured in the task right after the keydown's. */
  work: number;
  /** Grid cells whose DOM changed for this key (memoised rows and cells keep this small). */
  cells: number;
  /** keydown → after the next painted frame. */
  paint: number;
}

const ITERATIONS = 120;

/** In-page cycles (digit, digit, Enter) dispatched from script: pure main-thread cost of each step (no inner closures: tsx would wrap them in __name, unknown in the page). */
async function syntheticCycles(n: number): Promise<{ start: number[]; edit: number[]; commit: number[] }> {
  const out = { start: [] as number[], edit: [] as number[], commit: [] as number[] };
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const cols = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other'];
  for (let i = 0; i < n; i++) {
    const cell = document.querySelector<HTMLElement>(`[data-cell="t3.r3_${(i % 3) + 4}_1_${['not_held', 'petition', 'no_correction'][i % 3]}.${cols[i % 6]}"]`)!;
    cell.focus();
    await new Promise((r) => setTimeout(r, 5));
    let t0 = performance.now();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: String((i % 9) + 1), bubbles: true, cancelable: true }));
    await Promise.resolve();
    void document.body.offsetHeight;
    out.start.push(performance.now() - t0);
    const input = document.activeElement as HTMLInputElement;
    t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true, cancelable: true }));
    setValue.call(input, `${input.value}0`);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    void document.body.offsetHeight;
    out.edit.push(performance.now() - t0);
    t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await Promise.resolve();
    void document.body.offsetHeight;
    out.commit.push(performance.now() - t0);
  }
  return out;
}

/** Runs ≥100 edit cycles (digit, digit, Enter) in the 表三 grid and reports p50/p95 keystroke→paint per kind of keystroke. */
export async function benchGrid(): Promise<string[]> {
  const h = await startGridHarness();
  try {
    const page = await h.open('?table=t3');
    await page.evaluate(() => {
      const w = window as unknown as { __lat: Sample[] };
      w.__lat = [];
      let t0 = 0;
      let work = 0;
      const touched = new Set<Element>();
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const td = el?.closest('[data-cell]');
          if (td) touched.add(td);
        }
      }).observe(document.querySelector('.tg-table')!, { subtree: true, childList: true, attributes: true, characterData: true });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        void document.body.offsetHeight;
        work = performance.now() - t0;
      };
      window.addEventListener(
        'keydown',
        (e) => {
          t0 = performance.now();
          touched.clear();
          channel.port2.postMessage(0);
          const target = (document.activeElement?.tagName ?? '').toUpperCase();
          const key = e.key;
          setTimeout(() => {
            const task = performance.now() - t0;
            requestAnimationFrame(() =>
              setTimeout(() => w.__lat.push({ key, target, task, work, cells: touched.size, paint: performance.now() - t0 }), 0),
            );
          }, 0);
        },
        true,
      );
    });
    await page.click('[data-cell="t3.r3_1_open.natural"]');
    const columns = 6;
    for (let i = 0; i < ITERATIONS; i++) {
      if (i > 0 && i % 20 === 0) {
        // Next column, back at the top of the leaf rows.
        await page.click(`[data-cell="t3.r3_1_open.${['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other'][(i / 20) % columns]}"]`);
      }
      for (const key of [String((i % 9) + 1), String(i % 10), 'Enter']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(25);
      }
    }
    await page.waitForTimeout(100);
    const samples = await page.evaluate(() => (window as unknown as { __lat: Sample[] }).__lat);
    const checkMs = await page.evaluate(() => (window as unknown as { __state: { checkMs: number[] } }).__state.checkMs);
    const issues = await page.evaluate(() => (window as unknown as { __state: { issues: unknown[] } }).__state.issues.length);
    const pick = (f: (s: Sample) => boolean) => samples.filter(f);
    const stat = (xs: number[]) => `中位数 ${fmtMs(median(xs))}，p95 ${fmtMs(percentile(xs, 95))}`;
    const line = (name: string, xs: Sample[]) =>
      `表三 ${name}（${xs.length} 次）：键入→绘制 ${stat(xs.map((x) => x.paint))}；渲染＋布局 ${stat(xs.map((x) => x.work))}；` +
      `改动的单元格 中位数 ${median(xs.map((x) => x.cells))} 个`;
    const digit = (s: Sample) => /^\d$/.test(s.key);
    const inPage = await page.evaluate(syntheticCycles, ITERATIONS);
    return [
      line('开始输入（数字键替换单元格内容）', pick((s) => digit(s) && s.target === 'TD')),
      line('编辑中按键', pick((s) => digit(s) && s.target === 'INPUT')),
      line('Enter 提交（onChange → 重算总计 → check() → 重绘问题标记）', pick((s) => s.key === 'Enter')),
      line('全部按键', samples),
      `页面内同步测量（派发事件→React 渲染提交→强制布局，不含排队与等帧；${ITERATIONS} 次）：` +
        `开始输入 ${stat(inPage.start)}；编辑中按键 ${stat(inPage.edit)}；Enter 提交含 check() ${stat(inPage.commit)}`,
      `check() 每次提交：中位数 ${fmtMs(median(checkMs))}，p95 ${fmtMs(percentile(checkMs, 95))}（${checkMs.length} 次；结束时 ${issues} 个问题）`,
      `目标：键入→绘制远低于 16 ms（含等待下一帧的时间；无头 Chromium、--disable-gpu；测量时系统负载 ${loadavg()[0].toFixed(1)}）`,
    ];
  } finally {
    await h.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) for (const l of await benchGrid()) console.log(l);
