import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/auth/http';
import { getPageSession } from '@/lib/auth/session';
import { ProviderButtons } from '../_components/provider-buttons';
import { SignupForm } from './signup-form';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : undefined);
  if (await getPageSession().catch(() => null)) redirect(next);
  return (
    <section className="auth-page" aria-labelledby="signup-title">
      <h1 id="signup-title">Create an account</h1>
      <ProviderButtons next={next} />
      <SignupForm next={next} />
    </section>
  );
}
