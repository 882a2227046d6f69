// The Edge-safe half of the Auth.js configuration (its "edge compatibility" guide): no database
// here, so the middleware can import it. auth.ts adds the Credentials provider.
import type { NextAuthConfig } from 'next-auth';

export default {
  providers: [],
  session: { strategy: 'jwt' },
  callbacks: {
    // The middleware's check: only the protected page needs a session.
    authorized: ({ auth, request }) => (request.nextUrl.pathname.startsWith('/orders') ? !!auth : true),
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;
