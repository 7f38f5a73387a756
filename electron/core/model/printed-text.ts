// How report text is printed: shared by the DOCX export and the print preview so both break the same way.

/** Characters XML 1.0 cannot hold (kept out of the file so Word can open it). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * The printed lines of a piece of report text: one entry per non-blank line, control characters dropped, and
 * spaces at either end removed (hand-typed "　　" indents would double the format's two-character indent).
 */
export function printedLines(text: string): string[] {
  return text
    .replace(NOT_XML, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** "2026-01-20" → "2026年1月20日" (Arabic numerals, as GB/T 9704 asks for the 成文日期); "" when not a date. */
export function printedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** Width of a line of 3号 text in characters (digits and Latin in Times New Roman are about half a character). */
export function lineChars(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
}
