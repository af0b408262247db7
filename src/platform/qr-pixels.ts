/**
 * Pixel passes that help a QR decoder with hard pictures, and the plan of which sizes to try. Pure functions on
 * RGBA bytes, so they run in Node tests; the canvas work lives in qr-image.ts.
 */

export type PixelFilter = 'none' | 'gray' | 'invert' | 'stretch' | 'threshold' | 'sharpen';

export interface Pass {
  /** Shown in tests and measurements, e.g. "downscaled 800". */
  label: string;
  /** Width and height to draw the picture at. */
  width: number;
  height: number;
  /** Bilinear smoothing when resizing: on for shrinking (it averages noise and moiré), off to upscale tiny codes. */
  smooth: boolean;
  filter: PixelFilter;
}

/** Above this a phone photo is slow to scan and its noise hides the modules; it is shrunk first. */
export const MAX_SIDE = 1600;
/** Below this the modules of a small code are a pixel or two wide; it is enlarged too. */
export const SMALL_SIDE = 400;

function sized(width: number, height: number, longSide: number) {
  const scale = longSide / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The order of attempts: as is (capped in size), grayscale, stretched contrast, inverted (light modules on dark),
 * black and white at one threshold, sharpened (out of focus), then smaller copies for blurred or noisy photos and larger ones for tiny images.
 */
export function planPasses(width: number, height: number): Pass[] {
  const long = Math.max(width, height);
  const base = long > MAX_SIDE ? sized(width, height, MAX_SIDE) : { width, height };
  const passes: Pass[] = [
    { label: long > MAX_SIDE ? `as is, shrunk to ${MAX_SIDE}` : 'as is', ...base, smooth: true, filter: 'none' },
    { label: 'grayscale', ...base, smooth: true, filter: 'gray' },
    { label: 'contrast stretched', ...base, smooth: true, filter: 'stretch' },
    { label: 'inverted', ...base, smooth: true, filter: 'invert' },
    { label: 'thresholded', ...base, smooth: true, filter: 'threshold' },
    { label: 'sharpened', ...base, smooth: true, filter: 'sharpen' },
  ];
  // Shrinking is the best help for blur: at a quarter of the size a soft edge is a pixel wide again.
  for (const side of [800, 400, 200]) {
    if (Math.max(base.width, base.height) > side * 1.25) {
      passes.push({ label: `downscaled ${side}`, ...sized(width, height, side), smooth: true, filter: 'stretch' });
    }
  }
  if (long < SMALL_SIDE * 1.5) {
    const target = Math.min(long * 8, 1000);
    passes.push(
      { label: 'upscaled sharp', ...sized(width, height, target), smooth: false, filter: 'stretch' },
      { label: 'upscaled smooth', ...sized(width, height, target), smooth: true, filter: 'stretch' },
      { label: 'upscaled inverted', ...sized(width, height, target), smooth: false, filter: 'invert' },
    );
  }
  return passes;
}

/** ITU-R BT.601 luma, the weights jsQR uses too; alpha is flattened onto white (transparent PNGs). */
export function toGray(rgba: Uint8ClampedArray): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]! / 255;
    const luma = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    const gray = luma * a + 255 * (1 - a);
    rgba[i] = rgba[i + 1] = rgba[i + 2] = gray;
    rgba[i + 3] = 255;
  }
}

export function invert(rgba: Uint8ClampedArray): void {
  toGray(rgba);
  for (let i = 0; i < rgba.length; i += 4) rgba[i] = rgba[i + 1] = rgba[i + 2] = 255 - rgba[i]!;
}

/**
 * Grayscale, then the darkest 1% mapped to black and the brightest 1% to white: a faint code on grey paper or a
 * dim screen becomes black on white. The percentiles ignore a few specks of glare.
 */
