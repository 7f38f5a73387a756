// HTML page → DocContent. Finds the article among portal chrome (nav, breadcrumb, footer,
// related links) and emits its paragraphs and tables in document order.
//
// Parsing uses htmlparser2's Tokenizer with our own tree builder: htmlparser2's Parser keeps
// its open-element stack with Array#unshift, which is quadratic on deeply nested input
// (10 MB of "<div>" would take minutes). Our builder keeps the stack with push/pop, answers
// "is <x> open, and within scope?" in O(1) from per-tag position lists, and caps tree depth
// and element count, so every input is parsed in linear time.
//
// Pure: no node: imports, runs in the browser too.

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import {
  ImportError,
  type DocBlock,
  type DocCell,
  type DocContent,
  type DocParagraph,
  type DocTable,
} from '../import/doc-content';
import { decodeText } from './decode-text';

// ---------------------------------------------------------------------------------------------
// Limits

/** Elements nested deeper than this are not materialised (their text goes to the nearest kept ancestor). */
const MAX_DEPTH = 200;
/** Elements beyond this count are not materialised. */
const MAX_ELEMENTS = 600_000;
/** Open elements beyond this stack depth are only counted (pathological nesting). */
const MAX_STACK = 2_000;
/** rowspan / colspan above this are clamped. */
const MAX_SPAN = 100;
/** Grid columns beyond this are dropped. */
const MAX_COLS = 200;
/** Refuse HTML files larger than this many bytes. */
const MAX_HTML_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Tag classes

const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'image',
]);
/** Content of these never reaches the output. */
const IGNORED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'math', 'object', 'applet',
  'embed', 'select', 'datalist', 'textarea', 'canvas', 'audio', 'video', 'noembed', 'noframes',
  'frameset', 'xml', 'map', 'title',
]);
/** Tags that may stay inside <head>; anything else implicitly closes an unclosed <head>. */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'object', 'xml']);
/** Opening one of these closes an open <p> (HTML "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'main', 'menu',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'dd', 'dt', 'listing', 'xmp',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_INTERNAL = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup']);
const TABLE_SECTIONS = new Set(['tbody', 'thead', 'tfoot']);
/** Scope boundaries for end tags and implied closes (a stray </div> never closes past a cell). */
const SCOPE_TAGS = new Set(['table', 'td', 'th', 'caption']);
/** Block-level tags: a paragraph ends before and after them. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
  'xmp', 'plaintext', 'legend', 'option', 'optgroup',
]);
/** Tags counted as "a paragraph" when deciding whether a table cell holds an article (layout table). */
const PARA_TAGS = new Set(['p', 'div', 'li', 'blockquote', 'pre', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article']);
const ATTRS_KEPT = new Set(['id', 'class', 'style', 'align', 'rowspan', 'colspan', 'href']);

/** id / class tokens of content containers used by gov.cn CMSs (TRS 拓尔思, Hanweb 大汉, UCAP …). */
const KNOWN_CONTAINERS = new Set([
  'zoom', 'fontzoom', 'conzoom', 'trs_editor', 'trs_ueditor', 'article-content', 'article_content',
  'articlecontent', 'ucap-content', 'pages_content', 'pages-content', 'xxgk_content', 'xxgk-content',
  'view', 'bt_content', 'bt-content', 'news_content', 'news-content', 'newscontent', 'content_text',
  'contenttext', 'detail-content', 'detail_content', 'art_con', 'artcon', 'wzcon', 'zwnr',
  'text_content', 'textcontent', 'info_content', 'infocontent', 'article_body', 'article-body',
  'j-fontcontent', 'cmsarticlecontent', 'main-txt', 'maintext', 'wenzhang',
]);
/** Whole id / class tokens (or their -/_ parts) marking page chrome. */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'header', 'head', 'top', 'topbar', 'footer', 'foot', 'bottom',
  'copyright', 'copy', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'position', 'location', 'dqwz',
  'wz', 'path', 'share', 'bdshare', 'print', 'related', 'xgxx', 'xglj', 'xgwz', 'sidebar', 'side',
  'toolbar', 'search', 'login', 'links', 'friendlink', 'yqlj', 'tools', 'tool', 'qrcode', 'ewm',
  'banner', 'logo', 'subnav', 'topnav', 'mainnav',
]);
/** Prefixes / suffixes of camel-cased or run-together tokens marking chrome ("pageFooter", "headerBox"). */
const CHROME_AFFIXES = ['footer', 'header', 'navbar', 'breadcrumb', 'copyright', 'bdshare', 'sidebar', 'toolbar', 'friendlink'];
const CHROME_ELEMENT_TAGS = new Set(['nav', 'footer', 'header', 'aside', 'button']);

/** Section headings of the report ("一、总体情况", "二、主动公开政府信息情况" …). */
const SECTION_HEAD_RE = /^[一二三四五六七八九十]{1,2}、/;
const REPORT_TITLE_RE = /年度报告/;
/** A paragraph that is itself a report title ends with "年度报告" (maybe with a bracketed note). */
const TITLE_END_RE = /年度报告\s*(?:[（(][^）)]{0,20}[）)])?$/;
/** id / class tokens of title elements ("title", "article-title", "bt" …). */
const TITLE_NAME_RE = /title|biaoti|headline|^bt$|^tit/;
/** Meta lines next to an article ("发布时间：…", "来源：…", views): losing them is harmless. */
const META_LINE_RE = /(?:发布|来源|时间|日期|浏览|点击|字号|作者|编辑|索引号|发文|访问|阅读|信息来源|文号)[^，。]{0,8}[:：]|分享到|打印|关闭窗口/;
const BUTTONS_RE =
  /^(?:[【\[（(<《]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|加入收藏|保存本页|分享到|分享|字号|字体|大|中|小|默认|扫一扫在手机打开当前页|扫一扫在手机上打开当前页|我要纠错|纠错|下载)\s*[】\]）)>》]?\s*[:：|｜/·]?\s*)+$/;
