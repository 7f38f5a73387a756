import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { readHtml, readHtmlString, sniffHtmlCharset } from '../../../../electron/core/text/read-html';
import { isValidUtf8 } from '../../../../electron/core/text/decode-text';
import {
  ImportError,
  type DocContent,
  type DocParagraph,
  type DocTable,
} from '../../../../electron/core/import/doc-content';
import { encodeGb18030 } from '../../../fixtures/html/gb18030-encode';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/html/${name}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const paragraphs = (doc: DocContent): DocParagraph[] => doc.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph');
const texts = (doc: DocContent): string[] => paragraphs(doc).map((p) => p.text);
const tables = (doc: DocContent): DocTable[] => doc.blocks.filter((b): b is DocTable => b.kind === 'table');
const allText = (doc: DocContent): string =>
  doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join('|'))).join('\n');
const cell = (t: DocTable, text: string) => {
  const found = t.cells.filter((c) => c.text === text);
  expect(found.length, `cell "${text}"`).toBeGreaterThan(0);
  return found[0];
};
const at = (t: DocTable, row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);

/** Every origin cell inside the grid, no two cells overlapping; optionally every slot covered. */
function expectConsistentGrid(t: DocTable, fullCover: boolean): void {
  const seen = new Uint8Array(t.rowCount * t.colCount);
  const problems: string[] = [];
  for (const c of t.cells) {
    if (c.rowSpan < 1 || c.colSpan < 1 || c.row + c.rowSpan > t.rowCount || c.col + c.colSpan > t.colCount) {
      problems.push(`cell "${c.text}" at ${c.row},${c.col} ${c.rowSpan}x${c.colSpan} outside ${t.rowCount}x${t.colCount}`);
      continue;
    }
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        if (seen[r * t.colCount + k]++) problems.push(`slot ${r},${k} covered twice`);
      }
    }
  }
  if (fullCover && problems.length === 0) {
    const holes = seen.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
    if (holes > 0) problems.push(`${holes} grid slots not covered`);
  }
  expect(problems.slice(0, 5)).toEqual([]);
}

function catchImportError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const TITLE = '青山区人民政府2023年政府信息公开工作年度报告';