export function stretchContrast(rgba: Uint8ClampedArray, clip = 0.01): void {
  toGray(rgba);
  const pixels = rgba.length / 4;
  const histogram = new Uint32Array(256);
  for (let i = 0; i < rgba.length; i += 4) histogram[rgba[i]!]!++;
  const low = percentile(histogram, pixels * clip);
  const high = percentile(histogram, pixels * (1 - clip));
  if (high <= low) return; // a flat picture: nothing to stretch
  const scale = 255 / (high - low);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = rgba[i + 1] = rgba[i + 2] = (rgba[i]! - low) * scale;
  }
}

/**
 * Black and white at Otsu's threshold (the one that best separates the two tones of the histogram): jsQR's own
 * local thresholds are thrown off by a blur that spreads each module into its neighbours.
 */
export function threshold(rgba: Uint8ClampedArray): void {
  toGray(rgba);
  const histogram = new Uint32Array(256);
  for (let i = 0; i < rgba.length; i += 4) histogram[rgba[i]!]!++;
  const cut = otsu(histogram, rgba.length / 4);
  for (let i = 0; i < rgba.length; i += 4) rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i]! > cut ? 255 : 0;
}

/** The gray level that maximises the between-class variance (Otsu 1979). */
export function otsu(histogram: Uint32Array, pixels: number): number {
  let sum = 0;
  for (let value = 0; value < 256; value++) sum += value * histogram[value]!;
  let darkSum = 0;
  let darkCount = 0;
  let best = 0;
  let cut = 127;
  for (let value = 0; value < 256; value++) {
    darkCount += histogram[value]!;
    const lightCount = pixels - darkCount;
    if (darkCount === 0) continue;
    if (lightCount === 0) break;
    darkSum += value * histogram[value]!;
    const between = darkCount * lightCount * (darkSum / darkCount - (sum - darkSum) / lightCount) ** 2;
    if (between > best) [best, cut] = [between, value];
  }
  return cut;
}

/**
 * Unsharp mask: the picture plus twice its difference from a blurred copy. An out-of-focus code's modules run into
 * each other; this restores their edges. The blur radius follows the picture size (a code fills much of it).
 */
export function sharpen(rgba: Uint8ClampedArray, width: number, amount = 2): void {
  toGray(rgba);
  const height = rgba.length / 4 / width;
  const radius = Math.max(1, Math.round(Math.max(width, height) / 100));
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4]!;
  const rows = boxBlur(gray, width, height, radius, width, 1);
  const blurred = boxBlur(rows, height, width, radius, 1, width);
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]! + amount * (gray[i]! - blurred[i]!);
  }
}

/**
 * A running-sum box blur along one axis: `lines` lines of `length` samples, `step` apart within a line and
 * `stride` apart between lines (rows: step 1, stride width; columns: step width, stride 1). Edges average fewer
 * samples instead of reading outside the picture.
 */
function boxBlur(
  input: Float32Array,
  length: number,
  lines: number,
  radius: number,
  stride: number,
  step: number,
): Float32Array {
  const output = new Float32Array(input.length);
  for (let line = 0; line < lines; line++) {
    const start = line * stride;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < Math.min(radius, length); i++, count++) sum += input[start + i * step]!;
    for (let i = 0; i < length; i++) {
      const add = i + radius;
      const drop = i - radius - 1;
      if (add < length) {
        sum += input[start + add * step]!;
        count++;
      }
      if (drop >= 0) {
        sum -= input[start + drop * step]!;
        count--;
      }
      output[start + i * step] = sum / count;
    }
  }
  return output;
}

function percentile(histogram: Uint32Array, count: number): number {
  let seen = 0;
  for (let value = 0; value < 256; value++) {
    seen += histogram[value]!;
    if (seen > count) return value;
  }
  return 255;
}

export function applyFilter(rgba: Uint8ClampedArray, filter: PixelFilter, width: number): void {
  if (filter === 'gray') toGray(rgba);
  else if (filter === 'sharpen') sharpen(rgba, width);
  else if (filter === 'invert') invert(rgba);
  else if (filter === 'stretch') stretchContrast(rgba);
  else if (filter === 'threshold') threshold(rgba);
}
