import { SCHEMA_VERSION } from './report';

// Report schema migrations: ordered pure functions, each taking the JSON of version n to n + 1.
// A report file is migrated on load; the result is then validated with ReportSchema as usual.
//
// Version 0 (pre-release, before schemaVersion 1 shipped): `schemaVersion: 0` or no schemaVersion
// at all with a top-level `unitName`. Differences from version 1:
//   - the unit was two top-level fields, `unitName: string` and `unitLevel: UnitLevel`
//     (version 1: `unit: { name, level }`);
//   - `values` was nested by table, row and column: { t3: { r1_new: { natural: 1 } } }
//     (version 1: flat cell paths { "t3.r1_new.natural": 1 });
//   - there was no `rawValues`, `yearMentions` or `unplaced`.
// Everything else (id, templateId, templateVersion, year, title, preface, sections, signature,
// baseline) had the version-1 shape.

type Json = Record<string, unknown>;

export interface MigrationStep {
  /** The version this step reads; it writes from + 1. */
  from: number;
  describe: string;
  up: (json: Json) => Json;
}

const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function flattenNested(input: unknown, prefix = ''): Json {
  const out: Json = {};
  if (!isObj(input)) return out;
  for (const [k, v] of Object.entries(input)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObj(v)) Object.assign(out, flattenNested(v, key));
    else out[key] = v;
  }
  return out;
}

/** Version 0 → 1: unit object, flat values, the three lists that did not exist yet. */
function v0ToV1(json: Json): Json {
  const { unitName, unitLevel, ...rest } = json;
  const unit = isObj(json.unit) ? json.unit : { name: unitName ?? '', level: unitLevel ?? 'other' };
  return {
    ...rest,
    schemaVersion: 1,
    unit,
    values: flattenNested(json.values),
    rawValues: isObj(json.rawValues) ? json.rawValues : {},
    yearMentions: Array.isArray(json.yearMentions) ? json.yearMentions : [],
    unplaced: Array.isArray(json.unplaced) ? json.unplaced : [],
  };
}

/** Every step in order; step i reads version i. */
export const MIGRATIONS: readonly MigrationStep[] = [{ from: 0, describe: '单位字段合并为 unit，表格数值改为单元格路径', up: v0ToV1 }];

/** The schema version a report JSON claims (0 for the pre-release shape without one). */
export function detectSchemaVersion(json: unknown): number {
  if (!isObj(json)) return SCHEMA_VERSION;
  if (typeof json.schemaVersion === 'number' && Number.isInteger(json.schemaVersion)) return json.schemaVersion;
  if (json.schemaVersion === undefined && 'unitName' in json && !('unit' in json)) return 0;
  return SCHEMA_VERSION;
}

/** Runs the steps from the file's version up to SCHEMA_VERSION; a newer or unknown version is returned unchanged. */
export function migrateReport(json: unknown): { value: unknown; from: number; to: number } {
  const from = detectSchemaVersion(json);
  if (!isObj(json) || from >= SCHEMA_VERSION || from < 0) return { value: json, from, to: from };
  let value: Json = json;
  let version = from;
  for (const step of MIGRATIONS) {
    if (step.from !== version) continue;
    value = step.up(value);
    version = step.from + 1;
  }
  return { value, from, to: version };
}
