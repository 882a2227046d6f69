// Run by the bench (node bench-setup.mjs <db> <users> <secret> <origin>) inside the built peer
// folder. Creates the users table the Credentials provider reads, then <users> users, and prints
// one session cookie each as JSON: the JWT session Auth.js itself issues after a credentials sign-in
// (@auth/core's encode, salted with the cookie name), with the claims its jwt callback keeps.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';

const [dbPath, count, secret] = process.argv.slice(2);
// next-auth's own copy of @auth/core (the version it pins).
const coreJwt = createRequire(createRequire(import.meta.url).resolve('next-auth')).resolve('@auth/core/jwt');
const { encode } = await import(coreJwt);
const db = new Database(dbPath);
db.exec('CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, passwordHash TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO users (id, email, name, passwordHash) VALUES (?, ?, ?, ?)');
const salt = 'authjs.session-token';
const cookies = [];
for (let i = 0; i < Number(count); i++) {
  const user = { id: randomUUID(), email: `peer-${i}@example.com`, name: `Bench user ${i}` };
  insert.run(user.id, user.email, user.name, 'x');
  const token = await encode({ token: { name: user.name, email: user.email, sub: user.id }, secret, salt, maxAge: 30 * 24 * 3600 });
  cookies.push(`${salt}=${token}`);
}
process.stdout.write(JSON.stringify({ cookies }));
