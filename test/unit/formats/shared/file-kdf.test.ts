import { argon2id } from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';
import { bytesOf, expectRefusal } from '../fixtures';
import {
  argon2VerifyEncoded,
  argon2idEncoded,
  checkFileArgon2,
  fileArgon2idKey,
} from '../../../../src/formats/shared/file-kdf';

// A device without enough memory makes hash-wasm throw a RangeError from WebAssembly.Memory: simulate it for one
// large call and let every other call through to the real implementation.
vi.mock('../../../../src/crypto/hash-wasm', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/crypto/hash-wasm')>();
  return {
    ...original,
    argon2idBytes: (...args: Parameters<typeof original.argon2idBytes>) =>
      args[2].memoryKiB === 512 * 1024
        ? Promise.reject(new RangeError('WebAssembly.Memory(): could not allocate memory'))
        : original.argon2idBytes(...args),
  };
});

describe('Argon2 for files', () => {
  it.each([
    [{ memoryKiB: 1024 * 1024, iterations: 20, parallelism: 1 }, null],
    [{ memoryKiB: 1024 * 1024 + 1, iterations: 1, parallelism: 1 }, 'kdf-params'],
    [{ memoryKiB: 64, iterations: 21, parallelism: 1 }, 'kdf-params'],
    [{ memoryKiB: 64, iterations: 0, parallelism: 1 }, 'kdf-params'],
    [{ memoryKiB: 64.5, iterations: 1, parallelism: 1 }, 'kdf-params'],
  ])('checkFileArgon2(%j)', (params, code) => {
    const run = () => checkFileArgon2(params, 'Test');
    if (code === null) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });

  it('turns a device failure into kdf-failed, and a short salt into damaged-file', async () => {
    const params = { memoryKiB: 512 * 1024, iterations: 1, parallelism: 1 };
    await expectRefusal(fileArgon2idKey('pw', bytesOf(16), params, 'Test'), 'kdf-failed');
    await expectRefusal(fileArgon2idKey('pw', bytesOf(4), { ...params, memoryKiB: 64 }, 'Test'), 'damaged-file');
  });

  it('produces the PHC string of argon2-browser/hash-wasm and verifies PHC strings', async () => {
    const params = { memoryKiB: 64, iterations: 2, parallelism: 1, hashLength: 32 };
    const encoded = await argon2idEncoded('pw', 'saltsalt', params, 'Test');
    const reference = await argon2id({
      password: 'pw',
      salt: 'saltsalt',
      memorySize: 64,
      iterations: 2,
      parallelism: 1,
      hashLength: 32,
      outputType: 'encoded',
    });
    expect(encoded).toBe(reference);
    expect(await argon2VerifyEncoded('pw', encoded, 'Test')).toBe(true);
    expect(await argon2VerifyEncoded('pW', encoded, 'Test')).toBe(false);
    await expectRefusal(
      argon2VerifyEncoded('pw', '$argon2id$v=16$m=64,t=2,p=1$c2FsdHNhbHQ$abc', 'Test'),
      'damaged-file',
    );
    const heavy = encoded.replace('m=64', 'm=4194304');
    await expectRefusal(argon2VerifyEncoded('pw', heavy, 'Test'), 'kdf-params');
    await expectRefusal(argon2idEncoded('pw', 'short', params, 'Test'), 'damaged-file');
  });
});