const SITE_RE = /版权所有|ICP备|网站标识码|公网安备|主办单位|承办单位|技术支持|网站地图|当前位置|您现在的位置|您的位置|浏览次数|访问次数|阅读次数|点击数|联系我们/;

// ---------------------------------------------------------------------------------------------
// Tree

interface HNode {
  tag: string;
  attrs: Record<string, string> | null;
  children: Array<HNode | string>;
  parent: HNode | null;
  depth: number;
  /** Document order (creation index). */
  order: number;
  // --- stats, filled by computeStats ---
  /** Non-whitespace characters in the subtree. */
  text: number;
  /** Non-whitespace characters inside links. */
  link: number;
  /** Non-link, non-chrome characters: the "content" weight. */
  eff: number;
  /** Non-whitespace characters in direct text children (not in child elements). */
  own: number;
  /** Report section headings ("一、…") in the subtree, outside chrome. */
  heads: number;
  /** Descendant tables (not counting itself). */
  tables: number;
  /** Descendant paragraph-like elements that hold text. */
  paras: number;
  /** Descendant h1–h6. */
  hTags: number;
  imgs: number;
  chrome: boolean;
  /** id/class names a known CMS content container. */
  known: boolean;
  /** This element or a descendant is a known container. */
  hasKnown: boolean;
}

function newNode(tag: string, attrs: Record<string, string> | null, parent: HNode | null, order: number): HNode {
  return {
    tag,
    attrs,
    children: [],
    parent,
    depth: parent ? parent.depth + 1 : 0,
    order,
    text: 0,
    link: 0,
    eff: 0,
    own: 0,
    heads: 0,
    tables: 0,
    paras: 0,
    hTags: 0,
    imgs: 0,
    chrome: false,
    known: false,
    hasKnown: false,
  };
}

interface ParsedPage {
  root: HNode;
  body: HNode | null;
  all: HNode[];
  title: string;
  simplified: boolean;
}

/** Builds a bounded HNode tree from the tokenizer's events (HTML-ish implied-end-tag rules). */
// Tag classes as bit flags, resolved once per distinct tag name per parse.
const F_VOID = 1;
const F_IGNORED = 2;
const F_HEAD = 4;
const F_CLOSES_P = 8;
const F_HEADING = 16;
const F_TABLE_INTERNAL = 32;
const F_SCOPE = 64;
const F_FOREIGN = 128;

function tagFlags(name: string): number {
  let f = 0;
  if (VOID_TAGS.has(name)) f |= F_VOID;
  if (IGNORED_TAGS.has(name)) f |= F_IGNORED;
  if (HEAD_TAGS.has(name)) f |= F_HEAD;
  if (CLOSES_P.has(name)) f |= F_CLOSES_P;
  if (HEADING_TAGS.has(name)) f |= F_HEADING;
  if (TABLE_INTERNAL.has(name)) f |= F_TABLE_INTERNAL;
  if (SCOPE_TAGS.has(name)) f |= F_SCOPE;
  if (name === 'svg' || name === 'math') f |= F_FOREIGN;
  return f;
}

/** Per-parse record of one tag name: its flags and the stack positions where it is open. */
interface TagInfo {
  name: string;
  flags: number;
  /** Ascending stack indices of the open elements with this name. */
  pos: number[];
  /** Open tags of this name swallowed above MAX_STACK. */
  overflow: number;
}

class TreeBuilder implements TokenizerCallbacks {
  readonly root = newNode('#root', null, null, 0);
  readonly all: HNode[] = [this.root];
  body: HNode | null = null;
  simplified = false;
  title = '';

  private readonly infos = new Map<string, TagInfo>();
  private readonly stack: TagInfo[] = [];
  private readonly hosts: HNode[] = [];
  private readonly tableIdx: number[] = [];
  private readonly scopeIdx: number[] = [];
  private ignoreDepth = 0;
  private foreignDepth = 0;
  private overflowTotal = 0;
  private titleBuf: string | null = null;
  private titleDone = false;

  private readonly tHead = this.info('head');
  private readonly tP = this.info('p');
  private readonly tLi = this.info('li');
  private readonly tUl = this.info('ul');
  private readonly tOl = this.info('ol');
  private readonly tDd = this.info('dd');
  private readonly tDt = this.info('dt');
  private readonly tDl = this.info('dl');
  private readonly tA = this.info('a');
  private readonly tOption = this.info('option');
  private readonly tBr = this.info('br');
  private readonly rowTags = ['tr', 'td', 'th'].map((t) => this.info(t));
  private readonly cellTags = ['td', 'th'].map((t) => this.info(t));
  private readonly sectionTags = ['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup'].map((t) => this.info(t));

  private curTag: TagInfo | null = null;
  private curAttrs: Record<string, string> | null = null;
  private attrName = '';
  private attrValue = '';
  private keepAttr = false;

  constructor(private readonly src: string) {}

  isInForeignContext(): boolean {
    return this.foreignDepth > 0;
  }

  private info(name: string): TagInfo {
    let t = this.infos.get(name);
    if (t) return t;
    const lower = name.toLowerCase();
    t = this.infos.get(lower);
    if (!t) {
      const canonical = lower === 'image' ? 'img' : lower;
      t = { name: canonical, flags: tagFlags(canonical), pos: [], overflow: 0 };
      this.infos.set(lower, t);
    }
    if (lower !== name) this.infos.set(name, t);
    return t;
  }

  // --- stack helpers ---

  private static last(pos: number[]): number {
    return pos.length > 0 ? pos[pos.length - 1] : -1;
  }