describe('readHtml: TRS portal page (UTF-8, div.TRS_Editor)', () => {
  const doc = readHtml(fixture('portal-report.utf8.html'));

  it('puts the report title (an h1 outside the container) first, centred, without a heading level', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: TITLE, centered: true });
    expect(texts(doc).filter((t) => t === TITLE)).toHaveLength(1);
  });

  it('excludes page chrome, scripts and styles', () => {
    const all = allText(doc);
    for (const chrome of [
      '首页', '政务动态', '当前位置', '无障碍浏览', '请输入关键词', '搜索', '全站', '政府信息公开指南',
      '2022年政府信息公开工作年度报告', '发布时间', '浏览次数', '字号', '打印本页', '关闭窗口', '相关链接',
      '网站标识码', 'ICP备', '主办单位', '邮编', '政务公开咨询电话', '今天是', '脚本', 'document.write',
      'line-height', '统计代码',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
  });

  it('emits the six section headings in order, bold, and nowhere else', () => {
    const heads = paragraphs(doc).filter((p) => /^[一二三四五六]、/.test(p.text));
    expect(heads.map((p) => p.text)).toEqual(SECTION_HEADINGS);
    expect(heads.every((p) => p.bold === true)).toBe(true);
  });

  it('interleaves the three tables with the headings in document order', () => {
    const seq = doc.blocks
      .map((b) => (b.kind === 'table' ? 'T' : SECTION_HEADINGS.includes(b.text) ? b.text[0] : null))
      .filter(Boolean)
      .join('');
    expect(seq).toBe('一二T三T四T五六');
  });

  it('normalises whitespace: U+3000 indents stripped, NBSP collapsed, CJK source line breaks removed', () => {
    const t = texts(doc);
    expect(t[1].startsWith('本报告根据《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(t).toContain('（一）主动公开。全年通过区政府门户网站主动公开政府信息 3256 条，其中政策文件 48 件。');
    expect(t.some((x) => x.includes('决策部署，持续提升政务公开质量。'))).toBe(true);
    expect(t.every((x) => x === x.trim() && !/^[\u3000\u00a0]/.test(x) && !/\s{2}/.test(x))).toBe(true);
  });

  it('splits a paragraph at <br> between lines of text', () => {
    const t = texts(doc);
    const i = t.indexOf('（二）依申请公开。全年共受理政府信息公开申请 126 件。');
    expect(i).toBeGreaterThan(0);
    expect(t[i + 1]).toBe('其中当面申请 12 件，网络申请 98 件，信函申请 16 件。');
  });

  it('marks bold only when the whole paragraph is bold', () => {
    const p = paragraphs(doc).find((x) => x.text.startsWith('（一）主动公开。'));
    expect(p?.bold).toBeUndefined();
  });

  it('keeps the sign-off after the last section', () => {
    const t = texts(doc);
    expect(t.slice(-2)).toEqual(['青山区人民政府办公室', '2024年1月19日']);
  });

  it('builds table 二 with colspans and <br> inside cells', () => {
    const t = tables(doc)[0];
    expect([t.rowCount, t.colCount]).toEqual([14, 4]);
    expect(cell(t, '第二十条第（一）项')).toMatchObject({ row: 0, col: 0, colSpan: 4, rowSpan: 1 });
    expect(cell(t, '第二十条第（八）项')).toMatchObject({ row: 11, col: 0, colSpan: 4 });
    expect(cell(t, '本年收费金额\n（单位：万元）')).toMatchObject({ row: 12, col: 1, colSpan: 3 });
    expect(at(t, 3, 3)?.text).toBe('37');
    expectConsistentGrid(t, true);
  });

  it('builds table 三 with its 3-row header and the 22-row "办理结果" block', () => {
    const t = tables(doc)[1];
    expect([t.rowCount, t.colCount]).toEqual([28, 10]);
    expect(at(t, 0, 0)).toMatchObject({
      text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      rowSpan: 3,
      colSpan: 3,
    });
    expect(cell(t, '申请人情况')).toMatchObject({ row: 0, col: 3, rowSpan: 1, colSpan: 7 });
    expect(cell(t, '自然人')).toMatchObject({ row: 1, col: 3, rowSpan: 2, colSpan: 1 });
    expect(cell(t, '法人或其他组织')).toMatchObject({ row: 1, col: 4, rowSpan: 1, colSpan: 5 });
    expect(at(t, 1, 9)).toMatchObject({ text: '总计', rowSpan: 2 });
    expect(cell(t, '商业\n企业')).toMatchObject({ row: 2, col: 4 });
    expect(cell(t, '其他')).toMatchObject({ row: 2, col: 8 });
    expect(cell(t, '一、本年新收政府信息公开申请数量')).toMatchObject({ row: 3, col: 0, colSpan: 3 });
    expect(cell(t, '三、本年度办理结果')).toMatchObject({ row: 5, col: 0, rowSpan: 22, colSpan: 1 });
    expect(cell(t, '（一）予以公开')).toMatchObject({ row: 5, col: 1, colSpan: 2 });
    expect(cell(t, '（三）不予公开')).toMatchObject({ row: 7, col: 1, rowSpan: 8 });
    expect(cell(t, '1.属于国家秘密')).toMatchObject({ row: 7, col: 2 });
    expect(cell(t, '3.危及“三安全一稳定”')).toMatchObject({ row: 9, col: 2 });
    expect(cell(t, '（四）无法提供')).toMatchObject({ row: 15, col: 1, rowSpan: 3 });
    expect(cell(t, '（五）不予处理')).toMatchObject({ row: 18, col: 1, rowSpan: 5 });
    expect(cell(t, '（六）其他处理')).toMatchObject({ row: 23, col: 1, rowSpan: 3 });
    expect(cell(t, '（七）总计')).toMatchObject({ row: 26, col: 1, colSpan: 2 });
    expect(cell(t, '四、结转下年度继续办理')).toMatchObject({ row: 27, col: 0, colSpan: 3 });
    // the numbers land in the right columns: 总计 column of "（七）总计" and of "4.保护第三方合法权益"
    expect(at(t, 26, 9)?.text).toBe('121');
    expect(at(t, 10, 3)?.text).toBe('2');
    expectConsistentGrid(t, true);
  });

  it('builds table 四 (th cells) with two header levels', () => {
    const t = tables(doc)[2];
    expect([t.rowCount, t.colCount]).toEqual([4, 15]);
    expect(cell(t, '行政诉讼')).toMatchObject({ row: 0, col: 5, colSpan: 10 });
    expect(cell(t, '复议后起诉')).toMatchObject({ row: 1, col: 10, colSpan: 5 });
    expect(at(t, 1, 4)).toMatchObject({ text: '总计', rowSpan: 2 });
    expect(at(t, 2, 14)?.text).toBe('总计');
    expect(at(t, 3, 0)?.text).toBe('3');
    expectConsistentGrid(t, true);
  });

  it('reports no notes for a clean page', () => {
    expect(doc.notes).toEqual([]);
  });
});

describe('readHtml: the same page saved in GBK', () => {
  const gbk = fixture('portal-report.gbk.html');

  it('is really GBK on disk and declares gb2312', () => {
    expect(isValidUtf8(gbk)).toBe(false);
    expect(sniffHtmlCharset(gbk)?.toLowerCase()).toBe('gb2312');
  });

  it('reads exactly like the UTF-8 copy', () => {
    const fromGbk = readHtml(gbk);
    expect(fromGbk).toEqual(readHtml(fixture('portal-report.utf8.html')));
    expect(tables(fromGbk)[1].cells.find((c) => c.col === 3 && c.row === 0)?.text).toBe('申请人情况');
  });

  it('decodes GBK without any meta charset (fallback) and with <meta charset=GBK>', () => {
    const body = '<html><body><div id="zoom"><p>一、总体情况</p><p>“三安全一稳定”（单位：万元）</p></div></body></html>';
    const noMeta = readHtml(encodeGb18030(body));
    expect(texts(noMeta)).toEqual(['一、总体情况', '“三安全一稳定”（单位：万元）']);
    const withMeta = encodeGb18030(`<meta charset="GBK">${body}`);
    expect(sniffHtmlCharset(withMeta)).toBe('GBK');
    expect(texts(readHtml(withMeta))).toEqual(['一、总体情况', '“三安全一稳定”（单位：万元）']);
  });
});

describe('readHtml: Hanweb page built from layout tables (td.bt_content)', () => {
  const doc = readHtml(fixture('hanweb-layout.html'));

  it('descends through layout tables instead of emitting them as data tables', () => {
    const all = allText(doc);
    for (const chrome of ['首页', '信息公开目录', '信息公开指南', '您现在的位置', '发布日期', '打印本页', '版权所有', 'ICP备']) {
      expect(all, chrome).not.toContain(chrome);
    }
    expect(tables(doc)).toHaveLength(2);
  });

  it('takes the title from td.bt_title, joining its <br> lines', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '白沙县2023年政府信息公开工作年度报告', centered: true });
  });

  it('emits headings, text and nested data tables in order with alignment and boldness', () => {
    const seq = doc.blocks.map((b) => (b.kind === 'table' ? `T${b.rowCount}x${b.colCount}` : b.text));
    expect(seq).toEqual([
      '白沙县2023年政府信息公开工作年度报告',
      '根据《中华人民共和国政府信息公开条例》规定，现公布白沙县2023年政府信息公开工作情况。',
      '一、总体情况',
      '2023年，白沙县认真做好政府信息公开工作。',
      '全年主动公开信息 1208 条。',
      '二、主动公开政府信息情况',
      'T4x4',
      '三、收到和处理政府信息公开申请情况',
      '本年度共收到申请 15 件（详见下表）。',
      'T4x10',
      '白沙县人民政府办公室',
      '2024年1月15日',
    ]);
    const ps = paragraphs(doc);
    const h1 = ps.find((p) => p.text === '一、总体情况');
    expect(h1).toMatchObject({ bold: true, centered: true });
    expect(ps.find((p) => p.text === '二、主动公开政府信息情况')).toMatchObject({ bold: true, centered: true }); // <center>
    // <table align=center> centres the table, not its text
    expect(ps.find((p) => p.text.startsWith('2023年，白沙县'))?.centered).toBeUndefined();
    const t = tables(doc)[1];
    expect(cell(t, '申请人情况')).toMatchObject({ row: 0, col: 3, colSpan: 7 });
    expect(cell(t, '法人或其他组织')).toMatchObject({ row: 1, col: 4, colSpan: 5 });
    expectConsistentGrid(t, true);
  });
});

