// The SMTP connection, from SMTP_URL (nodemailer understands smtp://user:pass@host:port and
// smtps:// for implicit TLS; every provider offers one: Resend, SES, Postmark, SendGrid, a relay).
// Short timeouts: a dead server must make an attempt fail soon, so the outbox can retry it later.
// nodemailer is loaded on the first send (always after a response), not when a page or action
// that can queue mail is loaded: sign-in and /account do not pay for it on a cold server.
import 'server-only';
import type { Transporter } from 'nodemailer';
import { env } from '@/lib/env';

const globalForMail = globalThis as unknown as { __mailTransport?: { url: string; transport: Transporter } };

export async function smtpTransport(): Promise<Transporter> {
  const url = env().SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set');
  const cached = globalForMail.__mailTransport;
  if (cached?.url === url) return cached.transport;
  const { default: nodemailer } = await import('nodemailer');
  // Another send may have created it while nodemailer loaded.
  const raced = globalForMail.__mailTransport;
  if (raced?.url === url) return raced.transport;
  raced?.transport.close();
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  globalForMail.__mailTransport = { url, transport };
  return transport;
}

export function resetTransportForTests(): void {
  globalForMail.__mailTransport?.transport.close();
  globalForMail.__mailTransport = undefined;
}
