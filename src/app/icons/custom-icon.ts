/**
 * A picture file the person chose for an account, made into the icon its record keeps: an SVG rebuilt from what
 * is safe in it (formats/shared/svg-sanitize.ts), anything else decoded and re-encoded small by the browser
 * (platform/icon-image.ts). Loaded when a file is chosen: the SVG reader is not needed before.
 */
import type { AccountIcon } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import { MAX_ICON_BYTES, imageIcon } from '../../formats/shared/icon';
import { MAX_SVG_CHARS } from '../../formats/shared/svg-sanitize';
import { rasterIcon } from '../../platform/icon-image';

function looksLikeSvg(file: File, head: string): boolean {
  return file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name) || /^\s*(<\?xml|<svg|<!--)/i.test(head);
}

export async function iconFromFile(file: File): Promise<AccountIcon> {
  const head = await file.slice(0, 256).text();
  if (!looksLikeSvg(file, head)) {
    const { mime, bytes } = await rasterIcon(file, MAX_ICON_BYTES);
    const icon = imageIcon(mime, bytes);
    if (icon) return icon;
  } else if (file.size <= MAX_SVG_CHARS * 4) {
    const icon = imageIcon('image/svg+xml', new Uint8Array(await file.arrayBuffer()));
    if (icon) return icon;
  }
  throw new LatchkeyError(
    'unsupported-format',
    'This picture could not be used as an icon. Choose a PNG, JPEG or WebP image, or a plain SVG file.',
  );
}
