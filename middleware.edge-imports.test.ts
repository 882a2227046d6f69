// middleware.ts runs on the Edge runtime, so it and the runtime-neutral modules may import only each
// other and packages that run there (eslint.config.mjs says which and why; `npm test` runs the
// linter). These fixtures run the repository's own ESLint configuration on small sources placed in
// those folders, so the rule cannot silently stop firing: a renamed folder, a later config block
// that replaces the rule's options, a pattern that no longer matches.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { RUNTIME_NEUTRAL_FILES, RUNTIME_NEUTRAL_FOLDERS } from './eslint.config.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

/** The import-rule complaints about `code` if it were the file at `path`. */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => m.message);
}

const FORBIDDEN = [
  ["import 'server-only';", 'server-only'],
  ["import { cookies } from 'next/headers';", 'next/headers'],
  ["import bcrypt from 'bcryptjs';", 'bcrypt'],
  ["import { PrismaClient } from '@prisma/client';", 'Prisma'],
  ["import { createHash } from 'node:crypto';", 'a Node built-in'],
  ["import { readFileSync } from 'fs';", 'a Node built-in (bare name)'],
  ["import pg from 'pg';", 'a database driver'],
  ["import { db } from '@/lib/db';", 'the database module'],
  ["export { db } from '@/lib/db';", 'a re-export of the database module'],
  ["import { PrismaClient } from '@/lib/generated/sqlite/client';", 'the generated client'],
  ["import { requireSession } from '@/lib/auth/session';", 'a server-only module'],
  ["import { db } from '../../db';", 'the database module, relatively'],
  ["import { requireSession } from '../session';", 'a server-only sibling folder'],
  ["const fs = await import('node:fs');", 'a dynamic import'],
  ["const fs = require('fs');", 'a require'],
] as const;

describe('the Edge import rule (eslint.config.mjs)', () => {
  it.each(FORBIDDEN)('refuses %s in runtime-neutral code (%s)', async (code) => {
    expect(await refusals('lib/auth/tokens/fixture.ts', code)).not.toEqual([]);
    expect(await refusals('lib/auth/http/fixture.ts', code)).not.toEqual([]);
  });

  it('holds for middleware.ts and the single neutral files too, relative imports included', async () => {
    expect(await refusals('middleware.ts', "import { db } from '@/lib/db';")).not.toEqual([]);
    expect(await refusals('middleware.ts', "import { db } from './lib/db';")).not.toEqual([]);
    expect(await refusals('lib/env.ts', "import { db } from './db';")).not.toEqual([]);
    expect(await refusals('lib/errors.ts', "import { isDatabaseUnavailable } from '@/lib/db/errors';")).not.toEqual([]);
    expect(await refusals('lib/database-url.mjs', "import { readFileSync } from 'node:fs';")).not.toEqual([]);
  });

  it('keeps the zod rule in runtime-neutral code (one rule, one option list per file)', async () => {
    expect(await refusals('lib/auth/http/fixture.ts', "import { z } from 'zod';")).toContainEqual(expect.stringMatching(/lib\/validation\/zod/));
    expect(await refusals('lib/validation/zod.ts', "import { z } from 'zod';")).toEqual([]);
  });

  it('allows neutral modules, Edge packages and type-only imports', async () => {
    const allowed = [
      "import { jwtVerify } from 'jose';",
      "import { NextResponse } from 'next/server';",
      "import { env } from '@/lib/env';",
      "import { z } from '@/lib/validation/zod';",
      "import { verifyToken } from '@/lib/auth/tokens';",
      "import { verifyToken } from '../tokens';",
      "import { cookieNames } from './cookies';",
      "import type { Db } from '@/lib/db';",
      "import { type Session } from '@/lib/auth/session';",
    ];
    for (const code of allowed) expect(await refusals('lib/auth/http/fixture.ts', code), code).toEqual([]);
  });

  it('applies only to runtime-neutral code', async () => {
    expect(await refusals('lib/auth/session/fixture.ts', "import 'server-only';\nimport { db } from '@/lib/db';")).toEqual([]);
  });

  it('names files and folders that exist, and the code in them obeys it', async () => {
    for (const path of [...RUNTIME_NEUTRAL_FILES, ...RUNTIME_NEUTRAL_FOLDERS]) expect(existsSync(join(ROOT, path)), path).toBe(true);
    const results = await eslint.lintFiles([...RUNTIME_NEUTRAL_FILES, ...RUNTIME_NEUTRAL_FOLDERS]);
    expect(results.length).toBeGreaterThan(RUNTIME_NEUTRAL_FILES.length);
    const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => `${r.filePath}: ${m.message}`));
    expect(found).toEqual([]);
  });
}, 120_000);
