import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/site-header';
import { TimeZoneCookie } from './_components/time-zone-cookie';
import { WelcomeNotice } from './_components/welcome-notice';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tokenshop', template: '%s · Tokenshop' },
  description: 'A real shop behind sign-in with JWTs in httpOnly cookies: the reference Next.js app.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#1f2a44' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f19' },
  ],
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <WelcomeNotice />
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer container">
          <p>
            Tokenshop signs you in with a JWT kept in an httpOnly cookie. <a href="/learn">How it works</a>
          </p>
        </footer>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
