/**
 * A file chooses its own key-derivation costs. Costs above what the file's own app ever writes are refused before
 * any work, with a message naming them; one password is tried against one slot, not every slot a file lists.
 */
import { describe, expect, it } from 'vitest';
import { aegisImporter } from '../../../src/formats/aegis/import';
import { bitwardenImporter } from '../../../src/formats/bitwarden/import';
import { enteImporter } from '../../../src/formats/ente';
import { argon2VerifyEncoded } from '../../../src/formats/shared/file-kdf';
import { aegisEncrypted, expectRefusal, json } from './fixtures';

const V8 = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

describe('costs above what the source app writes are refused, and named', () => {
  it.each([
    ['N=2^21, r=1, p=4 (froze the page for 12.5 s)', { n: 2 ** 21, r: 1, p: 4 }, 'scrypt N=2097152, r=1, p=4'],
    ['N=2^16', { n: 2 ** 16, r: 8, p: 1 }, 'scrypt N=65536'],
    ['r=16', { n: 2 ** 15, r: 16, p: 1 }, 'r=16'],
  ])('Aegis scrypt %s', async (_name, costs, named) => {
    const file = aegisEncrypted({ version: 1, entries: [] }, 'pw');
    const slots = file.header.slots.map((slot) => (slot.type === 1 ? { ...slot, ...costs } : slot));
    const error = await expectRefusal(
      aegisImporter.parse(json({ ...file, header: { ...file.header, slots } }), 'pw'),
      'kdf-params',
    );
    expect(error.message).toContain(named);
    expect(error.message).toContain('N=32768, r=8, p=1');
  });

  it.each([
    ['256 MiB × 10 (froze the page for 5.1 s)', 'm=262144,t=10,p=1'],
    ['1 GiB × 20 (took 69 s)', 'm=1048576,t=20,p=1'],
    ['two lanes', 'm=19456,t=2,p=2'],
  ])('the Authenticator extension’s password check at %s', async (_name, costs) => {
    const phc = `$argon2id$v=19$${costs}$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA`;
    const error = await expectRefusal(argon2VerifyEncoded('pw', phc, 'Authenticator extension', V8), 'kdf-params');
    expect(error.message).toMatch(/more than Authenticator extension itself ever writes \(at most 19 MiB, 2 passes/);
  });

  it.each([
    ['1 GiB × 20', 1024 ** 3, 20, true],
    ['2 GiB × 1', 2 * 1024 ** 3, 1, true],
    ['512 MiB × 16', 512 * 1024 ** 2, 16, true],
  ])('Ente at %s', async (_name, memLimit, opsLimit) => {
    const file = {
      version: 1,
      kdfParams: { memLimit, opsLimit, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
      encryptedData: 'AAAA',
      encryptionNonce: 'AAAA',
    };
    const error = await expectRefusal(enteImporter.parse(json(file), 'pw'), 'kdf-params');
    expect(error.message).toContain('1 GiB with 4 passes');
  });

  it.each([
    ['PBKDF2 with 5,000,000 iterations', { kdfType: 0, kdfIterations: 5_000_000 }, '5000000 PBKDF2 iterations'],
    ['Argon2 with 2 GiB', { kdfType: 1, kdfIterations: 3, kdfMemory: 2048, kdfParallelism: 1 }, '2048 MiB'],
    ['Argon2 with 11 passes', { kdfType: 1, kdfIterations: 11, kdfMemory: 64, kdfParallelism: 1 }, '11 passes'],
  ])('Bitwarden %s', async (_name, kdf, named) => {
    const file = { encrypted: true, passwordProtected: true, salt: 'salt', data: '2.a|b|c', ...kdf };
    const error = await expectRefusal(bitwardenImporter.parse(json(file), 'pw'), 'kdf-params');
    expect(error.message).toContain(named);
  });
});

describe('one slot a password', () => {
  it('an Aegis file listing several password slots costs one derivation, not one per slot', async () => {
    const file = aegisEncrypted({ version: 1, entries: [] }, 'right');
    const password = file.header.slots.find((slot) => slot.type === 1)!;
    // The right slot last: a file that made every slot be tried would open with it.
    const decoys = Array.from({ length: 5 }, (_, i) => ({ ...password, uuid: `decoy-${i}`, key: '00'.repeat(32) }));
    const slots = [...decoys, ...file.header.slots];
    await expectRefusal(
      aegisImporter.parse(json({ ...file, header: { ...file.header, slots } }), 'right'),
      'wrong-password',
    );
  });
});