  private scopeBoundary(): number {
    return this.scopeIdx.length > 0 ? this.scopeIdx[this.scopeIdx.length - 1] : -1;
  }

  private tableBoundary(): number {
    return this.tableIdx.length > 0 ? this.tableIdx[this.tableIdx.length - 1] : -1;
  }

  private host(): HNode {
    return this.hosts.length > 0 ? this.hosts[this.hosts.length - 1] : this.root;
  }

  private popOne(): void {
    const t = this.stack.pop();
    if (t === undefined) return;
    this.hosts.pop();
    t.pos.pop();
    const f = t.flags;
    if (f & F_IGNORED) this.ignoreDepth--;
    if (f & F_FOREIGN) this.foreignDepth--;
    if (f & F_SCOPE) {
      this.scopeIdx.pop();
      if (t.name === 'table') this.tableIdx.pop();
    }
    if (t.name === 'title' && this.titleBuf !== null) {
      this.title = this.titleBuf;
      this.titleBuf = null;
      this.titleDone = true;
    }
  }

  /** Pops every open element at stack index >= index. */
  private popTo(index: number): void {
    while (this.stack.length > index) this.popOne();
  }

  private push(t: TagInfo, hostNode: HNode): void {
    const index = this.stack.length;
    this.stack.push(t);
    this.hosts.push(hostNode);
    t.pos.push(index);
    const f = t.flags;
    if (f & F_IGNORED) this.ignoreDepth++;
    if (f & F_FOREIGN) this.foreignDepth++;
    if (f & F_SCOPE) {
      this.scopeIdx.push(index);
      if (t.name === 'table') this.tableIdx.push(index);
    }
  }

  /** Lowest stack index among the given open tags that lies above `boundary`, or -1. */
  private static lowestOpenAbove(tags: readonly TagInfo[], boundary: number): number {
    let best = -1;
    for (const t of tags) {
      const arr = t.pos;
      // positions ascend; the entries above the boundary are the tail (at most a couple:
      // opening a row or cell closes the previous one)
      for (let i = arr.length - 1; i >= 0 && arr[i] > boundary; i--) {
        if (best === -1 || arr[i] < best) best = arr[i];
      }
    }
    return best;
  }

  private impliedCloses(t: TagInfo): void {
    const f = t.flags;
    if (this.tHead.pos.length > 0 && !(f & F_HEAD)) this.popTo(TreeBuilder.last(this.tHead.pos));
    if (f & F_TABLE_INTERNAL) {
      const tb = this.tableBoundary();
      const name = t.name;
      const group = name === 'tr' ? this.rowTags : name === 'td' || name === 'th' ? this.cellTags : this.sectionTags;
      const pos = TreeBuilder.lowestOpenAbove(group, tb);
      if (pos !== -1) this.popTo(pos);
      return;
    }
    if (f & F_CLOSES_P) {
      const p = TreeBuilder.last(this.tP.pos);
      if (p !== -1 && p > this.scopeBoundary()) this.popTo(p);
    }
    if (f & F_HEADING) {
      const top = this.stack[this.stack.length - 1];
      if (top !== undefined && top.flags & F_HEADING) this.popOne();
      return;
    }
    const last = TreeBuilder.last;
    if (t === this.tLi) {
      const li = last(this.tLi.pos);
      if (li > Math.max(last(this.tUl.pos), last(this.tOl.pos), this.scopeBoundary())) this.popTo(li);
    } else if (t === this.tDd || t === this.tDt) {
      const d = Math.max(last(this.tDd.pos), last(this.tDt.pos));
      if (d > Math.max(last(this.tDl.pos), this.scopeBoundary())) this.popTo(d);
    } else if (t === this.tA) {
      const a = last(this.tA.pos);
      if (a > this.scopeBoundary()) this.popTo(a);
    } else if (t.name === 'option' || t.name === 'optgroup') {
      const o = last(this.tOption.pos);
      if (o !== -1 && o === this.stack.length - 1) this.popOne();
    }
  }

  private openElement(t: TagInfo, attrs: Record<string, string> | null): void {
    const f = t.flags;
    if (this.stack.length >= MAX_STACK && !(f & F_VOID)) {
      // Pathological nesting: count the tag so its end tag is swallowed, keep nothing else.
      t.overflow++;
      this.overflowTotal++;
      this.simplified = true;
      return;
    }
    if (this.foreignDepth === 0) this.impliedCloses(t);

    const parentHost = this.host();
    let node: HNode | null = null;
    if (this.ignoreDepth === 0 && !(f & F_IGNORED)) {
      if (parentHost.depth >= MAX_DEPTH || this.all.length >= MAX_ELEMENTS) {
        this.simplified = true;
      } else {
        node = newNode(t.name, attrs, parentHost, this.all.length);
        this.all.push(node);
        parentHost.children.push(node);
        if (t.name === 'body' && !this.body) this.body = node;
      }
    }
    if (t.name === 'title' && this.foreignDepth === 0 && !this.titleDone && this.titleBuf === null) {
      this.titleBuf = '';
    }
    if (f & F_VOID) return;
    this.push(t, node ?? parentHost);
  }

  private closeElement(t: TagInfo): void {
    const f = t.flags;
    if (f & F_VOID) {
      if (t === this.tBr) this.openElement(t, null); // </br> acts as <br>
      return;
    }
    if (t.name === 'html' || t.name === 'body') return; // content after </body> still belongs to the body
    if (this.overflowTotal > 0 && t.overflow > 0) {
      t.overflow--;
      this.overflowTotal--;
      return;
    }
    const pos = TreeBuilder.last(t.pos);
    let boundary: number;
    if (t.name === 'table' || this.foreignDepth > 0 || f & F_IGNORED) boundary = -1;
    else if (f & F_TABLE_INTERNAL) boundary = this.tableBoundary();
    else boundary = this.scopeBoundary();
    if (pos !== -1 && pos > boundary) {
      this.popTo(pos);
    } else if (t === this.tP && this.ignoreDepth === 0) {
      // a stray </p> produces an empty paragraph: a paragraph break
      this.openElement(t, null);
      this.popTo(TreeBuilder.last(t.pos));
    }
  }

