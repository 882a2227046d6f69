import { describe, expect, it } from 'vitest';
import { emailSchema, loginSchema, normaliseEmail, passwordSchema, signupSchema, utf8Length } from './auth';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('passwords: 8 characters to 72 bytes (bcrypt ignores byte 73 onwards)', () => {
  it('refuses fewer than 8 characters, accepts 8', () => {
    expect(ok(passwordSchema, '1234567')).toBe(false);
    expect(ok(passwordSchema, '12345678')).toBe(true);
  });

  it('accepts 72 ASCII characters and refuses 73 (never truncates)', () => {
    expect(ok(passwordSchema, 'a'.repeat(72))).toBe(true);
    expect(ok(passwordSchema, 'a'.repeat(73))).toBe(false);
  });

  it('counts bytes, not characters: emoji are 4 bytes each', () => {
    const emoji = '😀';
    expect(utf8Length(emoji)).toBe(4);
    expect(ok(passwordSchema, emoji.repeat(18))).toBe(true); // 72 bytes, 36 UTF-16 units
    const over = emoji.repeat(18) + 'a'; // 73 bytes but only 37 UTF-16 units
    expect(over.length).toBeLessThan(72);
    expect(ok(passwordSchema, over)).toBe(false);
    expect(ok(passwordSchema, 'é'.repeat(36))).toBe(true); // 72 bytes
    expect(ok(passwordSchema, 'é'.repeat(37))).toBe(false); // 74 bytes, 37 characters
  });

  it('says why a long password is refused, in characters rather than bytes', () => {
    const result = passwordSchema.safeParse('a'.repeat(73));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Use a shorter password: at most 72 characters, fewer with accents or emoji.');
  });

  it('sign-in refuses over-long passwords too (they could only match a truncated hash)', () => {
    expect(ok(loginSchema, { email: 'a@example.com', password: 'a'.repeat(72) })).toBe(true);
    expect(ok(loginSchema, { email: 'a@example.com', password: 'a'.repeat(73) })).toBe(false);
    expect(ok(loginSchema, { email: 'a@example.com', password: '' })).toBe(false);
  });
});

describe('emails', () => {
  it('are trimmed, NFKC-normalised and lower-cased: one spelling per mailbox', () => {
    const canonical = 'alice@example.com';
    for (const spelling of ['alice@example.com', 'Alice@Example.COM', '  alice@example.com  ', '\talice@example.com\n', 'ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ', ' ＡＬＩＣＥ@Example.com ']) {
      expect(emailSchema.parse(spelling), JSON.stringify(spelling)).toBe(canonical);
      expect(normaliseEmail(spelling)).toBe(canonical);
    }
  });

  it('refuses things that are not email addresses', () => {
    for (const value of ['', '   ', 'alice', 'alice@', '@example.com', 'alice@@example.com', 'a b@example.com', 'alice@example', 'alice@exa mple.com', '<script>@example.com', `${'a'.repeat(250)}@example.com`]) {
      expect(ok(emailSchema, value), JSON.stringify(value)).toBe(false);
    }
  });

  it('refuses non-strings (objects, arrays, numbers, null)', () => {
    for (const value of [{ not: '' }, ['alice@example.com'], 42, null, undefined, true]) {
      expect(ok(emailSchema, value), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('signupSchema', () => {
  const valid = { email: ' Bob@Example.com ', password: 'correct horse', name: '  Bob  ' };

  it('normalises a good sign-up', () => {
    expect(signupSchema.parse(valid)).toEqual({ email: 'bob@example.com', password: 'correct horse', name: 'Bob' });
  });

  it('refuses unknown fields (no mass assignment of tokensValidAfter, passwordHash, id…)', () => {
    for (const extra of [{ tokensValidAfter: '2000-01-01' }, { passwordHash: 'x' }, { id: 'admin' }]) {
      expect(ok(signupSchema, { ...valid, ...extra }), JSON.stringify(extra)).toBe(false);
    }
  });

  it('reports each bad field by name', () => {
    const result = signupSchema.safeParse({ email: 'nope', password: 'short', name: '   ' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });
});
