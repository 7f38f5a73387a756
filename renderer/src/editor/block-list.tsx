import { memo } from 'react';
import { blockDomId, focusById } from './dom-ids';
import { BlockRow } from './block-row';
import { getBlocks, insertBlock, type BlockArea } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// The blocks of one area with buttons to add a paragraph or a sub-heading at the end.

interface Props {
  area: BlockArea;
  /** Placeholder for empty paragraphs (section 六's template hint). */
  placeholder?: string;
  addLabel?: string;
}

/** The editable blocks of an area. */
export const BlockList = memo(function BlockList({ area, placeholder, addLabel = '添加段落' }: Props) {
  const store = useStore();
  const blocks = useStoreValue((s) => getBlocks(s.report, area));
  const add = (type: 'paragraph' | 'heading2') => {
    let id = '';
    store.breakBurst();
    store.edit((r) => {
      const res = insertBlock(r, area, undefined, type);
      id = res.id;
      return res.report;
    });
    if (id) focusById(blockDomId(id), 'start');
  };
  return (
    <div className="block-list">
      {blocks.map((b) => (
        <BlockRow key={b.id} area={area} block={b} placeholder={b.type === 'paragraph' ? placeholder : undefined} />
      ))}
      <div className="block-add">
        <button type="button" className="link-button" onClick={() => add('paragraph')}>
          ＋ {addLabel}
        </button>
        {area !== 'preface' ? (
          <button type="button" className="link-button" onClick={() => add('heading2')}>
            ＋ 添加小标题
          </button>
        ) : null}
      </div>
    </div>
  );
});
