// GET /.well-known/jwks.json: the public keys that verify this app's tokens (RFC 7517).
// Empty in HS256 mode (a shared secret is never published). Only public members are ever copied
// into this set (lib/auth/tokens/keys.ts publicJwk), so private material cannot leak through here.
import { getKeySet } from '@/lib/auth/tokens';
import { handler } from '@/lib/auth/guards';
import type { z } from '@/lib/validation/zod';
import type { jwksSchema } from '@/lib/validation/responses';

export const GET = handler({ auth: 'none' }, async () => {
  const { jwks } = await getKeySet();
  // jose types a JWK's `kty` as optional; every key here comes from publicJwk(), which sets it.
  return Response.json(jwks as z.output<typeof jwksSchema>, {
    headers: {
      'Content-Type': 'application/jwk-set+json',
      // Verifiers may cache for 10 minutes; rotation keeps the old key listed far longer than that.
      'Cache-Control': 'public, max-age=600, stale-while-revalidate=60',
      'Access-Control-Allow-Origin': '*',
    },
  });
});
