/**
 * The type of a hybrid logical clock stamp (hlc.ts) and the zero stamp: all the vault state needs before any sync
 * code has loaded, so the first screen carries none of it (rule 7).
 */
import type { Brand } from '../core/brand';

export type Hlc = Brand<string, 'Hlc'>;

/** Before any change: what an account written before clocks existed counts as. */
export const ZERO_HLC = '000000000000.0000.00000000' as Hlc;
