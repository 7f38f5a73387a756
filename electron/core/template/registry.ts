import format2019 from '../../../templates/gov-disclosure-2019/format.json';
import rules2019 from '../../../templates/gov-disclosure-2019/rules.json';
import format2021 from '../../../templates/gov-disclosure-2021/format.json';
import rules2021 from '../../../templates/gov-disclosure-2021/rules.json';
import { loadTemplate } from './load-template';
import type { Template } from './schema';

/** The template new reports use. */
export const CURRENT_TEMPLATE_ID = 'gov-disclosure-2021';

/** Template folders bundled with the app (a test checks this list matches templates/). */
export const BUILTIN_TEMPLATE_SOURCES: ReadonlyArray<{ folder: string; format: unknown; rules: unknown }> = [
  { folder: 'gov-disclosure-2021', format: format2021, rules: rules2021 },
  { folder: 'gov-disclosure-2019', format: format2019, rules: rules2019 },
];

const registry = new Map<string, Template>();

/** Adds a validated template (adapters may add folders found on disk); throws with every problem listed. */
export function registerTemplate(formatJson: unknown, rulesJson: unknown): Template {
  const r = loadTemplate(formatJson, rulesJson);
  if (!r.ok) throw new Error(`模板无效：\n${r.problems.join('\n')}`);
  registry.set(r.template.id, r.template);
  return r.template;
}

function ensureBuiltins(): void {
  if (registry.size) return;
  for (const s of BUILTIN_TEMPLATE_SOURCES) registerTemplate(s.format, s.rules);
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): Template | undefined {
  ensureBuiltins();
  return registry.get(id);
}

/** The template with this id; throws when unknown (callers validate ids at the boundary). */
export function getTemplate(id: string = CURRENT_TEMPLATE_ID): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`未知的报告格式：${id}`);
  return t;
}

/** Every registered template. */
export function listTemplates(): Template[] {
  ensureBuiltins();
  return [...registry.values()];
}
