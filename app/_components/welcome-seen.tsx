'use client';
import { useEffect } from 'react';
import { WELCOME_COOKIE } from '@/lib/format/welcome';

/** Removes the one-time `welcome` cookie once the notice is on screen (without JS it just lapses). */
export function WelcomeSeen() {
  useEffect(() => {
    document.cookie = `${WELCOME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  }, []);
  return null;
}
