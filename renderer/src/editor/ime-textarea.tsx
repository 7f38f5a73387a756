import { memo, useLayoutEffect, useRef, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';

// A self-growing textarea that is safe for Chinese input methods: the DOM owns the text while the clerk
// types; the store receives it on input events outside composition and at compositionend, and the value
// is written back into the DOM only when it changed elsewhere (undo, restore) and no composition is active.

type Native = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange' | 'onInput'>;

export interface ImeTextareaProps extends Native {
  value: string;
  /** Receives the text whenever it changed outside a composition. */
  onCommit: (text: string) => void;
  'aria-label': string;
  /** Enter does nothing (titles and headings are one line). */
  singleLine?: boolean;
}

const growsByCss = typeof CSS !== 'undefined' && CSS.supports?.('field-sizing', 'content');

function grow(el: HTMLTextAreaElement): void {
  if (growsByCss) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

/** True while an input method is composing (Enter and shortcuts belong to the IME then). */
export function isComposingKey(e: KeyboardEvent): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** The IME-safe auto-growing textarea. */
export const ImeTextarea = memo(function ImeTextarea({ value, onCommit, singleLine, onKeyDown, className, ...rest }: ImeTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || composing.current || el.value === value) return;
    const focused = document.activeElement === el;
    const start = el.selectionStart;
    el.value = value;
    if (focused) {
      const at = Math.min(start, value.length);
      el.setSelectionRange(at, at);
    }
    grow(el);
  }, [value]);

  useLayoutEffect(() => {
    if (ref.current) grow(ref.current);
  }, []);

  return (
    <textarea
      {...rest}
      ref={ref}
      rows={1}
      className={className ? `ime-text ${className}` : 'ime-text'}
      defaultValue={value}
      spellCheck={false}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        const el = e.currentTarget;
        grow(el);
        onCommit(singleLine ? el.value.replace(/\n/g, '') : el.value);
      }}
      onInput={(e) => {
        const el = e.currentTarget;
        grow(el);
        if (composing.current || (e.nativeEvent as InputEvent).isComposing) return;
        if (singleLine && el.value.includes('\n')) el.value = el.value.replace(/\n/g, '');
        onCommit(el.value);
      }}
      onKeyDown={(e) => {
        if (singleLine && e.key === 'Enter' && !isComposingKey(e)) e.preventDefault();
        onKeyDown?.(e);
      }}
    />
  );
});
