// The neutral shape every reader (DOCX, HTML, plain text) produces before recognition.
// Readers know nothing of the report format; the recogniser turns DocContent into a Report.

/** One table cell after merges are resolved onto the grid. */
export interface DocCell {
  /** Visible text of the cell, paragraphs joined with "\n", runs concatenated, trimmed. */
  text: string;
  /** Grid row index (0-based) of the cell's top-left corner. */
  row: number;
  /** Grid column index (0-based) of the cell's top-left corner. */
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface DocTable {
  kind: 'table';
  /** Number of grid rows and columns after resolving spans. */
  rowCount: number;
  colCount: number;
  /** Every origin cell once (not repeated over its span), in reading order. */
  cells: DocCell[];
}

export interface DocParagraph {
  kind: 'paragraph';
  /** Text including any automatic numbering prefix (e.g. "一、" from numbering.xml). */
  text: string;
  /** Heading level when the source says so (style Heading1.., outline level, <h1>..); otherwise undefined. */
  headingLevel?: number;
  /** True when every non-space run is bold (hand-made headings are often just bold paragraphs). */
  bold?: boolean;
  /** Centred paragraph (titles usually are). */
  centered?: boolean;
}

export type DocBlock = DocParagraph | DocTable;

export interface DocContent {
  blocks: DocBlock[];
  /** Non-fatal notes from the reader (e.g. "跳过了 1 个嵌入对象"). Chinese, for the import log. */
  notes: string[];
}

/** A reader failure that the user must see: a Chinese message, never a crash. */
export class ImportError extends Error {
  constructor(
    readonly code:
      | 'empty'
      | 'too-large'
      | 'not-zip'
      | 'encrypted'
      | 'legacy-binary'
      | 'zip-bomb'
      | 'unsafe-xml'
      | 'not-docx'
      | 'bad-encoding'
      | 'not-a-report'
      | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
