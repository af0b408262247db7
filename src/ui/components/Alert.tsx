/** An error said out loud: role="alert" makes screen readers announce it as soon as it appears. */
export function Alert({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert" id={id}>
      {message}
    </p>
  );
}

/** The text to show for anything thrown: our coded errors carry a human sentence; anything else gets a generic one. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && error.name === 'LatchkeyError') {
    return (error as Error).message;
  }
  return 'Something went wrong. Nothing was changed. Please try again.';
}
