/**
 * WebAuthn with the PRF extension (WebAuthn Level 3, §10.1.4): passkeys that give Latchkey a secret only the
 * authenticator can produce, after user verification. The relying party is the app's own host. Nothing is sent to
 * a server (there is none), so the challenge is random and the signature goes unchecked: what unlocks the vault is
 * the PRF output, which opens a passkey slot only if it is the authenticator's answer for that slot's salt.
 *
 * Loaded lazily with the passkey code (rule 7). One request runs at a time: a new one aborts the one before.
 */
import { copyBytes, secureRandom, type Bytes } from '../core/bytes';
import { bytesToBase64 } from '../core/encoding';
import { LatchkeyError } from '../core/errors';

/** How long the browser's passkey dialog waits for the person (ms). */
const TIMEOUT_MS = 120_000;

export interface PasskeyRequestOptions {
  /** Aborting it closes the browser's dialog; the call then rejects with an AbortError, which needs no message. */
  signal?: AbortSignal;
}

export interface NewPasskeyOptions extends PasskeyRequestOptions {
  rpName: string;
  /** The WebAuthn user handle: one per vault, so a passkey added again on the same device replaces the old one. */
  userId: Bytes;
  userName: string;
  /** The PRF input to evaluate. */
  salt: Bytes;
  /** The credentials of the vault's other passkeys: an authenticator holding one of them refuses to make another. */
  excludeIds: readonly Bytes[];
}

export interface CreatedPasskey {
  credentialId: Bytes;
  /** The PRF output for `salt`, when the authenticator gave it at registration (Chromium with hmac-secret-mc). */
  prfOutput: Bytes | null;
  /** False when the authenticator said it has no PRF; undefined when the browser did not say. */
  prfEnabled: boolean | undefined;
  /** What kind of authenticator made it, to name the passkey: 'platform' (this device) or 'cross-platform'. */
  attachment: string | null;
}

export interface PrfAssertion {
  credentialId: Bytes;
  prfOutput: Bytes;
}

let pending: AbortController | null = null;

/** A controller for the next request: the one before is aborted, and the caller's signal aborts this one. */
function nextRequest(signal?: AbortSignal): AbortController {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}

function done(controller: AbortController): void {
  if (pending === controller) pending = null;
}

/** Base64url without padding: how evalByCredential names a credential (WebAuthn §10.1.4) and signals take ids. */
export function base64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bytesOf(value: BufferSource | undefined): Bytes | null {
  if (!value) return null;
  const view =
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return copyBytes(view);
}

/**
 * Whether this browser can use passkeys with PRF: false when WebAuthn is missing or the browser says it has no PRF
 * (PublicKeyCredential.getClientCapabilities, where it exists); null when it cannot tell, so trying is the test.
 */
export async function passkeysSupported(): Promise<boolean | null> {
  if (typeof PublicKeyCredential === 'undefined' || !navigator.credentials) return false;
  if (typeof PublicKeyCredential.getClientCapabilities !== 'function') return null;
  try {
    const capabilities: Record<string, boolean | undefined> = await PublicKeyCredential.getClientCapabilities();
    return capabilities['extension:prf'] ?? null;
  } catch {
    return null;
  }
}

const NOT_MADE =
  'No passkey was made: the request was cancelled, timed out, or could not verify you. Nothing was changed.';
const NOT_USED =
  'The passkey did not unlock Latchkey: it was cancelled, timed out, could not verify you, or is not a passkey ' +
  'this vault knows (a passkey removed in Settings no longer opens it). Try again, or use your password.';
const IP_ADDRESS =
  'Passkeys work only when Latchkey is opened by a domain name (or localhost), not by an IP address such as ' +
  '127.0.0.1. Open Latchkey by its name and try again.';
const EXISTS =
  'This authenticator already holds a passkey for this vault. Use another device or security key, or remove that ' +
  'passkey first. Nothing was changed.';
const UNSUPPORTED =
  'This browser or authenticator cannot make a passkey that can open Latchkey. Nothing was changed; your password ' +
  'still opens it.';

