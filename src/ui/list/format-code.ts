/** Group a code for reading aloud and at a glance: 123 456, 1234 5678, 12 345 67 ... Steam codes stay whole. */
export function groupCode(code: string): string {
  if (code.length < 6 || !/^\d+$/.test(code)) return code;
  if (code.length === 6 || code.length === 7) return `${code.slice(0, 3)} ${code.slice(3)}`;
  if (code.length === 8) return `${code.slice(0, 4)} ${code.slice(4)}`;
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** A stable hue per issuer so the avatar colour never changes between sessions (no icons from the network). */
export function avatarHue(text: string): number {
  let hash = 0;
  for (const char of text.toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/**
 * The avatar's background. Lightness 30% keeps white monograms above the WCAG AA 4.5:1 contrast on
 * every hue, the bright yellows and cyans included.
 */
export function avatarColor(text: string): string {
  return `hsl(${avatarHue(text)} 55% 30%)`;
}

export function monogram(issuer: string, name: string): string {
  const source = (issuer || name || '?').trim();
  return (Array.from(source)[0] ?? '?').toUpperCase();
}