  private addText(s: string): void {
    if (this.titleBuf !== null) this.titleBuf += s;
    if (this.ignoreDepth > 0) return;
    const h = this.host();
    const ch = h.children;
    const last = ch.length - 1;
    if (last >= 0 && typeof ch[last] === 'string') ch[last] = (ch[last] as string) + s;
    else ch.push(s);
  }

  // --- TokenizerCallbacks ---

  onopentagname(start: number, endIndex: number): void {
    this.curTag = this.info(this.src.slice(start, endIndex));
    this.curAttrs = null;
  }

  onattribname(start: number, endIndex: number): void {
    this.attrName = this.src.slice(start, endIndex).toLowerCase();
    this.keepAttr = ATTRS_KEPT.has(this.attrName);
    this.attrValue = '';
  }

  onattribdata(start: number, endIndex: number): void {
    if (this.keepAttr) this.attrValue += this.src.slice(start, endIndex);
  }

  onattribentity(codepoint: number): void {
    if (this.keepAttr) this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (!this.keepAttr) return;
    if (!this.curAttrs) this.curAttrs = {};
    if (!Object.prototype.hasOwnProperty.call(this.curAttrs, this.attrName)) this.curAttrs[this.attrName] = this.attrValue;
    this.keepAttr = false;
  }

  onopentagend(): void {
    if (this.curTag) this.openElement(this.curTag, this.curAttrs);
    this.curTag = null;
    this.curAttrs = null;
  }

  onselfclosingtag(): void {
    const t = this.curTag;
    if (!t) return;
    const foreign = this.foreignDepth > 0;
    this.openElement(t, this.curAttrs);
    this.curTag = null;
    this.curAttrs = null;
    // In HTML "<div/>" is just "<div>"; only foreign (svg/math) content honours the slash.
    if (foreign && !(t.flags & F_VOID) && this.stack[this.stack.length - 1] === t) this.popOne();
  }

  onclosetag(start: number, endIndex: number): void {
    this.closeElement(this.info(this.src.slice(start, endIndex)));
  }

  ontext(start: number, endIndex: number): void {
    this.addText(this.src.slice(start, endIndex));
  }

  ontextentity(codepoint: number): void {
    this.addText(String.fromCodePoint(codepoint));
  }

  oncomment(): void {}
  oncdata(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}

function parseHtmlTree(html: string): ParsedPage {
  const builder = new TreeBuilder(html);
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, builder);
  tokenizer.write(html);
  tokenizer.end();
  return { root: builder.root, body: builder.body, all: builder.all, title: builder.title, simplified: builder.simplified };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 ||
    c === 0x3000 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f
  );
}

/** The first `n` characters after leading whitespace. */
function leadingText(s: string, n: number): string {
  let a = 0;
  while (a < s.length && isSpaceCode(s.charCodeAt(a))) a++;
  return s.slice(a, a + n);
}

function countNonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

/** East Asian wide characters: a source line break between two of them renders as nothing (CSS Text 3). */
function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef)
  );
}

const COLLAPSE_RE = /[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f]+/g;
const ZERO_WIDTH_RE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

