import type Database from 'better-sqlite3';
import { StorageError } from '../storage-error';
import { CORE_STEPS } from './schema-steps-core';
import { PRODUCT_STEPS } from './schema-steps-product';

/** One step of the schema; `version` is what `PRAGMA user_version` holds once it is applied. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/**
 * The schema's history, oldest first (its steps in schema-steps-*.ts). Append new steps; never
 * edit one that has shipped.
 */
export const migrations: readonly Migration[] = [...CORE_STEPS, ...PRODUCT_STEPS];

/** The schema version this code writes; a database at a higher one was written by a newer Quire. */
export const schemaVersion = migrations[migrations.length - 1].version;

/**
 * Brings the schema up to {@link schemaVersion} in one transaction, so a failed step leaves the
 * previous version intact. IMMEDIATE takes the write lock before reading the version, so two
 * processes opening the same file at once cannot both apply a step.
 */
export function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > schemaVersion) {
      throw new StorageError(
        'schema-too-new',
        `SQLite database ${path} has schema version ${current}, newer than this Quire knows (${schemaVersion}): ` +
          'upgrade Quire, or restore a backup made by this version',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      // PRAGMA cannot take a bound parameter; the version is a number from the list above.
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
