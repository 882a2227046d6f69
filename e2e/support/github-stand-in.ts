// A small local stand-in for GitHub's OAuth endpoints, for the tests of "Continue with GitHub":
//   GET  /login/oauth/authorize      a page: user name, address, "verified" box, Authorize / Cancel
//   POST /login/oauth/authorize      → redirect_uri?code=…&state=… (or ?error=access_denied)
//   POST /login/oauth/access_token   client id + secret, the code (once), redirect_uri and the PKCE
//                                    verifier (S256) → {access_token}; else GitHub's 200 {error}
//   GET  /user, GET /user/emails     with `Authorization: Bearer <token>`
// Like GitHub, the numeric user id is stable for a user name (here derived from it).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GITHUB_TEST_CLIENT = { id: 'test-github-client', secret: 'test-only-github-secret-0123456789' } as const;

interface Person {
  login: string;
  email: string;
  verified: boolean;
}

export interface GithubStandIn {
  url: string;
  port: number;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function userId(login: string): number {
  return createHash('sha256').update(login.toLowerCase()).digest().readUInt32BE(0);
}

async function body(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(response: ServerResponse, status: number, value: unknown, type = 'application/json'): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(text);
}

export async function startGithubStandIn(options: { port: number; host?: string }): Promise<GithubStandIn> {
  const host = options.host ?? '127.0.0.1';
  const codes = new Map<string, { person: Person; challenge: string; redirectUri: string; clientId: string; expiresAt: number }>();
  const tokens = new Map<string, Person>();

  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', `http://${host}`);
      if (url.pathname === '/login/oauth/authorize' && request.method === 'GET') {
        const p = url.searchParams;
        if (p.get('client_id') !== GITHUB_TEST_CLIENT.id || p.get('code_challenge_method') !== 'S256') return send(response, 400, 'bad request', 'text/plain');
        const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge']
          .map((name) => `<input type="hidden" name="${name}" value="${escape(p.get(name) ?? '')}">`)
          .join('');
        return send(
          response,
          200,
          `<!doctype html><html lang="en"><head><title>Sign in to GitHub (test stand-in)</title></head><body>
<h1>Authorize Tokenshop</h1>
<form method="post" action="/login/oauth/authorize">${hidden}
<p><label>Username <input name="login" required></label></p>
<p><label>Email <input name="email" type="email" required></label></p>
<p><label><input type="checkbox" name="verified" checked> Email verified</label></p>
<p><button type="submit" name="decision" value="allow">Authorize</button>
<button type="submit" name="decision" value="deny" formnovalidate>Cancel</button></p>
</form></body></html>`,
          'text/html; charset=utf-8',
        );
      }
      if (url.pathname === '/login/oauth/authorize' && request.method === 'POST') {
        const form = await body(request);
        const redirect = new URL(form.get('redirect_uri') ?? '');
        redirect.searchParams.set('state', form.get('state') ?? '');
        if (form.get('decision') !== 'allow') {
          redirect.searchParams.set('error', 'access_denied');
          redirect.searchParams.set('error_description', 'The user has denied your application access.');
        } else {
          const code = randomBytes(10).toString('hex');
          codes.set(code, {
            person: { login: form.get('login') ?? '', email: (form.get('email') ?? '').toLowerCase(), verified: form.get('verified') === 'on' },
            challenge: form.get('code_challenge') ?? '',
            redirectUri: form.get('redirect_uri') ?? '',
            clientId: form.get('client_id') ?? '',
            expiresAt: Date.now() + 10 * 60_000,
          });
          redirect.searchParams.set('code', code);
        }
        response.writeHead(302, { Location: redirect.toString() });
        return response.end();
      }
      if (url.pathname === '/login/oauth/access_token' && request.method === 'POST') {
        const form = await body(request);
        if (form.get('client_id') !== GITHUB_TEST_CLIENT.id || form.get('client_secret') !== GITHUB_TEST_CLIENT.secret) {
          return send(response, 200, { error: 'incorrect_client_credentials' });
        }
        const code = form.get('code') ?? '';
        const grant = codes.get(code);
        codes.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.expiresAt < Date.now() || grant.clientId !== GITHUB_TEST_CLIENT.id || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
          return send(response, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
        }
        const token = `gho_${randomBytes(16).toString('hex')}`;
        tokens.set(token, grant.person);
        return send(response, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
      }
      const person = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (url.pathname === '/user' || url.pathname === '/user/emails') {
        if (!person) return send(response, 401, { message: 'Bad credentials' });
        if (url.pathname === '/user') return send(response, 200, { id: userId(person.login), login: person.login, name: null });
        return send(response, 200, [{ email: person.email, primary: true, verified: person.verified, visibility: 'private' }]);
      }
      send(response, 404, { message: 'Not Found' });
    } catch (error) {
      send(response, 400, { message: (error as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
