// `npm run db:migrate`: applies prisma/<provider>/migrations with lib/db/migrate.ts, because
// `prisma migrate deploy` needs a native engine that cannot be downloaded everywhere. Where
// the engine is available, `prisma migrate deploy` does the same job and the two agree.
import { databaseUrlOr } from '../lib/database-url.mjs';
import { applyMigrations } from '../lib/db/migrate';
import { loadLocalEnv } from './local-env.mjs';

loadLocalEnv();

const url = databaseUrlOr(process.env.DATABASE_URL);

try {
  const { applied } = await applyMigrations({ url, log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Database is up to date.');
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
