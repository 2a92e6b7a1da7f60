import { Client } from 'pg';

/** The PostgreSQL server the storage suites use too (libs/storage's testing defaults). */
const ADMIN_URL = process.env.QUIRE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A PostgreSQL database of its own for one spec, and a way to hold its update log. */
export interface TestDatabase {
  readonly url: string;
  /**
   * Holds the update log: a transaction of the test's own locks the table the server appends to,
   * so every append waits (the server stays up and answers everything else) until `release()`.
   */
  holdUpdates(): Promise<{ release(): Promise<void> }>;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `quire_web_${label}_${process.pid}_${Math.floor(Math.random() * 1e9)}`.toLowerCase();
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    holdUpdates: async () => {
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      await client.query('BEGIN');
      // EXCLUSIVE blocks INSERT and lets SELECT through: loading documents still works.
      await client.query('LOCK TABLE document_updates IN EXCLUSIVE MODE');
      return {
        release: async () => {
          await client.query('ROLLBACK');
          await client.end();
        },
      };
    },
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
