// PATCH /api/account/passkeys/:id {name}: rename. DELETE: remove (step-up); 409
// last_sign_in_method when it is the account's last way to sign in, 404 for an id not the user's.
import { handler } from '@/lib/auth/guards';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys';
import { json, readJson } from '@/lib/http';
import { renamePasskeySchema } from '@/lib/validation/strong-sign-in';
import type { z } from '@/lib/validation/zod';
import type { passkeyAnswerSchema } from '@/lib/validation/strong-sign-in-responses';

type Context = { params: Promise<{ id: string }> };

export const PATCH = handler<'required', Context>({ auth: 'required' }, async (request, { session }, { params }) => {
  const { name } = await readJson(request, renamePasskeySchema);
  const passkey = await renamePasskey({ userId: session.user.id, id: (await params).id, name });
  return json({ passkey } satisfies z.output<typeof passkeyAnswerSchema>);
});

export const DELETE = handler<'required', Context>({ auth: 'required', fresh: true }, async (_request, { session, facts }, { params }) => {
  await removePasskey({ userId: session.user.id, id: (await params).id, meta: facts.meta });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
