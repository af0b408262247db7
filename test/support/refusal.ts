/** The one check that a refusal is what a person should see: a coded LatchkeyError whose message is a sentence. */
import { expect } from 'vitest';
import { isLatchkeyError, type ErrorCode, type LatchkeyError } from '../../src/core/errors';

/** A message a person can read: a capitalised sentence ending in a full stop, no code words or stack noise. */
export function expectHumanSentence(message: string): void {
  expect(message).toMatch(/^[A-Z"“][\s\S]{15,}[.!]$/);
  expect(message).not.toMatch(/undefined|\[object|Error:|OperationError|DOMException/);
}

/** Awaits a refusal (a promise, or a function that throws or rejects) and checks its code and its sentence. */
export async function expectRefusal(work: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<LatchkeyError> {
  let caught: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    caught = error;
  }
  expect(isLatchkeyError(caught, code), `expected LatchkeyError '${code}', got ${String(caught)}`).toBe(true);
  expectHumanSentence((caught as Error).message);
  return caught as LatchkeyError;
}
