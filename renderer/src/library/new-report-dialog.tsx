import { useState, type FormEvent } from 'react';
import type { ImportLogEntry, ReportSummary } from '../../../electron/core/contract';
import { UNIT_LEVELS, type UnitLevel } from '../../../electron/core/model/report';
import { api, errorMessage } from '../api';
import { bytesToBase64 } from '../lib/base64';
import { ModalDialog } from '../lib/modal-dialog';
import { ImportLogView } from './import-log-view';

// 新建报告: blank for a unit and year, from last year's report in the library, by importing a file
// (DOCX / HTML / text), or from pasted text. Imports end with the import log and 打开报告.

export type NewReportTab = 'blank' | 'roll' | 'file' | 'paste';

interface Props {
  reports: ReportSummary[];
  mode: 'electron' | 'web';
  initialTab?: NewReportTab;
  initialFromId?: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  onChanged: () => void;
}

const TABS: Array<{ tab: NewReportTab; label: string }> = [
  { tab: 'blank', label: '空白报告' },
  { tab: 'roll', label: '从上年报告新建' },
  { tab: 'file', label: '导入文件' },
  { tab: 'paste', label: '粘贴文本' },
];

const ACCEPT = '.docx,.html,.htm,.txt,.text,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The new-report dialog. */
export function NewReportDialog({ reports, mode, initialTab = 'blank', initialFromId, onClose, onOpen, onChanged }: Props) {
  const [tab, setTab] = useState<NewReportTab>(initialTab);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [outcome, setOutcome] = useState<{ summary: ReportSummary; log: ImportLogEntry[] } | null>(null);
  const lastYear = new Date().getFullYear() - 1;
  const [unitName, setUnitName] = useState('');
  const [level, setLevel] = useState<UnitLevel>('township');
  const [year, setYear] = useState(lastYear);
  const sorted = [...reports].sort((a, b) => b.year - a.year || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const [fromId, setFromId] = useState(initialFromId ?? sorted[0]?.id ?? '');
  const from = reports.find((r) => r.id === fromId);
  const [rollYear, setRollYear] = useState<number>(from ? from.year + 1 : lastYear);
  const [text, setText] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const imported = (o: { summary: ReportSummary; log: ImportLogEntry[] } | null) => {
    if (!o) return;
    setOutcome(o);
    onChanged();
  };

  const submitBlank = (e: FormEvent) => {
    e.preventDefault();
    const name = unitName.trim();
    if (!name) return setError('请填写单位全称');
    void run(async () => {
      const report = await api.call('library:create', { unitName: name, level, year });
      onChanged();
      onOpen(report.id);
    });
  };

  const submitRoll = (e: FormEvent) => {
    e.preventDefault();
    if (!fromId) return setError('请选择上年报告');
    void run(async () => imported(await api.call('library:rollForward', { fromId, year: rollYear })));
  };

  const importFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      imported(await api.call('import:bytes', { fileName: file.name, base64: bytesToBase64(bytes) }));
    });
  };

  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('请先粘贴报告全文');
    void run(async () => imported(await api.call('import:text', { text })));
  };

  if (outcome)
    return (
      <ModalDialog title="导入完成" onClose={onClose} className="new-report-dialog">
        <p>
          已生成报告：<strong>{outcome.summary.title}</strong>
        </p>
        <ImportLogView log={outcome.log} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            返回报告库
          </button>
          <button type="button" className="primary" autoFocus onClick={() => onOpen(outcome.summary.id)}>
            打开报告
          </button>
        </div>
      </ModalDialog>
    );

  return (
    <ModalDialog title="新建报告" onClose={onClose} className="new-report-dialog">
      <div className="tabs" role="group" aria-label="新建方式">
        {TABS.map((t) => (
          <button
            key={t.tab}
            type="button"
            aria-pressed={tab === t.tab}
            onClick={() => {
              setTab(t.tab);
              setError('');
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body" onInput={() => error && setError('')}>
        <p className="error-text dialog-error" role="alert">
          {error}
        </p>
        {tab === 'blank' ? (
          <form onSubmit={submitBlank} className="form-grid">
            <label>
              <span>单位全称</span>
              <input aria-label="单位全称" value={unitName} onChange={(e) => setUnitName(e.currentTarget.value)} placeholder="例如：某市某区某街道办事处" autoFocus maxLength={200} />
            </label>
            <label>
              <span>单位类型</span>
              <select aria-label="单位类型" value={level} onChange={(e) => setLevel(e.currentTarget.value as UnitLevel)}>
                {(Object.keys(UNIT_LEVELS) as UnitLevel[]).map((k) => (
                  <option key={k} value={k}>
                    {UNIT_LEVELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>年度</span>
              <input aria-label="年度" type="number" min={2008} max={2100} value={year} onChange={(e) => setYear(Number(e.currentTarget.value))} />
            </label>
            <div className="modal-actions">
              <button type="button" onClick={onClose}>
                取消
              </button>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? '正在创建…' : '创建'}
              </button>
            </div>
          </form>
        ) : null}
        {tab === 'roll' ? (
          sorted.length ? (
            <form onSubmit={submitRoll} className="form-grid">
              <label>
                <span>上年报告</span>
                <select
                  aria-label="上年报告"
                  value={fromId}
                  onChange={(e) => {
                    const id = e.currentTarget.value;
                    setFromId(id);
                    const r = reports.find((x) => x.id === id);
                    if (r) setRollYear(r.year + 1);
                  }}
                >
                  {sorted.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.unitName} · {r.year} 年
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>新报告年度</span>
                <input aria-label="新报告年度" type="number" min={2008} max={2100} value={rollYear} onChange={(e) => setRollYear(Number(e.currentTarget.value))} />
              </label>
              <p className="hint">沿用上年报告的结构和文字（标为“未更新”，请逐段更新），上年“结转下年度”转入今年“上年结转”，上年存在的问题列为核对清单。</p>
              <div className="modal-actions">
                <button type="button" onClick={onClose}>
                  取消
                </button>
                <button type="submit" className="primary" disabled={busy}>
                  {busy ? '正在生成…' : '从上年报告新建'}
                </button>
              </div>
            </form>
          ) : (
            <p className="hint">报告库中还没有报告。可以先“导入文件”导入上年的报告。</p>
          )
        ) : null}
        {tab === 'file' ? (
          <div
            className="drop-zone"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              importFile(e.dataTransfer.files[0]);
            }}
          >
            <p>支持 Word 文档（.docx）、网页（.html）和纯文本（.txt）。旧版 .doc / .wps 请先在 Word 或 WPS 中另存为 .docx。</p>
            {mode === 'electron' ? (
              <button type="button" className="primary" disabled={busy} onClick={() => void run(async () => imported(await api.call('import:pickFile', {})))}>
                {busy ? '正在导入…' : '选择文件…'}
              </button>
            ) : (
              <label className="file-label">
                <span>{busy ? '正在导入…' : '选择文件（也可以把文件拖到这里）'}</span>
                <input type="file" accept={ACCEPT} aria-label="选择要导入的文件" disabled={busy} onChange={(e) => importFile(e.currentTarget.files?.[0])} />
              </label>
            )}
          </div>
        ) : null}
        {tab === 'paste' ? (
          <form onSubmit={submitPaste} className="form-grid">
            <label className="wide">
              <span>报告全文</span>
              <textarea aria-label="粘贴报告全文" className="paste-box" value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder="从网页或文档中复制整篇报告，粘贴到这里" rows={12} />
            </label>
            <div className="modal-actions">
              <button type="button" onClick={onClose}>
                取消
              </button>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? '正在识别…' : '识别并导入'}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </ModalDialog>
  );
}
