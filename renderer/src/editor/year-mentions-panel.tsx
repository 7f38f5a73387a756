import { memo } from 'react';
import { useEditorActions } from './editor-actions';
import { reviewMention } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// "需核对的年份": years carried over from last year's text that may need changing; jump to each, then mark it reviewed
// (the panel goes away once every one is reviewed).

const where = (path: string) => {
  if (path === 'title') return '标题';
  if (path.startsWith('preface')) return '前言';
  const m = /sections\.s([1-6])/.exec(path);
  return m ? `第${'一二三四五六'[Number(m[1]) - 1]}部分` : '正文';
};

/** The list of year mentions still to review (hidden when none). */
export const YearMentionsPanel = memo(function YearMentionsPanel() {
  const store = useStore();
  const { focusPath } = useEditorActions();
  const mentions = useStoreValue((s) => s.report.yearMentions);
  const open = mentions.map((m, i) => ({ m, i })).filter((x) => !x.m.reviewed);
  if (!open.length) return null;
  return (
    <section className="mentions-panel" aria-label="需核对的年份">
      <h2 className="panel-title">
        需核对的年份
        <span className="panel-counts count-warning">{open.length} 处待核对</span>
      </h2>
      <ul role="list">
        {open.map(({ m, i }) => (
          <li key={i} className="mention">
            <span className="mention-where">{where(m.path)}</span>
            <q className="mention-quote">{m.quote}</q>
            <span className="mention-actions">
              <button type="button" className="small" onClick={() => focusPath(m.blockId && !m.path.endsWith(m.blockId) ? `${m.path}.${m.blockId}` : m.path)}>
                定位
              </button>
              <button type="button" className="small" onClick={() => store.edit((r) => reviewMention(r, i))}>
                已核对
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
});
