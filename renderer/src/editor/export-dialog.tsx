import { useState } from 'react';
import { api, errorMessage } from '../api';
import { base64ToBytes } from '../lib/base64';
import { downloadBytes } from '../lib/download';
import { ModalDialog } from '../lib/modal-dialog';

// 导出: font set choice, a last warning when errors remain (the clerk may export anyway), then the DOCX —
// a browser download in web mode, the save dialog of the main side in Electron.

type FontSet = 'standard' | 'gbk';
const FONT_KEY = 'nianbao.fontSet';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  reportId: string;
  errors: number;
  mode: 'electron' | 'web';
  flush: () => Promise<boolean>;
  onClose: () => void;
}

type Phase = { kind: 'choose' } | { kind: 'working' } | { kind: 'done'; message: string; missingFonts: string[] } | { kind: 'failed'; message: string };

const savedFontSet = (): FontSet => {
  try {
    return localStorage.getItem(FONT_KEY) === 'gbk' ? 'gbk' : 'standard';
  } catch {
    return 'standard';
  }
};

/** The export dialog. */
export function ExportDialog({ reportId, errors, mode, flush, onClose }: Props) {
  const [fontSet, setFontSet] = useState<FontSet>(savedFontSet);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });

  const run = async () => {
    setPhase({ kind: 'working' });
    try {
      localStorage.setItem(FONT_KEY, fontSet);
    } catch {
      /* remembered next time only if storage works */
    }
    try {
      if (!(await flush())) throw new Error('报告尚未保存成功，请稍后重试导出');
      if (mode === 'electron') {
        const r = await api.call('export:docxToFile', { id: reportId, fontSet });
        if (!r) return setPhase({ kind: 'choose' });
        setPhase({ kind: 'done', message: `已导出到 ${r.path}`, missingFonts: r.missingFonts });
      } else {
        const r = await api.call('export:docxBytes', { id: reportId, fontSet });
        downloadBytes(base64ToBytes(r.base64), r.fileName, DOCX_MIME);
        setPhase({ kind: 'done', message: `已导出为 ${r.fileName}（在浏览器的下载中）`, missingFonts: r.missingFonts });
      }
    } catch (e) {
      setPhase({ kind: 'failed', message: errorMessage(e) });
    }
  };

  return (
    <ModalDialog title="导出 Word 文档" onClose={onClose} className="export-dialog">
      {phase.kind === 'choose' || phase.kind === 'working' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <fieldset className="font-choice">
            <legend>字体</legend>
            <label>
              <input type="radio" name="fontSet" value="standard" checked={fontSet === 'standard'} onChange={() => setFontSet('standard')} />
              标准字体（方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312）
            </label>
            <label>
              <input type="radio" name="fontSet" value="gbk" checked={fontSet === 'gbk'} onChange={() => setFontSet('gbk')} />
              方正_GBK字体（江苏）
            </label>
          </fieldset>
          {errors > 0 ? (
            <p className="export-warning" role="alert">
              报告还有 {errors} 个错误，仍要导出吗？
            </p>
          ) : (
            <p className="hint">检查通过，可以导出。</p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              取消
            </button>
            <button type="submit" className={errors > 0 ? 'danger' : 'primary'} disabled={phase.kind === 'working'} autoFocus>
              {phase.kind === 'working' ? '正在导出…' : errors > 0 ? '仍要导出' : '导出'}
            </button>
          </div>
        </form>
      ) : null}
      {phase.kind === 'done' ? (
        <div className="export-done">
          <p role="status">{phase.message}</p>
          {phase.missingFonts.length ? <p className="font-warning">本机缺少以下字体，打开文档时将以替代字体显示：{phase.missingFonts.join('、')}</p> : null}
          <div className="modal-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              完成
            </button>
          </div>
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <div>
          <p className="error-text" role="alert">
            导出失败：{phase.message}
          </p>
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              关闭
            </button>
            <button type="button" className="primary" onClick={() => void run()}>
              重试
            </button>
          </div>
        </div>
      ) : null}
    </ModalDialog>
  );
}
