import { z } from 'zod';
import { ReportSchema, UnitLevelSchema } from './model/report';
import { IssueSchema } from './rules/issue';

// The one IPC contract: channel → zod input and output. Main validates every payload against it,
// the preload exposes exactly these channels, the renderer calls them through renderer/src/api.ts,
// and the web mode carries the same contract over a local HTTP transport.

const Id = z.string().min(1).max(64);
const Year = z.number().int().min(2008).max(2100);
const Base64 = z.string().max(140_000_000);

export const ReportSummarySchema = z.strictObject({
  id: Id,
  unitName: z.string(),
  unitLevel: UnitLevelSchema,
  year: z.number().int(),
  title: z.string(),
  /** ISO time of the last save. */
  updatedAt: z.string(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const NoticeSchema = z.strictObject({
  kind: z.enum(['recovered', 'set-aside', 'migrated', 'lock-stale', 'info']),
  /** Chinese, for the user. */
  message: z.string(),
  reportId: z.string().optional(),
  at: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const SnapshotInfoSchema = z.strictObject({ snapshotId: z.string(), savedAt: z.string(), bytes: z.number().int() });
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

export const TrashEntrySchema = z.strictObject({ id: Id, title: z.string(), unitName: z.string(), year: z.number().int(), deletedAt: z.string() });
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

export const ImportLogEntrySchema = z.strictObject({
  kind: z.enum(['recognised', 'guessed', 'unplaced', 'warning']),
  message: z.string(),
  path: z.string().optional(),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntrySchema>;

export const FontSetSchema = z.enum(['standard', 'gbk']);

const ImportOutcome = z.strictObject({ summary: ReportSummarySchema, log: z.array(ImportLogEntrySchema) });
const Empty = z.strictObject({});

export const contract = {
  'app:info': { input: Empty, output: z.strictObject({ version: z.string(), mode: z.enum(['electron', 'web']), dataDir: z.string() }) },
  'library:list': { input: Empty, output: z.array(ReportSummarySchema) },
  'library:get': { input: z.strictObject({ id: Id }), output: ReportSchema },
  'library:create': { input: z.strictObject({ unitName: z.string().min(1).max(200), level: UnitLevelSchema, year: Year }), output: ReportSchema },
  'library:save': { input: z.strictObject({ report: ReportSchema }), output: z.strictObject({ savedAt: z.string(), summary: ReportSummarySchema }) },
  'library:rename': { input: z.strictObject({ id: Id, title: z.string().min(1).max(300) }), output: ReportSummarySchema },
  'library:duplicate': { input: z.strictObject({ id: Id }), output: ReportSummarySchema },
  'library:delete': { input: z.strictObject({ id: Id }), output: z.null() },
  'library:trash': { input: Empty, output: z.array(TrashEntrySchema) },
  'library:restore': { input: z.strictObject({ id: Id }), output: ReportSummarySchema },
  'library:history': { input: z.strictObject({ id: Id }), output: z.array(SnapshotInfoSchema) },
  'library:restoreSnapshot': { input: z.strictObject({ id: Id, snapshotId: z.string().min(1).max(200) }), output: ReportSchema },
  /** What happened on start-up or since the last call (recovered files, migrations): shown once to the user. */
  'library:notices': { input: Empty, output: z.array(NoticeSchema) },
  /** A new report for `year` from last year's report in the library (carry-over, baseline, draft text). */
  'library:rollForward': { input: z.strictObject({ fromId: Id, year: Year }), output: ImportOutcome },
  /** Electron: main shows the open dialog and imports the chosen file; null when cancelled. */
  'import:pickFile': { input: Empty, output: ImportOutcome.nullable() },
  /** Web mode and drag-and-drop: the renderer sends the file's bytes (never a path). */
  'import:bytes': { input: z.strictObject({ fileName: z.string().min(1).max(260), base64: Base64 }), output: ImportOutcome },
  'import:text': { input: z.strictObject({ text: z.string().min(1).max(20_000_000) }), output: ImportOutcome },
  /** Electron: main shows the save dialog and writes the DOCX; null when cancelled. */
  'export:docxToFile': {
    input: z.strictObject({ id: Id, fontSet: FontSetSchema }),
    output: z.strictObject({ path: z.string(), missingFonts: z.array(z.string()), issues: z.array(IssueSchema) }).nullable(),
  },
  /** Web mode: the DOCX as bytes for the browser to download. */
  'export:docxBytes': {
    input: z.strictObject({ id: Id, fontSet: FontSetSchema }),
    output: z.strictObject({ fileName: z.string(), base64: Base64, missingFonts: z.array(z.string()), issues: z.array(IssueSchema) }),
  },
  /** The whole library as one backup file (for a new PC). */
  'backup:exportBytes': { input: Empty, output: z.strictObject({ fileName: z.string(), base64: Base64 }) },
  'backup:importBytes': { input: z.strictObject({ base64: Base64 }), output: z.strictObject({ added: z.number().int(), skipped: z.number().int() }) },
  'shell:openExternal': { input: z.strictObject({ url: z.string().url().max(2000) }), output: z.null() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.infer<Contract[C]['output']>;

export const ErrorCodeSchema = z.enum(['invalid-input', 'not-found', 'locked', 'io', 'bad-file', 'cancelled', 'forbidden', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** What every channel returns: Electron keeps only the message of a thrown error, so errors are data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Builds a success result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** Builds a failure result with a Chinese message. */
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

export const CHANNELS = Object.keys(contract) as Channel[];

/** The API the preload exposes as window.nianbao (and the web transport imitates). */
export interface NianbaoBridge {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
}

// ——— Main → renderer events (not request/response; carried only by the Electron preload) ———

/** Menu commands main sends to the renderer: window.nianbao.onMenu(cb) receives only these. */
export const MenuCommandSchema = z.enum(['new', 'open', 'import', 'export']);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

/** The renderer's answer when main asks it, before quitting, to flush unsaved work (window.nianbao.onBeforeQuit). */
export const FlushReplySchema = z.strictObject({
  /** True when everything is saved (or nothing was pending). */
  saved: z.boolean(),
  /** Chinese, why saving failed (shown in the quit dialog). */
  message: z.string().max(2000).optional(),
});
export type FlushReply = z.infer<typeof FlushReplySchema>;

/** What the Electron preload exposes as window.nianbao: the contract plus the two main → renderer events. */
export interface NianbaoDesktopBridge extends NianbaoBridge {
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(cb: (command: MenuCommand) => void): () => void;
  /** Registers the flush main awaits before quitting (about 2 s); returns the unsubscribe function. */
  onBeforeQuit(cb: () => Promise<FlushReply> | FlushReply): () => void;
}
