import { memo, useCallback, useContext } from 'react';
import { getTemplate } from '../../../electron/core/template/registry';
import { GridFocusContext } from './editor-actions';
import { TableGrid } from './grid-slot';
import { NO_ISSUES } from './issue-index';
import { setCells } from './report-edits';
import { useStore, useStoreValue } from './use-store';

// One official table in its section: the grid helper's TableGrid fed with this table's values and issues only.

const EMPTY = {};

/** The table of a section; each cell edit (or pasted block) is one undo step. */
export const SectionTable = memo(function SectionTable({ tableId }: { tableId: 't2' | 't3' | 't4' }) {
  const store = useStore();
  const templateId = useStoreValue((s) => s.report.templateId);
  const values = useStoreValue((s) => s.tableValues(tableId));
  const issues = useStoreValue((s) => s.issues().byTable[tableId] ?? NO_ISSUES);
  const previousValues = useStoreValue((s) => s.report.baseline?.values ?? EMPTY);
  const request = useContext(GridFocusContext);
  const focusRequest = request && request.cell.startsWith(`${tableId}.`) ? request : undefined;
  const onChange = useCallback(
    (changes: Record<string, number | null>) => {
      store.breakBurst();
      store.edit((r) => setCells(r, changes));
    },
    [store],
  );
  return (
    <div className="section-table">
      <TableGrid
        tableId={tableId}
        template={getTemplate(templateId)}
        values={values}
        previousValues={previousValues}
        issues={issues}
        onChange={onChange}
        focusRequest={focusRequest}
      />
    </div>
  );
});