describe('readHtmlString: choosing the content container', () => {
  const chrome = `
    <div class="header"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">互动交流</a></div>
    <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/x">年报</a></div>`;
  const report = `
    <p>一、总体情况</p><p>本年度，本机关认真贯彻落实《条例》，全面推进政务公开，主动公开信息一千余条。</p>
    <p>二、主动公开政府信息情况</p>
    <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
    <p>三、收到和处理政府信息公开申请情况</p><p>全年共收到申请十二件，均已按期答复。</p>`;

  it('finds the article by text and link density when no known class is present', () => {
    const html = `<html><body>${chrome}
      <div class="wrap">
        <div class="l-col"><ul><li><a href="/1">政策文件</a></li><li><a href="/2">规划计划</a></li><li><a href="/3">人事信息</a></li><li><a href="/4">财政资金</a></li></ul></div>
        <div class="r-col"><div class="detail">${report}</div></div>
      </div>
      <div class="ft">地址：某市某路1号</div></body></html>`;
    const doc = readHtmlString(html);
    expect(texts(doc)[0]).toBe('一、总体情况');
    expect(allText(doc)).not.toMatch(/首页|政策文件|当前位置|地址/);
    expect(tables(doc)).toHaveLength(1);
    expect(doc.notes).toEqual([]);
  });

  it('prefers a known container (#zoom) over a big unnamed block of site text', () => {
    const legal = '<p>本网站所载内容之版权归本站所有，未经书面许可不得转载、摘编或以其他方式使用上述内容，违者将依法追究其法律责任。本网站对所提供信息的准确性不作任何保证。</p>'.repeat(4);
    const html = `<html><body>${chrome}<div id="zoom">${report}</div><div class="gy">${legal}</div></body></html>`;
    const doc = readHtmlString(html);
    expect(texts(doc)[0]).toBe('一、总体情况');
    expect(allText(doc)).not.toContain('版权归本站所有');
  });

  it('does not descend past the report headings into one sub-block', () => {
    const big = '这是一段很长的说明文字。'.repeat(60);
    const html = `<html><body><div class="main"><p>一、总体情况</p><div class="inner"><p>${big}</p></div><p>二、其他需要报告的事项</p></div></body></html>`;
    const doc = readHtmlString(html);
    expect(texts(doc)).toEqual(['一、总体情况', big, '二、其他需要报告的事项']);
  });

  it('takes the title from <title> when no title element precedes the container', () => {
    const html = `<html><head><title>某某市交通运输局2023年政府信息公开工作年度报告 - 某某市人民政府</title></head>
      <body>${chrome}<div class="TRS_Editor">${report}</div></body></html>`;
    const doc = readHtmlString(html);
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '某某市交通运输局2023年政府信息公开工作年度报告', centered: true });
  });

  it('does not duplicate a title that the container already starts with (split by <br> into two lines)', () => {
    const html = `<html><head><title>某局2023年政府信息公开工作年度报告_某市</title></head><body>
      <h1>某局2023年政府信息公开工作年度报告</h1>
      <div class="TRS_Editor"><p align="center">某局2023年政府信息公开<br>工作年度报告</p>${report}</div></body></html>`;
    const doc = readHtmlString(html);
    expect(paragraphs(doc).slice(0, 3)).toEqual([
      { kind: 'paragraph', text: '某局2023年政府信息公开', centered: true },
      { kind: 'paragraph', text: '工作年度报告', centered: true },
      { kind: 'paragraph', text: '一、总体情况' },
    ]);
  });

  it('adds a note when it has to fall back to the whole page', () => {
    const html = `<html><body><div class="nav"><a href="/">首页</a></div><p>一、总体情况</p><p>正文一</p><div>正文二</div><p>二、其他</p></body></html>`;
    const doc = readHtmlString(html);
    expect(texts(doc)).toEqual(['一、总体情况', '正文一', '正文二', '二、其他']);
    expect(doc.notes.some((n) => n.includes('没有找到明确的正文区域'))).toBe(true);
  });
});

