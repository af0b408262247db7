import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';

/**
 * A screen that fails while it is drawn shows what happened and a way back, instead of blanking the whole app
 * until a reload. Keyed by the screen it wraps, so going back starts afresh.
 */
export function ScreenBoundary({ onBack, children }: { onBack(): void; children: ComponentChildren }) {
  const [error, reset] = useErrorBoundary((caught: unknown) => {
    console.warn('A screen failed to draw:', caught instanceof Error ? caught.name : typeof caught);
  });
  if (!error) return <>{children}</>;
  return (
    <main class="screen narrow">
      <p role="alert" class="alert">
        This screen could not be shown because of a fault in Latchkey. Nothing was changed; go back and try again.
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          onClick={() => {
            reset();
            onBack();
          }}
        >
          Back to the list
        </button>
      </div>
    </main>
  );
}
