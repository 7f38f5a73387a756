// DOM ids of the editor's fields, so issues, year mentions and the outline can move focus to them.

/** The textarea of a block. */
export const blockDomId = (blockId: string) => `blk-${blockId}`;
/** A section's element. */
export const sectionDomId = (area: string) => `area-${area}`;
/** The title field. */
export const TITLE_ID = 'field-title';
/** A section heading field. */
export const headingDomId = (key: string) => `heading-${key}`;
/** The 落款 fields. */
export const SIGNATURE_UNIT_ID = 'field-signature-unit';
export const SIGNATURE_DATE_ID = 'field-signature-date';

/** Focuses an element by id after the next paint (so freshly rendered blocks exist); caret at 'start', 'end' or an offset. */
export function focusById(id: string, caret?: 'start' | 'end' | number): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    if (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text')) {
      const at = caret === 'start' ? 0 : caret === 'end' || caret === undefined ? el.value.length : Math.min(caret, el.value.length);
      el.setSelectionRange(at, at);
    }
  });
}
