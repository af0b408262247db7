/**
 * A picture the person chose as an account's icon, made into a small one: decoded by the browser, cropped to the
 * middle square, scaled down to at most 128 px and encoded again as PNG (or JPEG, when that is smaller and the
 * picture has no transparency). Re-encoding keeps only pixels: no metadata (a photo's location), no second image
 * hidden in the file, nothing the decoder could trip over later.
 */
import { LatchkeyError } from '../core/errors';

/** The largest side of an icon as stored: a row shows it at 40 CSS px, 3 device pixels per CSS pixel at most. */
export const ICON_PX = 128;
/** A picture file larger than this is not an icon; refused before it is decoded. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

export interface EncodedIcon {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

function notAPicture(): LatchkeyError {
  return new LatchkeyError(
    'unsupported-format',
    'This file is not a picture Latchkey can open. Choose a PNG, JPEG, WebP or SVG image.',
  );
}

async function encode(canvas: HTMLCanvasElement, mime: EncodedIcon['mime']): Promise<EncodedIcon | null> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, mime, 0.9));
  // A browser that cannot write the type gives PNG instead: only what was asked for counts.
  if (!blob || blob.type !== mime) return null;
  return { mime, bytes: new Uint8Array(await blob.arrayBuffer()) };
}

function opaque(context: CanvasRenderingContext2D, size: number): boolean {
  const { data } = context.getImageData(0, 0, size, size);
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return false;
  return true;
}

/** Halves the picture step by step down to `size`: one large step leaves a small icon jagged. */
function scaled(bitmap: ImageBitmap, size: number): HTMLCanvasElement {
  const side = Math.min(bitmap.width, bitmap.height);
  let source: CanvasImageSource = bitmap;
  let sx = (bitmap.width - side) / 2;
  let sy = (bitmap.height - side) / 2;
  let current = side;
  for (;;) {
    const next = Math.max(size, Math.floor(current / 2));
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = next;
    const context = canvas.getContext('2d')!;
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, sx, sy, current, current, 0, 0, next, next);
    if (next === size) return canvas;
    [source, sx, sy, current] = [canvas, 0, 0, next];
  }
}

/**
 * The icon made of a picture file: `maxBytes` is what an account's record keeps (formats/shared/icon.ts); a
 * detailed picture is tried smaller (96 and 64 px) before it is refused.
 */
export async function rasterIcon(file: Blob, maxBytes: number): Promise<EncodedIcon> {
  if (file.size > MAX_PICTURE_BYTES) throw notAPicture();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw notAPicture();
  }
  try {
    if (bitmap.width < 1 || bitmap.height < 1) throw notAPicture();
    for (const limit of [ICON_PX, 96, 64]) {
      const size = Math.min(limit, bitmap.width, bitmap.height);
      const canvas = scaled(bitmap, size);
      const candidates = [await encode(canvas, 'image/png')];
      if (opaque(canvas.getContext('2d')!, size)) candidates.push(await encode(canvas, 'image/jpeg'));
      const smallest = candidates
        .filter((c): c is EncodedIcon => c !== null)
        .sort((a, b) => a.bytes.length - b.bytes.length)[0];
      if (smallest && smallest.bytes.length <= maxBytes) return smallest;
    }
  } finally {
    bitmap.close();
  }
  throw new LatchkeyError(
    'too-large',
    'This picture has too much detail to keep as an icon. Choose a simpler one, such as a logo.',
  );
}
