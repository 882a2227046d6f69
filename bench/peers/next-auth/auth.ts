// Auth.js v5 as its Next.js guide sets it up: an auth.ts at the root exporting handlers, auth,
// signIn and signOut (auth.config.ts holds the Edge-safe part); the Credentials provider (which requires JWT sessions) checking the user
// table of the same SQLite file. AUTH_SECRET and AUTH_TRUST_HOST come from the environment.
import bcrypt from 'bcryptjs';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { sqlite } from '@/lib/db';
import authConfig from './auth.config';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => {
        const user = sqlite
          .prepare('SELECT id, email, name, passwordHash FROM users WHERE email = ?')
          .get(String(credentials.email)) as { id: string; email: string; name: string; passwordHash: string } | undefined;
        if (!user || !(await bcrypt.compare(String(credentials.password), user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
});
