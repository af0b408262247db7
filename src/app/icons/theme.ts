/**
 * The colours an account row has in each theme, as the icon colours are chosen against them (contrast.ts). They
 * are tokens.css's `--surface` (the row) and `--text` of the light and dark themes; test/unit/app/icons checks
 * that the two agree, so a restyle that changes the rows fails that test until the values here follow.
 */
export type Theme = 'light' | 'dark';

export const THEMES: readonly Theme[] = ['light', 'dark'];

export const ROW_COLORS: Readonly<Record<Theme, { background: string; text: string }>> = {
  light: { background: '#ffffff', text: '#0f172a' },
  dark: { background: '#131c2f', text: '#f1f5f9' },
};
