// DELETE /api/account {email}: deletes the account (step-up, and the address typed to confirm).
// Everything personal goes, orders stay without the person, every token dies; cookies cleared.
import { NextResponse } from 'next/server';
import { requireAccountWrite } from '@/lib/auth/account-guard';
import { deleteAccount } from '@/lib/auth/delete-account';
import { clearSessionCookies, requestFacts } from '@/lib/auth/respond';
import { readJson, route } from '@/lib/http';
import { deleteAccountSchema } from '@/lib/validation/strong-sign-in';

export const DELETE = route(async (request) => {
  const session = await requireAccountWrite(request, { stepUp: true });
  const { email } = await readJson(request, deleteAccountSchema);
  await deleteAccount({ userId: session.user.id, typedEmail: email });
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return clearSessionCookies(response, requestFacts(request).secure);
});
