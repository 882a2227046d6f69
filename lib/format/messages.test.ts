import { describe, expect, it } from 'vitest';
import { repeatsFieldError } from './messages';

describe('repeatsFieldError', () => {
  it('spots a form message that says what a field already says', () => {
    const fields = { email: ['An account with this email already exists.'] };
    expect(repeatsFieldError('An account with this email already exists: sign in instead.', fields)).toBe(true);
    expect(repeatsFieldError('An account with this email already exists.', fields)).toBe(true);
  });
  it('keeps a message that adds something, or has no field to repeat', () => {
    expect(repeatsFieldError('Check the highlighted fields.', { email: ['Enter a valid email address.'] })).toBe(false);
    expect(repeatsFieldError('The email or password is incorrect.', undefined)).toBe(false);
    expect(repeatsFieldError(undefined, { email: ['x'] })).toBe(false);
  });
});