describe('readHtmlString: paragraphs', () => {
  const read = (body: string): DocParagraph[] => paragraphs(readHtmlString(`<html><body>${body}</body></html>`));

  it('sets headingLevel from h1–h6', () => {
    const ps = read('<h2>一、总体情况</h2><h4>（一）主动公开</h4><p>正文</p>');
    expect(ps.map((p) => [p.text, p.headingLevel])).toEqual([
      ['一、总体情况', 2],
      ['（一）主动公开', 4],
      ['正文', undefined],
    ]);
  });

  it('detects bold from <b>/<strong> and font-weight, only for whole paragraphs', () => {
    const ps = read(
      '<p><b>一、</b><strong>总体情况</strong></p>' +
        '<p><span style="font-weight: bold">二、加粗</span></p>' +
        '<p style="font-weight:700">三、加粗</p>' +
        '<p><b>四、</b>部分加粗</p>' +
        '<p style="font-weight:bold"><span style="font-weight:normal">五、取消加粗</span></p>',
    );
    expect(ps.map((p) => p.bold ?? false)).toEqual([true, true, true, false, false]);
  });

  it('detects centring from align, text-align and <center>, with inheritance and override', () => {
    const ps = read(
      '<p align="center">甲</p><p style="text-align: center;">乙</p><center>丙</center>' +
        '<div align="center"><p>丁</p><p align="left">戊</p></div><p>己</p>',
    );
    expect(ps.map((p) => [p.text, p.centered ?? false])).toEqual([
      ['甲', true],
      ['乙', true],
      ['丙', true],
      ['丁', true],
      ['戊', false],
      ['己', false],
    ]);
  });

  it('emits li, blockquote and bare div text runs as paragraphs; drops empty ones', () => {
    const ps = read('<div>开头文字<p>段落</p>中间文字<ul><li>条目一</li><li>条目二</li></ul><blockquote>引文</blockquote><p>&nbsp;</p><p>　　</p></div>');
    expect(ps.map((p) => p.text)).toEqual(['开头文字', '段落', '中间文字', '条目一', '条目二', '引文']);
  });

  it('splits on <br> only between lines of text (leading/trailing/double <br> make no empty paragraphs)', () => {
    const ps = read('<p><br>第一行<br><br>第二行<br/></p>');
    expect(ps.map((p) => p.text)).toEqual(['第一行', '第二行']);
  });

  it('decodes entities and ignores script/style/noscript/template/iframe/svg/comments', () => {
    const ps = read(
      '<p>A&amp;B &lt;C&gt; &#x4E2D;&#25991; &ldquo;引号&rdquo;</p>' +
        '<script>document.write("<p>脚本</p>")</script><style>p{}</style><noscript><p>无脚本</p></noscript>' +
        '<template><p>模板</p></template><iframe src="x"><p>框架</p></iframe><!-- <p>注释</p> -->' +
        '<svg><title>图标</title><text>矢量</text></svg><p>结束</p>',
    );
    expect(ps.map((p) => p.text)).toEqual(['A&B <C> 中文 “引号”', '结束']);
  });

  it('keeps interior spacing but collapses runs, and joins CJK across source line breaks', () => {
    const ps = read('<p>  2023年，\n   我区  共计\t3 件 ,\n done  </p>');
    expect(ps[0].text).toBe('2023年，我区 共计 3 件 , done');
  });

  it('drops print/close buttons and site boilerplate inside the container', () => {
    const ps = read('<div id="zoom"><p>一、总体情况</p><p>正文内容。</p><p>【打印本页】【关闭窗口】</p><p>分享到：</p></div>');
    expect(ps.map((p) => p.text)).toEqual(['一、总体情况', '正文内容。']);
  });
});

