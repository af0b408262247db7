import { expect, test } from 'vitest';
import { runVectors } from '../../vectors/run';

// The same runner test/e2e/vectors.spec.ts executes in Chromium; here in Node.
test('every shared vector table passes in Node', async () => {
  const { checked, failures } = await runVectors();
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(300);
});
