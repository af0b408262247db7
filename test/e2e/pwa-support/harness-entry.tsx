// Test-only mount of the PWA shell pieces, injected into the real built app by harness.ts until App.tsx mounts
// them itself. It runs the same modules the app will: sw-bridge, UpdateBanner, InstallPrompt, share-target.
import { render } from 'preact';
import { registerServiceWorker } from '../../../src/platform/sw-bridge';
import { takeSharedImage } from '../../../src/platform/share-target';
import { InstallPrompt } from '../../../src/ui/InstallPrompt';
import { UpdateBanner } from '../../../src/ui/UpdateBanner';

declare global {
  interface Window {
    /** The test's stand-in for "vault locked and no form open"; false means a form is open. */
    __latchkeyCanApply?: boolean;
    __latchkeyTakeSharedImage?: typeof takeSharedImage;
  }
}

function mount() {
  const host = document.createElement('div');
  host.id = 'pwa-harness';
  document.body.append(host);
  render(
    <>
      <UpdateBanner />
      <InstallPrompt />
    </>,
    host,
  );
  window.__latchkeyTakeSharedImage = takeSharedImage;
  void registerServiceWorker({ canApplyNow: () => window.__latchkeyCanApply === true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
