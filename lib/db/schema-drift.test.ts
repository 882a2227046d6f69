// prisma/models.prisma is the single source of truth; the per-provider schemas are generated
// copies. These checks keep the copies from being edited by hand or going stale, and keep
// SQLite and Postgres describing one and the same data model (the app runs on either).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDMMF } from '@prisma/internals';
import { describe, expect, it } from 'vitest';
import { schemaFor } from '../../scripts/prisma-generate.mjs';

const providers = ['sqlite', 'postgres'] as const;
const committed = (provider: string) =>
  readFileSync(fileURLToPath(new URL(`../../prisma/${provider}/schema.prisma`, import.meta.url)), 'utf8');

describe('generated Prisma schemas', () => {
  it.each(providers)('prisma/%s/schema.prisma is what prisma/models.prisma generates (run `npm run db:generate`)', (provider) => {
    expect(committed(provider)).toBe(schemaFor(provider));
  });

  it('describe the same data model for SQLite and Postgres', async () => {
    const [sqlite, postgres] = await Promise.all(providers.map((p) => getDMMF({ datamodel: committed(p) })));
    expect(sqlite!.datamodel.models.length).toBeGreaterThan(0);
    // Whole datamodel: models, fields, types, defaults, relations, @@id/@@unique/@@index.
    expect(postgres!.datamodel).toEqual(sqlite!.datamodel);
  });
});
