/**
 * Every brand icon Latchkey ships, as it is drawn on a row of each theme, stands out 3:1 from the row (WCAG 2.2,
 * 1.4.11 non-text contrast); the row colours the choice is made against are the ones tokens.css defines.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrandCatalog } from '../../../../src/app/icons/catalog';
import { NON_TEXT_CONTRAST, brandFill, contrastRatio } from '../../../../src/app/icons/contrast';
import { OVERRIDES } from '../../../../src/app/icons/overrides';
import { ROW_COLORS, THEMES } from '../../../../src/app/icons/theme';
import { shippedCatalog } from './shipped';

let catalog: BrandCatalog;
beforeAll(async () => {
  catalog = (await shippedCatalog()).catalog;
});

describe('contrast', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#131c2f', '#f1f5f9', 15.5], // the dark row and its text: computed apart from this code
  ])('%s on %s is %d:1 (WCAG 2 relative luminance)', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
  });

  it('keeps a brand colour that stands out, and draws one that does not in the row text colour', () => {
    expect(brandFill('#fc6d26', 'dark')).toBe('#fc6d26'); // GitLab's orange on the dark row: 6.1:1
    expect(brandFill('#fc6d26', 'light')).toBe(ROW_COLORS.light.text); // ...on white only 2.9:1
    expect(brandFill('#181717', 'light')).toBe('#181717'); // GitHub's near-black on white
    expect(brandFill('#181717', 'dark')).toBe(ROW_COLORS.dark.text); // ...not on the dark row
    expect(brandFill('#ffffff', 'light')).toBe(ROW_COLORS.light.text);
  });

  it('every shipped icon, in both themes, passes WCAG 1.4.11 (3:1) against its row', () => {
    expect(catalog.icons.length).toBeGreaterThan(200);
    const failing = catalog.icons.flatMap((icon) =>
      THEMES.filter((theme) => contrastRatio(icon.fill[theme], ROW_COLORS[theme].background) < NON_TEXT_CONTRAST).map(
        (theme) => `${icon.slug} (${theme}: ${icon.fill[theme]})`,
      ),
    );
    expect(failing).toEqual([]);
  });

  it('the row colours are those of tokens.css, in both themes', () => {
    const css = readFileSync(new URL('../../../../src/ui/shell/tokens.css', import.meta.url), 'utf8');
    const block = (selector: string) =>
      css.slice(css.indexOf(selector)).slice(0, css.slice(css.indexOf(selector)).indexOf('}'));
    const value = (text: string, property: string) =>
      text.match(new RegExp(`${property}:\\s*(#[0-9a-f]{6})`, 'i'))?.[1];
    const light = block(':root {');
    const darkMedia = block(":root:not([data-theme='light'])");
    const darkChosen = block(":root[data-theme='dark'] {");
    expect({ background: value(light, '--surface'), text: value(light, '--text') }).toEqual(ROW_COLORS.light);
    for (const dark of [darkMedia, darkChosen]) {
      expect({ background: value(dark, '--surface'), text: value(dark, '--text') }).toEqual(ROW_COLORS.dark);
    }
  });
});

describe('the shipped set', () => {
  it('holds every icon the override table names', () => {
    const missing = Object.entries(OVERRIDES).filter(([, slug]) => !catalog.bySlug.has(slug));
    expect(missing).toEqual([]);
  });

  it('holds the icons the end-to-end tests and the README name', () => {
    for (const slug of ['github', 'google', 'microsoft', 'steam', 'gitlab'])
      expect(catalog.bySlug.has(slug)).toBe(true);
  });
});
