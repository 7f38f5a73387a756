// Plain-text files (.txt): decode only. Table recognition in text happens in the recogniser.

import { ImportError } from '../import/doc-content';
import { decodeText } from './decode-text';

/** Decodes a plain-text file (UTF-8/GB18030/UTF-16), rejecting empty and binary files with a Chinese message. */
export function readPlainText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length === 0) throw new ImportError('empty', '文件是空的，没有可导入的内容。');
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new ImportError('empty', '文件中没有文字内容。');
  return { text, encoding };
}