/** Says what went wrong in words (rule 5); an AbortError (we closed the dialog ourselves) is passed on as it is. */
export function passkeyError(error: unknown, during: 'create' | 'get'): unknown {
  if (!(error instanceof DOMException) || error.name === 'AbortError') return error;
  const cause = { cause: `${error.name}: ${error.message}` };
  switch (error.name) {
    case 'InvalidStateError':
      return during === 'create'
        ? new LatchkeyError('passkey-exists', EXISTS, cause)
        : new LatchkeyError('passkey-cancelled', NOT_USED, cause);
    case 'SecurityError':
      return new LatchkeyError('passkey-unsupported', IP_ADDRESS, cause);
    case 'NotSupportedError':
      return new LatchkeyError('passkey-unsupported', UNSUPPORTED, cause);
    default: // NotAllowedError: cancelled, timed out, not verified, no such credential (the spec does not say which)
      return new LatchkeyError('passkey-cancelled', during === 'create' ? NOT_MADE : NOT_USED, cause);
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Registers a passkey for this host, user verification required, asking for the PRF of `salt` at once. */
export async function createPasskey(options: NewPasskeyOptions): Promise<CreatedPasskey> {
  const controller = nextRequest(options.signal);
  try {
    const credential = (await navigator.credentials.create({
      signal: controller.signal,
      publicKey: {
        rp: { id: location.hostname, name: options.rpName },
        user: { id: options.userId, name: options.userName, displayName: options.userName },
        challenge: secureRandom(32),
        // ES256, EdDSA, RS256: what authenticators make; the signature is never checked here (see above).
        pubKeyCredParams: [-7, -8, -257].map((alg) => ({ type: 'public-key' as const, alg })),
        excludeCredentials: options.excludeIds.map((id) => ({ type: 'public-key' as const, id })),
        authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
        timeout: TIMEOUT_MS,
        extensions: { prf: { eval: { first: options.salt } } },
      },
    })) as PublicKeyCredential | null;
    if (!credential) throw new LatchkeyError('passkey-cancelled', NOT_MADE);
    const prf = credential.getClientExtensionResults().prf;
    return {
      credentialId: copyBytes(new Uint8Array(credential.rawId)),
      prfOutput: bytesOf(prf?.results?.first),
      prfEnabled: prf?.enabled,
      attachment: credential.authenticatorAttachment,
    };
  } catch (error) {
    throw passkeyError(error, 'create');
  } finally {
    done(controller);
  }
}

/**
 * Asks for one of the given passkeys, user verification required, with each one's PRF input; resolves with the
 * credential the person used and its PRF output. A passkey that gives no PRF output is refused in words.
 */
export async function assertPasskey(
  credentials: readonly { id: Bytes; salt: Bytes }[],
  options: PasskeyRequestOptions = {},
): Promise<PrfAssertion> {
  const controller = nextRequest(options.signal);
  try {
    const assertion = (await navigator.credentials.get({
      signal: controller.signal,
      publicKey: {
        challenge: secureRandom(32),
        rpId: location.hostname,
        allowCredentials: credentials.map(({ id }) => ({ type: 'public-key' as const, id })),
        userVerification: 'required',
        timeout: TIMEOUT_MS,
        extensions: {
          prf: {
            evalByCredential: Object.fromEntries(credentials.map(({ id, salt }) => [base64Url(id), { first: salt }])),
          },
        },
      },
    })) as PublicKeyCredential | null;
    if (!assertion) throw new LatchkeyError('passkey-cancelled', NOT_USED);
    const prfOutput = bytesOf(assertion.getClientExtensionResults().prf?.results?.first);
    if (!prfOutput) throw new LatchkeyError('passkey-unsupported', UNSUPPORTED);
    return { credentialId: copyBytes(new Uint8Array(assertion.rawId)), prfOutput };
  } catch (error) {
    throw passkeyError(error, 'get');
  } finally {
    done(controller);
  }
}

/**
 * Tells the person's passkey provider that this credential no longer opens anything here, so it stops offering it
 * (PublicKeyCredential.signalUnknownCredential, where the browser has it). Best effort: nothing depends on it.
 */
export function forgetPasskey(credentialId: Uint8Array): void {
  if (typeof PublicKeyCredential === 'undefined') return;
  const signal = (PublicKeyCredential as unknown as { signalUnknownCredential?: (o: object) => Promise<void> })
    .signalUnknownCredential;
  if (typeof signal !== 'function') return;
  signal
    .call(PublicKeyCredential, { rpId: location.hostname, credentialId: base64Url(credentialId) })
    .catch(() => undefined);
}
