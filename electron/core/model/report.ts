import { z } from 'zod';
import '../zod-locale';

// The report model: one validated shape that every part of the app holds.
// Table values live in a flat map keyed by cell path ("t3.r1_new.natural"); a missing key or null
// is a blank cell, which is not the same as 0.

export const SCHEMA_VERSION = 1;

export const UNIT_LEVELS = {
  township: '乡镇/街道',
  county_gov: '县级人民政府',
  city_gov: '设区的市级人民政府',
  province_gov: '省级人民政府',
  department: '政府部门',
  other: '其他机关',
} as const;
export type UnitLevel = keyof typeof UNIT_LEVELS;
export const UnitLevelSchema = z.enum(Object.keys(UNIT_LEVELS) as [UnitLevel, ...UnitLevel[]]);

export const BLOCK_TYPES = {
  heading2: '二级标题（一）',
  heading3: '三级标题 1.',
  heading4: '四级标题（1）',
  paragraph: '正文段落',
} as const;
export type BlockType = keyof typeof BLOCK_TYPES;
export const BlockTypeSchema = z.enum(Object.keys(BLOCK_TYPES) as [BlockType, ...BlockType[]]);

export const BlockSchema = z.strictObject({
  id: z.string().min(1).max(64),
  type: BlockTypeSchema,
  text: z.string().max(100_000),
  /** Carried over from last year's report and not yet edited by the clerk. */
  stale: z.boolean().optional(),
});
export type Block = z.infer<typeof BlockSchema>;

export const SECTION_KEYS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SectionContentSchema = z.strictObject({
  /** The heading as printed; the template's official heading unless the clerk changed it. */
  heading: z.string().min(1).max(200),
  blocks: z.array(BlockSchema).max(5000),
});
export type SectionContent = z.infer<typeof SectionContentSchema>;

export const CellValueSchema = z.number().finite().nullable();
export const CellPathSchema = z.string().regex(/^t\d\.[a-z0-9_]+\.[a-z0-9_]+$/, '单元格路径格式应为 表.行.列');

export const BaselineSchema = z.strictObject({
  /** Year of the report the baseline was taken from. */
  year: z.number().int(),
  /** Last year's values the checker compares against (S1: t3.r4_carry_out.*, S2: t2.*.valid). */
  values: z.record(CellPathSchema, CellValueSchema),
  /** Last year's section 五 problems: the checklist of what this year must say was improved. */
  problems: z.array(z.string()).default([]),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export const YearMentionSchema = z.strictObject({
  /** Where: "preface", "title" or "sections.s1" plus the block id. */
  path: z.string(),
  blockId: z.string().optional(),
  quote: z.string(),
  reviewed: z.boolean().default(false),
});
export type YearMention = z.infer<typeof YearMentionSchema>;

export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().min(1).max(64),
  templateId: z.string().min(1),
  templateVersion: z.number().int().min(1),
  unit: z.strictObject({
    name: z.string().max(200),
    level: UnitLevelSchema,
  }),
  year: z.number().int().min(2008).max(2100),
  title: z.string().max(300),
  preface: z.array(BlockSchema).max(200),
  sections: z.strictObject({
    s1: SectionContentSchema,
    s2: SectionContentSchema,
    s3: SectionContentSchema,
    s4: SectionContentSchema,
    s5: SectionContentSchema,
    s6: SectionContentSchema,
  }),
  values: z.record(CellPathSchema, CellValueSchema),
  /** The original text of cells that were not a clean number on import ("/", "22（其中修订16件）"). */
  rawValues: z.record(CellPathSchema, z.string()).default({}),
  signature: z.strictObject({
    unit: z.string().max(200),
    /** ISO date "2025-01-20", or "" while not set. */
    date: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')]),
  }),
  baseline: BaselineSchema.optional(),
  yearMentions: z.array(YearMentionSchema).default([]),
  /** Text and tables the importer could not place: shown as "未识别内容" for the clerk to place or delete. */
  unplaced: z.array(BlockSchema).default([]),
  /** Values of an older format that have no place in this one (kept, never printed). */
  legacy: z
    .strictObject({
      templateId: z.string(),
      values: z.record(z.string(), CellValueSchema),
      labels: z.record(z.string(), z.string()),
    })
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;
