import { memo, useCallback } from 'react';
import type { SectionKey } from '../../../electron/core/model/report';
import { getTemplate } from '../../../electron/core/template/registry';
import { BlockList } from './block-list';
import { headingDomId, sectionDomId } from './dom-ids';
import { ImeTextarea } from './ime-textarea';
import { ProblemsChecklist } from './problems-checklist';
import { setSectionHeading } from './report-edits';
import { SectionTable } from './section-table';
import { useStore, useStoreValue } from './use-store';

// One of the six sections: its heading, its official table (二/三/四) and its blocks; section 五 has last year's problems beside it.

/** A section of the report, editable in place. */
export const SectionView = memo(function SectionView({ sectionKey }: { sectionKey: SectionKey }) {
  const store = useStore();
  const templateId = useStoreValue((s) => s.report.templateId);
  const heading = useStoreValue((s) => s.report.sections[sectionKey].heading);
  const severity = useStoreValue((s) => s.issues().byPath.get(`sections.${sectionKey}`));
  const hasProblems = useStoreValue((s) => (s.report.baseline?.problems.length ?? 0) > 0);
  const def = getTemplate(templateId).sections.find((x) => x.key === sectionKey)!;
  const onHeading = useCallback((text: string) => store.edit((r) => setSectionHeading(r, sectionKey, text || def.heading), `heading:${sectionKey}`), [store, sectionKey, def.heading]);
  const withAside = sectionKey === 's5' && hasProblems;
  return (
    <section id={sectionDomId(sectionKey)} className={`doc-section${severity ? ` sev-${severity}` : ''}${withAside ? ' with-aside' : ''}`} aria-label={def.heading}>
      <div className="section-heading-row">
        <ImeTextarea id={headingDomId(sectionKey)} className="section-heading" value={heading} onCommit={onHeading} singleLine aria-label={`第${def.number}部分标题`} />
        {heading !== def.heading ? (
          <button type="button" className="small" title={`标准标题：${def.heading}`} onClick={() => store.edit((r) => setSectionHeading(r, sectionKey, def.heading))}>
            恢复标准标题
          </button>
        ) : null}
      </div>
      <div className="section-body">
        <div className="section-main">
          {def.table ? <SectionTable tableId={def.table as 't2' | 't3' | 't4'} /> : null}
          <BlockList area={sectionKey} placeholder={def.placeholder} addLabel={def.table ? '在表格后添加说明段落' : '添加段落'} />
        </div>
        {withAside ? <ProblemsChecklist /> : null}
      </div>
    </section>
  );
});
