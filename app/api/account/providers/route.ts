// GET /api/account/providers: the sign-in providers linked to the account, and those it could connect.
import { configuredProviders, listLinkedProviders } from '@/lib/auth/oidc';
import { requireSession } from '@/lib/auth/session';
import { json, route } from '@/lib/http';

export const GET = route(async (request) => {
  const session = await requireSession(request);
  const providers = await listLinkedProviders({ userId: session.user.id });
  const available = configuredProviders().map((p) => ({ key: p.key, label: p.label, linked: providers.some((l) => l.key === p.key) }));
  return json({ providers, available });
});
