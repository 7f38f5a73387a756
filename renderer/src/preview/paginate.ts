// Flows measured blocks onto pages of a fixed text-block height, the way Word does with the exported DOCX:
// paragraphs split between lines (at least two lines on each side), headings stay with what follows,
// a table that fits on one page moves there whole (its rows keep with the next), a longer one splits
// between rows with its header rows repeated; a row never splits.

export type Measure =
  /** A paragraph that may split between its lines; keepWithNext keeps its last lines with the next block. */
  | { kind: 'lines'; lines: number; lineHeight: number; keepWithNext?: boolean }
  /** Something that never splits (title, heading, signature); keepWithNext keeps it on the page of the next block. */
  | { kind: 'block'; height: number; keepWithNext: boolean }
  /** A table: the height of its header rows and of each body row; keepTogether moves it whole when it fits on a page. */
  | { kind: 'table'; header: number; rows: number[]; repeatHeader: boolean; keepTogether?: boolean };

export type Piece =
  | { index: number; kind: 'block' }
  | { index: number; kind: 'lines'; from: number; to: number; lines: number }
  | { index: number; kind: 'table'; from: number; to: number; header: boolean };

/** Tolerance for sub-pixel rounding of measured heights. */
const EPS = 0.5;
const MIN_LINES = 2;

/** Lays the measured blocks onto pages; capacity(page) is the usable height of that page's text block. */
export function paginate(items: Measure[], capacity: (page: number) => number): Piece[][] {
  const pages: Piece[][] = [[]];
  let used = 0;
  const room = () => capacity(pages.length - 1) - used + EPS;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const place = (p: Piece, h: number) => {
    pages[pages.length - 1].push(p);
    used += h;
  };
  // The least height that must fit for block i to start on this page, following keep-with-next.
  const lead = (i: number, depth = 0): number => {
    const m = items[i];
    if (!m) return 0;
    if (m.kind === 'lines') return Math.min(MIN_LINES, m.lines) * m.lineHeight;
    if (m.kind === 'table') return whole(m) <= capacity(pages.length - 1) + EPS && m.keepTogether ? whole(m) : m.header + (m.rows[0] ?? 0);
    return m.height + (m.keepWithNext && depth < 4 ? lead(i + 1, depth + 1) : 0);
  };

  const whole = (m: Extract<Measure, { kind: 'table' }>) => m.rows.reduce((a, x) => a + x, m.header);

  items.forEach((m, index) => {
    if (m.kind === 'block') {
      const need = Math.min(m.keepWithNext ? lead(index) : m.height, capacity(pages.length - 1));
      if (need > room() && used > 0) newPage();
      place({ index, kind: 'block' }, m.height);
      return;
    }
    if (m.kind === 'lines') {
      let from = 0;
      while (from < m.lines) {
        const left = m.lines - from;
        let fit = Math.floor(room() / m.lineHeight);
        if (fit >= left) {
          const next = m.keepWithNext ? Math.min(lead(index + 1), capacity(pages.length - 1)) : 0;
          if (left * m.lineHeight + next <= room() || (used === 0 && from === 0 && left < 2 * MIN_LINES)) {
            place({ index, kind: 'lines', from, to: m.lines, lines: m.lines }, left * m.lineHeight);
            break;
          }
          // The next block does not fit after the whole paragraph: its last lines go over with it.
          fit = left - 1;
        }
        // Widow and orphan control: split only where both parts keep at least two lines.
        fit = left >= 2 * MIN_LINES ? Math.min(fit, left - MIN_LINES) : 0;
        if (fit < MIN_LINES) fit = 0;
        if (fit === 0) {
          if (used > 0) {
            newPage();
            continue;
          }
          fit = Math.max(1, Math.min(left, Math.floor(room() / m.lineHeight)));
        }
        place({ index, kind: 'lines', from, to: from + fit, lines: m.lines }, fit * m.lineHeight);
        from += fit;
        if (from < m.lines) newPage();
      }
      return;
    }
    if (m.keepTogether && used > 0 && whole(m) > room() && whole(m) <= capacity(pages.length) + EPS) newPage();
    let r = 0;
    let first = true;
    const n = m.rows.length;
    while (r < n) {
      const header = first || m.repeatHeader ? m.header : 0;
      if (header + m.rows[r] > room() && used > 0) {
        newPage();
        continue;
      }
      let h = header;
      let to = r;
      while (to < n && h + m.rows[to] <= room()) h += m.rows[to++];
      if (to === r) h += m.rows[to++]; // taller than a whole page: place it anyway
      place({ index, kind: 'table', from: r, to, header: first || m.repeatHeader }, h);
      r = to;
      first = false;
      if (r < n) newPage();
    }
  });
  if (pages.length > 1 && pages[pages.length - 1].length === 0) pages.pop();
  return pages;
}
