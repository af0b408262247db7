import { describe, expect, it } from 'vitest';
import { toImportInput } from '../../../src/formats/index';
import { encodeMigrationPayloads } from '../../../src/formats/google-migration/payload';
import { uriListImporter } from '../../../src/formats/uri-list';
import { b32 } from '../../support/brands';

const input = (text: string) => toImportInput(new TextEncoder().encode(text));
const display = (value: object) => `&codeDisplay=${encodeURIComponent(JSON.stringify(value))}`;

const TOTP = 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&period=30';
const HOTP = 'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&counter=50';
const STEAM = 'otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&digits=5';

describe('otpauth list importer', () => {
  it('reads one link per line, skipping blank and comment lines', async () => {
    const result = await uriListImporter.parse(input(`# exported\n\n${TOTP}\r\n// note\n${HOTP}\n   \n${STEAM}\n`));
    expect(result.format).toBe('otpauth links');
    expect(result.problems).toEqual([]);
    expect(result.accounts.map((a) => [a.type, a.issuer, a.name, a.counter])).toEqual([
      ['totp', 'Deno', 'Mason', 0],
      ['hotp', 'Air Canada', 'Benjamin', 50],
      ['steam', 'Boeing', 'Sophia', 0],
    ]);
  });

  const badLines: [string, string, RegExp][] = [
    ['a line that is no link', 'hello world', /not an account link/],
    ['a bad secret', 'otpauth://totp/A?secret=11111111', /secret key/],
    ['a motp link', 'motp://Foo:bar?secret=ABCDEFGH', /mOTP/],
    ['a yandex link', 'otpauth://yandex/Foo?secret=ABCDEFGH', /Yandex/],
    ['too few digits', 'otpauth://totp/A?secret=JBSWY3DP&digits=4', /digits/],
  ];
  it.each(badLines)('turns %s into a problem "line N" and keeps the rest', async (_name, line, reason) => {
    const result = await uriListImporter.parse(input(`${TOTP}\n${line}\n${HOTP}`));
    expect(result.accounts).toHaveLength(2);
    expect(result.problems).toEqual([{ entry: 'line 2', reason: expect.stringMatching(reason) }]);
  });

  it("keeps Ente Auth's codeDisplay extras and leaves trashed entries out", async () => {
    const file = [
      TOTP + display({ pinned: true, trashed: false, tags: ['Work', 'Home'], note: 'desk token' }),
      HOTP + display({ pinned: false, trashed: true, tags: [] }),
      STEAM + '&codeDisplay=%7Bbroken',
    ].join('\n');
    const result = await uriListImporter.parse(input(file));
    expect(result.format).toBe('Ente Auth');
    expect(result.accounts[0]).toMatchObject({ favorite: true, group: 'Work', note: 'desk token' });
    expect(result.accounts[1]).toMatchObject({ type: 'steam' });
    expect(result.accounts[1]).not.toHaveProperty('favorite');
    expect(result.problems).toEqual([{ entry: 'line 2', reason: expect.stringMatching(/trash/) }]);
  });

  it('also reads Google Authenticator migration links in the same file', async () => {
    const draft = { type: 'totp', secret: b32('JBSWY3DPEHPK3PXP'), issuer: 'X', name: 'y' } as const;
    const { links } = encodeMigrationPayloads([{ ...draft, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }]);
    const result = await uriListImporter.parse(input(`${TOTP}\n${links[0]}\notpauth-migration://offline?data=XXXX`));
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Deno', 'X']);
    expect(result.problems).toEqual([{ entry: 'line 3', reason: expect.stringMatching(/damaged/) }]);
  });

  it.each([
    ['a link list', TOTP, true],
    ['a list starting with a bad line', `junk\n${TOTP}`, true],
    ['migration links only', 'otpauth-migration://offline?data=AA', false],
    ['JSON holding links', JSON.stringify([TOTP]), false],
    ['plain text', 'hello', false],
    ['binary', '\u0000\u0001', false],
  ])('detect: %s → %s', (_name, text, expected) => {
    expect(uriListImporter.detect(input(text))).toBe(expected);
  });
});
