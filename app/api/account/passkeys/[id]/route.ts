// PATCH /api/account/passkeys/:id {name}: rename. DELETE: remove (step-up).
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys';
import { requestFacts } from '@/lib/auth/respond';
import { json, readJson, route } from '@/lib/http';
import { renamePasskeySchema } from '@/lib/validation/strong-sign-in';

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, { params }) => {
  const session = await requireAccountWrite(request, { stepUp: false });
  const { name } = await readJson(request, renamePasskeySchema);
  const passkey = await renamePasskey({ userId: session.user.id, id: (await params).id, name });
  return json({ passkey });
});

export const DELETE = route<Context>(async (request, { params }) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  await removePasskey({ userId: session.user.id, id: (await params).id, meta: requestFacts(request).meta });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
