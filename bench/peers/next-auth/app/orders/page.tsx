import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { listOrders } from '@/lib/db';
import { Orders } from '@/lib/views';

export default async function OrdersPage() {
  const session = await auth();
  if (!session?.user?.id) redirect('/api/auth/signin');
  return <Orders name={session.user.name ?? ''} orders={listOrders(session.user.id)} />;
}
