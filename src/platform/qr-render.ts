/**
 * Draws QR codes with the qrcode library, loaded on first use so the list screen never pays for it. Always black
 * modules on white with the standard four-module quiet zone, whatever the theme: scanners (Google Authenticator's
 * included) read dark-on-light most reliably, and a dark theme must not invert the code.
 */
import type { QRCodeErrorCorrectionLevel } from 'qrcode';

export interface QrRenderOptions {
  /** Pixel width of the image; large enough that each module is several pixels. */
  width?: number;
  /**
   * 'M' by default: a 15% repair budget for a scuffed phone screen. Transfer codes hold up to ten accounts and use
   * 'L' to stay at a version a phone camera reads across a room.
   */
  errorCorrection?: QRCodeErrorCorrectionLevel;
}

const COLORS = { dark: '#000000ff', light: '#ffffffff' };

function loadQrcode() {
  return import('qrcode');
}

/** A PNG data: URL (the CSP allows data: images), for an <img> with a proper alt text. */
export async function qrDataUrl(text: string, { width = 512, errorCorrection = 'M' }: QrRenderOptions = {}) {
  const qrcode = await loadQrcode();
  return qrcode.toDataURL(text, { errorCorrectionLevel: errorCorrection, margin: 4, width, color: COLORS });
}

/** Draws into an existing canvas (the caller gives it role="img" and a label). */
export async function drawQr(
  canvas: HTMLCanvasElement,
  text: string,
  { width = 512, errorCorrection = 'M' }: QrRenderOptions = {},
): Promise<void> {
  const qrcode = await loadQrcode();
  await qrcode.toCanvas(canvas, text, { errorCorrectionLevel: errorCorrection, margin: 4, width, color: COLORS });
}
