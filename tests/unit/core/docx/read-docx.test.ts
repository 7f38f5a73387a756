import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatListNumber, readDocx } from '../../../../electron/core/docx/read-docx';
import { ImportError, type DocContent, type DocParagraph, type DocTable } from '../../../../electron/core/import/doc-content';
import { DOC_NS, documentXml, esc, lvl, makeDocx, makeReportDocx, numDef, p, r, tbl, tc, tr, type MakeDocxOptions } from './make-docx';

// ───────── helpers ─────────

async function read(opts: MakeDocxOptions): Promise<DocContent> {
  return readDocx(await makeDocx(opts));
}

function paras(c: DocContent): DocParagraph[] {
  return c.blocks.filter((b): b is DocParagraph => b.kind === 'paragraph');
}

function texts(c: DocContent): string[] {
  return paras(c).map((b) => b.text);
}

function tables(c: DocContent): DocTable[] {
  return c.blocks.filter((b): b is DocTable => b.kind === 'table');
}

function onlyTable(c: DocContent): DocTable {
  const t = tables(c);
  expect(t).toHaveLength(1);
  return t[0];
}

/** Rejects with an ImportError of the given code; returns it for message checks. */
async function expectImportError(promise: Promise<unknown>, code: ImportError['code']): Promise<ImportError> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ImportError ${code}`).toBeInstanceOf(ImportError);
  const err = caught as ImportError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(/[\u4e00-\u9fff]/); // Chinese message for the user
  return err;
}

function para(inner: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
}

/** Patches the declared uncompressed size of `name` in both the local header and the central directory. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const matchAt = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && dv.getUint16(i + 26, true) === nameBytes.length && matchAt(i + 30)) {
      dv.setUint32(i + 22, size, true);
      patched++;
    } else if (sig === 0x02014b50 && dv.getUint16(i + 28, true) === nameBytes.length && matchAt(i + 46)) {
      dv.setUint32(i + 24, size, true);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}

function oleFile(withEncryptedPackage: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const names = withEncryptedPackage ? ['EncryptionInfo', 'EncryptedPackage'] : ['WordDocument', '1Table'];
  let at = 1024;
  for (const n of names) {
    for (let i = 0; i < n.length; i++) {
      b[at + 2 * i] = n.charCodeAt(i);
      b[at + 2 * i + 1] = 0;
    }
    at += 128;
  }
  return b;
}

const NUMBERING_CN = numDef(1, 0, [
  lvl(0, 'chineseCounting', '%1、'),
  lvl(1, 'chineseCounting', '（%2）'),
  lvl(2, 'decimal', '%3.'),
]);

// ───────── body text ─────────

describe('readDocx: paragraphs and runs', () => {
  it('keeps paragraphs and tables in document order and drops empty paragraphs', async () => {
    const c = await read({
      body: p('第一段') + p('') + p('   ') + tbl([tr([tc('甲'), tc('乙')])], 2) + p('第二段'),
    });
    expect(c.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(texts(c)).toEqual(['第一段', '第二段']);
    expect(c.notes).toEqual([]);
  });

  it('concatenates runs and trims the paragraph (including ideographic spaces)', async () => {
    const c = await read({ body: para(r('　　本机关') + r('认真') + r('落实。  ')) });
    expect(texts(c)).toEqual(['本机关认真落实。']);
  });

  it('maps tab, br, cr, noBreakHyphen; ignores sym and tab stops in pPr', async () => {
    const c = await read({
      body: para(
        '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:softHyphen/></w:r>',
        '<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>',
      ),
    });
    expect(texts(c)).toEqual(['a\tb\nc\nd-e']);
  });

  it('decodes the five XML entities and numeric references, and never expands anything else', async () => {
    const c = await read({
      body: para('<w:r><w:t>A&amp;B &lt;x&gt; &quot;q&quot; &apos;s&apos; &#20013;&#x6587; &amp;lt; &foo;</w:t></w:r>'),
    });
    expect(texts(c)).toEqual([`A&B <x> "q" 's' 中文 &lt; &foo;`]);
  });

  it('keeps w:ins and w:moveTo, drops w:del/w:delText and w:moveFrom', async () => {
    const c = await read({
      body: para(
        r('保留') +
          '<w:ins w:id="1" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>' +
          '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>' +
          '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移出</w:t></w:r></w:moveFrom>' +
          '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移入</w:t></w:r></w:moveTo>' +
          '<w:r><w:delText>也删除</w:delText></w:r>',
      ),
    });
    expect(texts(c)).toEqual(['保留插入移入']);
  });

  it('keeps text of smartTag, hyperlink and fldSimple; drops field codes but keeps field results', async () => {
    const c = await read({
      body: para(
        '<w:smartTag w:uri="u" w:element="place"><w:r><w:t>北京</w:t></w:r></w:smartTag>' +
          '<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>' +
          '<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年</w:t></w:r></w:fldSimple>' +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ),
    });
    expect(texts(c)).toEqual(['北京链接2024年第3页']);
  });

  it('reads content controls (w:sdt) at block, inline, row and cell level', async () => {
    const sdt = (inner: string) => `<w:sdt><w:sdtPr><w:alias w:val="控件"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const c = await read({
      body:
        sdt(p('块级控件')) +
        para(r('行内') + sdt(r('控件'))) +
        tbl([sdt(tr([tc('行控件')])), tr([sdt(tc('单元格控件'))])], 1),
    });
    expect(texts(c)).toEqual(['块级控件', '行内控件']);
    const t = onlyTable(c);
    expect(t.rowCount).toBe(2);
    expect(t.cells.map((x) => x.text)).toEqual(['行控件', '单元格控件']);
  });

  it('ignores tracked paragraph-property changes (w:pPrChange) and the paragraph mark run properties', async () => {
    const c = await read({
      numbering: NUMBERING_CN,
      body: para(
        r('正文'),
        '<w:rPr><w:b/></w:rPr><w:pPrChange w:id="1" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="center"/></w:pPr></w:pPrChange>',
      ),
    });
    expect(paras(c)).toEqual([{ kind: 'paragraph', text: '正文' }]);
  });

  it('ignores headers, footers, footnotes and comments', async () => {
    const part = (root: string, text: string) =>
      `<w:${root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:${root}>`;
    const c = await read({
      body: para(r('正文') + '<w:r><w:footnoteReference w:id="1"/></w:r>'),
      files: {
        'word/header1.xml': part('hdr', '页眉文字'),
        'word/footer1.xml': part('ftr', '页脚文字'),
        'word/footnotes.xml': part('footnotes', '脚注文字'),
        'word/comments.xml': part('comments', '批注文字'),
      },
    });
    expect(texts(c)).toEqual(['正文']);
  });

  it('accepts documents without namespace prefixes (default namespace) and a UTF-8 BOM', async () => {
    const xml =
      '\ufeff<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><pPr><jc val="center"/></pPr><r><t>无前缀</t></r></p></body></document>';
    const c = await read({ documentXml: xml });
    expect(paras(c)).toEqual([{ kind: 'paragraph', text: '无前缀', centered: true }]);
  });

  it('finds the main part through _rels/.rels when it is not word/document.xml', async () => {
    const zip = new JSZip();
    zip.file(
      '_rels/.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>',
    );
    zip.file('word/main.xml', documentXml(p('另一个主文件')));
    const c = await readDocx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(texts(c)).toEqual(['另一个主文件']);
  });

  it('survives an element inside w:t (malformed) without printing objects', async () => {
    const c = await read({ body: para('<w:r><w:t>前<w:b/>后</w:t></w:r>') });
    expect(texts(c)).toEqual(['前后']);
  });

  it('reads a Uint8Array view that does not start at offset 0 (pooled Node Buffer)', async () => {
    const bytes = await makeDocx({ body: p('视图') });
    const big = new Uint8Array(bytes.length + 100);
    big.fill(0x50);
    big.set(bytes, 37);
    expect(texts(await readDocx(big.subarray(37, 37 + bytes.length)))).toEqual(['视图']);
  });

  it('notes skipped altChunk parts', async () => {
    const c = await read({ body: p('前') + '<w:altChunk r:id="rId9"/>' });
    expect(texts(c)).toEqual(['前']);
    expect(c.notes.join('')).toContain('altChunk');
  });

  it('round-trips arbitrary text (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }).filter((s) => !s.includes('\r')), async (s) => {
        const c = await read({ body: p(s) });
        const expected = s.trim();
        expect(texts(c)).toEqual(expected ? [expected] : []);
      }),
      { numRuns: 60 },
    );
  });
});

