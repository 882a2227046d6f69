// How this server sends mail, decided once from the environment:
//   smtp      SMTP_URL is set: the outbox is delivered over SMTP (lib/mail/transport.ts);
//   mailbox   development or tests without SMTP_URL: mail waits in the outbox and is read at
//             /dev/mailbox (production never gets here: it refuses to start, see below);
//   disabled  MAIL_DISABLED=true: nothing is queued, and the email features say so.
import 'server-only';
import { env, type Env } from '@/lib/env';
import { AppError } from '@/lib/errors';

export type MailMode = 'smtp' | 'mailbox' | 'disabled';

/** The shop's name, in every subject line and signature. */
export const SHOP_NAME = 'Tokenshop';

export function mailMode(config: Env = env()): MailMode {
  if (config.MAIL_DISABLED) return 'disabled';
  return config.SMTP_URL ? 'smtp' : 'mailbox';
}

export function mailEnabled(config: Env = env()): boolean {
  return mailMode(config) !== 'disabled';
}

/**
 * What stops a production server from starting, or null. Without SMTP_URL a production shop
 * would silently never send a reset link; with MAIL_DISABLED and AUTH_REQUIRE_VERIFIED_EMAIL
 * nobody could ever verify an address, so nobody could check out.
 */
export function mailStartupProblem(config: Env): string | null {
  if (config.NODE_ENV !== 'production') return null;
  if (config.MAIL_DISABLED && config.AUTH_REQUIRE_VERIFIED_EMAIL) {
    return 'MAIL_DISABLED=true cannot be combined with AUTH_REQUIRE_VERIFIED_EMAIL=true: nobody could verify an address.';
  }
  if (!config.SMTP_URL && !config.MAIL_DISABLED) {
    return 'SMTP_URL is required in production (smtp://user:pass@host:587 or smtps://…:465), or set MAIL_DISABLED=true to run without email.';
  }
  return null;
}

/**
 * The origin every link in a mail starts with: APP_URL, never the request's Host or
 * X-Forwarded-Host (an attacker who sets those must not get a reset link pointing at their site).
 */
export function mailBaseUrl(config: Env = env()): string {
  return new URL(config.APP_URL ?? 'http://localhost:3000').origin;
}

export const mailUnavailable = () =>
  new AppError(503, 'mail_unavailable', 'Email is not available on this server, so this cannot be done by mail. Please contact the shop.');
