// Production refuses to start without a way to send mail, and refuses a configuration in which
// nobody could verify an address.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { mailBaseUrl, mailMode, mailStartupProblem } from './config';

const base = { AUTH_SECRET: 'test-only-auth-secret-do-not-use-in-prod-0123456', APP_URL: 'https://shop.example.com' };
const production = (extra: Record<string, string>) => parseEnv({ ...base, NODE_ENV: 'production', ...extra });

describe('mail configuration', () => {
  it('production without SMTP_URL is refused, naming the variable, unless MAIL_DISABLED=true', () => {
    expect(mailStartupProblem(production({}))).toMatch(/SMTP_URL is required/);
    expect(mailStartupProblem(production({ SMTP_URL: 'smtps://user:pass@smtp.example.com:465' }))).toBeNull();
    expect(mailStartupProblem(production({ MAIL_DISABLED: 'true' }))).toBeNull();
  });

  it('MAIL_DISABLED with AUTH_REQUIRE_VERIFIED_EMAIL is refused', () => {
    expect(mailStartupProblem(production({ MAIL_DISABLED: 'true', AUTH_REQUIRE_VERIFIED_EMAIL: 'true' }))).toMatch(/MAIL_DISABLED.*AUTH_REQUIRE_VERIFIED_EMAIL/);
  });

  it('development needs nothing: mail waits in the mailbox', () => {
    const config = parseEnv({ ...base, NODE_ENV: 'development', SMTP_URL: '' });
    expect(mailStartupProblem(config)).toBeNull();
    expect(mailMode(config)).toBe('mailbox');
    expect(mailMode(parseEnv({ ...base, SMTP_URL: 'smtp://127.0.0.1:2525' }))).toBe('smtp');
    expect(mailMode(parseEnv({ ...base, MAIL_DISABLED: 'true' }))).toBe('disabled');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => parseEnv({ ...base, SMTP_URL: 'https://api.resend.com' })).toThrow(/SMTP_URL/);
  });

  it('links start at APP_URL', () => {
    expect(mailBaseUrl(parseEnv({ ...base, APP_URL: 'https://shop.example.com/some/path' }))).toBe('https://shop.example.com');
  });
});
