// DELETE /api/account/providers/:provider: disconnect a sign-in provider (the stored provider,
// URL-encoded, or a configured key such as `github`). Refused when it is the last way to sign in.
// Step-up: the sign-in must be recent (`fresh`).
import { handler } from '@/lib/auth/guards';
import { unlinkProvider } from '@/lib/auth/oidc';
import { notFound } from '@/lib/errors';

export const DELETE = handler<'required', { params: Promise<{ provider: string }> }>(
  { auth: 'required', fresh: true },
  async (_request, { session, facts }, { params }) => {
    const { provider } = await params;
    // No connected provider has such a name: unknown, like any other (404).
    if (provider.length === 0 || provider.length > 300) throw notFound('No such provider is connected to your account.');
    await unlinkProvider({ userId: session.user.id, provider, meta: facts.meta });
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  },
);
