import { parentPort, workerData } from 'node:worker_threads';
import { ImportError } from '../core/import/doc-content';
import { importBytes } from '../core/import/import-bytes';

// Runs one import off the main thread (started by import-service.ts, which kills it after its time limit).

interface Job {
  bytes: ArrayBuffer;
  fileName: string;
}

/** Imports the bytes handed over by the service and posts back the result or a Chinese message. */
export async function runImportJob(job: Job): Promise<void> {
  try {
    const result = await importBytes(new Uint8Array(job.bytes), job.fileName);
    parentPort?.postMessage({ ok: true, result });
  } catch (e) {
    const message = e instanceof ImportError ? e.message : `导入时出错：${(e as Error)?.message ?? String(e)}`;
    parentPort?.postMessage({ ok: false, message });
  }
}

if (parentPort && workerData && (workerData as { kind?: string }).kind === 'nianbao-import') await runImportJob(workerData as Job);
