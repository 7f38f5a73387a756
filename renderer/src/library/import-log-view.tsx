import type { ImportLogEntry } from '../../../electron/core/contract';

// The import log after an import or roll-forward: counts of recognised, guessed and unplaced items, and the list.

const KINDS: Array<{ kind: ImportLogEntry['kind']; label: string }> = [
  { kind: 'recognised', label: '已识别' },
  { kind: 'guessed', label: '推测' },
  { kind: 'unplaced', label: '未识别' },
  { kind: 'warning', label: '提示' },
];

/** Counts per kind with an expandable list of every entry. */
export function ImportLogView({ log }: { log: ImportLogEntry[] }) {
  const count = (k: ImportLogEntry['kind']) => log.filter((e) => e.kind === k).length;
  return (
    <div className="import-log">
      <ul role="list" className="import-counts" aria-label="导入结果">
        {KINDS.map(({ kind, label }) => (
          <li key={kind} className={`import-count import-${kind}`}>
            <span className="import-count-label">{label}</span>
            <span className="import-count-value" data-kind={kind}>
              {count(kind)}
            </span>
          </li>
        ))}
      </ul>
      {log.length ? (
        <details className="import-details">
          <summary>查看全部 {log.length} 条记录</summary>
          <ul role="list">
            {log.map((e, i) => (
              <li key={i} className={`import-entry import-${e.kind}`}>
                <span className="import-kind">{KINDS.find((k) => k.kind === e.kind)?.label}</span>
                <span>{e.message}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {count('unplaced') ? <p className="hint">未识别的内容放在报告末尾的“未识别内容”中，请逐条移到合适位置或删除。</p> : null}
    </div>
  );
}
