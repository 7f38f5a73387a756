import { useRef, useState } from 'react';
import { api, errorMessage } from '../api';
import { base64ToBytes, bytesToBase64 } from '../lib/base64';
import { downloadBytes } from '../lib/download';

// 备份与恢复: the whole library as one file, for moving to a new PC or keeping a copy on a USB stick.

interface Props {
  /** Called after a backup was restored (the list changed). */
  onRestored: () => void;
}

/** The two backup buttons of the library screen and their outcome line. */
export function BackupTools({ onRestored }: Props) {
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await work(), bad: false });
    } catch (e) {
      setMessage({ text: errorMessage(e), bad: true });
    } finally {
      setBusy(false);
    }
  };

  const backup = () =>
    run(async () => {
      const { fileName, base64 } = await api.call('backup:exportBytes', {});
      downloadBytes(base64ToBytes(base64), fileName, 'application/json');
      return `已生成备份文件“${fileName}”，请妥善保存（可拷到 U 盘，在新电脑上“恢复备份”）。`;
    });

  const restore = (file: File) =>
    run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { added, skipped } = await api.call('backup:importBytes', { base64: bytesToBase64(bytes) });
      onRestored();
      return `已从备份恢复 ${added} 份报告${skipped ? `，${skipped} 份与报告库中的相同，已跳过` : ''}。`;
    });

  return (
    <div className="backup-tools">
      <button type="button" disabled={busy} onClick={() => void backup()} title="把整个报告库（含回收站）保存为一个备份文件">
        备份报告库
      </button>
      <button type="button" disabled={busy} onClick={() => input.current?.click()} title="从备份文件恢复报告（不会覆盖已有报告）">
        恢复备份…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="选择备份文件"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void restore(file);
        }}
      />
      {message ? (
        <span role="status" className={message.bad ? 'error-text' : 'hint'}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
