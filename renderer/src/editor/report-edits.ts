import { makeBlock } from '../../../electron/core/model/new-report';
import type { Block, BlockType, Report, SectionKey } from '../../../electron/core/model/report';
import { deriveTotals } from '../../../electron/core/rules/derive';
import { getTemplate } from '../../../electron/core/template/registry';

// Pure edits on the report that the editor applies through the store (each returns a new report, or the same one when nothing changed).

/** Where a list of blocks lives: the preface, one of the six sections, or 未识别内容. */
export type BlockArea = 'preface' | SectionKey | 'unplaced';

/** The blocks of an area. */
export function getBlocks(r: Report, area: BlockArea): Block[] {
  if (area === 'preface') return r.preface;
  if (area === 'unplaced') return r.unplaced;
  return r.sections[area].blocks;
}

/** The report with the area's blocks replaced. */
export function setBlocks(r: Report, area: BlockArea, blocks: Block[]): Report {
  if (area === 'preface') return { ...r, preface: blocks };
  if (area === 'unplaced') return { ...r, unplaced: blocks };
  return { ...r, sections: { ...r.sections, [area]: { ...r.sections[area], blocks } } };
}

const mapBlock = (r: Report, area: BlockArea, id: string, f: (b: Block) => Block): Report => {
  const blocks = getBlocks(r, area);
  const i = blocks.findIndex((b) => b.id === id);
  if (i < 0) return r;
  const next = f(blocks[i]);
  if (next === blocks[i]) return r;
  const copy = blocks.slice();
  copy[i] = next;
  return setBlocks(r, area, copy);
};

const fresh = (b: Block): Block => {
  if (!b.stale) return b;
  const { stale: _stale, ...rest } = b;
  return rest;
};

/** Sets a block's text; an edited block is no longer "沿用上年". */
export function setBlockText(r: Report, area: BlockArea, id: string, text: string): Report {
  return mapBlock(r, area, id, (b) => (b.text === text && !b.stale ? b : { ...fresh(b), text }));
}

/** Changes a block's type (paragraph / sub-heading levels). */
export function setBlockType(r: Report, area: BlockArea, id: string, type: BlockType): Report {
  return mapBlock(r, area, id, (b) => (b.type === type ? b : { ...fresh(b), type }));
}

/** Keeps a carried-over block as it is (clears the 沿用上年 mark). */
export function confirmBlock(r: Report, area: BlockArea, id: string): Report {
  return mapBlock(r, area, id, fresh);
}

/** Inserts a new block after `afterId` (at the start when null, at the end when undefined); returns the report and the new block's id. */
export function insertBlock(r: Report, area: BlockArea, afterId: string | null | undefined, type: BlockType, text = ''): { report: Report; id: string } {
  const blocks = getBlocks(r, area);
  const block = makeBlock(type, text);
  const at = afterId === undefined ? blocks.length : afterId === null ? 0 : blocks.findIndex((b) => b.id === afterId) + 1;
  const copy = blocks.slice();
  copy.splice(at < 0 ? blocks.length : at, 0, block);
  return { report: setBlocks(r, area, copy), id: block.id };
}

/** Splits a block at the caret: text after the caret goes into a new paragraph below. */
export function splitBlock(r: Report, area: BlockArea, id: string, caret: number): { report: Report; id: string } {
  const block = getBlocks(r, area).find((b) => b.id === id);
  if (!block) return { report: r, id };
  const before = block.text.slice(0, caret);
  const after = block.text.slice(caret);
  const withBefore = after ? setBlockText(r, area, id, before) : r;
  return insertBlock(withBefore, area, id, 'paragraph', after);
}

/** Removes a block. */
export function removeBlock(r: Report, area: BlockArea, id: string): Report {
  const blocks = getBlocks(r, area);
  const next = blocks.filter((b) => b.id !== id);
  return next.length === blocks.length ? r : setBlocks(r, area, next);
}

