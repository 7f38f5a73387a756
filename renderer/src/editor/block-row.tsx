import { memo, useCallback, type ClipboardEvent, type KeyboardEvent } from 'react';
import { BLOCK_TYPES, type Block, type BlockType } from '../../../electron/core/model/report';
import { blockDomId, focusById } from './dom-ids';
import { ImeTextarea, isComposingKey } from './ime-textarea';
import { confirmBlock, getBlocks, moveBlock, pasteParagraphs, removeBlock, setBlockText, setBlockType, setBlocks, splitBlock, type BlockArea } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// One editable block: a type selector, the IME-safe text, and the keys that shape the list of blocks
// (Enter splits, Backspace in an empty block removes it, Alt+↑/↓ moves it, Alt+0–3 sets its type).

const TYPE_SHORT: Record<BlockType, string> = { paragraph: '正文', heading2: '（一）标题', heading3: '1. 标题', heading4: '（1）标题' };
const TYPE_KEYS: Record<string, BlockType> = { '0': 'paragraph', '1': 'heading2', '2': 'heading3', '3': 'heading4' };
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** The path the checker uses for a block. */
export function blockPath(area: BlockArea, id: string): string {
  return area === 'preface' || area === 'unplaced' ? `${area}.${id}` : `sections.${area}.${id}`;
}

interface Props {
  area: BlockArea;
  block: Block;
  placeholder?: string;
}

/** An editable block of the report. */
export const BlockRow = memo(function BlockRow({ area, block, placeholder }: Props) {
  const store = useStore();
  const severity = useStoreValue((s) => s.issues().byPath.get(blockPath(area, block.id)));
  const id = block.id;

  const onCommit = useCallback((text: string) => store.edit((r) => setBlockText(r, area, id, text), `text:${id}`), [store, area, id]);

  const breakBurst = useCallback(() => store.breakBurst(), [store]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (isComposingKey(e)) return;
      if (NAV_KEYS.has(e.key)) store.breakBurst(); // a caret jump starts a new undo step
      const el = e.currentTarget;
      const blocks = getBlocks(store.report, area);
      const index = blocks.findIndex((b) => b.id === id);
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        const start = el.selectionStart;
        const text = el.value.slice(0, start) + el.value.slice(el.selectionEnd);
        store.breakBurst();
        let newId = '';
        store.edit((r) => {
          const res = splitBlock(setBlockText(r, area, id, text), area, id, start);
          newId = res.id;
          return res.report;
        });
        if (newId) focusById(blockDomId(newId), 'start');
      } else if (e.key === 'Backspace' && el.selectionStart === 0 && el.selectionEnd === 0 && !e.altKey && !e.ctrlKey) {
        const prev = blocks[index - 1];
        if (el.value === '') {
          e.preventDefault();
          store.breakBurst();
          store.edit((r) => removeBlock(r, area, id));
          const target = prev ?? blocks[index + 1];
          if (target) focusById(blockDomId(target.id), prev ? 'end' : 'start');
        } else if (prev) {
          e.preventDefault();
          store.breakBurst();
          const join = prev.text.length;
          const text = el.value;
          store.edit((r) => {
            const list = getBlocks(r, area)
              .filter((b) => b.id !== id)
              .map((b) => (b.id === prev.id ? { id: b.id, type: b.type, text: b.text + text } : b));
            return setBlocks(r, area, list);
          });
          focusById(blockDomId(prev.id), join);
        }
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        store.breakBurst();
        const caret = el.selectionStart;
        store.edit((r) => moveBlock(r, area, id, e.key === 'ArrowUp' ? -1 : 1));
        focusById(blockDomId(id), caret);
      } else if (e.altKey && !e.ctrlKey && TYPE_KEYS[e.key]) {
        e.preventDefault();
        store.breakBurst();
        store.edit((r) => setBlockType(r, area, id, TYPE_KEYS[e.key]));
      } else if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey && el.selectionStart === 0 && el.selectionEnd === 0 && index > 0) {
        e.preventDefault();
        focusById(blockDomId(blocks[index - 1].id), 'end');
      } else if (e.key === 'ArrowDown' && !e.shiftKey && !e.altKey && el.selectionStart === el.value.length && index < blocks.length - 1) {
        e.preventDefault();
        focusById(blockDomId(blocks[index + 1].id), 'start');
      }
    },
    [store, area, id],
  );

  // Several paragraphs pasted from Word or a web page become several blocks, in one undo step.
  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLTextAreaElement>) => {
      const text = e.clipboardData.getData('text/plain');
      if (!/[\r\n]/.test(text)) return;
      e.preventDefault();
      const lines = text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
        .filter(Boolean);
      if (!lines.length) return;
      const el = e.currentTarget;
      const start = el.selectionStart;
      const end = el.selectionEnd;
      const current = el.value;
      let target = { id, caret: start };
      store.breakBurst();
      store.edit((r) => {
        const res = pasteParagraphs(setBlockText(r, area, id, current), area, id, start, end, lines);
        target = { id: res.id, caret: res.caret };
        return res.report;
      });
      focusById(blockDomId(target.id), target.caret);
    },
    [store, area, id],
  );

  const cls = ['block', `block-${block.type}`, block.stale ? 'is-stale' : '', severity ? `sev-${severity}` : ''].filter(Boolean).join(' ');
  return (
    <div className={cls} data-block-id={id}>
      <div className="block-gutter">
        <select
          className="block-type"
          aria-label="段落类型"
          title="段落类型（Alt+0 正文，Alt+1/2/3 各级小标题）"
          value={block.type}
          onChange={(e) => store.edit((r) => setBlockType(r, area, id, e.currentTarget.value as BlockType))}
        >
          {(Object.keys(BLOCK_TYPES) as BlockType[]).map((t) => (
            <option key={t} value={t}>
              {TYPE_SHORT[t]}
            </option>
          ))}
        </select>
      </div>
      <ImeTextarea
        id={blockDomId(id)}
        className="block-text"
        value={block.text}
        onCommit={onCommit}
        onKeyDown={onKeyDown}
        onMouseDown={breakBurst}
        onPaste={onPaste}
        onBlur={breakBurst}
        placeholder={placeholder ?? (block.type === 'paragraph' ? '在此输入正文…' : '小标题')}
        aria-label={`${BLOCK_TYPES[block.type]}${block.stale ? '（未更新，沿用上年）' : ''}`}
        aria-invalid={severity === 'error' ? true : undefined}
      />
      <div className="block-side">
        {block.stale ? (
          <button type="button" className="stale-tag" title="这段文字沿用了上年报告，请更新；若无需修改，点此确认保留" onClick={() => store.edit((r) => confirmBlock(r, area, id))}>
            <span>未更新</span>
            <span>（沿用上年）</span>
          </button>
        ) : null}
      </div>
    </div>
  );
});
