/**
 * Every language has every key of English, no key English lacks, a plural where English has one (with the
 * categories its own Intl.PluralRules uses), and the same placeholders in every form of every message (only a
 * form for exactly one or two, "one second", may leave out {count}).
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../src/app/languages';
import { loadCatalog } from '../../../../src/ui/i18n/chunks';
import type { Message } from '../../../../src/ui/i18n/catalog';
import { appMessages } from '../../../../src/ui/i18n/en-app';
import { errorMessages } from '../../../../src/ui/i18n/en-errors';
import { setupMessages } from '../../../../src/ui/i18n/en-setup';
import { shellMessages } from '../../../../src/ui/i18n/en-shell';

const english: Record<string, Message> = { ...shellMessages, ...setupMessages, ...appMessages, ...errorMessages };

function placeholders(message: Message): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

function formPlaceholders(form: string): string[] {
  return [...new Set([...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

describe('the English catalog', () => {
  it('has no key twice across its files', () => {
    const parts = [shellMessages, setupMessages, appMessages, errorMessages].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(Object.keys(english).length);
  });

  it('gives every form of a plural the same placeholders, {count} among them', () => {
    for (const [key, message] of Object.entries(english)) {
      if (typeof message === 'string') continue;
      for (const form of Object.values(message)) {
        expect(formPlaceholders(form), key).toEqual(placeholders(message));
        expect(form, key).toContain('{count}');
      }
    }
  });
});

describe.each([...LANGUAGES.filter((tag) => tag !== 'en'), 'en-XA' as const])('the %s catalog', (tag) => {
  it('has every key of English and no other, each with the same placeholders', async () => {
    const catalog = (await loadCatalog(tag, shellMessages)) as Record<string, Message>;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const [key, message] of Object.entries(english)) {
      const translated = catalog[key]!;
      expect(typeof translated, key).toBe(typeof message);
      if (typeof translated === 'string') {
        expect(formPlaceholders(translated), `${tag} ${key}`).toEqual(placeholders(message));
        expect(translated.trim(), `${tag} ${key}`).not.toBe('');
      } else {
        // Every category the language's plural rules can select, and each form with all the placeholders.
        const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        for (const category of categories) expect(translated, `${tag} ${key}`).toHaveProperty(category);
        // A form for exactly one or two ("one second") may leave the number out; nothing else may be missing.
        for (const [category, form] of Object.entries(translated)) {
          const wanted = placeholders(message).filter(
            (p) => p !== 'count' || category === 'other' || category === 'few' || category === 'many',
          );
          const has = formPlaceholders(form);
          expect(
            has.filter((p) => !wanted.includes(p) && p !== 'count'),
            `${tag} ${key} ${category}`,
          ).toEqual([]);
          for (const p of wanted) expect(has, `${tag} ${key} ${category}`).toContain(p);
        }
      }
    }
  });
});
