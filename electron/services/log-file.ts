import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

// A small rotating text log in the data folder (nianbao.log, nianbao.1.log, …): what support staff
// ask a clerk to send. No dependency; synchronous appends, which is fine at this volume.

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** The current log file. */
  readonly file: string;
}

export interface LoggerOptions {
  /** Rotate when the file passes this size (default 1 MiB). */
  maxBytes?: number;
  /** Older files kept (default 3). */
  keep?: number;
  /** Also print to the console. */
  echo?: boolean;
  fileName?: string;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.name}: ${detail.message}${detail.stack ? `\n${detail.stack}` : ''}`;
  try {
    return ` ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

/** A logger writing to <dir>/nianbao.log with size-based rotation; never throws. */
export function createLogger(dir: string, options: LoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const name = options.fileName ?? 'nianbao.log';
  const file = path.join(dir, name);
  const rotated = (i: number) => path.join(dir, name.replace(/\.log$/, `.${i}.log`));
  let broken = false;

  function rotateIfNeeded(): void {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      return;
    }
    if (size < maxBytes) return;
    rmSync(rotated(keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(rotated(i), rotated(i + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(file, rotated(1));
  }

  function write(level: LogLevel, message: string, detail?: unknown): void {
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${describe(detail)}\n`;
    if (options.echo) (level === 'error' ? console.error : level === 'warn' ? console.warn : console.log)(line.trimEnd());
    if (broken) return;
    try {
      mkdirSync(dir, { recursive: true });
      rotateIfNeeded();
      appendFileSync(file, line);
    } catch {
      // A read-only or full disk must not stop the app; stop trying.
      broken = true;
    }
  }

  return {
    file,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
