/**
 * Runs one key derivation off the main thread, so the page stays responsive for the seconds it may take. The page
 * starts one worker per job and terminates it afterwards (or when the person cancels), which also hands the
 * WebAssembly memory back.
 */
import { runKdfJob, type KdfJob, type KdfReply } from './kdf-jobs';

async function answer(job: KdfJob): Promise<void> {
  let reply: KdfReply;
  try {
    reply = { ok: true, output: await runKdfJob(job) };
  } catch {
    // The usual cause is a device refusing the WebAssembly memory; nothing secret goes into the reply.
    reply = { ok: false };
  }
  const transfer = reply.ok && reply.output instanceof Uint8Array ? [reply.output.buffer] : [];
  self.postMessage(reply, { transfer });
}

self.addEventListener('message', (event: MessageEvent<KdfJob>) => {
  void answer(event.data);
});
