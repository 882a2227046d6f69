// Secrets the server must read back later (the TOTP secret), encrypted at rest.
//
// AES-256-GCM under a key derived from AUTH_SECRET with HKDF-SHA-256, one key per purpose, so a
// stolen database alone does not give away anyone's authenticator. Rotating AUTH_SECRET makes
// these unreadable: re-encrypt them first (`npm run secrets:reseal`, see docs/strong-sign-in.md).
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

const FORMAT = 'v1';

function keyFor(purpose: string, secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tokenshop-secret-box', purpose, 32));
}

/** `v1.<iv>.<ciphertext>.<tag>`, base64url. The purpose is also bound in as associated data. */
export function seal(plain: string, purpose: string, secret: string = env().AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose, secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plain text, or throws when the box was sealed with another key or tampered with. */
export function unseal(sealed: string, purpose: string, secret: string = env().AUTH_SECRET): string {
  const [format, iv, body, tag] = sealed.split('.');
  if (format !== FORMAT || !iv || body === undefined || !tag) throw new Error('secret-box: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose, secret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
