// GET /api/account/providers: the sign-in providers linked to the account, and those it could connect.
import { handler } from '@/lib/auth/guards';
import { configuredProviders, listLinkedProviders } from '@/lib/auth/oidc';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { providersSchema } from '@/lib/validation/account-responses';

export const GET = handler({ auth: 'required' }, async (_request, { session }) => {
  const providers = await listLinkedProviders({ userId: session.user.id });
  const available = configuredProviders().map((p) => ({ key: p.key, label: p.label, linked: providers.some((l) => l.key === p.key) }));
  return json({ providers, available } satisfies z.output<typeof providersSchema>);
});
