/**
 * Why the camera cannot be used, found out after qr-scanner failed to start (it swallows the browser's error).
 * Asked in an order that never shows a second permission prompt to someone who just dismissed the first.
 */
export type CameraProblem = 'unsupported' | 'no-camera' | 'denied' | 'in-use' | 'failed';

export async function diagnoseCamera(nav: Navigator = navigator): Promise<CameraProblem> {
  if (!window.isSecureContext || !nav.mediaDevices?.getUserMedia) return 'unsupported';
  try {
    const devices = await nav.mediaDevices.enumerateDevices();
    if (!devices.some((d) => d.kind === 'videoinput')) return 'no-camera';
  } catch {
    // Some browsers refuse to list devices before permission; go on to the other checks.
  }
  try {
    const state = (await nav.permissions.query({ name: 'camera' as PermissionName })).state;
    // 'prompt' after a failed start means the prompt was dismissed: do not ask again unasked.
    if (state === 'denied' || state === 'prompt') return 'denied';
  } catch {
    // Firefox and older Safari cannot query the camera permission.
  }
  try {
    const stream = await nav.mediaDevices.getUserMedia({ video: true, audio: false });
    for (const track of stream.getTracks()) track.stop();
    return 'failed';
  } catch (error) {
    return problemOf(error);
  }
}

/** getUserMedia's DOMException names (Media Capture and Streams §9.2) mapped to what a person can do about it. */
export function problemOf(error: unknown): CameraProblem {
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'failed';
}

/** The sentence shown for each problem; the screen offers the image route next to it. */
export const CAMERA_MESSAGES: Record<CameraProblem, string> = {
  unsupported: 'This browser does not let Latchkey use a camera here.',
  'no-camera': 'No camera was found on this device.',
  denied:
    'Latchkey is not allowed to use the camera. Allow it in the browser’s site settings (on iPhone, apps on the home screen often lose camera access).',
  'in-use': 'The camera is busy: another app or tab is using it. Close that one and try again.',
  failed: 'The camera could not be started. Try again.',
};
