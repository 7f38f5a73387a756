import type { UnitLevel } from '../model/report';
import { UNIT_LEVELS } from '../model/report';
import { chineseNumber, toHalfWidth } from './label-match';

// What a report says about itself outside the tables: the unit and year in its title, the unit's
// level guessed from its name, the 落款 date, template guidance left in the text, portal chrome.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/** Removes the spaces a web copy puts around numbers and inside words of a title ("… 2024 年…年度 报告"). */
export function tidyTitle(title: string): string {
  return title.replace(/\s*\n\s*/g, '').replace(SPACE_NEAR_CJK, '').replace(/\s+/g, ' ').trim();
}

const CN_YEAR = /([〇零一二三四五六七八九○OＯ]{4})\s*年/;

/** The year (20xx) and unit named in a report title, as far as they can be read. */
export function parseTitle(title: string): { unit?: string; year?: number } {
  const t = tidyTitle(toHalfWidth(title)).replace(/^[《"“]+|[》"”]+$/g, '');
  let year: number | undefined;
  let at = -1;
  let end = -1;
  const m = /(20\d{2}|19\d{2})\s*年/.exec(t) ?? /(20\d{2})/.exec(t);
  if (m) {
    year = Number(m[1]);
    at = m.index;
    end = m.index + m[0].length;
  } else {
    const c = CN_YEAR.exec(t);
    if (c && !Number.isNaN(chineseNumber(c[1]))) {
      year = chineseNumber(c[1]);
      at = c.index;
      end = c.index + c[0].length;
    }
  }
  const cleanUnit = (s: string) =>
    s
      .replace(/(关于|的)$/, '')
      .replace(/^[\s,，、:：()（）]+|[\s,，、:：()（）]+$/g, '')
      .trim();
  let unit: string | undefined;
  if (at > 0) unit = cleanUnit(t.slice(0, at));
  if (!unit && end >= 0) {
    const after = t.slice(end).replace(/^度/, '');
    const i = after.search(/(政府)?信息公开|政务公开/);
    if (i > 0) unit = cleanUnit(after.slice(0, i));
  }
  if (unit && (unit.length < 2 || /年度报告|信息公开/.test(unit))) unit = undefined;
  return { unit, year };
}

/** The unit's level guessed from its name (街道/乡/镇 → township, 县/区/市人民政府 → county/city, 局/委/办/中心 → department), with the reason. */
export function guessUnitLevel(name: string): { level: UnitLevel; reason: string } {
  const n = name.replace(/\s+/g, '');
  const why = (level: UnitLevel, what: string) => ({ level, reason: `单位名称“${n}”${what}，推断单位类型为“${UNIT_LEVELS[level]}”` });
  if (/(街道|街道办事处|街道办|街道党工委|乡|镇)(人民政府|政府|办事处)?$/.test(n) || /街道办事处$/.test(n)) return why('township', '是乡镇或街道');
  const gov = /(省|自治区|市|州|盟|地区|县|区|旗|特区|林区|新区|实验区)(人民)?政府$/.exec(n);
  if (gov) {
    const u = gov[1];
    if (u === '省' || u === '自治区') return why('province_gov', `以“${u}人民政府”结尾`);
    if (u === '市' || u === '州' || u === '盟' || u === '地区') return why('city_gov', `以“${u}人民政府”结尾`);
    return why('county_gov', `以“${u}人民政府”结尾`);
  }
  if (/(局|委员会|委|办公室|办公厅|办|中心|厅|署|院|所|站|队|馆|处|社|会|部)$/.test(n)) return why('department', '是政府工作部门或机构');
  // "白沙县", "某市某区": the name of the area stands for its government.
  const area = /(县|区|旗|市|州|盟)$/.exec(n);
  if (area) return why(area[1] === '市' || area[1] === '州' || area[1] === '盟' ? 'city_gov' : 'county_gov', `以“${area[1]}”结尾（按该地人民政府）`);
  return { level: 'other', reason: `无法从单位名称“${n}”判断单位类型，已设为“其他机关”` };
}

/** A date printed on its own ("2025年1月20日", "2025-01-20", "二〇二五年一月二十日") as ISO "2025-01-20". */
export function parseDateText(text: string): string | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  let y: number;
  let mo: number;
  let d: number;
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = /^([〇零一二三四五六七八九○OＯ]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(t);
    if (!m) return undefined;
    [y, mo, d] = [chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3])];
  }
  if (!(y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A 落款 printed in one line: "叶县盐都街道办事处 2025年1月20日". */
export function splitSignatureLine(text: string): { unit: string; date: string } | undefined {
  const m = /^(.{2,60}?)[\s\u3000]+(\S+)$/.exec(text.trim());
  if (!m) return undefined;
  const date = parseDateText(m[2]);
  if (!date || !looksLikeUnitLine(m[1])) return undefined;
  return { unit: m[1].trim(), date };
}

/** A short line that can be the unit in a 落款 (no sentence punctuation, no numbering, no digits). */
export function looksLikeUnitLine(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 50 && !/[。，,；;：:！？!?]/.test(t) && !/^[一二三四五六七八九十（(\d]/.test(t) && !/\d/.test(t);
}

/** Template guidance left in a report ("编写说明：…", "（文字描述，…）"); returns the reason, or undefined. */
export function guidanceText(text: string, placeholders: string[]): string | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  if (/^编写说明[:：]?/.test(t)) return '模板的编写说明';
  if (/^[(（]?文字描述/.test(t)) return '模板的占位文字';
  if (placeholders.some((p) => toHalfWidth(p).replace(/\s+/g, '') === t)) return '模板的占位文字';
  if (/^[(（]?(此处|在此处)(填写|报告)/.test(t)) return '模板的占位文字';
  return undefined;
}

const PORTAL_CHROME =
  /^(发布(时间|日期|机构|单位)|来源[:：]|信息来源|浏览(次数)?[:：]|阅读(次数|量)|点击(数|量|率)|字号[:：]?|【?字体|索引号|文号[:：]|发文(机关|字号|日期)|主题分类|体裁分类|成文日期|生效日期|分享到|【?打印|【?关闭|打印本页|关闭窗口|首页\s*[>＞»]|当前位置|您现在的位置|扫一扫)/;

/** Lines of a portal page around the article (publish date, source, font size, print/close links). */
export function isPortalChrome(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && PORTAL_CHROME.test(t);
}
