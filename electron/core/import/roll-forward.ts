import { defaultTitle, newId } from '../model/new-report';
import { SECTION_KEYS, type Block, type Report, type YearMention } from '../model/report';
import { CURRENT_TEMPLATE_ID, getTemplate } from '../template/registry';
import type { ImportLogEntry } from './import-result';

// Next year's report from last year's: 上年结转 from last year's 结转下年度, last year's stock and
// problems as the checker's baseline, the text carried over as a draft (every block marked stale),
// mentions of the old year listed for review (never replaced), all other numbers blank.

const T3_FROM = 'r4_carry_out';
const T3_TO = 'r2_carry_in';

/** The old-year phrases to review in a text: "2024年1月1日至12月31日", "2024年度", "2024年", "今年", "去年", "明年". */
export function findYearMentions(text: string, oldYear: number): string[] {
  const years = [oldYear - 1, oldYear, oldYear + 1].join('|');
  const re = new RegExp(
    `(?:${years})\\s*年度?(?:\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:起)?\\s*(?:至|到|—|－|-|~|～)\\s*(?:(?:${years})\\s*年)?\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:止)?)?|(?:${years})(?=\\s*[-./]\\s*\\d{1,2}\\s*[-./])|今年|去年|明年|本年度|上年度`,
    'g',
  );
  return [...text.matchAll(re)].map((m) => m[0]);
}

/** Last year's section 五 paragraphs that state problems (under a "问题" sub-heading, or before the part on improvements). */
export function problemParagraphs(blocks: Block[]): string[] {
  const out: string[] = [];
  const PROBLEM = /问题|不足|有待|薄弱|欠缺|不够|不高|不强|不到位|滞后|单一|差距/;
  const IMPROVE = /改进|整改|措施|下一步|打算|计划|努力方向|针对/;
  const isProblemHeading = (t: string) => /问题/.test(t) && !/改进|整改|措施/.test(t);
  const hasProblemHeading = blocks.some((b) => b.type !== 'paragraph' && isProblemHeading(b.text));
  let inProblems = !hasProblemHeading;
  for (const b of blocks) {
    const text = b.text.trim();
    if (!text) continue;
    if (b.type !== 'paragraph') {
      if (hasProblemHeading) inProblems = isProblemHeading(text);
      else if (IMPROVE.test(text)) inProblems = false;
      continue;
    }
    if (!hasProblemHeading && /^(针对|下一步|今后|\d{4}年[，,]?(我|本)?.{0,6}(将|拟))/.test(text)) inProblems = false;
    if (!inProblems) continue;
    if (hasProblemHeading || PROBLEM.test(text)) out.push(text);
  }
  return out;
}

