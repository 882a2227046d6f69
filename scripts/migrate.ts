// `npm run db:migrate`: applies prisma/<provider>/migrations with lib/db/migrate.ts, because
// `prisma migrate deploy` needs a native engine that cannot be downloaded everywhere. Where
// the engine is available, `prisma migrate deploy` does the same job and the two agree.
import { existsSync } from 'node:fs';
import { applyMigrations } from '../lib/db/migrate';

// Same precedence as Next: values already in the environment win, then .env.local, then .env.
for (const file of ['.env.local', '.env']) {
  if (existsSync(file)) process.loadEnvFile(file);
}

const url = process.env.DATABASE_URL || 'file:./data/dev.db';

try {
  const { applied } = await applyMigrations({ url, log: (line) => console.log(line) });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Database is up to date.');
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}