/** Trims whitespace incl. U+3000 and NBSP (a loop: an anchored regex is quadratic on long space runs). */
function trimEdges(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Collapses HTML whitespace (incl. NBSP) to single spaces, drops line breaks between CJK characters, trims (incl. U+3000 indents). */
function normalizeInline(raw: string): string {
  let s = raw.replace(ZERO_WIDTH_RE, '');
  s = s.replace(COLLAPSE_RE, collapseRun);
  return trimEdges(s);
}

function collapseRun(m: string, off: number, whole: string): string {
  if (m.indexOf('\n') !== -1 || m.indexOf('\r') !== -1) {
    if (isWide(whole.charCodeAt(off - 1)) && isWide(whole.charCodeAt(off + m.length))) return '';
  }
  return ' ';
}

function isBoilerplate(text: string): boolean {
  if (BUTTONS_RE.test(text)) return true;
  return text.length <= 80 && SITE_RE.test(text);
}

function attr(n: HNode, name: string): string | undefined {
  return n.attrs ? n.attrs[name] : undefined;
}

/** Lower-cased id and class tokens of an element. */
function nameTokens(n: HNode): string[] {
  if (!n.attrs) return [];
  const out: string[] = [];
  const id = n.attrs.id;
  if (id) out.push(id.trim().toLowerCase());
  const cls = n.attrs.class;
  if (cls) for (const c of cls.toLowerCase().split(/\s+/)) if (c) out.push(c);
  return out;
}

function isKnownContainer(n: HNode): boolean {
  for (const t of nameTokens(n)) if (KNOWN_CONTAINERS.has(t)) return true;
  return false;
}

function hasChromeName(n: HNode): boolean {
  if (CHROME_ELEMENT_TAGS.has(n.tag)) return true;
  for (const t of nameTokens(n)) {
    if (CHROME_WORDS.has(t)) return true;
    for (const part of t.split(/[-_]+/)) if (part && CHROME_WORDS.has(part)) return true;
    for (const a of CHROME_AFFIXES) if (t.startsWith(a) || t.endsWith(a)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Stats

function computeStats(n: HNode): void {
  let text = 0;
  let link = 0;
  let eff = 0;
  let own = 0;
  let heads = 0;
  let tables = 0;
  let paras = 0;
  let hTags = 0;
  let imgs = 0;
  let hasKnown = false;
  for (const c of n.children) {
    if (typeof c === 'string') {
      const k = countNonSpace(c);
      text += k;
      own += k;
      if (k > 0 && SECTION_HEAD_RE.test(leadingText(c, 8))) heads++;
      continue;
    }
    computeStats(c);
    text += c.text;
    link += c.link;
    eff += c.eff;
    heads += c.heads;
    tables += c.tables + (c.tag === 'table' ? 1 : 0);
    paras += c.paras + (PARA_TAGS.has(c.tag) && c.text > 0 ? 1 : 0);
    hTags += c.hTags + (HEADING_TAGS.has(c.tag) ? 1 : 0);
    imgs += c.imgs + (c.tag === 'img' ? 1 : 0);
    if (c.hasKnown) hasKnown = true;
  }
  n.text = text;
  n.own = own;
  n.tables = tables;
  n.paras = paras;
  n.hTags = hTags;
  n.imgs = imgs;
  n.heads = heads;
  n.known = isKnownContainer(n);
  n.hasKnown = hasKnown || n.known;
  if (n.tag === 'a' && attr(n, 'href') !== undefined) {
    n.link = text;
    n.eff = 0;
    return;
  }
  n.link = link;
  n.eff = eff + own;
  // Chrome (nav, breadcrumb, footer …) by name, unless it holds the article.
  if (!n.hasKnown && heads === 0 && text < 3000 && hasChromeName(n)) {
    n.chrome = true;
    n.eff = 0;
    n.heads = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Container selection

function isAncestor(a: HNode, b: HNode): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

interface PlainState {
  parts: string[];
  len: number;
  limit: number;
}

function collectPlain(x: HNode, st: PlainState): void {
  for (const c of x.children) {
    if (st.len > st.limit) return;
    if (typeof c === 'string') {
      st.parts.push(c);
      st.len += c.length;
    } else if (c.tag === 'br') {
      st.parts.push('\n');
    } else {
      const block = BLOCK_TAGS.has(c.tag);
      if (block) st.parts.push('\n');
      collectPlain(c, st);
      if (block) st.parts.push('\n');
    }
  }
}

/** Plain text of a subtree (br / blocks as line breaks), normalised; stops after about `limit` characters. */
function plainText(n: HNode, limit = 400): string {
  const st: PlainState = { parts: [], len: 0, limit };
  collectPlain(n, st);
  return normalizeInline(st.parts.join(''));
}

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'table', 'pre', 'dl']);

function hasBlockChild(n: HNode): boolean {
  for (const c of n.children) if (typeof c !== 'string' && BLOCK_TAGS.has(c.tag)) return true;
  return false;
}

/** Would descending from `cur` into `best` lose article text (a sibling paragraph, a trailing sign-off)? */
function descentLosesContent(cur: HNode, best: HNode): boolean {
  if (cur.own > 10) return true;
  for (const c of cur.children) {
    if (typeof c === 'string' || c === best || c.eff === 0 || c.link > c.text * 0.3) continue;
    const paragraphLike = PARAGRAPH_TAGS.has(c.tag);
    const leafBlock = c.eff >= 10 && BLOCK_TAGS.has(c.tag) && !hasBlockChild(c);
    const after = c.order > best.order && c.eff >= 6;
    if (!paragraphLike && !leafBlock && !after) continue;
    const t = plainText(c, 200);
    if (META_LINE_RE.test(t) || isBoilerplate(t) || REPORT_TITLE_RE.test(t)) continue;
    if (paragraphLike || leafBlock) return true;
    // something after the article body: a sign-off ("XX人民政府办公室 2024年1月") is content
    if (/[年月日]|\d{4}|〇/.test(t) || /right/i.test(attr(c, 'align') ?? '') || /text-align\s*:\s*right/i.test(attr(c, 'style') ?? '')) return true;
  }
  return false;
}

/** Generic choice: walk down while one child keeps ≥ 85 % of the content text and all section headings, never into a data table. */
function descend(start: HNode): HNode {
  let cur = start;
  for (;;) {
    if (cur.eff <= 0) return cur;
    let best: HNode | null = null;
    for (const c of cur.children) {
      if (typeof c === 'string') continue;
      if (!best || c.eff > best.eff) best = c;
    }
    if (!best || best.eff < cur.eff * 0.85 || best.heads < cur.heads) return cur;
    if (best.tag === 'table' && !isLayoutTable(best, tableRows(best).rows)) return cur;
    if (descentLosesContent(cur, best)) return cur;
    cur = best;
  }
}

/** Known CMS container holding most of the content, innermost among nested ones. */
function knownContainer(all: HNode[]): HNode | null {
  let best: HNode | null = null;
  for (const n of all) {
    if (!n.known || n.eff < 30 || n.link > n.text * 0.5) continue;
    if (!best || n.eff > best.eff) best = n;
  }
  if (!best) return null;
  let chosen = best;
  for (const n of all) {
    if (!n.known || n === best || n.eff < best.eff * 0.9 || n.heads < best.heads) continue;
    if (isAncestor(best, n) && n.depth > chosen.depth) chosen = n;
  }
  return chosen;
}

function chooseContainer(page: ParsedPage): HNode {
  const start = page.body ?? page.root;
  const generic = descend(start);
  const known = knownContainer(page.all);
  if (!known || known === generic) return generic;
  if (isAncestor(known, generic)) {
    // The walk went through the known container: keep the container's own boundaries
    // (images, trailing lines) unless it carries noticeably more text than the walk's pick.
    return known.eff - generic.eff <= Math.max(20, known.eff * 0.05) ? known : generic;
  }
  // The known container lies inside the walk's pick (or elsewhere): take it when it holds
  // every report heading, or failing headings, most of the text.
  if (known.heads > 0 && known.heads >= generic.heads) return known;
  if (known.eff >= generic.eff * 0.6 && known.heads >= generic.heads) return known;
  return generic;
}

/** Report title placed just outside the container (h1–h3, .title …), or from <title>. */
function findTitle(page: ParsedPage, container: HNode): string | undefined {
  const ancestors = new Set<HNode>();
  for (let p: HNode | null = container; p; p = p.parent) ancestors.add(p);
  let found: string | undefined;
  for (const n of page.all) {
    if (n.order >= container.order) break;
    if (ancestors.has(n) || n.chrome || n.text < 6 || n.text > 150 || n.link > n.text * 0.5) continue;
    const titled = n.tag === 'h1' || n.tag === 'h2' || n.tag === 'h3';
    if (!titled && !nameTokens(n).some((t) => TITLE_NAME_RE.test(t))) continue;
    const t = plainText(n, 200);
    if (REPORT_TITLE_RE.test(t)) found = t; // keep the nearest one before the container
  }
  if (found) return found;
  const docTitle = normalizeInline(page.title);
  if (REPORT_TITLE_RE.test(docTitle)) {
    const segment = docTitle.split(/\s*(?:[_|｜]|--|——|—|\s-\s|－)\s*/).find((s) => REPORT_TITLE_RE.test(s));
    return (segment ?? docTitle).trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Emission

interface Ctx {
  bold: boolean;
  centered: boolean;
  heading?: number;
  pre: boolean;
}

interface Seg {
  text: string;
  bold: boolean;
}

interface RowInfo {
  cells: HNode[];
  /** Index (exclusive) of the last row of this row's group (thead/tbody/tfoot), for rowspan="0". */
  groupEnd: number;
}

function parseSpan(v: string | undefined): number {
  if (v === undefined) return 1;
  const n = parseInt(v.trim(), 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  return n; // 0 is resolved by the caller (rowspan="0": to the end of the group)
}

const FONT_WEIGHT_RE = /(?:^|;)\s*font-weight\s*:\s*([^;]+)/i;
const TEXT_ALIGN_RE = /(?:^|;)\s*text-align\s*:\s*([^;]+)/i;

function styleProp(n: HNode, re: RegExp): string | undefined {
  const style = attr(n, 'style');
  if (!style) return undefined;
  const m = re.exec(style);
  return m ? m[1].replace(/!important/i, '').trim().toLowerCase() : undefined;
}

function deriveCtx(n: HNode, ctx: Ctx): Ctx {
  let { bold, centered, heading, pre } = ctx;
  const tag = n.tag;
  if (tag === 'b' || tag === 'strong') bold = true;
  const fw = styleProp(n, FONT_WEIGHT_RE);
  if (fw) {
    if (/bold|bolder|[6-9]00/.test(fw)) bold = true;
    else if (/normal|lighter|[1-5]00/.test(fw)) bold = false;
  }
  if (BLOCK_TAGS.has(tag)) {
    // <table align=center> positions the table; it does not centre the text inside it.
    const align = tag === 'table' ? '' : (attr(n, 'align') ?? '').trim().toLowerCase();
    const ta = styleProp(n, TEXT_ALIGN_RE);
    const a = ta ?? align;
    if (tag === 'center' || a === 'center' || a === 'middle' || a === '-webkit-center') centered = true;
    else if (a === 'left' || a === 'right' || a === 'justify' || a === 'start' || a === 'end') centered = false;
  }
  if (HEADING_TAGS.has(tag)) heading = Number(tag[1]);
  if (tag === 'pre' || tag === 'xmp' || tag === 'listing' || tag === 'plaintext') pre = true;
  return { bold, centered, heading, pre };
}

class Emitter {
  readonly blocks: DocBlock[] = [];
  imgs = 0;
  colsDropped = false;
  private segs: Seg[] = [];
  private props: { centered: boolean; heading?: number } | null = null;

  constructor(private readonly container: HNode) {}

  flush(): void {
    const segs = this.segs;
    const props = this.props;
    this.segs = [];
    this.props = null;
    if (segs.length === 0 || !props) return;
    let raw = '';
    let boldAll = true;
    let any = false;
    for (const s of segs) {
      raw += s.text;
      if (countNonSpace(s.text) > 0) {
        any = true;
        if (!s.bold) boldAll = false;
      }
    }
    const text = normalizeInline(raw);
    if (!text || !any || isBoilerplate(text)) return;
    const p: DocParagraph = { kind: 'paragraph', text };
    if (props.heading !== undefined) p.headingLevel = props.heading;
    if (boldAll) p.bold = true;
    if (props.centered) p.centered = true;
    this.blocks.push(p);
  }

  private addText(s: string, ctx: Ctx): void {
    if (ctx.pre && s.indexOf('\n') !== -1) {
      const lines = s.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) this.flush();
        this.addText(line, { ...ctx, pre: false });
      });
      return;
    }
    if (!this.props) {
      if (countNonSpace(s) === 0) return; // leading whitespace never starts a paragraph
      this.props = { centered: ctx.centered, heading: ctx.heading };
    }
    this.segs.push({ text: s, bold: ctx.bold });
  }

  walkChildren(n: HNode, ctx: Ctx): void {
    for (const c of n.children) {
      if (typeof c === 'string') this.addText(c, ctx);
      else this.walkElement(c, ctx);
    }
  }

  walkElement(n: HNode, ctx: Ctx): void {
    if (n.chrome && n !== this.container) return;
    switch (n.tag) {
      case 'br':
        this.flush();
        return;
      case 'hr':
        this.flush();
        return;
      case 'img':
        this.imgs++;
        return;
      case 'table':
        this.flush();
        this.emitTable(n, deriveCtx(n, ctx));
        this.flush();
        return;
      default:
        break;
    }
    const next = deriveCtx(n, ctx);
    if (BLOCK_TAGS.has(n.tag)) {
      this.flush();
      this.walkChildren(n, next);
      this.flush();
    } else {
      this.walkChildren(n, next);
    }
  }

  // --- tables ---

  private emitTable(table: HNode, ctx: Ctx): void {
    const { rows, captions, fostered } = tableRows(table);
    for (const f of fostered) {
      if (typeof f === 'string') this.addText(f, ctx);
      else this.walkElement(f, ctx);
      this.flush();
    }
    for (const cap of captions) this.walkElement(cap, { ...ctx, centered: true });
    this.flush();
    if (isLayoutTable(table, rows)) {
      for (const r of rows) {
        for (const cell of r.cells) {
          this.walkElement(cell, ctx);
          this.flush();
        }
      }
      return;
    }
    const t = this.buildGrid(rows);
    if (t) this.blocks.push(t);
    for (const r of rows) for (const c of r.cells) this.imgs += c.imgs;
  }

  private buildGrid(rows: RowInfo[]): DocTable | null {
    const rowCount = rows.length;
    // busyUntil[c]: first row index at which column c is free again; busyEnd[c]: column after the occupying cell.
    const busyUntil = new Int32Array(MAX_COLS + 1);
    const busyEnd = new Int32Array(MAX_COLS + 1);
    const cells: DocCell[] = [];
    let colCount = 0;
    let anyText = false;
    for (let r = 0; r < rowCount; r++) {
      let col = 0;
      for (const cellNode of rows[r].cells) {
        while (col < MAX_COLS && busyUntil[col] > r) col = busyEnd[col];
        if (col >= MAX_COLS) {
          this.colsDropped = true;
          break;
        }
        let rowSpan = parseSpan(attr(cellNode, 'rowspan'));
        if (rowSpan === 0) rowSpan = rows[r].groupEnd - r;
        rowSpan = Math.max(1, Math.min(rowSpan, MAX_SPAN, rowCount - r));
        let colSpan = parseSpan(attr(cellNode, 'colspan'));
        if (colSpan === 0) colSpan = 1;
        colSpan = Math.max(1, Math.min(colSpan, MAX_SPAN));
        if (col + colSpan > MAX_COLS) {
          colSpan = MAX_COLS - col;
          this.colsDropped = true;
        }
        const end = col + colSpan;
        for (let c = col; c < end; c++) {
          busyUntil[c] = r + rowSpan;
          busyEnd[c] = end;
        }
        const text = cellText(cellNode);
        if (text) anyText = true;
        cells.push({ text, row: r, col, rowSpan, colSpan });
        if (end > colCount) colCount = end;
        col = end;
      }
    }
    if (cells.length === 0 || !anyText) return null;
    return { kind: 'table', rowCount, colCount, cells };
  }
}

interface TableRows {
  rows: RowInfo[];
  captions: HNode[];
  /** Stray text / elements inside the table structure; browsers render them before the table. */
  fostered: Array<HNode | string>;
}

const tableRowsCache = new WeakMap<HNode, TableRows>();

/** Rows of a table in rendered order (thead, body rows, tfoot) with their td/th cells; nested tables excluded. */
function tableRows(table: HNode): TableRows {
  const cached = tableRowsCache.get(table);
  if (cached) return cached;
  const rows: RowInfo[] = [];
  const head: RowInfo[] = [];
  const foot: RowInfo[] = [];
  const out: TableRows = { rows: [], captions: [], fostered: [] };
  collectRowsInto(table, rows, '', { head, body: rows, foot }, out);
  // Rendered order: header rows first, footer rows last.
  let offset = 0;
  for (const group of [head, rows, foot]) {
    for (const r of group) r.groupEnd += offset;
    offset += group.length;
  }
  out.rows = head.length === 0 && foot.length === 0 ? rows : [...head, ...rows, ...foot];
  tableRowsCache.set(table, out);
  return out;
}

function collectRowsInto(
  x: HNode,
  target: RowInfo[],
  section: string,
  groups: { head: RowInfo[]; body: RowInfo[]; foot: RowInfo[] },
  out: TableRows,
): void {
  const groupStart = target.length;
  let implicit: RowInfo | null = null;
  for (const c of x.children) {
    if (typeof c === 'string') {
      if (countNonSpace(c) > 0) out.fostered.push(c);
      continue;
    }
    const t = c.tag;
    if (t === 'td' || t === 'th') {
      // cells without a <tr>: an implied row
      if (!implicit) {
        implicit = { cells: [], groupEnd: 0 };
        target.push(implicit);
      }
      implicit.cells.push(c);
      continue;
    }
    implicit = null;
    if (t === 'tr') {
      const cells: HNode[] = [];
      for (const cc of c.children) {
        if (typeof cc === 'string') {
          if (countNonSpace(cc) > 0) out.fostered.push(cc);
        } else if (cc.tag === 'td' || cc.tag === 'th') cells.push(cc);
        else if (cc.text > 0 || cc.tables > 0 || cc.tag === 'table') out.fostered.push(cc);
      }
      target.push({ cells, groupEnd: 0 });
    } else if (TABLE_SECTIONS.has(t) && section === '') {
      const g = t === 'thead' ? groups.head : t === 'tfoot' ? groups.foot : groups.body;
      collectRowsInto(c, g, t, groups, out);
    } else if (t === 'caption') {
      out.captions.push(c);
    } else if (t === 'colgroup' || t === 'col') {
      // presentational
    } else if (t !== 'table' && containsRow(c)) {
      collectRowsInto(c, target, section, groups, out); // e.g. a <form> wrapped around rows
    } else if (c.text > 0 || c.tables > 0 || t === 'table') {
      out.fostered.push(c);
    }
  }
  for (let i = groupStart; i < target.length; i++) target[i].groupEnd = target.length;
}

/** Layout table (wraps page parts or the article) rather than data: nested tables, cells holding many paragraphs or headings, or one cell per row. */
function isLayoutTable(table: HNode, rows: RowInfo[]): boolean {
  if (table.tables > 0) return true;
  let cells = 0;
  let maxPerRow = 0;
  for (const r of rows) {
    cells += r.cells.length;
    if (r.cells.length > maxPerRow) maxPerRow = r.cells.length;
    for (const c of r.cells) {
      if (c.paras >= 4 || c.hTags > 0 || c.text > 500) return true;
    }
  }
  return cells <= 1 || maxPerRow <= 1;
}

function containsRow(n: HNode): boolean {
  for (const c of n.children) {
    if (typeof c === 'string' || c.tag === 'table') continue;
    if (c.tag === 'tr' || c.tag === 'td' || c.tag === 'th') return true;
    if (containsRow(c)) return true;
  }
  return false;
}

interface LineState {
  lines: string[];
  cur: string;
}

function breakLine(st: LineState): void {
  const t = normalizeInline(st.cur);
  if (t) st.lines.push(t);
  st.cur = '';
}

function collectLines(x: HNode, st: LineState): void {
  for (const c of x.children) {
    if (typeof c === 'string') st.cur += c;
    else if (c.tag === 'br' || c.tag === 'hr') breakLine(st);
    else if (BLOCK_TAGS.has(c.tag)) {
      breakLine(st);
      collectLines(c, st);
      breakLine(st);
    } else collectLines(c, st);
  }
}

/** Text of a data cell: inner paragraphs and <br> become "\n", each line normalised, empty lines dropped. */
function cellText(cell: HNode): string {
  const st: LineState = { lines: [], cur: '' };
  collectLines(cell, st);
  breakLine(st);
  return st.lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Finds `<meta charset>` / `http-equiv` Content-Type / XML encoding in the first 4 KB (ASCII-compatible scan). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 4096);
  let s = '';
  for (let i = 0; i < head.length; i += 1024) {
    s += String.fromCharCode.apply(null, Array.from(head.subarray(i, i + 1024)));
  }
  const noComments = s.replace(/<!--[\s\S]*?-->/g, '');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(noComments);
  if (meta) return meta[1];
  const xml = /<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(noComments);
  return xml ? xml[1] : undefined;
}

/** Reads an HTML file: sniffs the meta charset, decodes (UTF-8 / GB18030 / UTF-16) and extracts the article. */
export function readHtml(bytes: Uint8Array): DocContent {
  if (bytes.length === 0) throw new ImportError('empty', '文件是空的，没有可导入的内容。');
  if (bytes.length > MAX_HTML_BYTES) {
    throw new ImportError('too-large', `网页文件太大（超过 ${MAX_HTML_BYTES / 1024 / 1024} MB），无法导入。`);
  }
  // A charset found by an ASCII scan cannot be UTF-16 (HTML treats such a declaration as UTF-8);
  // real UTF-16 pages carry a BOM, which decodeText honours first.
  const declared = sniffHtmlCharset(bytes);
  const { text } = decodeText(bytes, declared && /^\s*(?:utf-?16|unicode|ucs-?2)/i.test(declared) ? 'utf-8' : declared);
  return readHtmlString(text);
}

/** Extracts the article of an HTML page (already a string) as paragraphs and tables in document order. */
export function readHtmlString(html: string): DocContent {
  if (trimEdges(html) === '') throw new ImportError('empty', '文件是空的，没有可导入的内容。');
  const page = parseHtmlTree(html.charCodeAt(0) === 0xfeff ? html.slice(1) : html);
  computeStats(page.root);
  const container = chooseContainer(page);

  const emitter = new Emitter(container);
  const ctx0: Ctx = { bold: false, centered: false, pre: false };
  // inherit alignment / boldness from the container's ancestors
  const chain: HNode[] = [];
  for (let p = container.parent; p; p = p.parent) chain.push(p);
  let ctx = ctx0;
  for (let i = chain.length - 1; i >= 0; i--) ctx = deriveCtx(chain[i], ctx);
  emitter.walkElement(container, ctx);
  emitter.flush();

  const blocks = emitter.blocks;
  const title = findTitle(page, container);
  if (title) {
    const compact = (t: string): string => t.replace(/\s+/g, '');
    const wanted = compact(title);
    // A short paragraph ending in "年度报告" near the top is the title already (a long one
    // that merely cites "年度报告格式" is not).
    const hasTitle = blocks
      .slice(0, 3)
      .some((b) => b.kind === 'paragraph' && (compact(b.text) === wanted || (b.text.length <= 80 && TITLE_END_RE.test(b.text))));
    if (!hasTitle) blocks.unshift({ kind: 'paragraph', text: title, centered: true });
  }
  if (blocks.length === 0) throw new ImportError('not-a-report', '网页中没有找到正文内容。');

  const notes: string[] = [];
  const wholePage = container === page.root || container === page.body || container.tag === 'html';
  if (wholePage && page.all.some((n) => n.chrome)) {
    notes.push('没有找到明确的正文区域，已导入整个网页的文字，请检查是否混入了导航、页脚等内容。');
  }
  if (emitter.imgs > 0) notes.push(`正文中有 ${emitter.imgs} 张图片，图片里的内容无法导入。`);
  if (emitter.colsDropped) notes.push(`有表格超过 ${MAX_COLS} 列，多出的列已忽略。`);
  if (page.simplified) notes.push('网页结构嵌套过深或元素过多，部分结构已按纯文字处理。');
  return { blocks, notes };
}
