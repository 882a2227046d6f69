// The SMTP connection, from SMTP_URL (nodemailer understands smtp://user:pass@host:port and
// smtps:// for implicit TLS; every provider offers one: Resend, SES, Postmark, SendGrid, a relay).
// Short timeouts: a dead server must make an attempt fail soon, so the outbox can retry it later.
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

const globalForMail = globalThis as unknown as { __mailTransport?: { url: string; transport: Transporter } };

export function smtpTransport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error('SMTP_URL is not set');
  const cached = globalForMail.__mailTransport;
  if (cached?.url === url) return cached.transport;
  cached?.transport.close();
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
