import type { AccountDraft, AccountIcon } from '../core/account';
import type { ImportInput, ImportResult, Importer } from './types';
import { convertEach, entryLabel, looksLikeBrokenJson, splitIssuerPrefix, text, toDraft } from './shared/drafts';
import { isRecord, parseJsonBytes, readBase64Field } from './shared/bytes';
import { bytesToBase64 } from '../core/encoding';
import { aesGcmOpen } from '../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from './shared/errors';
import { pbkdf2 } from './shared/file-kdf';
import { brandIcon } from './shared/icon';

/**
 * 2FAS backups (`.2fas`, schemas 1 to 4): `{services, groups, schemaVersion, servicesEncrypted?, reference?}`.
 * Encrypted files keep `services: []` and put `b64(ciphertext||tag):b64(salt):b64(iv)` in servicesEncrypted;
 * key = PBKDF2-HMAC-SHA256(password, salt, 10,000 iterations, 32 bytes), AES-256-GCM without AAD. `reference`
 * is a fixed text encrypted the same way: when present it tells a wrong password from a damaged file.
 */

const APP = '2FAS';
const ITERATIONS = 10_000;

type Json = Record<string, unknown>;

function is2fas(json: unknown): json is Json & { services: unknown[] } {
  return isRecord(json) && Array.isArray(json.services) && typeof json.schemaVersion === 'number';
}

function encryptedPart(json: unknown): string | null {
  return is2fas(json) && typeof json.servicesEncrypted === 'string' && json.servicesEncrypted !== ''
    ? json.servicesEncrypted
    : null;
}

function splitSealed(value: string, what: string) {
  const parts = value.split(':');
  if (parts.length !== 3) throw damagedFile(`The 2FAS ${what} is not in three parts.`);
  const [sealed, salt, iv] = parts.map((part) => readBase64Field(part, `The 2FAS ${what}`)) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  if (iv.length !== 12 || salt.length < 16 || sealed.length < 16) throw damagedFile(`The 2FAS ${what} is incomplete.`);
  return { sealed, salt, iv };
}

async function decryptServices(json: Json, servicesEncrypted: string, password: string): Promise<unknown> {
  const services = splitSealed(servicesEncrypted, 'encrypted data');
  const reference = typeof json.reference === 'string' ? splitSealed(json.reference, 'password check') : null;
  const keys = new Map<string, Uint8Array>();
  const keyFor = async (salt: Uint8Array) => {
    const id = bytesToBase64(salt);
    if (!keys.has(id)) keys.set(id, await pbkdf2(password, salt, ITERATIONS, 'SHA-256'));
    return keys.get(id)!;
  };
  if (reference && !(await aesGcmOpen(await keyFor(reference.salt), reference.iv, reference.sealed))) {
    throw wrongPassword();
  }
  const plain = await aesGcmOpen(await keyFor(services.salt), services.iv, services.sealed);
  if (!plain) {
    if (reference) throw damagedFile('The password is right, but the 2FAS data does not decrypt.');
    throw wrongPassword();
  }
  return parseJsonBytes(plain, 'The decrypted 2FAS data');
}

function serviceToDraft(service: unknown, groups: Map<string, string>): AccountDraft {
  if (!isRecord(service)) throw damagedFile('This entry is not a 2FAS service.');
  const otp = isRecord(service.otp) ? service.otp : {};
  const issuer = text(otp.issuer) || text(service.name);
  const names = otp.account ? { issuer, name: text(otp.account) } : splitIssuerPrefix(text(otp.label), issuer);
  const draft = toDraft({
    ...names,
    type: otp.tokenType, // schemas 1 and 2 have none: TOTP
    secret: service.secret,
    algorithm: otp.algorithm,
    digits: otp.digits,
    period: otp.period,
    counter: otp.counter,
    group: groups.get(text(service.groupId)),
  });
  const icon = twofasIcon(service);
  if (icon) draft.icon = icon;
  return draft;
}

/**
 * 2FAS refers to its icons by the id of its own collection, which names no brand; the service's name does (2FAS
 * names a service after the brand it recognised). A service shown with a label was given letters on purpose.
 */
function twofasIcon(service: Json): AccountIcon | null {
  const icon = isRecord(service.icon) ? service.icon : {};
  if (icon.selected === 'Label') return { kind: 'letter' };
  return icon.selected === 'IconCollection' ? brandIcon(service.name) : null;
}

/** Reads the services list (plain, or the decrypted array) in 2FAS's own order. */
export function readServices(services: unknown, groupsJson: unknown): Pick<ImportResult, 'accounts' | 'problems'> {
  if (!Array.isArray(services)) throw damagedFile('The 2FAS data is not a list of services.');
  const groups = new Map<string, string>();
  if (Array.isArray(groupsJson)) for (const g of groupsJson.filter(isRecord)) groups.set(text(g.id), text(g.name));
  const position = (s: unknown) => {
    const order = isRecord(s) && isRecord(s.order) ? s.order.position : undefined;
    return typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER;
  };
  const ordered = services.map((s, i) => ({ s, i })).sort((a, b) => position(a.s) - position(b.s) || a.i - b.i);
  return convertEach(
    ordered,
    ({ s, i }) => {
      const otp = isRecord(s) && isRecord(s.otp) ? s.otp : {};
      return entryLabel(isRecord(s) ? s.name : '', otp.account, `service ${i + 1}`);
    },
    ({ s }) => serviceToDraft(s, groups),
  );
}

export const twofasImporter: Importer = {
  id: '2fas',
  label: APP,
  detect: (input: ImportInput) => is2fas(input.json) || looksLikeBrokenJson(input, ['services', 'schemaVersion']),
  isEncrypted: (input: ImportInput) => encryptedPart(input.json) !== null,
  async parse(input: ImportInput, password?: string): Promise<ImportResult> {
    const json = input.json;
    if (!is2fas(json)) throw damagedFile('This 2FAS file is not complete JSON.');
    const servicesEncrypted = encryptedPart(json);
    if (servicesEncrypted === null) return { format: APP, ...readServices(json.services, json.groups) };
    if (!password) throw passwordRequired(APP);
    const services = await decryptServices(json, servicesEncrypted, password);
    return { format: `${APP} (encrypted)`, ...readServices(services, json.groups) };
  },
};
