import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { makeBlock } from '../../../electron/core/model/new-report';
import type { Report } from '../../../electron/core/model/report';
import { check } from '../../../electron/core/rules/check';
import { deriveTotals } from '../../../electron/core/rules/derive';
import type { Issue } from '../../../electron/core/rules/issue';
import { getTemplate } from '../../../electron/core/template/registry';
import { TableGrid } from '../../../renderer/src/grid/table-grid';
import { PrintPreview } from '../../../renderer/src/preview/print-preview';
import { completeReport } from '../../fixtures/reports';

// Test page: mounts TableGrid (?table=t3) or PrintPreview (?view=preview[&long=1]) with the complete
// fixture report, keeps the state like the editor does and exposes it as win.__state.

export interface GridPageState {
  values: Report['values'];
  issues: Issue[];
  patches: Array<Record<string, number | null>>;
  checkMs: number[];
}

interface PageWindow {
  __state: GridPageState;
  __focusCell(cell: string): void;
  __setValues(patch: Record<string, number | null>): void;
  /** Preview page: appends a paragraph to section 五 (an edit while the preview is open). */
  __previewEdit(text: string): void;
  __ready: boolean;
}
const win = window as unknown as PageWindow;

const params = new URLSearchParams(location.search);
const template = getTemplate();
const base = completeReport();
/** Last year's report: its carry-out matches this year's carry-in, its stock matches S2. */
const previous = completeReport({
  year: 2024,
  values: { ...base.values, 't3.r4_carry_out.natural': 2, 't2.normative.valid': 10, 't2.rules.valid': 0 },
});

function longReport(): Report {
  const text =
    '2025年，街道坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，持续深化政务公开，' +
    '不断提升政府信息公开的标准化规范化水平，主动回应群众关切，切实保障人民群众的知情权、参与权、表达权和监督权。';
  const blocks = [];
  for (let i = 0; i < 60; i++) {
    if (i % 10 === 0) blocks.push(makeBlock('heading2', `（${'一二三四五六'[i / 10]}）第${i / 10 + 1}部分工作情况`));
    blocks.push(makeBlock('paragraph', `${i + 1}. ${text.slice(0, 40 + ((i * 37) % 120))}`));
  }
  return { ...base, sections: { ...base.sections, s1: { ...base.sections.s1, blocks } } };
}

function GridApp({ tableId }: { tableId: 't2' | 't3' | 't4' }) {
  const [values, setValues] = useState(base.values);
  const [issues, setIssues] = useState<Issue[]>(() => check(base, { previous }));
  const [focusRequest, setFocusRequest] = useState<{ cell: string; nonce: number } | undefined>();
  const apply = useCallback((patch: Record<string, number | null>, record: boolean) => {
    setValues((old) => {
      const next = deriveTotals({ ...old, ...patch }, template);
      const t0 = performance.now();
      const found = check({ ...base, values: next }, { previous });
      win.__state.checkMs.push(performance.now() - t0);
      setIssues(found);
      win.__state.values = next;
      win.__state.issues = found;
      if (record) win.__state.patches.push(patch);
      return next;
    });
  }, []);
  win.__focusCell = (cell) => setFocusRequest((r) => ({ cell, nonce: (r?.nonce ?? 0) + 1 }));
  win.__setValues = (patch) => apply(patch, false);
  return (
    <div>
      <button type="button" id="before">表格前的按钮</button>
      <TableGrid
        tableId={tableId}
        template={template}
        values={values}
        previousValues={previous.values}
        issues={issues}
        onChange={(patch) => apply(patch, true)}
        focusRequest={focusRequest}
        readOnly={params.get('readonly') === '1'}
      />
      <button type="button" id="after">表格后的按钮</button>
    </div>
  );
}

function PreviewApp({ initial }: { initial: Report }) {
  const [report, setReport] = useState(initial);
  win.__previewEdit = (text) =>
    setReport((r) => ({ ...r, sections: { ...r.sections, s5: { ...r.sections.s5, blocks: [...r.sections.s5.blocks, makeBlock('paragraph', text)] } } }));
  return <PrintPreview report={report} />;
}

const root = createRoot(document.getElementById('root')!);
win.__state = { values: base.values, issues: check(base, { previous }), patches: [], checkMs: [] };
if (params.get('view') === 'preview') {
  const report = params.get('long') === '1' ? longReport() : base;
  root.render(<PreviewApp initial={report} />);
} else {
  root.render(<GridApp tableId={(params.get('table') ?? 't3') as 't2' | 't3' | 't4'} />);
}
win.__ready = true;
