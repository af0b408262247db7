/**
 * Latchkey's mark (public/icon.svg, drawn inline). Inline, not an <img>: an image request made at the moment the
 * vault locks went through the old service worker just as a waiting update was told to take over, and kept the
 * update from activating (pwa-update.spec.ts, "applies when it is locked"). Inline it costs no request at all.
 */
export function Mark({ size }: { size: number }) {
  return (
    <svg class="mark" viewBox="0 0 512 512" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" fill="#1d4ed8" />
      <path d="M176 236v-40a80 80 0 0 1 160 0v40" fill="none" stroke="#fff" stroke-width="40" stroke-linecap="round" />
      <rect x="136" y="220" width="240" height="192" rx="36" fill="#fff" />
      <circle cx="256" cy="316" r="52" fill="none" stroke="#bfdbfe" stroke-width="14" />
      <circle
        cx="256"
        cy="316"
        r="52"
        fill="none"
        stroke="#1d4ed8"
        stroke-width="14"
        stroke-linecap="round"
        stroke-dasharray="228 400"
        transform="rotate(-90 256 316)"
      />
      <circle cx="256" cy="304" r="14" fill="#1d4ed8" />
      <path d="M249 312h14l4 30h-22z" fill="#1d4ed8" />
    </svg>
  );
}
