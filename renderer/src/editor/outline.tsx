import { memo } from 'react';
import { SECTION_KEYS } from '../../../electron/core/model/report';
import { getTemplate } from '../../../electron/core/template/registry';
import { SIGNATURE_UNIT_ID, TITLE_ID, blockDomId, focusById, headingDomId, sectionDomId } from './dom-ids';
import type { AreaCount, IssueArea } from './issue-index';
import { useStoreValue, useStoreValueAfterPaint } from './use-store';

// The outline on the left: every part of the report with its error and warning badges; a click moves there.

interface Entry {
  area: IssueArea;
  label: string;
}

function Badges({ count }: { count?: AreaCount }) {
  return (
    <span className="badges" aria-hidden={count ? undefined : true}>
      {count?.errors ? (
        <span className="badge badge-error" title={`${count.errors} 个错误`}>
          {count.errors}
        </span>
      ) : null}
      {count?.warnings ? (
        <span className="badge badge-warning" title={`${count.warnings} 个警告`}>
          {count.warnings}
        </span>
      ) : null}
    </span>
  );
}

function go(area: IssueArea, firstBlock: string | undefined): void {
  if (area === 'title') focusById(TITLE_ID, 'end');
  else if (area === 'signature') focusById(SIGNATURE_UNIT_ID, 'end');
  else if (area === 'preface' || area === 'unplaced') {
    if (firstBlock) focusById(blockDomId(firstBlock), 'start');
    else document.getElementById(sectionDomId(area))?.scrollIntoView({ block: 'start' });
  } else focusById(headingDomId(area), 'end');
}

/** The outline with badges. */
export const Outline = memo(function Outline() {
  const templateId = useStoreValue((s) => s.report.templateId);
  const unplaced = useStoreValue((s) => s.report.unplaced);
  const preface = useStoreValue((s) => s.report.preface);
  // Badges follow after the edited cell is painted: they are not on the keystroke's path.
  const byArea = useStoreValueAfterPaint((s) => s.issues().byArea);
  const t = getTemplate(templateId);
  const entries: Entry[] = [
    { area: 'title', label: '标题' },
    { area: 'preface', label: '前言' },
    ...SECTION_KEYS.map((k) => ({ area: k as IssueArea, label: t.sections.find((s) => s.key === k)?.heading ?? k })),
    { area: 'signature', label: '落款' },
  ];
  if (unplaced.length) entries.push({ area: 'unplaced', label: `未识别内容（${unplaced.length}）` });
  return (
    <nav className="outline" aria-label="报告大纲">
      <ul role="list">
        {entries.map((e) => {
          const c = byArea[e.area];
          const label = c ? `${e.label}（${[c.errors ? `${c.errors} 个错误` : '', c.warnings ? `${c.warnings} 个警告` : ''].filter(Boolean).join('，')}）` : e.label;
          return (
            <li key={e.area}>
              <button type="button" className="outline-item" aria-label={label} onClick={() => go(e.area, e.area === 'unplaced' ? unplaced[0]?.id : preface[0]?.id)}>
                <span className="outline-label">{e.label}</span>
                <Badges count={c} />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
});
