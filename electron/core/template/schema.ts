import { z } from 'zod';

// The zod schema of a template folder (templates/<id>/format.json + rules.json).
// Labels are the exact printed text; keys are stable ASCII used in cell paths "t3.r1_new.natural".

const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, '键名只能用小写字母、数字和下划线');
const Text = z.string().min(1);
const Span = z.number().int().min(1).max(40).optional();

export const GridCellSchema = z.union([
  z.strictObject({ text: Text, colSpan: Span, rowSpan: Span }),
  z.strictObject({ cell: z.string().regex(/^t\d\.[a-z0-9_]+\.[a-z0-9_]+$/), colSpan: Span, rowSpan: Span }),
]);
export type GridCell = z.infer<typeof GridCellSchema>;

export const CellKindSchema = z.enum(['count', 'amount', 'total', 'signed']);
export type CellKind = z.infer<typeof CellKindSchema>;

export const TableRowSchema = z.strictObject({
  key: Key,
  label: Text,
  /** The printed labels from the outermost merged label to this row's own label. */
  path: z.array(Text).min(1),
  group: Key.optional(),
  aliases: z.array(Text).optional(),
});

export const TableColumnSchema = z.strictObject({
  key: Key,
  label: Text,
  path: z.array(Text).min(1),
  unit: z.string().optional(),
  aliases: z.array(Text).optional(),
});

export const TableSchema = z.strictObject({
  id: z.string().regex(/^t\d$/),
  number: Text,
  section: Key,
  caption: Text,
  /** Header rows at the top of `grid` that repeat on every page. */
  headerRows: z.number().int().min(0),
  /** Relative widths of the grid columns. */
  widths: z.array(z.number().positive()).min(1),
  rows: z.array(TableRowSchema).min(1),
  columns: z.array(TableColumnSchema).min(1),
  cells: z.array(z.strictObject({ row: Key, col: Key, kind: CellKindSchema })).min(1),
  /** The printed table row by row: label cells and data cells with their merges. */
  grid: z.array(z.array(GridCellSchema).min(1)).min(1),
});
export type TableDef = z.infer<typeof TableSchema>;

export const SectionSchema = z.strictObject({
  key: Key,
  number: Text,
  heading: Text,
  aliases: z.array(Text),
  table: z.string().optional(),
  suggestedSubheadings: z.array(Text).optional(),
  placeholder: z.string().optional(),
});
export type SectionDef = z.infer<typeof SectionSchema>;

const Msg = z.string().min(1);
const Severity = z.enum(['error', 'warning']);
const RuleId = z.string().regex(/^[HS]\d+$/);
const base = { id: RuleId, severity: Severity, message: Msg };

export const RuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('sumEquals'),
    table: z.string(),
    /** "columns": check once per column with left/right as row keys; "rows": once per row with column keys. */
    over: z.enum(['columns', 'rows']),
    left: z.array(Key).min(1),
    right: z.array(Key).min(1),
    /** The single left key is a total computed from the right keys (the editor shows it read-only). */
    derive: z.boolean().optional(),
    /** Quick fix: solve for this key (on the `right` side) so the equation holds. */
    fix: z.strictObject({ target: Key, title: Text }).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('cellTypes') }),
  z.strictObject({ ...base, kind: z.literal('noBlanks') }),
  z.strictObject({ ...base, kind: z.literal('carryOver'), table: z.string(), from: Key, to: Key }),
  z.strictObject({
    ...base,
    kind: z.literal('stock'),
    table: z.string(),
    rows: z.array(Key).min(1),
    issued: Key,
    repealed: Key,
    valid: Key,
  }),
  z.strictObject({
    ...base,
    kind: z.literal('narrativeNumbers'),
    sections: z.array(Key).min(1),
    facts: z.array(
      z.strictObject({
        key: Key,
        terms: z.array(Text).min(1),
        objectTerms: z.array(Text).optional(),
        cells: z.array(z.string()).min(1),
        name: Text,
      }),
    ),
  }),
  z.strictObject({ ...base, kind: z.literal('sectionMentions'), section: Key, terms: z.array(Text).min(1) }),
  z.strictObject({ ...base, kind: z.literal('sectionNotEmpty'), section: Key, emptyTexts: z.array(z.string()) }),
  z.strictObject({ ...base, kind: z.literal('zeroForLevels'), cells: z.array(z.string()).min(1), levels: z.array(z.string()).min(1) }),
]);
export type RuleDef = z.infer<typeof RuleSchema>;

export const MigrateToSchema = z.strictObject({
  template: z.string(),
  cells: z.record(z.string(), z.string()),
  notes: z.record(z.string(), z.string()),
});

export const FormatSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  name: Text,
  basis: Text,
  usedFrom: z.number().int(),
  titlePattern: Text,
  preface: z.strictObject({ label: Text }),
  signature: z.strictObject({ unitLabel: Text, dateLabel: Text }),
  sections: z.array(SectionSchema).length(6),
  tables: z.array(TableSchema).min(1),
  migrateTo: MigrateToSchema.optional(),
});

export const RulesFileSchema = z.strictObject({ template: z.string(), rules: z.array(RuleSchema) });

export type FormatDef = z.infer<typeof FormatSchema>;

/** A loaded, validated template: the format and its rules, with lookup tables built once. */
export interface Template extends FormatDef {
  rules: RuleDef[];
  /** Every data cell path of every table, in table/grid order. */
  cellPaths: string[];
  cellKind: Map<string, CellKind>;
  table: Map<string, TableDef>;
}
