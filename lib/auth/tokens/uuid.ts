// UUIDv7 (RFC 9562): 48 bits of Unix time in milliseconds, then randomness.
//
// Token ids (jti) and session ids (sid) are UUIDv7 so that a token carries its issue time to the
// millisecond. The `iat` claim has one-second resolution, which is too coarse for
// "sign out everywhere": a token issued in the same second as the sign-out must still die, and a
// token issued just after it must live. See isIssuedBefore() in lib/auth/tokens/revocation.ts.

export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let time = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidv7(value: unknown): value is string {
  return typeof value === 'string' && UUIDV7.test(value);
}

/** The millisecond timestamp inside a UUIDv7, or null when the value is not one. */
export function uuidv7Time(value: string): number | null {
  if (!isUuidv7(value)) return null;
  return parseInt(value.slice(0, 8) + value.slice(9, 13), 16);
}
