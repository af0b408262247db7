/**
 * The WebDAV adapter (RFC 4918), on plain `fetch`: PROPFIND (Depth 1) to list, GET, PUT with If-Match or
 * If-None-Match: *, DELETE and MKCOL, with a Basic authorization header made from the stored credentials. No
 * client library: the `webdav` package (the one well-kept choice) brings its own XML parser, path and auth layers
 * and a fetch polyfill for some 40 kB to do these five requests, and none of it deals with what matters here
 * (which answers mean what, CORS, a weak entity tag), which is this file.
 */
import { utf8Bytes, bytesToBase64 } from '../core/encoding';
import { isLatchkeyError } from '../core/errors';
import { SyncError } from './errors';
import { readMultistatus } from './multistatus';
import { OBJECT_NAME, type ListedObject, type StorageAdapter, type StoredObject, type WriteCondition } from './storage';

export interface WebDavOptions {
  /** The folder's address; a missing final "/" is added. */
  url: string;
  username: string;
  password: string;
  /** Stops every request under way (the vault was locked, sync was turned off). */
  signal?: AbortSignal;
  /** Tests replace the network. */
  fetch?: typeof fetch;
  /** Each request's time limit. */
  timeoutMs?: number;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getetag/><d:getlastmodified/><d:getcontentlength/></d:prop></d:propfind>';

/** The folder address as sync uses it: http(s), no credentials, query or fragment, ending in "/". */
export function folderUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new SyncError(
      'not-webdav',
      `“${text}” is not a web address. Give the folder's full address, starting with https://.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncError('not-webdav', 'The server address must start with https://.');
  }
  if (url.username || url.password) {
    throw new SyncError('not-webdav', 'Put the username and app password in their own fields, not in the address.');
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * A weak tag (W/"…") never matches an If-Match (RFC 9110 §13.1.1 compares strongly). Apache gives one for a
 * second after each write and the same tag, strong, afterwards: sent without its W/ it matches from then on, and
 * before that the 412 it gets is retried like any other (engine.ts).
 */
function strongTag(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : etag;
}

export function webDavStorage(options: WebDavOptions): StorageAdapter {
  const folder = folderUrl(options.url);
  const where = folder.host;
  const run = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const authorization = `Basic ${bytesToBase64(utf8Bytes(`${options.username}:${options.password}`))}`;

  function objectUrl(name: string): string {
    if (!OBJECT_NAME.test(name)) throw new TypeError(`Object name ${JSON.stringify(name)} is not allowed.`);
    return new URL(name, folder).href;
  }

  /** Tells a failure of the network itself apart: no network, no answer, or an answer CORS withheld. */
  async function networkProblem(timedOut: boolean): Promise<never> {
    if (options.signal?.aborted) throw options.signal.reason;
    if (timedOut) {
      throw new SyncError('unreachable', `${where} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new SyncError('offline', 'This device is offline.');
    }
    // Which request fails tells them apart: a plain CORS request (no credentials, so no preflight) gets an answer
    // (a 401, say) from a server that allows this origin; a no-cors one gets an opaque answer from any server.
    const answers = (mode: RequestMode) =>
      run(folder.href, { mode, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) }).then(
        () => true,
        () => false,
      );
    if (await answers('cors')) {
      throw new SyncError('interrupted', `The connection to ${where} broke off in the middle of a request.`);
    }
    if (await answers('no-cors')) {
      const origin = typeof location === 'undefined' ? 'of Latchkey' : location.origin;
      throw new SyncError(
        'cors',
        `${where} answers, but does not let Latchkey read its answers (CORS). Allow the origin ${origin} on ` +
          'the server: docs/sync.md says how for Apache, nginx and Nextcloud.',
      );
    }
    throw new SyncError('unreachable', `Latchkey cannot reach ${where}.`);
  }

  async function request(method: string, url: string, init: RequestInit = {}): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await run(url, {
        ...init,
        method,
        headers: { Authorization: authorization, ...(init.headers as Record<string, string>) },
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal,
      });
    } catch (error) {
      // The relay's own refusal (app/sync: no service worker yet) says what to do; anything else is the network.
      if (isLatchkeyError(error)) throw error;
      return networkProblem(timeout.aborted);
    }
  }

  /** The sentence for an answer that is not what was asked for. */
  function refused(response: Response, doing: string): SyncError {
    const { status } = response;
    if (status === 401) {
      return new SyncError(
        'unauthorized',
        `${where} did not accept the username or app password (401). Check both; an app password can be revoked.`,
        status,
      );
    }
    if (status === 403) {
      return new SyncError('forbidden', `${where} does not allow this user to ${doing} in that folder (403).`, status);
    }
    if (status === 404) return new SyncError('not-found', `There is no folder at ${folder.href} (404).`, status);
    if (status === 412) return new SyncError('precondition', `${where} found the synced copy changed (412).`, status);
    if (status === 413) return new SyncError('too-large', `${where} refused an object as too large (413).`, status);
    if (status === 507) {
      return new SyncError(
        'insufficient-storage',
        `${where} is out of space (507). Free some space there; your changes wait on this device meanwhile.`,
        status,
      );
    }
    if (status === 405 || status === 501) {
      return new SyncError('not-webdav', `${folder.href} is not a WebDAV folder (${doing}: ${status}).`, status);
    }
    return new SyncError('server', `${where} answered ${status} ${response.statusText} to ${doing}.`.trim(), status);
  }

  async function discard(response: Response): Promise<void> {
    await response.body?.cancel().catch(() => undefined);
  }

  return {
    where,

    async list(): Promise<ListedObject[]> {
      const response = await request('PROPFIND', folder.href, {
        headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
        body: PROPFIND_BODY,
      });
      if (response.status !== 207) {
        const error = refused(response, 'list files');
        await discard(response);
        // A plain web server answers PROPFIND like a GET (200) or not at all (405).
        if (response.ok) throw new SyncError('not-webdav', `${folder.href} is not a WebDAV folder.`, response.status);
        throw error;
      }
      return readMultistatus(await response.text());
    },

    async ensureFolder(): Promise<void> {
      const response = await request('MKCOL', folder.href);
      await discard(response);
      // 405: it exists already.
      if (response.status === 201 || response.status === 405) return;
      throw refused(response, 'create folders');
    },

    async get(name: string, ifNoneMatch?: string | null): Promise<StoredObject | null | 'unchanged'> {
      const response = await request('GET', objectUrl(name), {
        headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
      });
      if (response.status === 304) return 'unchanged';
      if (response.status === 404) {
        await discard(response);
        return null;
      }
      if (!response.ok) {
        await discard(response);
        throw refused(response, 'read files');
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { bytes, etag: response.headers.get('ETag') };
    },

    async put(name: string, bytes: Uint8Array<ArrayBuffer>, condition?: WriteCondition): Promise<string | null> {
      const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
      if (condition && 'ifMatch' in condition) headers['If-Match'] = strongTag(condition.ifMatch);
      if (condition && 'create' in condition) headers['If-None-Match'] = '*';
      const response = await request('PUT', objectUrl(name), { headers, body: bytes });
      await discard(response);
      if (!response.ok) throw refused(response, 'write files');
      return response.headers.get('ETag');
    },

    async delete(name: string): Promise<void> {
      const response = await request('DELETE', objectUrl(name));
      await discard(response);
      if (response.ok || response.status === 404) return;
      throw refused(response, 'delete files');
    },
  };
}
