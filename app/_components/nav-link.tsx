'use client';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { PRERENDERED_FRONT_PAGE_PATH } from '@/lib/prerendered-front-page-names.mjs';

/** The pending mark of a link being followed: a slow network shows that something is happening. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return <span aria-hidden="true" className={pending ? 'link-pending is-pending' : 'link-pending'} />;
}

/**
 * A header link that says which page you are on (aria-current) and shows a progress mark while its
 * navigation is pending. `match: 'prefix'` marks sub-pages too (/orders/123 under Orders).
 */
export function NavLink({ href, children, className, match = 'exact' }: { href: string; children: ReactNode; className?: string; match?: 'exact' | 'prefix' }) {
  // The prerendered front page renders under its own path, and is served at `/` (docs/architecture.md).
  const path = usePathname();
  const pathname = path === PRERENDERED_FRONT_PAGE_PATH ? '/' : path;
  const current = pathname === href || (match === 'prefix' && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined}>
      {children}
      <PendingMark />
    </Link>
  );
}
