// DELETE /api/account {email}: deletes the account (step-up, and the address typed to confirm).
// Everything personal goes, orders stay without the person, every token dies; cookies cleared.
import { NextResponse } from 'next/server';
import { deleteAccount } from '@/lib/auth/delete-account';
import { clearSessionCookies, handler } from '@/lib/auth/guards';
import { readJson } from '@/lib/http';
import { deleteAccountSchema } from '@/lib/validation/strong-sign-in';

export const DELETE = handler({ auth: 'required', fresh: true }, async (request, { session, facts }) => {
  const { email } = await readJson(request, deleteAccountSchema);
  await deleteAccount({ userId: session.user.id, typedEmail: email });
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, facts.secure);
});
