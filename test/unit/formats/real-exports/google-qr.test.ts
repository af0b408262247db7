/**
 * The real Google Authenticator samples (../shared/compat-samples, never copied here) read the way a scanned QR
 * code is read: one link at a time through readQrText. common-apps.test.ts covers the same files as text imports.
 */
import { describe, expect, it } from 'vitest';
import { COMPAT_SAMPLES_PRESENT as present, expectedGoogleAccounts, sampleText } from '../../../support/compat-samples';
import { readQrText } from '../../../../src/app/qr-text';
import type { AccountDraft } from '../../../../src/core/account';
import { encodeMigrationPayloads, type MigrationResult } from '../../../../src/formats/google-migration/payload';

const links = (file: string) =>
  sampleText(`google-authenticator-migration/${file}`)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('otpauth-migration://'));

async function scan(link: string): Promise<MigrationResult> {
  const content = await readQrText(link, 'qr');
  if (content.kind !== 'migration') throw new Error('not read as an export');
  return content.part;
}

describe.skipIf(!present)('Google Authenticator samples scanned as QR codes', () => {
  it('example_export.txt: every code gives the accounts example_output.json lists', async () => {
    const expected = expectedGoogleAccounts();
    const parts = await Promise.all(links('example_export.txt').map(scan));
    expect(parts).toHaveLength(5);
    for (const part of parts) expect(part.batch).toMatchObject({ size: 1, index: 0 });
    expect(parts.flatMap((p) => p.problems)).toEqual([]);
    const accounts = parts.flatMap((p) => p.accounts);
    expect(accounts).toEqual(expected);
  });

  it('test_plus_problem_export.txt (a raw "+" in the Base64) scans as four accounts', async () => {
    const [link] = links('test_plus_problem_export.txt');
    const part = await scan(link!);
    expect(part.accounts.map((a) => a.name)).toEqual([1, 2, 3, 4].map((n) => `test${n}@serenitylabs.co.uk`));
  });

  it('test_export_wrong_data.txt is refused with the migration error', async () => {
    const [link] = links('test_export_wrong_data.txt');
    await expect(readQrText(link!, 'qr')).rejects.toMatchObject({ code: 'bad-migration' });
  });

  it('what we export to Google Authenticator scans back to the same accounts', async () => {
    const accounts: AccountDraft[] = (await Promise.all(links('example_export.txt').map(scan))).flatMap(
      (p) => p.accounts,
    );
    const { links: exported, leftOut } = encodeMigrationPayloads(accounts, { perCode: 2, batchId: 42 });
    expect(leftOut).toEqual([]);
    const parts = await Promise.all(exported.map(scan));
    expect(parts.map((p) => p.batch)).toEqual([0, 1, 2].map((index) => ({ id: 42, size: 3, index })));
    expect(parts.flatMap((p) => p.accounts)).toEqual(accounts);
  });
});
