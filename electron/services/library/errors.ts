import { fail, type Result } from '../../core/contract';
import { CorruptFileError } from './durable-file';

// Disk errors → Result with a Chinese message the clerk can act on. Expected failures never throw
// out of the library; a bug still shows as 'internal' with its message rather than crashing the app.

/** The Chinese message for a disk error code, or null when it has none of its own. */
export function diskErrorMessage(code: string | undefined, what: string): string | null {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，${what}未能完成。请清理磁盘（如删除不用的文件、清空回收站）后重试；已保存的内容没有受到影响。`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限读写报告库文件夹，${what}未能完成。请检查文件夹权限，或联系管理员。`;
    case 'EROFS':
      return `报告库所在的磁盘是只读的，${what}未能完成。`;
    case 'EMFILE':
    case 'ENFILE':
      return `打开的文件过多，${what}未能完成。请关闭一些程序后重试。`;
    case 'EIO':
      return `读写磁盘出错（可能是磁盘故障），${what}未能完成。请尽快备份报告库。`;
    default:
      return null;
  }
}

/** Turns anything thrown during an operation into a failed Result. */
export function failFromError<T>(e: unknown, what: string): Result<T> {
  if (e instanceof CorruptFileError) return fail('bad-file', `${what}未能完成：${e.message}`);
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const message = diskErrorMessage(code, what);
  if (message) return fail(code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'forbidden' : 'io', message);
  if (code) return fail('io', `${what}未能完成：读写磁盘出错（${code}）。`);
  return fail('internal', `${what}未能完成：程序内部错误（${(e as Error)?.message ?? String(e)}）。`);
}
