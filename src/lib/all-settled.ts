/**
 * Like Promise.all, but it rejects only once every promise has settled (with the first failure in the order
 * given). For work whose parts keep running after a sibling failed: a part still under way when the failure is
 * shown can act after it, under whatever the person does next.
 */
export async function allSettledOrThrow<T extends readonly unknown[] | []>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: PromiseSettledResult<unknown>[] = await Promise.allSettled(promises as readonly unknown[]);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
