// The hand-written floor: the least work that can check an HS256 JWT. One HMAC-SHA256 over
// header.payload, a constant-time compare, JSON.parse of the payload and an exp check. No alg,
// typ, iss or aud checks, no memo: nothing that the real verifier may skip.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function makeFloorVerifier(secret: string): (token: string) => { sub: string; exp: number } | null {
  const key = Buffer.from(secret, 'utf8');
  return (token) => {
    const firstDot = token.indexOf('.');
    const lastDot = token.lastIndexOf('.');
    if (firstDot < 0 || lastDot === firstDot) return null;
    const expected = createHmac('sha256', key).update(token.slice(0, lastDot)).digest();
    const given = Buffer.from(token.slice(lastDot + 1), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const payload = JSON.parse(Buffer.from(token.slice(firstDot + 1, lastDot), 'base64url').toString('utf8')) as {
      sub: string;
      exp: number;
    };
    return typeof payload.exp === 'number' && payload.exp > Date.now() / 1000 ? payload : null;
  };
}
