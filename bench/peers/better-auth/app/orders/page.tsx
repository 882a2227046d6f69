import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth';
import { listOrders } from '@/lib/db';
import { Orders } from '@/lib/views';

export default async function OrdersPage() {
  // The guide: the middleware's cookie check is optimistic; the page validates the session.
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect('/sign-in');
  return <Orders name={session.user.name} orders={listOrders(session.user.id)} />;
}
