// Passwords are hashed with bcrypt on worker threads: the hashes are real bcrypt hashes of the
// configured cost, they verify, and the main thread's bcrypt is not what does the work.
import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';

afterEach(() => vi.restoreAllMocks());

describe('password hashing', () => {
  it('produces bcrypt hashes of the configured cost that verify, and rejects the wrong password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(new RegExp(`^\\$2b\\$0${process.env.BCRYPT_COST}\\$`));
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    // Interoperable with plain bcrypt.
    expect(bcrypt.compareSync('correct horse battery', hash)).toBe(true);
  });

  it('does the work on a worker thread, not with the main thread’s bcrypt', async () => {
    const hashSpy = vi.spyOn(bcrypt, 'hash');
    const compareSpy = vi.spyOn(bcrypt, 'compare');
    const hash = await hashPassword('off the main thread');
    // The work was done (a real hash that verifies), just not by this thread's bcrypt.
    expect(await verifyPassword('off the main thread', hash)).toBe(true);
    expect(hashSpy).not.toHaveBeenCalled();
    expect(compareSpy).not.toHaveBeenCalled();
  });

  it('answers false for an unknown email, whatever the password (the work is counted in unknown-address-work.int.test.ts)', async () => {
    expect(await burnPasswordCheck('anything at all')).toBe(false);
  });
});
