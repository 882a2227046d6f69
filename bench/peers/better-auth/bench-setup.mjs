// Run by the bench (node bench-setup.mjs <db> <users> <secret> <origin>) inside the built peer
// folder, so `better-auth` resolves to the pinned release. Creates Better Auth's tables with its
// own migrator, then <users> users, each with a database session made by Better Auth's own
// internal adapter, and prints their session cookies as JSON: the cookie value is the session
// token signed the way Better Auth signs it (HMAC-SHA256, base64, URI-encoded).
import { createHmac } from 'node:crypto';
import Database from 'better-sqlite3';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';

const [dbPath, count, secret, origin] = process.argv.slice(2);
const options = { database: new Database(dbPath), emailAndPassword: { enabled: true }, secret, baseURL: origin };
const { runMigrations } = await getMigrations(options);
await runMigrations();
const ctx = await betterAuth(options).$context;
const cookies = [];
for (let i = 0; i < Number(count); i++) {
  const user = await ctx.internalAdapter.createUser({ email: `peer-${i}@example.com`, name: `Bench user ${i}`, emailVerified: false });
  const session = await ctx.internalAdapter.createSession(user.id);
  const signature = createHmac('sha256', secret).update(session.token).digest('base64');
  cookies.push(`better-auth.session_token=${encodeURIComponent(`${session.token}.${signature}`)}`);
}
process.stdout.write(JSON.stringify({ cookies }));
