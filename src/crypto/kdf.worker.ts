/**
 * Runs Argon2id off the main thread so the page stays responsive for the ~0.3-2 s it takes. The page starts one
 * worker per derivation and terminates it afterwards, which also hands the 64 MiB of WebAssembly memory back.
 */
import { runArgon2id, type KdfReply, type KdfRequest } from './argon2';

async function answer(request: KdfRequest): Promise<void> {
  let reply: KdfReply;
  try {
    reply = { ok: true, key: await runArgon2id(request) };
  } catch {
    // The usual cause is a device refusing the WebAssembly memory; nothing secret goes into the reply.
    reply = { ok: false };
  }
  self.postMessage(reply, { transfer: reply.ok ? [reply.key.buffer] : [] });
}

self.addEventListener('message', (event: MessageEvent<KdfRequest>) => {
  void answer(event.data);
});