// ───────── text boxes ─────────

const txbx = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
const drawingBox = (text: string) =>
  `<w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>${txbx(text)}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;
const vmlBox = (text: string) => `<w:pict><v:shape id="t1" type="#_x0000_t202"><v:textbox>${txbx(text)}</v:textbox></v:shape></w:pict>`;

describe('readDocx: text boxes', () => {
  it('emits text box paragraphs after the anchoring paragraph, taking mc:Choice and not mc:Fallback', async () => {
    const c = await read({
      body:
        para(r('锚点段落') + `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('新式文本框')}</mc:Choice><mc:Fallback>${vmlBox('旧式文本框')}</mc:Fallback></mc:AlternateContent></w:r>`) +
        p('后续段落'),
    });
    expect(texts(c)).toEqual(['锚点段落', '新式文本框', '后续段落']);
    expect(c.notes.join('')).toContain('文本框');
  });

  it('uses mc:Fallback when the Choice has no text box', async () => {
    const c = await read({
      body: para(
        r('锚点') +
          `<w:r><mc:AlternateContent><mc:Choice Requires="wpc"><w:drawing><wp:inline><a:graphic><a:graphicData uri="x"/></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback>${vmlBox('备用文本框')}</mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    });
    expect(texts(c)).toEqual(['锚点', '备用文本框']);
  });

  it('reads VML-only (w:pict) text boxes and text boxes whose anchor paragraph has no text', async () => {
    const c = await read({ body: para(`<w:r>${vmlBox('VML 文本框')}</w:r>`) + para(`<w:r>${drawingBox('独立文本框')}</w:r>`) });
    expect(texts(c)).toEqual(['VML 文本框', '独立文本框']);
  });

  it('puts text box text of a table cell into the cell text', async () => {
    const c = await read({ body: tbl([tr([tc(para(r('单元格') + `<w:r>${drawingBox('框内')}</w:r>`))])], 1) });
    expect(onlyTable(c).cells[0].text).toBe('单元格\n框内');
    expect(texts(c)).toEqual([]);
  });

  it('counts skipped pictures and embedded objects in the notes', async () => {
    const c = await read({
      body: para(
        r('图') +
          '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>' +
          '<w:r><w:object><v:shape id="o"/></w:object></w:r>',
      ),
    });
    expect(texts(c)).toEqual(['图']);
    expect(c.notes).toContain('跳过了 1 张图片或图形（只读取文字）。');
    expect(c.notes).toContain('跳过了 1 个嵌入对象。');
  });
});

