/**
 * Reads a QR code from a picture (a file, a pasted or dropped image). qr-scanner's scanImage is tried on several
 * versions of the picture (qr-pixels.ts plans them) before saying there is none: photos of screens, tiny, blurred,
 * faint and inverted codes each fail the plain pass in their own way. qr-scanner is loaded only here.
 */
import { LatchkeyError } from '../core/errors';
import { applyFilter, planPasses, type Pass } from './qr-pixels';

export interface ImageScanResult {
  /** The decoded text, or null when no pass found a QR code (an answer, not an error). */
  text: string | null;
  /** Which pass found it, and how many were tried: for tests and measurements. */
  pass: string | null;
  tried: number;
}

/** @throws LatchkeyError 'unsupported-format' when the file is not a picture the browser can open. */
export async function scanImageFile(file: Blob, signal?: AbortSignal): Promise<ImageScanResult> {
  const [{ default: QrScanner }, bitmap] = await Promise.all([import('qr-scanner'), openPicture(file)]);
  const engine = await QrScanner.createQrEngine();
  // scanImage asks its own worker to try inverted codes too, but not a worker it is given: ask for it here.
  if (engine instanceof Worker) engine.postMessage({ id: -1, type: 'inversionMode', data: 'both' });
  const scratch = document.createElement('canvas');
  let tried = 0;
  try {
    for (const pass of planPasses(bitmap.width, bitmap.height)) {
      if (signal?.aborted) break;
      tried++;
      try {
        const found = await QrScanner.scanImage(draw(bitmap, pass), {
          qrEngine: engine,
          canvas: scratch,
          returnDetailedScanResult: true,
        });
        return { text: found.data, pass: pass.label, tried };
      } catch (error) {
        if (error !== QrScanner.NO_QR_CODE_FOUND) console.error('QR scan pass failed', pass.label, String(error));
      }
    }
    return { text: null, pass: null, tried };
  } finally {
    bitmap.close();
    if (engine instanceof Worker) engine.terminate();
  }
}

async function openPicture(file: Blob): Promise<ImageBitmap> {
  try {
    // 'from-image' applies the EXIF rotation of phone photos.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new LatchkeyError(
      'unsupported-format',
      'This file is not a picture Latchkey can open. Choose a PNG, JPEG or WebP image of the QR code.',
    );
  }
}

function draw(bitmap: ImageBitmap, pass: Pass): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = pass.width;
  canvas.height = pass.height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  // White under transparent pixels: a transparent PNG's "white" would otherwise read as black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, pass.width, pass.height);
  context.imageSmoothingEnabled = pass.smooth;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, pass.width, pass.height);
  if (pass.filter !== 'none') {
    const pixels = context.getImageData(0, 0, pass.width, pass.height);
    applyFilter(pixels.data, pass.filter, pass.width);
    context.putImageData(pixels, 0, 0);
  }
  return canvas;
}
