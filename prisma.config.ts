// Configuration for the Prisma CLI (`prisma migrate deploy`, `prisma studio`, …).
// The app itself never reads this file: lib/db.ts builds its client from lib/env.ts.
//
// It must load on a clean clone where DATABASE_URL is unset, so nothing here throws.
import { defineConfig } from 'prisma/config';
import { databaseUrlOr, isPostgresUrl } from './lib/database-url.mjs';

const url = databaseUrlOr(process.env.DATABASE_URL);
const provider = isPostgresUrl(url) ? 'postgres' : 'sqlite';

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: {
    path: `prisma/${provider}/migrations`,
    seed: 'tsx prisma/seed.ts',
  },
  datasource: { url },
});
