import { memo, useEffect, useState } from 'react';
import { chineseDate, parseDateText } from '../lib/format-time';

// The 成文日期 field: shows "2026年1月20日", accepts the ways clerks type a date, and refuses what is not a date in place.

interface Props {
  id: string;
  value: string;
  onCommit: (iso: string) => void;
}

/** A date typed as text (IME-safe: the draft is the field's own text until Enter or leaving the field). */
export const DateField = memo(function DateField({ id, value, onCommit }: Props) {
  const [draft, setDraft] = useState(chineseDate(value));
  const [problem, setProblem] = useState('');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(chineseDate(value));
  }, [value, editing]);
  const commit = () => {
    const iso = parseDateText(draft);
    if (iso === null) {
      setProblem('请按“2026年1月20日”或“2026-01-20”的格式填写日期');
      return false;
    }
    setProblem('');
    setEditing(false);
    setDraft(chineseDate(iso));
    if (iso !== value) onCommit(iso);
    return true;
  };
  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        aria-label="成文日期"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-problem`}
        placeholder="例如 2026年1月20日"
        value={draft}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          if (!commit()) setEditing(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span id={`${id}-problem`} className="field-problem" role="alert">
        {problem}
      </span>
    </span>
  );
});
