/**
 * Brand icons simple-icons does not carry, drawn for Latchkey, in simple-icons' shape (one path on a 24 × 24
 * box). Only brands that the well-known 2FA issuers need and simple-icons removed at their owners'
 * request: Microsoft (four squares, in one neutral colour as simple-icons drew it before). The shipped set takes
 * these like any other icon (data.ts); an icon of simple-icons with the same slug wins.
 */
import type { PackedBrandIcon } from '../../src/app/icons/catalog';

export const EXTRA_BRAND_ICONS: readonly PackedBrandIcon[] = [
  [
    'microsoft',
    'Microsoft',
    '5E5E5E',
    'M0 0h11.377v11.372H0zm12.623 0H24v11.372H12.623zM0 12.623h11.377V24H0zm12.623 0H24V24H12.623z',
    ['Microsoft account', 'Microsoft 365', 'Microsoft Entra', 'Azure AD'],
  ],
];
