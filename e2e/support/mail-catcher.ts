// A real SMTP peer for the tests: smtp-server receives what the app sends over SMTP, mailparser
// reads it, and the tests look at the mails (subject, text, HTML, links).
//
// In Vitest: `const catcher = await startMailCatcher({ port })`, then stop() / start() again on
// the same port to play an SMTP outage.
// For Playwright (a webServer entry): `node --import tsx e2e/support/mail-catcher.ts <smtpPort> <httpPort>`
// also serves GET /mails (JSON list), DELETE /mails (clear) and GET /health on the HTTP port.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link in the text part, in order. */
  links: string[];
  receivedAt: string;
}

export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private server: SMTPServer | null = null;
  private waiters = new Set<() => void>();
  port = 0;

  /** Listens on `port` (0: any free port, remembered so that a restart takes the same one). */
  async start(port = this.port): Promise<void> {
    if (this.server) return;
    // STARTTLS and AUTH off: smtp-server's built-in certificate has expired, and the app's
    // test URL carries no credentials.
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const text = parsed.text ?? '';
            this.mails.push({
              from: parsed.from?.text ?? '',
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text,
              html: typeof parsed.html === 'string' ? parsed.html : '',
              // A sentence's closing punctuation is not part of its link.
              links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0].replace(/[.,;:!?)]+$/, '')),
              receivedAt: new Date().toISOString(),
            });
            for (const wake of this.waiters) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  clear(): void {
    this.mails.length = 0;
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Resolves with the first mail that matches, waiting for it to arrive (bounded). */
  async waitFor(match: (mail: CaughtMail) => boolean, timeoutMs = 10_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching mail within ${timeoutMs} ms (have: ${this.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ') || 'none'})`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 200));
        this.waiters.add(wake);
      });
    }
  }
}

export async function startMailCatcher({ port = 0 }: { port?: number } = {}): Promise<MailCatcher> {
  const catcher = new MailCatcher();
  await catcher.start(port);
  return catcher;
}

/** The JSON endpoint the Playwright specs read. */
function serveHttp(catcher: MailCatcher, port: number): Promise<HttpServer> {
  const server = createHttpServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://catcher').pathname;
    if (path === '/health') return send(200, { ok: true, smtpPort: catcher.port });
    if (path === '/mails' && request.method === 'GET') return send(200, { mails: catcher.mails });
    if (path === '/mails' && request.method === 'DELETE') {
      catcher.clear();
      return send(200, { ok: true });
    }
    return send(404, { error: 'not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main(): Promise<void> {
  const smtpPort = Number(process.argv[2]);
  const httpPort = Number(process.argv[3]);
  if (!Number.isInteger(smtpPort) || !Number.isInteger(httpPort)) {
    console.error('usage: mail-catcher.ts <smtpPort> <httpPort>');
    process.exit(1);
  }
  const catcher = await startMailCatcher({ port: smtpPort });
  const http = await serveHttp(catcher, httpPort);
  console.log(`[mail-catcher] SMTP on 127.0.0.1:${smtpPort}, mails at http://127.0.0.1:${httpPort}/mails`);
  const shutdown = () => {
    http.close();
    void catcher.stop().finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error('[mail-catcher]', error);
    process.exit(1);
  });
}
