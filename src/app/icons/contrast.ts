/**
 * Which colour a brand icon is drawn in on a row: the brand's own where it stands out from the row enough for
 * WCAG 2.2's non-text contrast (1.4.11, 3:1), the row's text colour otherwise. Pure: the theme colours are
 * ROW_COLORS (theme.ts), checked against tokens.css by a unit test.
 */
import { ROW_COLORS, type Theme } from './theme';

/** WCAG 1.4.11: graphics needed to understand the content stand out 3:1 from what is next to them. */
export const NON_TEXT_CONTRAST = 3;

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.replace(/^#/, ''), 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** The WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The fill of a brand icon whose colour is `hex` (#rrggbb) on a row of `theme`. */
export function brandFill(hex: string, theme: Theme): string {
  const { background, text } = ROW_COLORS[theme];
  return contrastRatio(hex, background) >= NON_TEXT_CONTRAST ? hex : text;
}
