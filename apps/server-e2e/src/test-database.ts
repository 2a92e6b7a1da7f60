import { DEFAULT_TEST_DATABASE_URL, findTestDatabase } from '@quire/storage/testing';
import { Client } from 'pg';

const ADMIN_URL = process.env.QUIRE_TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;

/** A PostgreSQL database of its own for one test file, so suites never share tables. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Why PostgreSQL tests cannot run here, or `undefined` when they can. The probe and the rule are
 * the storage suites' (`findTestDatabase`): under CI=true an unreachable server is an error.
 */
export async function postgresUnavailableReason(suite = 'PostgreSQL end-to-end tests'): Promise<string | undefined> {
  return (await findTestDatabase(suite)) ? undefined : 'PostgreSQL is unreachable';
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `quire_${label}_${process.pid}_${Math.floor(Math.random() * 1e9)}`.toLowerCase();
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
