import { memo, useCallback, useMemo } from 'react';
import { applyQuickFix, computedCells, quickFixes } from '../../../electron/core/rules/derive';
import { getTemplate } from '../../../electron/core/template/registry';
import type { Issue } from '../../../electron/core/rules/issue';
import { useEditorActions } from './editor-actions';
import { useStore, useStoreValueAfterPaint } from './use-store';

// The checker's findings, errors first, updated as the clerk types; a click moves to the cell or paragraph,
// and "一键填入" applies the template's quick fix (四、结转下年度继续办理) to the columns it concerns.

/** Stable keys: the same finding keeps its list item (and its laid-out text) while others come and go. */
function keyed(list: Issue[]): Array<{ issue: Issue; key: string }> {
  const seen = new Map<string, number>();
  return list.map((issue) => {
    const base = `${issue.rule}|${issue.cells.join(',')}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { issue, key: n ? `${base}#${n}` : base };
  });
}

interface ItemProps {
  issue: Issue;
  fixTitle?: string;
  onOpen: (path: string) => void;
  onFix: (issue: Issue) => void;
}

const sameIssue = (a: Issue, b: Issue) => a === b || (a.rule === b.rule && a.severity === b.severity && a.message === b.message && a.cells.join() === b.cells.join());

/** One finding: a button that moves to its first cell, and "一键填入" where a quick fix applies. */
const IssueItem = memo(
  function IssueItem({ issue, fixTitle, onOpen, onFix }: ItemProps) {
    return (
      <li className={`issue issue-${issue.severity}`}>
        <button type="button" className="issue-main" onClick={() => issue.cells[0] && onOpen(issue.cells[0])}>
          <span className="issue-sev">{issue.severity === 'error' ? '错误' : '警告'}</span>
          <span className="issue-rule">{issue.rule}</span>
          <span className="issue-message">{issue.message}</span>
        </button>
        {fixTitle ? (
          <button type="button" className="small fix-button" title={fixTitle} onClick={() => onFix(issue)}>
            一键填入
          </button>
        ) : null}
      </li>
    );
  },
  (a, b) => sameIssue(a.issue, b.issue) && a.fixTitle === b.fixTitle && a.onOpen === b.onOpen && a.onFix === b.onFix,
);

/** The issue list with its quick fixes. */
export const IssuesPanel = memo(function IssuesPanel() {
  const store = useStore();
  const { focusPath } = useEditorActions();
  // After the edited cell is painted: the list is not on the keystroke's path.
  const index = useStoreValueAfterPaint((s) => s.issues());
  // Recomputed whenever the issues change; applied from the latest report on click.
  const fixes = useMemo(() => (index.list.length ? quickFixes(store.report) : []), [index, store]);

  const computed = useMemo(() => computedCells(getTemplate(store.report.templateId)), [store]);
  // A fix applies to the issue's own cells, never to a computed total (totals follow their parts).
  const fixable = (issue: Issue, values: Record<string, number>) => Object.keys(values).filter((p) => issue.cells.includes(p) && !computed.has(p));

  const fixFor = (issue: Issue) => {
    const fix = fixes.find((f) => f.rule === issue.rule);
    if (!fix) return null;
    const paths = fixable(issue, fix.values);
    return paths.length ? { fix, paths } : null;
  };

  const apply = useCallback((issue: Issue) => {
    const latest = quickFixes(store.report).find((f) => f.rule === issue.rule);
    if (!latest) return;
    const keep = new Set(fixable(issue, latest.values));
    const values = Object.fromEntries(Object.entries(latest.values).filter(([p]) => keep.has(p)));
    if (!Object.keys(values).length) return;
    store.breakBurst();
    store.edit((r) => applyQuickFix(r, { ...latest, values }));
  }, [store, computed]);

  return (
    <section className="issues-panel" aria-label="检查结果">
      <h2 className="panel-title">
        检查结果
        <span className="panel-counts" aria-live="polite">
          {index.errors ? <span className="count-error">{index.errors} 个错误</span> : null}
          {index.warnings ? <span className="count-warning">{index.warnings} 个警告</span> : null}
          {!index.errors && !index.warnings ? <span className="count-ok">没有发现问题，可以导出</span> : null}
        </span>
      </h2>
      <ul role="list" className="issue-list">
        {keyed(index.list).map(({ issue, key }) => (
          <IssueItem key={key} issue={issue} fixTitle={fixFor(issue)?.fix.title} onOpen={focusPath} onFix={apply} />
        ))}
      </ul>
    </section>
  );
});