/** Next year's report from last year's: carry-over, baseline, stale draft text, year mentions to review; everything else blank. */
export function rollForward(previous: Report, year = previous.year + 1): { report: Report; log: ImportLogEntry[] } {
  const log: ImportLogEntry[] = [];
  const template = getTemplate(CURRENT_TEMPLATE_ID);
  const oldYear = previous.year;
  const t3 = template.table.get('t3')!;

  // Numbers: only 上年结转 ← last year's 结转下年度, per column.
  const values: Report['values'] = {};
  let carried = 0;
  for (const c of t3.columns) {
    const v = previous.values[`t3.${T3_FROM}.${c.key}`];
    if (v == null) continue;
    values[`t3.${T3_TO}.${c.key}`] = v;
    carried++;
  }
  if (carried) log.push({ kind: 'recognised', message: `表三“二、上年结转政府信息公开申请数量”已按 ${oldYear} 年“四、结转下年度继续办理”填入（${carried} 列）`, path: `t3.${T3_TO}` });
  else log.push({ kind: 'warning', message: `${oldYear} 年报告的“四、结转下年度继续办理”为空白，上年结转需要手工填写`, path: `t3.${T3_TO}` });

  // Baseline for the checker: S1 (carry-over) and S2 (现行有效 stock), plus last year's problems.
  const baselineValues: Record<string, number | null> = {};
  for (const c of t3.columns) baselineValues[`t3.${T3_FROM}.${c.key}`] = previous.values[`t3.${T3_FROM}.${c.key}`] ?? null;
  const t2 = template.table.get('t2')!;
  for (const cell of t2.cells) if (cell.col === 'valid') baselineValues[`t2.${cell.row}.valid`] = previous.values[`t2.${cell.row}.valid`] ?? null;
  const problems = problemParagraphs(previous.sections.s5?.blocks ?? []);
  log.push({ kind: 'recognised', message: `已记下 ${oldYear} 年的结转数、现行有效件数${problems.length ? `和 ${problems.length} 条存在的问题` : ''}，供核对衔接`, path: 'baseline' });

  // Text: carried over as a draft, every block stale until the clerk edits it.
  const mentions: YearMention[] = [];
  const stale = (blocks: Block[], path: string): Block[] =>
    blocks.map((b) => {
      const nb: Block = { id: newId(), type: b.type, text: b.text, stale: true };
      for (const quote of findYearMentions(b.text, oldYear)) mentions.push({ path, blockId: nb.id, quote, reviewed: false });
      return nb;
    });
  const preface = stale(previous.preface, 'preface');
  const sections = {} as Report['sections'];
  for (const key of SECTION_KEYS) {
    const s = previous.sections[key];
    const def = template.sections.find((x) => x.key === key)!;
    sections[key] = { heading: s?.heading ?? def.heading, blocks: stale(s?.blocks ?? [], `sections.${key}`) };
  }

  // Title: the default pattern is regenerated; a custom title with the old year once gets the new year.
  let title = previous.title;
  const unitName = previous.unit.name;
  const oldYearCount = (previous.title.match(new RegExp(String(oldYear), 'g')) ?? []).length;
  if (previous.title === defaultTitle(unitName, oldYear) || !previous.title.trim()) {
    title = defaultTitle(unitName, year);
    log.push({ kind: 'recognised', message: `标题已改为“${title}”`, path: 'title' });
  } else if (oldYearCount === 1) {
    title = previous.title.replace(String(oldYear), String(year));
    log.push({ kind: 'guessed', message: `标题中的“${oldYear}”已改为“${year}”：“${title}”，请核对`, path: 'title' });
  } else {
    log.push({ kind: 'warning', message: `标题“${previous.title}”没有按新年度修改，请手工修改`, path: 'title' });
    for (const quote of findYearMentions(previous.title, oldYear)) mentions.push({ path: 'title', quote, reviewed: false });
  }

  const total = preface.length + SECTION_KEYS.reduce((n, k) => n + sections[k].blocks.length, 0);
  log.push({ kind: 'recognised', message: `已带入 ${oldYear} 年报告的 ${total} 段文字作为草稿（标为“待更新”），请逐段修改` });
  if (mentions.length) log.push({ kind: 'warning', message: `文字中有 ${mentions.length} 处提到 ${oldYear} 年或“今年”等时间，已列出待核对（没有自动替换）`, path: 'yearMentions' });
  if (previous.unplaced.length) log.push({ kind: 'warning', message: `${oldYear} 年报告中有 ${previous.unplaced.length} 段未识别内容，没有带入新报告` });
  if (previous.legacy) log.push({ kind: 'warning', message: `${oldYear} 年报告中 2019 年格式的旧栏目数字没有带入新报告` });
  if (previous.templateId !== template.id) log.push({ kind: 'warning', message: `上年报告使用的是“${previous.templateId}”格式，新报告使用现行格式` });

  const report: Report = {
    schemaVersion: previous.schemaVersion,
    id: newId('r'),
    templateId: template.id,
    templateVersion: template.version,
    unit: { ...previous.unit },
    year,
    title,
    preface,
    sections,
    values,
    rawValues: {},
    signature: { unit: previous.signature.unit || unitName, date: '' },
    baseline: { year: oldYear, values: baselineValues, problems },
    yearMentions: mentions,
    unplaced: [],
  };
  return { report, log };
}
