// The client's network address, for throttling and for showing where a sign-in came from.
// Runtime-neutral.
//
// X-Forwarded-For is written by whoever sends the request, so it is believed only when
// TRUST_PROXY says a proxy we control sits in front (Vercel, nginx): that proxy appends the
// address it saw, so the right-most entry is the one to trust; anything left of it may be forged.
// Only that one header: a proxy that sets X-Real-IP usually passes the client's own
// X-Forwarded-For through, so preferring one and falling back to the other lets the client choose.
// Without a trusted proxy the address is unknown (null) and callers must not key on it.
// (Counters key IPv6 by its /64: addressCounterKey in lib/auth/accounts/rate-limit.ts.)
/** IPv4 or IPv6 (possibly IPv4-mapped) in text form; enough to refuse garbage as a counter key. */
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

export function clientAddress(headers: Headers, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  const candidate = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (!candidate || candidate.length > 64) return null;
  return IP_ADDRESS.test(candidate) ? candidate.toLowerCase() : null;
}
