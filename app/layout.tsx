import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tokenshop', template: '%s · Tokenshop' },
  description: 'A real shop behind sign-in with JWTs in httpOnly cookies: the reference Next.js app.',
};

export const viewport: Viewport = { themeColor: '#1f2a44' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer container">
          <p>
            Tokenshop signs you in with a JWT kept in an httpOnly cookie. <a href="/learn">How it works</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
