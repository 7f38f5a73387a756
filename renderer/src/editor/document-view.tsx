import { memo, useCallback } from 'react';
import { SECTION_KEYS } from '../../../electron/core/model/report';
import { BlockList } from './block-list';
import { DateField } from './date-field';
import { SIGNATURE_DATE_ID, SIGNATURE_UNIT_ID, TITLE_ID, sectionDomId } from './dom-ids';
import { ImeTextarea } from './ime-textarea';
import { setSignature, setTitle } from './report-edits';
import { SectionView } from './section-view';
import { UnplacedView } from './unplaced-view';
import { useStore, useStoreValue } from './use-store';

// The report as one page of paper: title, 前言, the six sections, the 落款 and 未识别内容, all editable in place.

const TitleField = memo(function TitleField() {
  const store = useStore();
  const title = useStoreValue((s) => s.report.title);
  const severity = useStoreValue((s) => s.issues().byPath.get('title'));
  const onCommit = useCallback((t: string) => store.edit((r) => setTitle(r, t), 'title'), [store]);
  return (
    <div id={sectionDomId('title')} className={`doc-title-row${severity ? ` sev-${severity}` : ''}`}>
      <ImeTextarea id={TITLE_ID} className="doc-title" value={title} onCommit={onCommit} singleLine aria-label="报告标题" placeholder="报告标题" />
    </div>
  );
});

const PrefaceView = memo(function PrefaceView() {
  return (
    <section id={sectionDomId('preface')} className="doc-section preface" aria-label="前言">
      <div className="area-label">前言</div>
      <BlockList area="preface" placeholder="前言：编制依据、全文结构、统计期限、获取方式和联系方式…" />
    </section>
  );
});

const SignatureView = memo(function SignatureView() {
  const store = useStore();
  const signature = useStoreValue((s) => s.report.signature);
  const unitSeverity = useStoreValue((s) => s.issues().byPath.get('signature.unit'));
  const dateSeverity = useStoreValue((s) => s.issues().byPath.get('signature.date'));
  const onUnit = useCallback((t: string) => store.edit((r) => setSignature(r, { unit: t }), 'signature.unit'), [store]);
  const onDate = useCallback((date: string) => store.edit((r) => setSignature(r, { date })), [store]);
  return (
    <section id={sectionDomId('signature')} className="doc-section signature" aria-label="落款">
      <div className="area-label">落款</div>
      <div className="signature-fields">
        <label className={unitSeverity ? `sev-${unitSeverity}` : undefined}>
          <span>落款单位</span>
          <ImeTextarea id={SIGNATURE_UNIT_ID} className="signature-unit" value={signature.unit} onCommit={onUnit} singleLine aria-label="落款单位" />
        </label>
        <label className={dateSeverity ? `sev-${dateSeverity}` : undefined}>
          <span>成文日期</span>
          <DateField id={SIGNATURE_DATE_ID} value={signature.date} onCommit={onDate} />
        </label>
      </div>
    </section>
  );
});

/** The editable report. */
export const DocumentView = memo(function DocumentView() {
  return (
    <div className="paper" role="document" aria-label="报告正文">
      <TitleField />
      <PrefaceView />
      {SECTION_KEYS.map((k) => (
        <SectionView key={k} sectionKey={k} />
      ))}
      <SignatureView />
      <UnplacedView />
    </div>
  );
});
