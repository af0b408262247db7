import { describe, expect, it } from 'vitest';
import { formatOtpauth } from '../../../src/core/uri';
import { encodeUriComponent, wellFormed } from '../../../src/core/text';
import { toDraft } from '../../../src/formats/shared/drafts';
import { draft } from '../../support/drafts';

describe('labels are made well-formed where they enter', () => {
  it.each([
    ['plain text', 'GitHub', 'GitHub'],
    ['a lone high surrogate', 'Evil\ud800', 'Evil\ufffd'],
    ['a lone low surrogate', '\udc00Evil', '\ufffdEvil'],
    ['two high surrogates', '\ud800\ud800x', '\ufffd\ufffdx'],
    ['a proper pair (an emoji) is kept', 'Key \u{1F511}', 'Key \u{1F511}'],
    ['a pair reversed', '\udc00\ud800', '\ufffd\ufffd'],
  ])('%s', (_name, input, expected) => {
    expect(wellFormed(input)).toBe(expected);
  });

  it('a 2FAS-style field with a lone surrogate imports as well-formed text', () => {
    const imported = toDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Evil\ud800', name: 'x\udfff', note: '\ud83d' });
    expect([imported.issuer, imported.name, imported.note]).toEqual(['Evil\ufffd', 'x\ufffd', '\ufffd']);
  });

  it('every URI encoder copes with a lone surrogate stored before the rule', () => {
    expect(() => encodeURIComponent('Evil\ud800')).toThrow(URIError);
    expect(encodeUriComponent('Evil\ud800')).toBe('Evil%EF%BF%BD');
    expect(formatOtpauth(draft({ issuer: 'Evil\ud800', name: 'me' }))).toContain('otpauth://totp/Evil%EF%BF%BD:me?');
  });
});
