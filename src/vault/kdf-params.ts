/**
 * Argon2id cost bounds. The floor is OWASP's Password Storage Cheat Sheet minimum for Argon2id (19 MiB with 2
 * passes, or 46 MiB with 1 pass); the ceiling keeps a tampered header from freezing or crashing the page.
 */
import { LatchkeyError } from '../core/errors';
import type { KdfParams } from './format';

export const DEFAULT_KDF: Readonly<KdfParams> = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };
/** The cheapest parameters accepted; tests use them for speed. */
export const FLOOR_KDF: Readonly<KdfParams> = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

export const KDF_BOUNDS = {
  minMemoryKiB: 19 * 1024,
  /** At or above 46 MiB, OWASP accepts a single pass. */
  singlePassMemoryKiB: 46 * 1024,
  minIterations: 2,
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 10,
  maxParallelism: 4,
} as const;

function describe({ memoryKiB, iterations, parallelism }: KdfParams): string {
  const memory = memoryKiB % 1024 === 0 ? `${memoryKiB / 1024} MiB` : `${(memoryKiB / 1024).toFixed(1)} MiB`;
  return `${memory} of memory, ${iterations} ${iterations === 1 ? 'pass' : 'passes'}, ${parallelism} ${parallelism === 1 ? 'lane' : 'lanes'}`;
}

/** Throws LatchkeyError('kdf-params') unless the parameters are whole numbers within the floor and the ceiling. */
export function checkKdfParams(params: KdfParams): void {
  const { memoryKiB, iterations, parallelism } = params;
  const b = KDF_BOUNDS;
  const whole = [memoryKiB, iterations, parallelism].every((n) => Number.isSafeInteger(n) && n >= 1);
  if (!whole) {
    throw new LatchkeyError(
      'kdf-params',
      'The password-hashing settings must be whole numbers of at least 1. Nothing was changed.',
      { ...params },
    );
  }
  const minPasses = memoryKiB >= b.singlePassMemoryKiB ? 1 : b.minIterations;
  if (memoryKiB < b.minMemoryKiB || iterations < minPasses) {
    throw new LatchkeyError(
      'kdf-params',
      `The vault's password-hashing settings (${describe(params)}) are weaker than the safe minimum of 19 MiB ` +
        'with 2 passes, so Latchkey will not use them. If you did not change them, the stored vault was tampered ' +
        'with: restore it from a backup.',
      { ...params },
    );
  }
  if (memoryKiB > b.maxMemoryKiB || iterations > b.maxIterations || parallelism > b.maxParallelism) {
    throw new LatchkeyError(
      'kdf-params',
      `The vault's password-hashing settings (${describe(params)}) exceed what Latchkey allows (at most 1 GiB, ` +
        '10 passes and 4 lanes), which would freeze or crash this page. If you did not change them, the stored ' +
        'vault was tampered with: restore it from a backup.',
      { ...params },
    );
  }
}
