// DELETE /api/account/providers/:provider: disconnect a sign-in provider (the stored provider,
// URL-encoded, or a configured key such as `github`). Refused when it is the last way to sign in.
import { unlinkProvider } from '@/lib/auth/oidc';
import { assertSameOrigin } from '@/lib/auth/csrf';
import { requestFacts } from '@/lib/auth/respond';
import { requireSession } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { badRequest } from '@/lib/errors';
import { route } from '@/lib/http';

export const DELETE = route<{ params: Promise<{ provider: string }> }>(async (request, { params }) => {
  const session = await requireSession(request);
  if (session.via === 'cookie') assertSameOrigin(request, 'strict', env().APP_URL);
  // Step-up (unlinking needs a recent sign-in): requireRecentSignIn(session) from lib/auth/step-up.ts goes here.
  const { provider } = await params;
  if (provider.length === 0 || provider.length > 300) throw badRequest('Name a connected provider.');
  await unlinkProvider({ userId: session.user.id, provider, meta: requestFacts(request).meta });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
