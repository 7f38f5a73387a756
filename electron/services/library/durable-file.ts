import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

// Durable file writes: a write lands whole or not at all, also on power loss.
// temp file in the same folder → write → fsync → rename over the target → fsync the folder.
// lowdb's own JSONFile adapter renames without fsync; DurableJsonFile is the adapter we give it.

/** Marks temp files; anything containing it is garbage from an interrupted write. */
export const TEMP_MARK = '.tmp-';

/** A file that exists but does not parse or does not validate. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${path.basename(file)}：${reason}`);
    this.name = 'CorruptFileError';
  }
}

/** True for the error Windows gives when a folder is fsynced (it cannot be; NTFS journals the rename). */
export function isIgnorableDirSyncError(err: unknown, platform: NodeJS.Platform = process.platform): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return platform === 'win32' && (code === 'EPERM' || code === 'EISDIR' || code === 'EACCES');
}

/** Flushes a folder's entries (the rename) to disk; ignores the one error Windows gives for this. */
export async function fsyncDir(dir: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch (e) {
    if (!isIgnorableDirSyncError(e, platform)) throw e;
  } finally {
    await fh?.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Renames, retrying briefly on Windows where a virus scanner or indexer may hold the target open. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const busy = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (process.platform !== 'win32' || !busy || attempt >= 10) throw e;
      await sleep(20 * (attempt + 1));
    }
  }
}

let tempCounter = 0;

/** Writes a file atomically; with sync (the default) also durably (fsync of file and folder). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { sync?: boolean } = {}): Promise<void> {
  const sync = options.sync ?? true;
  tempCounter = (tempCounter + 1) % 1e9;
  const tmp = `${file}${TEMP_MARK}${process.pid}-${tempCounter}`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      if (sync) await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  if (sync) await fsyncDir(path.dirname(file));
}

/** Reads a file's text; null when it does not exist. */
export async function readTextOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Parses JSON text or throws CorruptFileError naming the file. */
export function parseJsonOrCorrupt(file: string, text: string): unknown {
  if (text.trim() === '') throw new CorruptFileError(file, '文件是空的');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CorruptFileError(file, `不是有效的 JSON（${(e as Error).message}）`);
  }
}

export interface JsonCodec<T> {
  /** Validates parsed JSON; throws CorruptFileError (or returns nothing usable) when it is not a T. */
  decode: (json: unknown, file: string) => T;
  /** What is written for a T. */
  encode: (data: T) => unknown;
}

/** lowdb adapter: validated reads, atomic writes, fsynced unless `sync: false` (derived data such as the index). */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly codec: JsonCodec<T>,
    private readonly options: { sync?: boolean } = {},
  ) {}

  /** The validated content, null when the file does not exist; CorruptFileError when it does not parse or validate. */
  async read(): Promise<T | null> {
    const text = await readTextOrNull(this.file);
    if (text === null) return null;
    return this.codec.decode(parseJsonOrCorrupt(this.file, text), this.file);
  }

  /** Replaces the file atomically (and durably unless sync is false). */
  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(this.codec.encode(data)), { sync: this.options.sync ?? true });
  }
}
