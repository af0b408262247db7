/**
 * The camera QR scanner: qr-scanner (loaded on first use) behind an explicit start/stop/destroy lifecycle.
 * The camera is released the moment the page is hidden (qr-scanner itself waits 300 ms, and an iOS home-screen
 * app that keeps the stream may lose camera access for good) and whenever the scanner is stopped or destroyed.
 */
import type QrScannerType from 'qr-scanner';
import { diagnoseCamera, type CameraProblem } from './camera-problem';

export type { CameraProblem } from './camera-problem';

export interface CameraInfo {
  id: string;
  label: string;
}

export interface ScannerOptions {
  video: HTMLVideoElement;
  /** Every decoded text; the same code is reported again on every frame it stays in view. */
  onText(text: string): void;
}

export class CameraScanner {
  private destroyed = false;

  private constructor(
    private readonly scanner: QrScannerType,
    private readonly QrScanner: typeof QrScannerType,
  ) {
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.releaseNow);
  }

  static async create({ video, onText }: ScannerOptions): Promise<CameraScanner> {
    const { default: QrScanner } = await import('qr-scanner');
    const scanner = new QrScanner(video, (result) => onText(result.data), {
      returnDetailedScanResult: true,
      preferredCamera: 'environment', // the back camera: the one pointed at another screen or a sheet of paper
      maxScansPerSecond: 10, // enough to feel instant, light on a phone's battery
      onDecodeError: () => {}, // "no QR code in this frame" is the normal state, not worth a log line
    });
    return new CameraScanner(scanner, QrScanner);
  }

  /** Starts the camera; resolves to null when it runs, or to why it cannot. */
  async start(): Promise<CameraProblem | null> {
    if (this.destroyed) return 'failed';
    try {
      await this.scanner.start();
      return null;
    } catch {
      // qr-scanner reports every getUserMedia failure as "Camera not found."; ask the browser what really happened.
      this.releaseNow();
      return diagnoseCamera();
    }
  }

  /** Stops scanning and releases the camera at once. */
  stop(): void {
    this.scanner.stop();
    this.releaseNow();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.releaseNow);
    this.releaseNow();
    this.scanner.destroy();
  }

  async cameras(): Promise<CameraInfo[]> {
    try {
      return await this.QrScanner.listCameras(false);
    } catch {
      return [];
    }
  }

  async switchTo(cameraId: string): Promise<void> {
    await this.scanner.setCamera(cameraId);
  }

  hasTorch(): Promise<boolean> {
    return this.scanner.hasFlash();
  }

  /** Turns the torch on or off; resolves to its new state. */
  async toggleTorch(): Promise<boolean> {
    await this.scanner.toggleFlash();
    return this.scanner.isFlashOn();
  }

  private readonly onVisibility = (): void => {
    // Coming back, qr-scanner's own listener restarts the stream of a scanner that was running.
    if (document.visibilityState === 'hidden') this.releaseNow();
  };

  /** Stops every track now, rather than qr-scanner's delayed pause: the camera light goes off immediately. */
  private readonly releaseNow = (): void => {
    void this.scanner.pause(true);
    const video = this.scanner.$video;
    if (video.srcObject instanceof MediaStream) {
      for (const track of video.srcObject.getTracks()) track.stop();
      video.srcObject = null;
    }
  };
}
