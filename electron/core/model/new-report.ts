import { getTemplate, CURRENT_TEMPLATE_ID } from '../template/registry';
import { SCHEMA_VERSION, SECTION_KEYS, type Block, type BlockType, type Report, type UnitLevel } from './report';

let counter = 0;
/** A short unique id for blocks and reports (no crypto needed; uniqueness within a report suffices for blocks). */
export function newId(prefix = 'b'): string {
  counter = (counter + 1) % 1_000_000;
  const rand = Math.floor(Math.random() * 0xffffffff).toString(36);
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${rand}`;
}

/** A block of the given type. */
export function makeBlock(type: BlockType, text: string): Block {
  return { id: newId(), type, text };
}

/** The default title: "{单位全称}{年份}年政府信息公开工作年度报告". */
export function defaultTitle(unitName: string, year: number, templateId = CURRENT_TEMPLATE_ID): string {
  return getTemplate(templateId).titlePattern.replace('{unit}', unitName).replace('{year}', String(year));
}

/** A blank report for a unit and year: official headings, suggested sub-headings, every cell blank. */
export function createBlankReport(input: { unitName: string; level: UnitLevel; year: number; id?: string }): Report {
  const t = getTemplate(CURRENT_TEMPLATE_ID);
  const sections = {} as Report['sections'];
  for (const key of SECTION_KEYS) {
    const def = t.sections.find((s) => s.key === key)!;
    const blocks: Block[] = [];
    for (const h of def.suggestedSubheadings ?? []) {
      blocks.push(makeBlock('heading2', h), makeBlock('paragraph', ''));
    }
    if (!def.suggestedSubheadings && !def.table) blocks.push(makeBlock('paragraph', ''));
    sections[key] = { heading: def.heading, blocks };
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    id: input.id ?? newId('r'),
    templateId: t.id,
    templateVersion: t.version,
    unit: { name: input.unitName, level: input.level },
    year: input.year,
    title: defaultTitle(input.unitName, input.year),
    preface: [makeBlock('paragraph', '')],
    sections,
    values: {},
    rawValues: {},
    signature: { unit: input.unitName, date: '' },
    yearMentions: [],
    unplaced: [],
  };
}
