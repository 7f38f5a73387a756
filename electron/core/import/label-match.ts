// Matching printed labels (table rows, columns, section headings) against the template's labels,
// tolerant of what real reports do: full/half-width brackets and digits, stray spaces, "1、" for
// "1.", other quote marks, and a missing or misspelt character or two.

const CN_DIGITS = '一二三四五六七八九十';

/** Maps full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

const SPACES = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g;
const QUOTES = /[“”"'‘’「」『』`´]/g;
const BRACKETS_OPEN = /[【〔［[｛{〈《]/g;
const BRACKETS_CLOSE = /[】〕］\]｝}〉》]/g;
const DASHES = /[—–―‐‑‒−－]/g;

/** The comparable form of a label: half-width, no spaces or quotes, one bracket style, "1、" → "1.", "一." → "一、". */
export function normaliseLabel(text: string): string {
  let s = toHalfWidth(text ?? '')
    .replace(SPACES, '')
    .replace(QUOTES, '')
    .replace(BRACKETS_OPEN, '(')
    .replace(BRACKETS_CLOSE, ')')
    .replace(DASHES, '-')
    .replace(/^#+/, '')
    .toLowerCase();
  s = s.replace(/^(\d{1,2})[、.,，:：]/, '$1.');
  s = s.replace(new RegExp(`^([${CN_DIGITS}]{1,3})[、.,，:：]`), '$1、');
  s = s.replace(/[:：。;；,，、]+$/, '');
  return s;
}

/** A normalised label split into its numbering ("3." / "(三)" / "三、" / "(3)") and the words after it. */
export interface LabelParts {
  prefix: string;
  body: string;
}

const PREFIX_RE = new RegExp(`^(\\d{1,2}\\.|\\([${CN_DIGITS}]{1,3}\\)|[${CN_DIGITS}]{1,3}、|\\(\\d{1,2}\\))`);

/** Splits a normalised label into numbering prefix and body. */
export function splitLabel(normalised: string): LabelParts {
  const m = PREFIX_RE.exec(normalised);
  if (!m) return { prefix: '', body: normalised };
  return { prefix: m[1], body: normalised.slice(m[1].length) };
}

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** A label the matcher can choose: a key and the printed forms that mean it. */
export interface LabelCandidate {
  key: string;
  /** The official label first, then accepted variants (template aliases). */
  labels: string[];
}

interface PreparedForm {
  key: string;
  label: string;
  official: boolean;
  norm: string;
  prefix: string;
  body: string;
}

/** Candidates prepared once (normalised forms, bracketed notes stripped as an extra form). */
export interface PreparedCandidates {
  forms: PreparedForm[];
  exact: Map<string, PreparedForm>;
}

const TRAILING_NOTE = /\([^()]*\)$/;

/** Normalises every label of every candidate once, for repeated matching. */
export function prepareCandidates(candidates: LabelCandidate[]): PreparedCandidates {
  const forms: PreparedForm[] = [];
  const exact = new Map<string, PreparedForm>();
  const add = (key: string, label: string, official: boolean, norm: string) => {
    const { prefix, body } = splitLabel(norm);
    const f = { key, label, official, norm, prefix, body };
    forms.push(f);
    if (!exact.has(norm)) exact.set(norm, f);
  };
  for (const c of candidates) {
    c.labels.forEach((label, i) => {
      const norm = normaliseLabel(label);
      if (!norm) return;
      add(c.key, label, i === 0, norm);
      // "（二）部分公开（区分处理的，…）" is often printed without its bracketed note.
      const short = norm.replace(TRAILING_NOTE, '');
      if (short !== norm && short.length >= 3) add(c.key, label, false, short);
    });
  }
  return { forms, exact };
}

/** The outcome of matching one printed label. */
export interface LabelMatch {
  key: string;
  /** The template label it matched (official or alias). */
  label: string;
  /** Equal after normalisation to the official label. */
  exact: boolean;
  /** Equal after normalisation to an accepted variant (alias or the label without its note). */
  alias: boolean;
  /** 0 = identical after normalisation; higher = less certain. */
  score: number;
  /** Why it was not exact (for the import log). */
  reason?: string;
}

export interface MatchOptions {
  /** Largest relative edit distance accepted (default 0.34). */
  maxRelative?: number;
  /** Accept a candidate whose label ends the printed text (parent labels printed in the same cell). */
  allowSuffix?: boolean;
}

const sameNumberClass = (a: string, b: string) => {
  const cls = (p: string) => (/^\d/.test(p) ? 'n.' : p.startsWith('(') && /\d/.test(p) ? '(n)' : p.startsWith('(') ? '(cn)' : 'cn、');
  return cls(a) === cls(b);
};

/** Finds the best candidate for a printed label, or undefined when nothing is close enough or two are equally close. */
export function matchLabel(text: string, prepared: PreparedCandidates, options: MatchOptions = {}): LabelMatch | undefined {
  const norm = normaliseLabel(text);
  if (!norm || norm.length > 300) return undefined;
  const hit = prepared.exact.get(norm);
  if (hit) {
    return {
      key: hit.key,
      label: hit.label,
      exact: hit.official && hit.norm === normaliseLabel(hit.label),
      alias: !(hit.official && hit.norm === normaliseLabel(hit.label)),
      score: 0,
      reason: hit.official && hit.norm === normaliseLabel(hit.label) ? undefined : `“${text.trim()}”是“${firstLabel(prepared, hit.key)}”的常见写法`,
    };
  }
  const maxRel = options.maxRelative ?? 0.34;
  const { prefix, body } = splitLabel(norm);
  let best: { f: PreparedForm; score: number; reason: string } | undefined;
  let second: { f: PreparedForm; score: number } | undefined;
  const consider = (f: PreparedForm, score: number, reason: string) => {
    if (!best || score < best.score) {
      if (best && best.f.key !== f.key) second = best;
      best = { f, score, reason };
    } else if (f.key !== best.f.key && (!second || score < second.score)) second = { f, score };
  };
  for (const f of prepared.forms) {
    // Numbering must agree when both sides have it ("3.其他" is not "2.其他").
    if (prefix && f.prefix && prefix !== f.prefix) {
      if (sameNumberClass(prefix, f.prefix)) continue;
    }
    let penalty = 0;
    let why = '';
    if (prefix !== f.prefix) {
      penalty = 0.05;
      why = prefix ? '编号不同' : '缺少编号';
    }
    if (body === f.body) {
      consider(f, penalty + 0.01, why || '写法略有不同');
      continue;
    }
    const longest = Math.max(body.length, f.body.length);
    if (longest >= 4 && Math.min(body.length, f.body.length) >= 2) {
      const limit = Math.floor(longest * maxRel);
      const d = editDistance(body, f.body, limit);
      if (d <= limit) consider(f, penalty + d / longest, why || `有 ${d} 个字不同`);
    }
    if (options.allowSuffix && f.norm.length >= 4 && norm.length > f.norm.length && norm.endsWith(f.norm)) {
      consider(f, 0.2, '与上级标签印在同一格中');
    }
  }
  if (!best) return undefined;
  const b = best as { f: PreparedForm; score: number; reason: string };
  const s = second as { f: PreparedForm; score: number } | undefined;
  if (s && s.score - b.score < 0.04) return undefined;
  return { key: b.f.key, label: b.f.label, exact: false, alias: false, score: b.score, reason: `“${text.trim()}”与“${b.f.label}”${b.reason}` };
}

function firstLabel(prepared: PreparedCandidates, key: string): string {
  return prepared.forms.find((f) => f.key === key && f.official)?.label ?? key;
}

const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 两: 2 };

/** "二〇二五" → 2025, "十二" → 12, "二十" → 20; NaN when not a Chinese number. */
export function chineseNumber(text: string): number {
  const s = text.replace(/O|o|○|Ｏ/g, '〇');
  if (!s || [...s].some((c) => !(c in CN_NUM))) return NaN;
  if (!s.includes('十')) return Number([...s].map((c) => CN_NUM[c]).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_NUM[tens] : 1) * 10 + (ones ? CN_NUM[ones] : 0);
}
