// The migration runner against real databases, plus the drift test: the schema the committed
// migrations build must be exactly the one Prisma's own model of prisma/<provider>/schema.prisma
// describes (DMMF, computed in WebAssembly). Hand-written migration SQL is only safe with this.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { getDMMF } from '@prisma/internals';
import { describe, expect, it } from 'vitest';
import { applyMigrations, migrationChecksum, readMigrations, sqlitePathOf } from './migrate';
import type { DatabaseProvider } from '../database-url.mjs';
import { createTestDatabase } from '@/test/database';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrationsDir = (p: DatabaseProvider) => join(root, 'prisma', p, 'migrations');

// These tests make their own databases. Each int-<provider> project (TEST_DB_PROVIDER) runs them
// for its own provider; vitest.config.ts decides whether the Postgres project runs at all (always
// in CI), so nothing here is ever skipped.
const providers: DatabaseProvider[] = process.env.TEST_DB_PROVIDER
  ? [process.env.TEST_DB_PROVIDER as DatabaseProvider]
  : ['sqlite', 'postgres'];

type Row = Record<string, unknown>;
async function query(url: string, sql: string): Promise<Row[]> {
  if (url.startsWith('file:')) {
    const db = new Database(sqlitePathOf(url), { readonly: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

interface Index { name: string; unique: boolean; columns: string[] }
interface ForeignKey { table: string; columns: string[]; ref: string; refColumns: string[]; onDelete: string }
interface Table { columns: Map<string, { type: string; nullable: boolean }>; primaryKey: string[]; indexes: Index[] }
interface Shape { tables: Map<string, Table>; foreignKeys: ForeignKey[] }

async function introspectSqlite(url: string): Promise<Shape> {
  const tables = new Map<string, Table>();
  const foreignKeys: ForeignKey[] = [];
  const names = await query(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  for (const { name } of names as { name: string }[]) {
    const q = (pragma: string) => query(url, `PRAGMA ${pragma}`);
    const cols = (await q(`table_info("${name}")`)) as { name: string; type: string; notnull: number; pk: number }[];
    const indexes: Index[] = [];
    // origin 'pk' is SQLite's implicit index for a TEXT primary key: covered by primaryKey.
    for (const idx of (await q(`index_list("${name}")`)) as { name: string; unique: number; origin: string }[]) {
      if (idx.origin === 'pk') continue;
      const info = (await q(`index_info("${idx.name}")`)) as { seqno: number; name: string }[];
      indexes.push({ name: idx.name, unique: !!idx.unique, columns: info.sort((a, b) => a.seqno - b.seqno).map((c) => c.name) });
    }
    const fks = (await q(`foreign_key_list("${name}")`)) as { id: number; seq: number; table: string; from: string; to: string; on_delete: string }[];
    for (const id of new Set(fks.map((f) => f.id))) {
      const parts = fks.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
      foreignKeys.push({ table: name, columns: parts.map((p) => p.from), ref: parts[0]!.table, refColumns: parts.map((p) => p.to), onDelete: parts[0]!.on_delete });
    }
    tables.set(name, {
      columns: new Map(cols.map((c) => [c.name, { type: c.type.toUpperCase(), nullable: !c.notnull && !c.pk }])),
      primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      indexes,
    });
  }
  return { tables, foreignKeys };
}

async function introspectPostgres(url: string): Promise<Shape> {
  const tables = new Map<string, Table>();
  const cols = await query(url, `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY ordinal_position`);
  const names = await query(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  for (const { table_name } of names as { table_name: string }[]) {
    tables.set(table_name, { columns: new Map(), primaryKey: [], indexes: [] });
  }
  for (const c of cols as { table_name: string; column_name: string; data_type: string; is_nullable: string }[]) {
    tables.get(c.table_name)?.columns.set(c.column_name, { type: c.data_type, nullable: c.is_nullable === 'YES' });
  }
  // indexdef looks like: CREATE UNIQUE INDEX "User_email_key" ON public."User" USING btree (email)
  for (const i of (await query(url, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")) as { tablename: string; indexname: string; indexdef: string }[]) {
    const m = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING \w+ \((.*)\)$/.exec(i.indexdef);
    if (!m) throw new Error(`Unparsed index definition: ${i.indexdef}`);
    const columns = m[2]!.split(', ').map((c) => c.replace(/^"|"$/g, ''));
    const table = tables.get(i.tablename)!;
    if (i.indexname === `${i.tablename}_pkey`) table.primaryKey = columns;
    else table.indexes.push({ name: i.indexname, unique: !!m[1], columns });
  }
  const actions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
  const fks = await query(url, `SELECT t.relname AS table, r.relname AS ref, c.confdeltype AS on_delete,
      ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
      ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS ref_columns
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE c.contype = 'f' AND ns.nspname = 'public'`);
  const foreignKeys = (fks as { table: string; ref: string; on_delete: string; columns: string[]; ref_columns: string[] }[]).map((f) => ({
    table: f.table, columns: f.columns, ref: f.ref, refColumns: f.ref_columns, onDelete: actions[f.on_delete]!,
  }));
  return { tables, foreignKeys };
}

// What each Prisma scalar becomes without @db.* attributes. A new type (or a native type)
// fails loudly here until someone adds its mapping, rather than being compared loosely.
const COLUMN_TYPES: Record<DatabaseProvider, Record<string, string>> = {
  sqlite: { String: 'TEXT', Int: 'INTEGER', BigInt: 'BIGINT', Float: 'REAL', Decimal: 'DECIMAL', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Bytes: 'BLOB', Json: 'JSONB' },
  postgres: { String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric', Boolean: 'boolean', DateTime: 'timestamp without time zone', Bytes: 'bytea', Json: 'jsonb' },
};
const REFERENTIAL_ACTIONS: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

/** The schema Prisma expects, in the same shape as the introspection, from its DMMF. */
async function expectedShape(provider: DatabaseProvider): Promise<Shape> {
  const { datamodel } = await getDMMF({ datamodel: readFileSync(join(root, 'prisma', provider, 'schema.prisma'), 'utf8') });
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: string) => models.get(model)!.dbName ?? model;
  const columnOf = (model: string, field: string) => {
    const f = models.get(model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const tables = new Map<string, Table>();
  const foreignKeys: ForeignKey[] = [];
  for (const model of datamodel.models) {
    const columns = new Map<string, { type: string; nullable: boolean }>();
    for (const f of model.fields) {
      if (f.kind === 'object') {
        if (f.relationFromFields?.length) {
          foreignKeys.push({
            table: tableOf(model.name),
            columns: f.relationFromFields.map((x) => columnOf(model.name, x)),
            ref: tableOf(f.type),
            refColumns: (f.relationToFields ?? []).map((x) => columnOf(f.type, x)),
            onDelete: REFERENTIAL_ACTIONS[f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')]!,
          });
        }
        continue;
      }
      const type = f.kind === 'enum' ? (provider === 'postgres' ? 'USER-DEFINED' : 'TEXT') : COLUMN_TYPES[provider][f.type];
      if (!type || f.nativeType || f.isList) throw new Error(`${model.name}.${f.name}: no column type mapping for ${f.type}; add one to this test`);
      columns.set(f.dbName ?? f.name, { type, nullable: !f.isRequired });
    }
    tables.set(tableOf(model.name), { columns, primaryKey: [], indexes: [] });
  }
  for (const idx of datamodel.indexes) {
    const table = tables.get(tableOf(idx.model))!;
    const cols = idx.fields.map((f) => columnOf(idx.model, f.name));
    if (idx.type === 'id') table.primaryKey = cols;
    else if (idx.type === 'unique' || idx.type === 'normal') {
      // Prisma's default names; 63 is Postgres' identifier limit, which Prisma respects.
      const name = idx.dbName ?? `${tableOf(idx.model)}_${cols.join('_')}_${idx.type === 'unique' ? 'key' : 'idx'}`.slice(0, 63);
      table.indexes.push({ name, unique: idx.type === 'unique', columns: cols });
    } else throw new Error(`Index type ${idx.type} on ${idx.model} not handled by this test`);
  }
  return { tables, foreignKeys };
}

// Plain objects with sorted lists, so toEqual reports a readable diff of any drift.
function normalise(shape: Shape) {
  const tables = [...shape.tables].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => ({
    name,
    columns: Object.fromEntries([...t.columns].sort(([a], [b]) => a.localeCompare(b))),
    primaryKey: t.primaryKey,
    indexes: [...t.indexes].sort((a, b) => a.name.localeCompare(b.name)),
  }));
  const foreignKeys = [...shape.foreignKeys].sort((a, b) => `${a.table}.${a.columns}`.localeCompare(`${b.table}.${b.columns}`));
  return { tables, foreignKeys };
}

for (const provider of providers) {
  describe(`migrations on ${provider}`, () => {
    const names = readMigrations(migrationsDir(provider)).map((m) => m.name);

    it('applies every migration to an empty database, then nothing on a second run', async () => {
      const db = await createTestDatabase(provider, { migrate: false });
      try {
        expect((await applyMigrations({ url: db.url })).applied).toEqual(names);
        expect((await applyMigrations({ url: db.url })).applied).toEqual([]);
      } finally {
        await db.drop();
      }
    });

    it('applies each migration once when two runners start together', async () => {
      const db = await createTestDatabase(provider, { migrate: false });
      try {
        const runs = await Promise.all([applyMigrations({ url: db.url }), applyMigrations({ url: db.url })]);
        expect(runs.flatMap((r) => r.applied).sort()).toEqual(names);
        expect(await query(db.url, 'SELECT migration_name FROM "_prisma_migrations"')).toHaveLength(names.length);
      } finally {
        await db.drop();
      }
    });

    it("records each migration in _prisma_migrations with Prisma's checksum", async () => {
      const db = await createTestDatabase(provider);
      try {
        const rows = (await query(db.url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name')) as Row[];
        expect(rows.map((r) => r.migration_name)).toEqual(names);
        for (const row of rows) {
          const sql = readFileSync(join(migrationsDir(provider), String(row.migration_name), 'migration.sql'), 'utf8');
          expect(row.checksum).toBe(migrationChecksum(sql));
          expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
          expect(row.finished_at).not.toBeNull();
          expect(row.rolled_back_at).toBeNull();
          expect(row.applied_steps_count).toBe(1);
          expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
        }
      } finally {
        await db.drop();
      }
    });

    it('refuses to run when an applied migration was edited afterwards', async () => {
      const db = await createTestDatabase(provider);
      const dir = mkdtempSync(join(tmpdir(), 'jwtshop-migrations-'));
      try {
        cpSync(migrationsDir(provider), dir, { recursive: true });
        const file = join(dir, names[0]!, 'migration.sql');
        writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited\n`);
        await expect(applyMigrations({ url: db.url, migrationsDir: dir })).rejects.toThrow(/modified after it was applied/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await db.drop();
      }
    });

    it("builds exactly the schema Prisma's DMMF describes (no drift)", async () => {
      const db = await createTestDatabase(provider);
      try {
        const actual = provider === 'sqlite' ? await introspectSqlite(db.url) : await introspectPostgres(db.url);
        expect(actual.tables.delete('_prisma_migrations')).toBe(true);
        expect(normalise(actual)).toEqual(normalise(await expectedShape(provider)));
      } finally {
        await db.drop();
      }
    });
  });
}
