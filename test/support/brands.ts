/**
 * Literal test data of the branded types (src/core/brand.ts). The app makes these only through their makers
 * (normalizeSecret, newAccountId, importMasterKey); a test writes known values, so it says so here.
 */
import type { AccountId } from '../../src/core/account';
import type { Base32Secret } from '../../src/core/base32';

export const b32 = (text: string): Base32Secret => text as Base32Secret;
export const accountId = (text: string): AccountId => text as AccountId;
