/**
 * What holds an update's reload back (sw-bridge.ts asks `noFormOpen`): a form screen, or any password field that
 * holds text, on whatever screen (PasswordField counts itself in `typedPasswords`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formOpen, noFormOpen, onFormChange, typedPasswords } from '../../../../src/ui/components/form-state';

afterEach(() => {
  formOpen.set(false);
  typedPasswords.set(0);
});

describe('form state', () => {
  it.each([
    { form: false, typed: 0, free: true },
    { form: true, typed: 0, free: false },
    { form: false, typed: 1, free: false },
    { form: false, typed: 2, free: false },
    { form: true, typed: 1, free: false },
  ])('form screen $form, $typed typed password field(s): nothing to lose is $free', ({ form, typed, free }) => {
    formOpen.set(form);
    typedPasswords.set(typed);
    expect(noFormOpen()).toBe(free);
  });

  it('tells its listener of either change, until unsubscribed', () => {
    const listener = vi.fn();
    const stop = onFormChange(listener);
    typedPasswords.set(1);
    formOpen.set(true);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    typedPasswords.set(0);
    formOpen.set(false);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