// ───────── numbering ─────────

describe('readDocx: automatic numbering', () => {
  it('prefixes multi-level Chinese numbering and restarts deeper levels', async () => {
    const c = await read({
      numbering: NUMBERING_CN,
      body:
        p('总体情况', { numId: 1, ilvl: 0 }) +
        p('主动公开', { numId: 1, ilvl: 1 }) +
        p('依申请公开', { numId: 1, ilvl: 1 }) +
        p('细项', { numId: 1, ilvl: 2 }) +
        p('细项', { numId: 1, ilvl: 2 }) +
        p('不编号') +
        p('存在的问题', { numId: 1, ilvl: 0 }) +
        p('问题一', { numId: 1, ilvl: 1 }) +
        p('细项', { numId: 1, ilvl: 2 }),
    });
    expect(texts(c)).toEqual(['一、总体情况', '（一）主动公开', '（二）依申请公开', '1.细项', '2.细项', '不编号', '二、存在的问题', '（一）问题一', '1.细项']);
  });

  it('counts Chinese numbers past ten (十, 十一) and honours w:start', async () => {
    const c = await read({
      numbering: numDef(1, 0, [lvl(0, 'chineseCounting', '%1、', 9)]),
      body: p('甲', { numId: 1 }) + p('乙', { numId: 1 }) + p('丙', { numId: 1 }),
    });
    expect(texts(c)).toEqual(['九、甲', '十、乙', '十一、丙']);
  });

  it.each([
    ['decimal', '%1.', ['1.x', '2.x', '3.x']],
    ['decimalFullWidth', '%1．', ['１．x', '２．x', '３．x']],
    ['upperLetter', '%1.', ['A.x', 'B.x', 'C.x']],
    ['lowerLetter', '%1)', ['a)x', 'b)x', 'c)x']],
    ['upperRoman', '%1.', ['I.x', 'II.x', 'III.x']],
    ['ideographTraditional', '%1、', ['甲、x', '乙、x', '丙、x']],
    ['chineseCountingThousand', '第%1条', ['第一条x', '第二条x', '第三条x']],
    ['decimalEnclosedCircleChinese', '%1', ['①x', '②x', '③x']],
  ])('formats %s', async (fmt, text, expected) => {
    const c = await read({
      numbering: numDef(1, 0, [lvl(0, fmt, text)]),
      body: p('x', { numId: 1, ilvl: 0 }).repeat(3),
    });
    expect(texts(c)).toEqual(expected);
  });

  it('renders multi-level placeholders like %1.%2 and isLgl', async () => {
    const c = await read({
      numbering:
        numDef(1, 0, [lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%1.%2')]) +
        numDef(2, 1, [lvl(0, 'chineseCounting', '%1、'), lvl(1, 'decimal', '%1.%2', 1, '<w:isLgl/>')]),
      body: p('a', { numId: 1, ilvl: 0 }) + p('b', { numId: 1, ilvl: 1 }) + p('c', { numId: 1, ilvl: 1 }) + p('d', { numId: 2, ilvl: 0 }) + p('e', { numId: 2, ilvl: 1 }),
    });
    expect(texts(c)).toEqual(['一、a', '一.1b', '一.2c', '一、d', '1.1e']);
  });

  it('applies w:lvlOverride/w:startOverride (restart) and continues lists sharing an abstractNum', async () => {
    const lv = [lvl(0, 'chineseCounting', '%1、')];
    const c = await read({
      numbering:
        numDef(1, 0, lv) +
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      body: p('a', { numId: 1 }) + p('b', { numId: 1 }) + p('c', { numId: 2 }) + p('d', { numId: 3 }) + p('e', { numId: 3 }),
    });
    expect(texts(c)).toEqual(['一、a', '二、b', '三、c', '五、d', '六、e']);
  });

  it('honours a full w:lvl inside w:lvlOverride', async () => {
    const c = await read({
      numbering:
        numDef(1, 0, [lvl(0, 'decimal', '%1.')]) +
        `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${lvl(0, 'upperRoman', '%1)', 3)}</w:lvlOverride></w:num>`,
      body: p('a', { numId: 1 }) + p('b', { numId: 2 }) + p('c', { numId: 2 }),
    });
    expect(texts(c)).toEqual(['1.a', 'III)b', 'IV)c']);
  });

  it('takes numbering from the paragraph style chain (w:basedOn), with w:pStyle picking the level; numId 0 cancels', async () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="小标题"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering = numDef(1, 0, [lvl(0, 'chineseCounting', '%1、', 1, '<w:pStyle w:val="1"/>'), lvl(1, 'chineseCounting', '（%2）', 1, '<w:pStyle w:val="Sub"/>')]);
    const c = await read({
      styles,
      numbering,
      body: p('总体情况', { style: '1' }) + p('主动公开', { style: 'Sub' }) + p('继承', { style: 'MyHead' }) + p('取消编号', { style: '1', numId: 0 }) + p('正文'),
    });
    expect(texts(c)).toEqual(['一、总体情况', '（一）主动公开', '二、继承', '取消编号', '正文']);
    expect(paras(c).map((x) => x.headingLevel)).toEqual([1, undefined, 1, 1, undefined]);
  });

  it('uses the mc:Fallback numFmt of Word 2010 custom formats, the space suffix, and no prefix for bullets', async () => {
    const altFmt =
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/><w:suff w:val="space"/></w:lvl>';
    const c = await read({
      numbering:
        `<w:abstractNum w:abstractNumId="0">${altFmt}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        numDef(2, 1, [lvl(0, 'bullet', '\uf0b7')]),
      body: p('甲', { numId: 1 }) + p('要点', { numId: 2 }),
    });
    expect(texts(c)).toEqual(['01 甲', '要点']);
  });

  it('drops a numbered paragraph without text but still counts it', async () => {
    const c = await read({ numbering: NUMBERING_CN, body: p('甲', { numId: 1 }) + p('', { numId: 1 }) + p('丙', { numId: 1 }) });
    expect(texts(c)).toEqual(['一、甲', '三、丙']);
  });

  it('ignores numbering that points at missing definitions', async () => {
    const c = await read({ numbering: NUMBERING_CN, body: p('无定义', { numId: 42 }) + p('无文件') });
    expect(texts(c)).toEqual(['无定义', '无文件']);
    const c2 = await read({ body: p('没有 numbering.xml', { numId: 1 }) });
    expect(texts(c2)).toEqual(['没有 numbering.xml']);
  });

  it('numbers text in table cells in document order', async () => {
    const c = await read({
      numbering: NUMBERING_CN,
      body: p('前', { numId: 1 }) + tbl([tr([tc(p('格内', { numId: 1 }))])], 1) + p('后', { numId: 1 }),
    });
    expect(texts(c)).toEqual(['一、前', '三、后']);
    expect(onlyTable(c).cells[0].text).toBe('二、格内');
  });
});

describe('formatListNumber', () => {
  it('counts in Chinese like Word', () => {
    const cn = (n: number) => formatListNumber(n, 'chineseCounting');
    expect([1, 2, 9, 10, 11, 19, 20, 21, 35, 99].map(cn)).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '三十五', '九十九']);
    expect(formatListNumber(100, 'chineseCountingThousand')).toBe('一百');
    expect(formatListNumber(101, 'chineseCountingThousand')).toBe('一百零一');
    expect(formatListNumber(110, 'chineseCountingThousand')).toBe('一百一十');
    expect(formatListNumber(2024, 'chineseCountingThousand')).toBe('二千零二十四');
    expect(formatListNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
  });

  it('formats letters, roman numerals, full-width digits and enclosed numbers', () => {
    expect(formatListNumber(27, 'upperLetter')).toBe('AA');
    expect(formatListNumber(2, 'lowerLetter')).toBe('b');
    expect(formatListNumber(1994, 'upperRoman')).toBe('MCMXCIV');
    expect(formatListNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatListNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatListNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatListNumber(10, 'ideographTraditional')).toBe('癸');
    expect(formatListNumber(7, 'decimalZero')).toBe('07');
    expect(formatListNumber(5, 'somethingNew')).toBe('5');
  });
});

// ───────── headings, bold, centred ─────────

const HEADING_STYLES =
  '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 3"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Old4"><w:name w:val="heading 4,H4,标题4"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="MyH"><w:name w:val="自定义"/><w:basedOn w:val="1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="正文九级"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="循环一"/><w:basedOn w:val="Loop2"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="循环二"/><w:basedOn w:val="Loop1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="BoldPara"><w:name w:val="加粗段落"/><w:rPr><w:b/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="BoldChild"><w:name w:val="加粗子样式"/><w:basedOn w:val="BoldPara"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Centered"><w:name w:val="居中"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>' +
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>';

describe('readDocx: heading level, bold, centred', () => {
  it('derives headingLevel from style names, style ids, outline levels and the basedOn chain', async () => {
    const c = await read({
      styles: HEADING_STYLES,
      body:
        p('一级', { style: '1' }) +
        p('二级', { style: '2' }) +
        p('三级', { style: 'a3' }) +
        p('别名四级', { style: 'Old4' }) +
        p('报告标题', { style: 'Title' }) +
        p('自定义', { style: 'MyH' }) +
        p('九级是正文', { style: 'Body9' }) +
        p('直接大纲', { outline: 1 }) +
        p('直接正文', { style: '1', outline: 9 }) +
        p('未定义样式', { style: 'Heading4' }) +
        p('循环样式', { style: 'Loop1' }) +
        p('正文'),
    });
    expect(paras(c).map((x) => [x.text, x.headingLevel])).toEqual([
      ['一级', 1],
      ['二级', 2],
      ['三级', 3],
      ['别名四级', 4],
      ['报告标题', 0],
      ['自定义', 1],
      ['九级是正文', undefined],
      ['直接大纲', 2],
      ['直接正文', undefined],
      ['未定义样式', 4],
      ['循环样式', undefined],
      ['正文', undefined],
    ]);
  });

  it('is bold only when every non-space run is bold (direct, run style or paragraph style chain)', async () => {
    const notBold = '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不粗</w:t></w:r>';
    const c = await read({
      styles: HEADING_STYLES,
      body:
        p('直接加粗', { bold: true }) +
        para(r('加粗', true) + r('  ') + r('也加粗', true)) +
        para(r('部分', true) + r('不加粗')) +
        para(notBold) +
        para('<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>false</w:t></w:r>') +
        para('<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>字符样式</w:t></w:r>') +
        p('段落样式', { style: 'BoldPara' }) +
        p('继承段落样式', { style: 'BoldChild' }) +
        para(r('样式加粗') + notBold, '<w:pStyle w:val="BoldPara"/>') +
        p('标题样式', { style: '1' }) +
        p('普通'),
    });
    expect(paras(c).map((x) => [x.text, x.bold])).toEqual([
      ['直接加粗', true],
      ['加粗  也加粗', true],
      ['部分不加粗', undefined],
      ['不粗', undefined],
      ['false', undefined],
      ['字符样式', true],
      ['段落样式', true],
      ['继承段落样式', true],
      ['样式加粗不粗', undefined],
      ['标题样式', true],
      ['普通', undefined],
    ]);
  });

  it('honours bold in docDefaults', async () => {
    const c = await read({
      styles: '<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>',
      body: p('默认加粗'),
    });
    expect(paras(c)[0].bold).toBe(true);
  });

  it('is centred with w:jc center directly or via the style; a direct jc overrides the style', async () => {
    const c = await read({
      styles: HEADING_STYLES,
      body: p('直接居中', { jc: 'center' }) + p('样式居中', { style: 'Centered' }) + p('覆盖', { style: 'Centered', jc: 'left' }) + p('两端', { jc: 'both' }) + p('标题', { style: 'Title' }),
    });
    expect(paras(c).map((x) => x.centered)).toEqual([true, true, undefined, undefined, true]);
  });

  it('still reads the body when styles.xml is corrupt, with a note', async () => {
    const c = await readDocx(await makeDocx({ body: p('正文', { style: '1' }), files: { 'word/styles.xml': '<w:styles><w:style>' } }));
    expect(texts(c)).toEqual(['正文']);
    expect(c.notes.join('')).toContain('styles.xml');
  });
});

// ───────── tables ─────────

describe('readDocx: tables', () => {
  it('resolves gridSpan and vertical merges (restart, empty vMerge, val=continue)', async () => {
    const c = await read({
      body: tbl(
        [
          tr([tc('左', '<w:vMerge w:val="restart"/>'), tc('表头', '<w:gridSpan w:val="2"/>')]),
          tr([tc('', '<w:vMerge/>'), tc('甲'), tc('乙')]),
          tr([tc('', '<w:vMerge w:val="continue"/>'), tc('1'), tc('2')]),
          tr([tc('末'), tc('3'), tc('4')]),
        ],
        3,
      ),
    });
    const t = onlyTable(c);
    expect([t.rowCount, t.colCount]).toEqual([4, 3]);
    expect(t.cells).toEqual([
      { text: '左', row: 0, col: 0, rowSpan: 3, colSpan: 1 },
      { text: '表头', row: 0, col: 1, rowSpan: 1, colSpan: 2 },
      { text: '甲', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '乙', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '1', row: 2, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '2', row: 2, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '末', row: 3, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '3', row: 3, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '4', row: 3, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('merges a block that spans both rows and columns', async () => {
    const span = '<w:gridSpan w:val="2"/>';
    const t = onlyTable(
      await read({
        body: tbl(
          [tr([tc('块', span + '<w:vMerge w:val="restart"/>'), tc('右上')]), tr([tc('', span + '<w:vMerge/>'), tc('右下')])],
          3,
        ),
      }),
    );
    expect(t.cells).toEqual([
      { text: '块', row: 0, col: 0, rowSpan: 2, colSpan: 2 },
      { text: '右上', row: 0, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '右下', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('skips gridBefore/gridAfter columns', async () => {
    const t = onlyTable(
      await read({
        body: tbl(
          [tr([tc('a'), tc('b'), tc('c'), tc('d')]), tr([tc('x'), tc('y')], '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'), tr([tc('z')], '<w:gridAfter w:val="3"/>')],
          4,
        ),
      }),
    );
    expect(t.colCount).toBe(4);
    expect(t.cells.filter((x) => x.row > 0).map((x) => [x.text, x.row, x.col])).toEqual([
      ['x', 1, 1],
      ['y', 1, 2],
      ['z', 2, 0],
    ]);
  });

  it('treats old-style hMerge like gridSpan', async () => {
    const t = onlyTable(await read({ body: tbl([tr([tc('合并', '<w:hMerge w:val="restart"/>'), tc('', '<w:hMerge/>'), tc('单')])], 3) }));
    expect(t.cells).toEqual([
      { text: '合并', row: 0, col: 0, rowSpan: 1, colSpan: 2 },
      { text: '单', row: 0, col: 2, rowSpan: 1, colSpan: 1 },
    ]);
    expect(t.colCount).toBe(3);
  });

  it('joins cell paragraphs with newlines, trims, keeps empty rows and drops tracked-deleted rows', async () => {
    const t = onlyTable(
      await read({
        body: tbl(
          [
            tr([tc(p('  第一行 ') + p('') + p('第二行')), tc('b')]),
            tr([tc(''), tc('')]),
            tr([tc('已删除'), tc('行')], '<w:del w:id="9" w:author="a"/>'),
            tr([tc('c'), tc('d')]),
          ],
          2,
        ),
      }),
    );
    expect(t.rowCount).toBe(3);
    expect(t.cells.map((x) => [x.text, x.row])).toEqual([
      ['第一行\n第二行', 0],
      ['b', 0],
      ['', 1],
      ['', 1],
      ['c', 2],
      ['d', 2],
    ]);
  });

  it('flattens nested tables into the parent cell text (tab-separated) with a note', async () => {
    const inner = tbl([tr([tc('内1'), tc('内2')]), tr([tc('内3'), tc('内4')])], 2);
    const c = await read({ body: tbl([tr([tc(p('外层') + inner + p('')), tc('旁边')])], 2) });
    const t = onlyTable(c);
    expect(t.cells.map((x) => x.text)).toEqual(['外层\n内1\t内2\n内3\t内4', '旁边']);
    expect(c.notes.some((n) => n.includes('嵌套'))).toBe(true);
  });

  it('reads a realistic report table built by the docx library (rowSpan + columnSpan)', async () => {
    const c = await readDocx(await makeReportDocx());
    const t = onlyTable(c);
    expect([t.rowCount, t.colCount]).toEqual([28, 10]);
    expect(t.cells.slice(0, 5).map((x) => [x.text.slice(0, 5), x.row, x.col, x.rowSpan, x.colSpan])).toEqual([
      ['（本列数据', 0, 0, 3, 3],
      ['申请人情况', 0, 3, 1, 7],
      ['自然人', 1, 3, 2, 1],
      ['法人或其他', 1, 4, 1, 5],
      ['总计', 1, 9, 2, 1],
    ]);
    const headings = paras(c).filter((x) => x.headingLevel === 1).map((x) => x.text);
    expect(headings).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(paras(c)[0]).toMatchObject({ centered: true, bold: true });
  });
});

// ───────── bad input ─────────

describe('readDocx: bad input', () => {
  it('rejects an empty file', async () => {
    const e = await expectImportError(readDocx(new Uint8Array(0)), 'empty');
    expect(e.message).toBe('文件是空的。');
  });

  it('rejects files over maxBytes', async () => {
    const bytes = await makeDocx({ body: p('x') });
    await expectImportError(readDocx(bytes, { maxBytes: 100 }), 'too-large');
    await expect(readDocx(bytes, { maxBytes: bytes.length })).resolves.toBeTruthy();
  });

  it('recognises encrypted Office files and legacy .doc/.wps (OLE compound files)', async () => {
    const enc = await expectImportError(readDocx(oleFile(true)), 'encrypted');
    expect(enc.message).toBe('文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后另存为 .docx 再导入。');
    const legacy = await expectImportError(readDocx(oleFile(false)), 'legacy-binary');
    expect(legacy.message).toBe('这是旧版 Word（.doc）或 WPS（.wps）格式，请在 Word/WPS 中“另存为” .docx 后再导入。');
  });

  it('rejects non-zip files, naming RTF/PDF/HTML when recognisable', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const plain = await expectImportError(readDocx(enc('这是一个纯文本文件')), 'not-zip');
    expect(plain.message).toContain('.docx');
    expect((await expectImportError(readDocx(enc('{\\rtf1\\ansi hello}')), 'not-zip')).message).toContain('RTF');
    expect((await expectImportError(readDocx(enc('%PDF-1.7\n')), 'not-zip')).message).toContain('PDF');
    expect((await expectImportError(readDocx(enc('<html><body>x</body></html>')), 'not-zip')).message).toContain('HTML');
  });

  it('rejects zips without word/document.xml (xlsx, plain zip)', async () => {
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    xlsx.file('[Content_Types].xml', '<Types/>');
    const e = await expectImportError(readDocx(await xlsx.generateAsync({ type: 'uint8array' })), 'not-docx');
    expect(e.message).toContain('Excel');
    const plain = new JSZip();
    plain.file('readme.txt', 'hello');
    await expectImportError(readDocx(await plain.generateAsync({ type: 'uint8array' })), 'not-docx');
    await expectImportError(readDocx(await makeDocx({ omitDocument: true })), 'not-docx');
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    odt.file('content.xml', '<office:document-content/>');
    expect((await expectImportError(readDocx(await odt.generateAsync({ type: 'uint8array' })), 'not-docx')).message).toContain('.odt');
    const emptyZip = await new JSZip().generateAsync({ type: 'uint8array' });
    await expectImportError(readDocx(emptyZip), 'not-docx');
  });

  it('rejects a zip bomb (200 MB of zeros as document.xml) quickly', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(200 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    await expectImportError(readDocx(bytes), 'zip-bomb');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('caps actually inflated bytes when the zip lies about the uncompressed size', async () => {
    const zip = new JSZip();
    const xml = new TextEncoder().encode(documentXml(p('x') + ' '.repeat(3 * 1024 * 1024)));
    zip.file('word/document.xml', xml);
    const honest = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const lying = patchDeclaredSize(honest, 'word/document.xml', 2000);
    const t0 = performance.now();
    await expectImportError(readDocx(lying), 'zip-bomb');
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('rejects high-ratio entries and honours maxUnzippedBytes', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', new Uint8Array(20 * 1024 * 1024)); // 20 MB < 100 MB, but ratio ≈ 1000:1
    await expectImportError(readDocx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), 'zip-bomb');
    const normal = await makeDocx({ body: p('正常') });
    await expectImportError(readDocx(normal, { maxUnzippedBytes: 100 }), 'zip-bomb');
  });

  it('refuses DOCTYPE / ENTITY declarations without expanding them (billion laughs)', async () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      `<w:document ${DOC_NS}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`;
    const e = await expectImportError(read({ documentXml: lol }), 'unsafe-xml');
    expect(e.message).toContain('DOCTYPE');
    await expectImportError(read({ body: p('x'), styles: '<!ENTITY x "y">' }), 'unsafe-xml');
  });

  it('reports corrupt XML as unreadable', async () => {
    await expectImportError(read({ documentXml: `<w:document ${DOC_NS}><w:body><w:p><w:r><w:t>未闭合` }), 'unreadable');
    await expectImportError(read({ documentXml: `<w:document ${DOC_NS}><w:body><w:p></w:body></w:document>` }), 'unreadable');
    await expectImportError(read({ documentXml: 'not xml at all' }), 'unreadable');
    await expectImportError(read({ documentXml: '<w:document <w:body>' }), 'unreadable');
  });

  it('reports a document.xml that is not a Word body as not-docx', async () => {
    await expectImportError(read({ documentXml: '<html><body/></html>' }), 'not-docx');
  });

  it('reports truncated or damaged zips as unreadable', async () => {
    const good = await makeDocx({ body: p('正常的内容'.repeat(200)) });
    await expectImportError(readDocx(good.slice(0, Math.floor(good.length / 2))), 'unreadable');
    // damage the compressed bytes of document.xml (data sits right after its local header)
    const bad = good.slice();
    const name = new TextEncoder().encode('word/document.xml');
    for (let i = 0; i < bad.length - 30; i++) {
      if (bad[i] === 0x50 && bad[i + 1] === 0x4b && bad[i + 2] === 3 && bad[i + 3] === 4 && name.every((b, k) => bad[i + 30 + k] === b)) {
        const start = i + 30 + name.length + 10;
        for (let k = 0; k < 40; k++) bad[start + k] ^= 0xa5;
        break;
      }
    }
    await expectImportError(readDocx(bad), 'unreadable');
  });

  it('never crashes or hangs on mutated files: result or ImportError (property test)', async () => {
    const good = await makeDocx({ numbering: NUMBERING_CN, body: p('标题', { numId: 1 }) + tbl([tr([tc('a'), tc('b')])], 2) + p('正文') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: good.length }), { nil: undefined }),
        async (edits, cut) => {
          const bytes = good.slice(0, cut ?? good.length);
          for (const [at, v] of edits) if (at < bytes.length) bytes[at] = v;
          try {
            const c = await readDocx(bytes);
            expect(Array.isArray(c.blocks)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never crashes on random bytes (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 300 }), async (b) => {
        await expect(readDocx(b)).rejects.toBeInstanceOf(ImportError);
      }),
      { numRuns: 200 },
    );
  });

  it('handles very deep nesting without a stack overflow', async () => {
    const deep = '<w:customXml>'.repeat(5000) + p('深') + '</w:customXml>'.repeat(5000);
    await expectImportError(read({ body: deep }), 'unreadable');
    const ok = '<w:customXml>'.repeat(50) + p('不深') + '</w:customXml>'.repeat(50);
    expect(texts(await read({ body: ok }))).toEqual(['不深']);
  });
});

// ───────── real producers and speed ─────────

function hasSoffice(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
}

describe('readDocx: real producers', () => {
  it.skipIf(!hasSoffice())('reads a DOCX written by LibreOffice (skipped when soffice is not on PATH)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
    try {
      const html = join(dir, 'report.html');
      writeFileSync(
        html,
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
<h1>2024年政府信息公开工作年度报告</h1>
<p><b>一、总体情况</b></p>
<p>本机关认真贯彻落实《条例》&amp;相关规定。</p>
<p><b>二、主动公开政府信息情况</b></p>
<table border="1"><tr><td rowspan="2">信息内容</td><td colspan="2">本年数量</td></tr><tr><td>新制发</td><td>废止</td></tr><tr><td>规章</td><td>3</td><td>1</td></tr></table>
<p>结束。</p></body></html>`,
      );
      execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, html], {
        env: { ...process.env, HOME: dir },
        stdio: 'pipe',
        timeout: 60_000,
      });
      const c = await readDocx(new Uint8Array(readFileSync(join(dir, 'report.docx'))));
      expect(paras(c)[0]).toMatchObject({ text: '2024年政府信息公开工作年度报告', headingLevel: 1 });
      expect(paras(c).slice(1).map((x) => [x.text, x.bold])).toEqual([
        ['一、总体情况', true],
        ['本机关认真贯彻落实《条例》&相关规定。', undefined],
        ['二、主动公开政府信息情况', true],
        ['结束。', undefined],
      ]);
      expect(c.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'paragraph']);
      const t = onlyTable(c);
      expect([t.rowCount, t.colCount]).toEqual([3, 3]);
      expect(t.cells.map((x) => [x.text, x.row, x.col, x.rowSpan, x.colSpan])).toEqual([
        ['信息内容', 0, 0, 2, 1],
        ['本年数量', 0, 1, 1, 2],
        ['新制发', 1, 1, 1, 1],
        ['废止', 1, 2, 1, 1],
        ['规章', 2, 0, 1, 1],
        ['3', 2, 1, 1, 1],
        ['1', 2, 2, 1, 1],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a typical report faster than mammoth.convertToHtml', async () => {
    const mammoth = (await import('mammoth')).default;
    const bytes = await makeReportDocx();
    const median = async (fn: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[7];
    };
    const ours = await median(() => readDocx(bytes));
    const theirs = await median(() => mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
    expect(ours).toBeLessThan(50);
    expect(ours).toBeLessThan(theirs);
  });
});

// keep `esc` exercised so the helper stays honest
describe('make-docx helpers', () => {
  it('escapes XML special characters', () => {
    expect(esc('<a & "b">')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });
});
