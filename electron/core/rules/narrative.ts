// Finds figures quoted in the narrative ("新收政府信息公开申请17件", "未发生行政复议") for rule S3.

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral such as "十二", "一百零五", "两千"; NaN when it is not one. */
export function parseChineseNumber(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch];
    else if (ch in CN_UNIT) {
      const u = CN_UNIT[ch];
      if (u === 10000) {
        total += (section + (digit > 0 ? digit : 0)) * u;
        section = 0;
      } else section += (digit === -1 ? 1 : digit) * u;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit > 0 ? digit : 0);
}

export interface Quote {
  /** The fact key from the rule ("new", "review" …). */
  fact: string;
  value: number;
  /** The words quoted, for the message. */
  quote: string;
}

export interface FactPattern {
  key: string;
  terms: string[];
  objectTerms?: string[];
}

const TERMINATORS = /[。；;！!？?\n]/;
const NUMBER_WITH_UNIT = /(\d[\d,，]*|[零〇一二两三四五六七八九十百千万]+)\s*(件|起|宗|条|个|份|例)/g;
const NEGATION = /(未|没有|无|均无|尚无|暂无)(发生|收到|产生|出现|接到|涉及)?[^，,。；;\d]{0,16}$/;
const WINDOW = 30;

/** Compiles the fact patterns into one scanner over a paragraph. */
export function compileQuoteScanner(facts: FactPattern[]): (text: string) => Quote[] {
  const allTerms = facts.flatMap((f) => f.terms.map((t) => ({ term: t, fact: f })));
  allTerms.sort((a, b) => b.term.length - a.term.length);
  const escaped = allTerms.map((x) => x.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const any = new RegExp(escaped.join('|'), 'g');
  const byTerm = new Map(allTerms.map((x) => [x.term, x.fact]));
  return (text: string) => {
    const out: Quote[] = [];
    if (!text) return out;
    any.lastIndex = 0;
    const hits: Array<{ index: number; end: number; fact: FactPattern; term: string }> = [];
    for (let m = any.exec(text); m; m = any.exec(text)) hits.push({ index: m.index, end: m.index + m[0].length, fact: byTerm.get(m[0])!, term: m[0] });
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      const nextHit = hits[i + 1]?.index ?? text.length;
      let windowEnd = Math.min(text.length, h.end + WINDOW, nextHit);
      const rest = text.slice(h.end, windowEnd);
      const stop = rest.search(TERMINATORS);
      const clause = stop >= 0 ? rest.slice(0, stop) : rest;
      windowEnd = h.end + clause.length;
      // A negated statement ("未收到政府信息公开申请", "未发生行政复议") quotes zero.
      const before = text.slice(Math.max(0, h.index - 20), h.index);
      const lastStop = Math.max(...['。', '；', ';', '，', ',', '\n'].map((c) => before.lastIndexOf(c)));
      const lead = before.slice(lastStop + 1);
      if (NEGATION.test(lead) && !/\d/.test(clause.split(/[，,]/)[0])) {
        if (!h.fact.objectTerms || h.fact.objectTerms.some((o) => clause.includes(o) || lead.includes(o))) {
          out.push({ fact: h.fact.key, value: 0, quote: (lead + h.term + clause.split(/[，,]/)[0]).trim() });
        }
        continue;
      }
      NUMBER_WITH_UNIT.lastIndex = 0;
      const m = NUMBER_WITH_UNIT.exec(clause);
      if (!m) continue;
      const between = clause.slice(0, m.index);
      if (/[%％]|率|比例|同比|增长|下降|减少|占/.test(between)) continue;
      if (h.fact.objectTerms && !h.fact.objectTerms.some((o) => between.includes(o))) continue;
      const raw = m[1].replace(/[,，]/g, '');
      const value = /^\d+$/.test(raw) ? Number(raw) : parseChineseNumber(raw);
      if (!Number.isFinite(value)) continue;
      out.push({ fact: h.fact.key, value, quote: h.term + clause.slice(0, m.index + m[0].length) });
    }
    return out;
  };
}
