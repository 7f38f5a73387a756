import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { prefetchReport } from './editor/report-prefetch';
import { rememberedReportId } from './lib/open-report-memory';
import './styles/base.css';
import './styles/library.css';
import './styles/editor.css';

// Entry: starts reading the report to reopen, then mounts the app.
const reopen = rememberedReportId();
if (reopen) prefetchReport(reopen);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
