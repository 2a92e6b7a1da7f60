import { Client } from 'pg';

const ADMIN_URL = process.env.QUIRE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A PostgreSQL database of its own for one test file, so suites never share tables. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Why PostgreSQL tests cannot run here, or `undefined` when they can. With CI=true they must run,
 * so an unreachable server is an error there rather than a reason to skip.
 */
export async function postgresUnavailableReason(): Promise<string | undefined> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL at ${ADMIN_URL} is unreachable (${(error as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI must run the PostgreSQL suites`);
    console.warn(`Skipping PostgreSQL tests: ${reason}`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
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
