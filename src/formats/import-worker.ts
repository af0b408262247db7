/** The import worker: one per file, terminated when the import is done or cancelled (import-job.ts). */
import { ImportJob, answer, type ImportRequest } from './import-job';

const job = new ImportJob();

self.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  void answer(job, event.data).then((reply) => self.postMessage(reply));
});