describe('readHtmlString: tables', () => {
  const read = (body: string): DocContent => readHtmlString(`<html><body>${body}</body></html>`);

  it('handles implied end tags (no </td>, </tr>) like a browser', () => {
    const t = tables(read('<table><tr><td>甲<td>乙<tr><td colspan=2>丙</table>'))[0];
    expect([t.rowCount, t.colCount]).toEqual([2, 2]);
    expect(t.cells.map((c) => [c.text, c.row, c.col, c.colSpan])).toEqual([
      ['甲', 0, 0, 1],
      ['乙', 0, 1, 1],
      ['丙', 1, 0, 2],
    ]);
  });

  it('puts thead rows first and tfoot rows last', () => {
    const t = tables(read('<table><tfoot><tr><td>脚</td><td>9</td></tr></tfoot><tbody><tr><td>体</td><td>1</td></tr></tbody><thead><tr><th>头</th><th>数</th></tr></thead></table>'))[0];
    expect(t.cells.map((c) => `${c.row}:${c.text}`)).toEqual(['0:头', '0:数', '1:体', '1:1', '2:脚', '2:9']);
  });

  it('joins inner paragraphs and <br> of a cell with "\\n"', () => {
    const t = tables(read('<table><tr><td><p>本年收费金额</p><p>（单位：万元）</p></td><td>甲<br>乙<br></td></tr></table>'))[0];
    expect(t.cells.map((c) => c.text)).toEqual(['本年收费金额\n（单位：万元）', '甲\n乙']);
  });

  it('clamps absurd spans and clips rowspans at the end of the table', () => {
    const t = tables(read('<table><tr><td rowspan="99999" colspan="5000">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>'))[0];
    expect(at(t, 0, 0)).toMatchObject({ text: '甲', rowSpan: 2, colSpan: 100 });
    expect(at(t, 0, 100)?.text).toBe('乙');
    expect(at(t, 1, 100)?.text).toBe('丙');
    expect(t.rowCount).toBe(2);
    expectConsistentGrid(t, false);
  });

  it('treats rowspan="0" as "to the end of the row group" and junk spans as 1', () => {
    const t = tables(read('<table><tbody><tr><td rowspan="0">甲</td><td colspan="x">乙</td></tr><tr><td>丙</td></tr></tbody><tfoot><tr><td>丁</td><td>戊</td></tr></tfoot></table>'))[0];
    expect(at(t, 0, 0)).toMatchObject({ text: '甲', rowSpan: 2 });
    expect(at(t, 1, 1)?.text).toBe('丙');
    expect(at(t, 2, 0)?.text).toBe('丁');
    expectConsistentGrid(t, true);
  });

  it('treats a table whose cells hold many paragraphs as layout', () => {
    const doc = read(
      '<table><tr>' +
        '<td><p>一、总体情况</p><p>第一段。</p><p>第二段。</p><p>第三段。</p></td>' +
        '<td><p>二、主动公开政府信息情况</p><p>第四段。</p><p>第五段。</p><p>第六段。</p></td>' +
        '</tr></table>',
    );
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc)).toEqual(['一、总体情况', '第一段。', '第二段。', '第三段。', '二、主动公开政府信息情况', '第四段。', '第五段。', '第六段。']);
  });

  it('descends into the article cell of a layout table and drops the link-only cell', () => {
    const doc = read('<table><tr><td><p>一、总体情况</p><p>第一段。</p><p>第二段。</p><p>二、主动公开政府信息情况</p></td><td><a href="/">链接</a></td></tr></table>');
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc)).toEqual(['一、总体情况', '第一段。', '第二段。', '二、主动公开政府信息情况']);
  });

  it('never picks a single data-table cell as the container', () => {
    const doc = read('<table><tr><td><p>本年收费金额</p><p>（单位：万元）</p></td><td>0</td></tr></table>');
    expect(tables(doc)).toHaveLength(1);
  });

  it('treats a one-cell box as layout and emits nested data tables in order', () => {
    const doc = read(
      '<table><tr><td><p>前言</p>' +
        '<table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>' +
        '<p>中间</p>' +
        '<table><tr><td>丙</td><td>3</td></tr></table>' +
        '<p>结尾</p></td></tr></table>',
    );
    const seq = doc.blocks.map((b) => (b.kind === 'table' ? `T:${b.cells[0].text}` : b.text));
    expect(seq).toEqual(['前言', 'T:甲', '中间', 'T:丙', '结尾']);
  });

  it('moves stray text inside a table (foster parenting) before the table', () => {
    const doc = read('<table>表前文字<tr><td>甲</td><td>乙</td></tr></table>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    expect((doc.blocks[0] as DocParagraph).text).toBe('表前文字');
  });

  it('drops tables without any text', () => {
    // the report's tables pasted as pictures: the only text is the paragraph, the note tells the user
    const doc = read(
      '<div class="nav"><a href="/">首页</a></div><div id="zoom"><p>本机关2023年政府信息公开工作情况详见下表（表格为图片）。</p>' +
        '<table><tr><td>&nbsp;</td><td><img src="x.png"></td></tr></table><p><img src="y.png"></p></div>',
    );
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc)).toEqual(['本机关2023年政府信息公开工作情况详见下表（表格为图片）。']);
    expect(doc.notes).toContain('正文中有 2 张图片，图片里的内容无法导入。');
  });
});

