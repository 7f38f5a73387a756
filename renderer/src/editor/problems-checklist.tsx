import { memo } from 'react';
import { blockDomId, focusById } from './dom-ids';
import { dropProblem, getBlocks, insertBlock, setBlockText } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// Last year's section 五 problems as a checklist beside section 五: write how each was improved, then tick it off.

const NONE: string[] = [];

/** The checklist of last year's problems (hidden when there are none left). */
export const ProblemsChecklist = memo(function ProblemsChecklist() {
  const store = useStore();
  const problems = useStoreValue((s) => s.report.baseline?.problems ?? NONE);
  const year = useStoreValue((s) => s.report.baseline?.year);
  if (!problems.length) return null;
  const draft = (problem: string) => {
    let id = '';
    store.breakBurst();
    store.edit((r) => {
      const text = `针对上年度“${problem.replace(/[。；;，,]$/, '')}”的问题，`;
      const blocks = getBlocks(r, 's5');
      const a = blocks.findIndex((b) => b.type !== 'paragraph' && /改进|整改/.test(b.text));
      let j = a;
      while (j >= 0 && j + 1 < blocks.length && blocks[j + 1].type === 'paragraph') j++;
      const last = j >= 0 ? blocks[j] : blocks[blocks.length - 1];
      if (last && last.type === 'paragraph' && !last.text.trim()) {
        id = last.id;
        return setBlockText(r, 's5', last.id, text);
      }
      const res = insertBlock(r, 's5', j >= 0 ? blocks[j].id : undefined, 'paragraph', text);
      id = res.id;
      return res.report;
    });
    if (id) focusById(blockDomId(id), 'end');
  };
  return (
    <aside className="problems-checklist" aria-label="上年存在的问题">
      <h3>{year ?? '上'}年报告列出的问题（{problems.length}）</h3>
      <p className="hint">今年的“改进情况”应逐条说明。写好后点“已说明”。</p>
      <ul role="list">
        {problems.map((p, i) => (
          <li key={`${i}-${p}`}>
            <span className="problem-text">{p}</span>
            <span className="problem-actions">
              <button type="button" className="small" onClick={() => draft(p)}>
                写入改进情况
              </button>
              <button type="button" className="small" onClick={() => store.edit((r) => dropProblem(r, i))}>
                已说明
              </button>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
});