/** Moves a block up (−1) or down (+1) within its area. */
export function moveBlock(r: Report, area: BlockArea, id: string, delta: -1 | 1): Report {
  const blocks = getBlocks(r, area);
  const i = blocks.findIndex((b) => b.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= blocks.length) return r;
  const copy = blocks.slice();
  [copy[i], copy[j]] = [copy[j], copy[i]];
  return setBlocks(r, area, copy);
}

/** Moves an unplaced block to the end of a section or the preface. */
export function placeUnplaced(r: Report, id: string, target: Exclude<BlockArea, 'unplaced'>): Report {
  const block = r.unplaced.find((b) => b.id === id);
  if (!block) return r;
  const without = removeBlock(r, 'unplaced', id);
  return setBlocks(without, target, [...getBlocks(without, target), block]);
}

/** Sets the title. */
export function setTitle(r: Report, title: string): Report {
  return r.title === title ? r : { ...r, title };
}

/** Sets a section's printed heading. */
export function setSectionHeading(r: Report, key: SectionKey, heading: string): Report {
  if (r.sections[key].heading === heading) return r;
  return { ...r, sections: { ...r.sections, [key]: { ...r.sections[key], heading } } };
}

/** Sets the 落款 unit or date. */
export function setSignature(r: Report, patch: Partial<Report['signature']>): Report {
  const next = { ...r.signature, ...patch };
  return next.unit === r.signature.unit && next.date === r.signature.date ? r : { ...r, signature: next };
}

/** Writes table cells (null = blank), forgets their imported raw text and recomputes the totals. */
export function setCells(r: Report, changes: Record<string, number | null>): Report {
  const values = { ...r.values };
  let rawValues = r.rawValues;
  let changed = false;
  for (const [path, value] of Object.entries(changes)) {
    if ((values[path] ?? null) !== value) changed = true;
    if (value == null) delete values[path];
    else values[path] = value;
    if (rawValues[path] !== undefined) {
      if (rawValues === r.rawValues) rawValues = { ...rawValues };
      delete rawValues[path];
      changed = true;
    }
  }
  if (!changed) return r;
  return { ...r, values: deriveTotals(values, getTemplate(r.templateId)), rawValues };
}

/** Marks one of the "需核对的年份" items reviewed. */
export function reviewMention(r: Report, index: number): Report {
  const m = r.yearMentions[index];
  if (!m || m.reviewed) return r;
  const list = r.yearMentions.slice();
  list[index] = { ...m, reviewed: true };
  return { ...r, yearMentions: list };
}

/** Takes one of last year's problems off the checklist (the clerk has dealt with it). */
export function dropProblem(r: Report, index: number): Report {
  const b = r.baseline;
  if (!b || index < 0 || index >= b.problems.length) return r;
  return { ...r, baseline: { ...b, problems: b.problems.filter((_, i) => i !== index) } };
}

/** Pastes several paragraphs at the caret: the first joins the text before the caret, each further one becomes a
 * paragraph below, the text after the caret follows the last; returns the report, the last block's id and the caret there. */
export function pasteParagraphs(r: Report, area: BlockArea, id: string, start: number, end: number, lines: string[]): { report: Report; id: string; caret: number } {
  const blocks = getBlocks(r, area);
  const i = blocks.findIndex((b) => b.id === id);
  if (i < 0 || !lines.length) return { report: r, id, caret: start };
  const b = blocks[i];
  const before = b.text.slice(0, start);
  const after = b.text.slice(end);
  if (lines.length === 1) {
    const text = before + lines[0] + after;
    return { report: setBlockText(r, area, id, text), id, caret: before.length + lines[0].length };
  }
  const first: Block = { id: b.id, type: b.type, text: before + lines[0] };
  const rest = lines.slice(1).map((line) => makeBlock('paragraph', line));
  const last = rest[rest.length - 1];
  const caret = last.text.length;
  last.text += after;
  const copy = blocks.slice();
  copy.splice(i, 1, first, ...rest);
  return { report: setBlocks(r, area, copy), id: last.id, caret };
}