describe('readHtml: bad input', () => {
  it('rejects an empty file', () => {
    expect(catchImportError(() => readHtml(new Uint8Array(0))).code).toBe('empty');
    expect(catchImportError(() => readHtmlString('  \n ')).code).toBe('empty');
  });

  it('rejects a page without text', () => {
    const e = catchImportError(() =>
      readHtml(utf8('<html><head><title>空</title><script>var a=1;</script></head><body><div><img src="a.png"></div></body></html>')),
    );
    expect(e.code).toBe('not-a-report');
    expect(e.message).toBe('网页中没有找到正文内容。');
  });

  it('rejects binary files', () => {
    const bin = new Uint8Array(2048);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 31) & 0xff;
    expect(catchImportError(() => readHtml(bin)).code).toBe('bad-encoding');
  });
});

describe('readHtml: pathological input finishes quickly', () => {
  // CPU time of this process (not wall time): the test box is shared with other jobs, and a
  // quadratic blow-up shows in CPU time just as well. Wall time only guards against hangs.
  const timed = <T>(fn: () => T): { value: T; ms: number } => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const value = fn();
    const used = process.cpuUsage(cpu);
    expect(performance.now() - wall).toBeLessThan(20_000);
    return { value, ms: (used.user + used.system) / 1000 };
  };

  it('10 MB of nested <div>', () => {
    const html = '<div>'.repeat(2_000_000) + '一、总体情况';
    const { value, ms } = timed(() => readHtmlString(html));
    expect(ms).toBeLessThan(2000);
    expect(texts(value)).toEqual(['一、总体情况']);
    expect(value.notes.some((n) => n.includes('嵌套过深'))).toBe(true);
  });

  it('deeply nested balanced tags followed by text', () => {
    const html = '<div><span>'.repeat(400_000) + '内容' + '</span></div>'.repeat(400_000) + '<p>之后</p>';
    const { value, ms } = timed(() => readHtmlString(html));
    expect(ms).toBeLessThan(2000);
    expect(allText(value)).toContain('内容');
    expect(allText(value)).toContain('之后');
  });

  it('megabytes of unclosed inline tags and stray end tags', () => {
    const html = '<p><span><b><font><i>文字'.repeat(100_000) + '</span></em></b>'.repeat(300_000);
    const { ms } = timed(() => readHtmlString(html));
    expect(ms).toBeLessThan(2000);
  });

  it('a 100k-row table', () => {
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) rows.push(`<tr><td>项目${i}</td><td>${i}</td><td>${i * 2}</td></tr>`);
    const html = `<html><body><table>${rows.join('')}</table></body></html>`;
    const { value, ms } = timed(() => readHtml(utf8(html)));
    expect(ms).toBeLessThan(2000);
    const t = tables(value)[0];
    expect([t.rowCount, t.colCount, t.cells.length]).toEqual([100_000, 3, 300_000]);
    expect(at(t, 99_999, 2)?.text).toBe(String(99_999 * 2));
  });

  it('span bombs and tens of thousands of nested tables', () => {
    const bomb = '<table>' + '<tr><td rowspan=100000 colspan=100000>x</td><td>y</td>'.repeat(20_000) + '</table>';
    const r1 = timed(() => readHtmlString(bomb));
    expect(r1.ms).toBeLessThan(2000);
    for (const t of tables(r1.value)) expectConsistentGrid(t, false);
    const nested = '<table><tr><td>'.repeat(50_000) + '文字';
    const r2 = timed(() => readHtmlString(nested));
    expect(r2.ms).toBeLessThan(2000);
    expect(allText(r2.value)).toContain('文字');
  });

  it('unterminated comment, attribute and script', () => {
    for (const html of ['<p>正文</p><!--' + 'x'.repeat(3_000_000), '<p>正文</p><a href="' + 'x'.repeat(3_000_000), '<p>正文</p><script>' + '<'.repeat(3_000_000)]) {
      const { value, ms } = timed(() => readHtmlString(html));
      expect(ms).toBeLessThan(2000);
      expect(texts(value)).toEqual(['正文']);
    }
  });

  it('random tag soup never crashes and always yields consistent grids', () => {
    const token = fc.constantFrom(
      '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th rowspan=2>', '<td colspan=3>', '<td rowspan=0>',
      '<tbody>', '<thead>', '</tbody>', '<p>', '</p>', '<div>', '</div>', '<br>', '<b>', '</b>', '<li>', '<ul>', '</ul>',
      '<h2>', '</h2>', '<script>', '</script>', '<!--', '-->', '<a href="/">', '</a>', '<div id="zoom">', '<div class="nav">',
      '一、总体情况', '文字', '123', '&nbsp;', '&amp;', ' ', '\n', '<svg>', '</svg>', '<center>', '<font>', '</font>',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 120 }), (parts) => {
        let doc: DocContent;
        try {
          doc = readHtmlString(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
          return;
        }
        expect(doc.blocks.length).toBeGreaterThan(0);
        for (const b of doc.blocks) {
          if (b.kind === 'table') expectConsistentGrid(b, false);
          else expect(b.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readHtml: speed on a realistic ~200 KB page', () => {
  it('reads it in well under 100 ms', () => {
    const src = new TextDecoder().decode(fixture('portal-report.utf8.html'));
    const a = src.indexOf('<div class="Custom_UnionStyle">') + '<div class="Custom_UnionStyle">'.length;
    const b = src.indexOf('</div></div>', a);
    const inner = src.slice(a, b);
    let body = inner;
    while (body.length < 140_000) body += inner;
    const bytes = utf8(src.slice(0, a) + body + src.slice(b));
    expect(bytes.length).toBeGreaterThan(180_000);
    let best = Infinity;
    let doc: DocContent | undefined;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      doc = readHtml(bytes);
      best = Math.min(best, performance.now() - t);
    }
    expect(best).toBeLessThan(100);
    expect(tables(doc!).length).toBeGreaterThan(3 * 10);
  });
});

describe('readHtml: legacy markup and encodings', () => {
  it('reads upper-case tags and attributes from old CMS templates', () => {
    const doc = readHtmlString(
      '<HTML><BODY><DIV ID="ZOOM"><P ALIGN=CENTER><B>一、总体情况</B></P><P>本年度共主动公开信息四百余条，依申请公开十二件。</P>' +
        '<TABLE BORDER=1><TR><TD ROWSPAN=2>甲</TD><TD>乙</TD></TR><TR><TD COLSPAN="1">丙</TD></TR></TABLE></DIV></BODY></HTML>',
    );
    expect(paragraphs(doc)[0]).toEqual({ kind: 'paragraph', text: '一、总体情况', bold: true, centered: true });
    const t = tables(doc)[0];
    expect(at(t, 0, 0)).toMatchObject({ text: '甲', rowSpan: 2 });
    expect(at(t, 1, 1)?.text).toBe('丙');
  });

  it('reads a UTF-16 LE page with BOM', () => {
    const html = '<html><body><div id="zoom"><p>一、总体情况</p><p>本年度政务公开工作有序推进。</p></div></body></html>';
    const bytes = new Uint8Array(2 + html.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < html.length; i++) {
      bytes[2 + 2 * i] = html.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = html.charCodeAt(i) >> 8;
    }
    expect(texts(readHtml(bytes))).toEqual(['一、总体情况', '本年度政务公开工作有序推进。']);
  });

  it('treats a meta charset of utf-16 on an 8-bit page as UTF-8, like browsers do', () => {
    const doc = readHtml(utf8('<meta charset="utf-16"><div id="zoom"><p>一、总体情况</p><p>本年度政务公开工作有序推进。</p></div>'));
    expect(texts(doc)).toEqual(['一、总体情况', '本年度政务公开工作有序推进。']);
  });

  it('closes an unclosed <head> at the first body element', () => {
    const doc = readHtmlString('<html><head><title>某县2023年政府信息公开工作年度报告</title><div id="zoom"><p>一、总体情况</p><p>全年主动公开信息一千二百条。</p></div>');
    expect(texts(doc)).toEqual(['某县2023年政府信息公开工作年度报告', '一、总体情况', '全年主动公开信息一千二百条。']);
  });

  it('keeps content placed inside an unclosed <button> or after </body>', () => {
    const doc = readHtmlString('<body><button>搜索</button><p>一、总体情况</p></body><p>二、主动公开政府信息情况</p>');
    expect(texts(doc)).toEqual(['一、总体情况', '二、主动公开政府信息情况']);
  });
});
