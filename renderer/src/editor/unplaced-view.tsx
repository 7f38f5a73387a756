import { memo } from 'react';
import { SECTION_KEYS } from '../../../electron/core/model/report';
import { getTemplate } from '../../../electron/core/template/registry';
import { blockDomId } from './dom-ids';
import { ImeTextarea } from './ime-textarea';
import { placeUnplaced, removeBlock, setBlockText, type BlockArea } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// 未识别内容: text the importer could not place, for the clerk to move into a section or delete.

/** The unplaced blocks with "移到" and "删除" (hidden when empty). */
export const UnplacedView = memo(function UnplacedView() {
  const store = useStore();
  const blocks = useStoreValue((s) => s.report.unplaced);
  const templateId = useStoreValue((s) => s.report.templateId);
  if (!blocks.length) return null;
  const sections = getTemplate(templateId).sections;
  return (
    <section id="area-unplaced" className="doc-section unplaced" aria-label="未识别内容">
      <h2 className="unplaced-heading">未识别内容（{blocks.length}）</h2>
      <p className="hint">导入时无法确定位置的内容。请移到合适的部分，或删除。导出时不包含这里的内容。</p>
      {blocks.map((b) => (
        <div key={b.id} className="unplaced-item">
          <ImeTextarea id={blockDomId(b.id)} className="block-text" value={b.text} aria-label="未识别的内容" onCommit={(t) => store.edit((r) => setBlockText(r, 'unplaced', b.id, t), `text:${b.id}`)} />
          <div className="unplaced-actions">
            <select
              aria-label="移到"
              value=""
              onChange={(e) => {
                const target = e.currentTarget.value as Exclude<BlockArea, 'unplaced'>;
                if (target) store.edit((r) => placeUnplaced(r, b.id, target));
              }}
            >
              <option value="">移到…</option>
              <option value="preface">前言</option>
              {SECTION_KEYS.map((k) => (
                <option key={k} value={k}>
                  {sections.find((s) => s.key === k)?.heading ?? k}
                </option>
              ))}
            </select>
            <button type="button" className="small danger" onClick={() => store.edit((r) => removeBlock(r, 'unplaced', b.id))}>
              删除
            </button>
          </div>
        </div>
      ))}
    </section>
  );
});
