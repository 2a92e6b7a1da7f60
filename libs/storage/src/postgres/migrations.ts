import { escapeIdentifier, type Pool } from 'pg';
import { StorageError } from '../storage-error';
import { CORE_STEPS } from './schema-steps-core';
import { PRODUCT_STEPS } from './schema-steps-product';
import { inTransaction } from './pool';

/** One step of the schema; `version` is the row `schema_migrations` gains once it is applied. */
export interface Migration {
  readonly version: number;
  /** Run with `search_path` set to the store's schema, so names are unqualified. */
  readonly sql: string;
}

/**
 * The schema's history, oldest first (its steps in schema-steps-*.ts). Append new steps; never
 * edit one that has shipped.
 */
export const migrations: readonly Migration[] = [...CORE_STEPS, ...PRODUCT_STEPS];

/** The schema version this code writes; a schema at a higher one was written by a newer Quire. */
export const schemaVersion = migrations[migrations.length - 1].version;

/** First key of the advisory lock that migrations hold ('quir'); the second is the schema's hash. */
const MIGRATION_LOCK_CLASS = 0x71756972;

/**
 * Creates the schema if needed and brings it up to {@link schemaVersion} in one transaction, so a
 * failed step leaves the previous version intact. The transaction first takes an advisory lock on
 * the schema's name, so that servers starting at once on one database apply each step once: the
 * others wait, then (READ COMMITTED, a fresh snapshot per statement) see the steps as done.
 */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  const quoted = escapeIdentifier(schema);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2))', [MIGRATION_LOCK_CLASS, schema]);
    // Look before creating: CREATE ... IF NOT EXISTS still needs the privilege to create.
    const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(`SET LOCAL search_path TO ${quoted}`);
    const { rows } = await client.query<{ known: boolean }>('SELECT to_regclass($1) IS NOT NULL AS known', [
      `${quoted}.schema_migrations`,
    ]);
    if (!rows[0].known) {
      await client.query(
        'CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    const versions = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    const current = versions.rows[0].version;
    if (current > schemaVersion) {
      throw new StorageError(
        'schema-too-new',
        `PostgreSQL schema "${schema}" has schema version ${current}, ` +
          `newer than this Quire knows (${schemaVersion}): ` +
          'upgrade Quire, or restore a backup made by this version',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
    }
  });
}
