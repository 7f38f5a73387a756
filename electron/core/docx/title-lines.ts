// Breaking a long title into 2–3 balanced lines (GB/T 9704 §7.3.1: keep words whole, symmetric shape).

/** How many 2号 characters fit comfortably on one line of the 156 mm text block (20.1 fit exactly). */
export const TITLE_LINE_CHARS = 19;

const REPORT_NAME = /政府信息公开工作年度报告|政府信息公开工作年报|政府信息公开年度报告/g;
const YEAR = /\d{4}\s*年度?/g;
const LATIN = /[0-9A-Za-z.·\-]+/g;
/** Unit-name endings after which a line may break, with the characters that would make the break split a word. */
const UNIT_ENDINGS: Array<[string, string]> = [
  ['街道办事处', ''],
  ['管理委员会', ''],
  ['人民政府', ''],
  ['办公厅', ''],
  ['办公室', ''],
  ['委员会', ''],
  ['办事处', ''],
  ['自治区', ''],
  ['自治州', ''],
  ['自治县', ''],
  ['管理局', ''],
  ['街道', '办'],
  ['省', '级属'],
  ['市', '场政民容辖级直属区'],
  ['县', '域级属'],
  ['区', '域划级属'],
  ['镇', '村'],
  ['乡', '村镇'],
  ['局', ''],
  ['厅', ''],
];
const NO_LINE_START = '）》」』”’、，。；：！？)]}%';
const NO_LINE_END = '（《「『“‘([{';

const PENALTY = { strong: 0, medium: 6, weak: 60 } as const;

/** Display width of a string in CJK characters (ASCII counts half). */
export function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** Penalty of breaking before each index (Infinity: never break there). */
function breakPenalties(text: string): number[] {
  const chars = [...text];
  const pen: number[] = chars.map(() => PENALTY.weak);
  pen[0] = Infinity;
  const protect = (start: number, end: number) => {
    for (let i = start + 1; i < end; i++) pen[i] = Infinity;
  };
  const setMin = (i: number, p: number) => {
    if (i > 0 && i < chars.length && pen[i] !== Infinity) pen[i] = Math.min(pen[i], p);
  };
  // Index by code point (the title is CJK; surrogate pairs are rare but must not be split).
  const cpIndex = (utf16: number) => [...text.slice(0, utf16)].length;
  for (const re of [LATIN, YEAR, REPORT_NAME]) {
    for (const m of text.matchAll(re)) {
      const s = cpIndex(m.index);
      const e = s + [...m[0]].length;
      protect(s, e);
      if (re !== LATIN) {
        setMin(s, PENALTY.strong);
        setMin(e, PENALTY.strong);
      }
    }
  }
  for (const [ending, glued] of UNIT_ENDINGS) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(ending, from);
      if (at < 0) break;
      from = at + 1;
      const e = cpIndex(at) + [...ending].length;
      if (e < chars.length && !glued.includes(chars[e])) setMin(e, PENALTY.medium);
    }
  }
  for (let i = 1; i < chars.length; i++) {
    if (NO_LINE_START.includes(chars[i]) || NO_LINE_END.includes(chars[i - 1])) pen[i] = Infinity;
  }
  return pen;
}

/** Best split into exactly k lines (least imbalance plus break penalties), or undefined when none fits. */
function bestSplit(chars: string[], pen: number[], k: number, maxWidth: number, maxPenalty: number): { cost: number; cuts: number[] } | undefined {
  const n = chars.length;
  const prefix = [0];
  for (const ch of chars) prefix.push(prefix[prefix.length - 1] + titleWidth(ch));
  const target = prefix[n] / k;
  const width = (a: number, b: number) => prefix[b] - prefix[a];
  // dp[j][i]: best cost of putting chars[0..i) on j lines.
  const dp: Array<Array<{ cost: number; prev: number } | undefined>> = [];
  dp[0] = [{ cost: 0, prev: -1 }];
  for (let j = 1; j <= k; j++) {
    dp[j] = [];
    for (let i = 1; i <= n; i++) {
      if (i < n && (pen[i] > maxPenalty)) continue;
      const endPenalty = i < n ? pen[i] : 0;
      for (let a = i - 1; a >= 0; a--) {
        const w = width(a, i);
        if (w > maxWidth) break;
        const from = dp[j - 1][a];
        if (!from) continue;
        const cost = from.cost + (w - target) ** 2 + endPenalty;
        const cur = dp[j][i];
        // Ties go to the longer first line (an inverted trapezoid reads well under a centred title).
        if (!cur || cost < cur.cost - 1e-9) dp[j][i] = { cost, prev: a };
      }
    }
  }
  const last = dp[k][n];
  if (!last) return undefined;
  const cuts: number[] = [];
  let i = n;
  for (let j = k; j > 0; j--) {
    cuts.unshift(i);
    i = dp[j][i]!.prev;
  }
  return { cost: last.cost, cuts };
}

/** The title as printed lines: one line when it fits, else 2–3 (more only if it must) balanced lines broken between words. */
export function splitTitle(title: string, maxWidth: number = TITLE_LINE_CHARS): string[] {
  const text = title.replace(/\s*\n\s*/g, '').trim();
  if (!text || titleWidth(text) <= maxWidth) return text ? [text] : [];
  const chars = [...text];
  const pen = breakPenalties(text);
  const minLines = Math.max(2, Math.ceil(titleWidth(text) / maxWidth));
  for (const maxPenalty of [PENALTY.medium, PENALTY.weak]) {
    for (let k = minLines; k <= Math.max(3, minLines + 1); k++) {
      const best = bestSplit(chars, pen, k, maxWidth, maxPenalty);
      if (best) {
        let a = 0;
        return best.cuts.map((c) => {
          const line = chars.slice(a, c).join('');
          a = c;
          return line;
        });
      }
    }
  }
  // Nothing fits (an unbroken run longer than a line): let Word wrap it.
  return [text];
}
