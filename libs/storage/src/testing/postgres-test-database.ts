import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier, Pool } from 'pg';

/** Where the PostgreSQL suites look when `QUIRE_TEST_DATABASE_URL` is unset (trust auth, database `test`). */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The PostgreSQL server the tests use, found by {@link findTestDatabase}. */
export interface TestDatabase {
  readonly url: string;
  /** Schemas no other test file sees, made for this one and dropped by `dropAll()`. */
  readonly schemas: TestSchemas;
}

/**
 * Probes `QUIRE_TEST_DATABASE_URL` (or {@link DEFAULT_TEST_DATABASE_URL}); call it with top-level
 * await and skip with `describe.skipIf(!database)`. Unreachable, it rejects under `CI=true`, where
 * PostgreSQL suites must run, and elsewhere warns why and resolves `undefined`.
 */
export async function findTestDatabase(suite: string): Promise<TestDatabase | undefined> {
  const url = process.env['QUIRE_TEST_DATABASE_URL'] ?? DEFAULT_TEST_DATABASE_URL;
  const problem = await probe(url);
  if (problem === undefined) return { url, schemas: new TestSchemas(url) };
  const reason = `PostgreSQL at ${withoutPassword(url)} is unreachable (${problem})`;
  if (isCi()) {
    throw new Error(
      `${suite}: ${reason}, and CI is set: PostgreSQL suites must run in CI. ` +
        'Start PostgreSQL or set QUIRE_TEST_DATABASE_URL',
    );
  }
  console.warn(`Skipping ${suite}: ${reason}. Start PostgreSQL or set QUIRE_TEST_DATABASE_URL to run it`);
  return undefined;
}

/** `url` with another `application_name`, so a test can find (and kill) exactly its own connections. */
export function withApplicationName(url: string, applicationName: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', applicationName);
  return parsed.toString();
}

/** A unique lowercase name for test schemas and application names. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * Hands out schema names under one prefix per test file, and drops them. The storage creates a
 * schema on `open()`; `drop` and `dropAll` remove it and everything in it.
 */
export class TestSchemas {
  private readonly prefix = uniqueName('quire_test');
  private count = 0;
  private admin: Pool | undefined;

  constructor(private readonly url: string) {}

  /** A schema name nothing uses yet. */
  next(): string {
    this.count += 1;
    return `${this.prefix}_${this.count}`;
  }

  /** A connection pool for the test's own queries (inspecting, locking, killing); ended by `dropAll`. */
  pool(): Pool {
    if (!this.admin) {
      this.admin = new Pool({ connectionString: this.url, max: 4, application_name: 'quire-test-admin' });
      // Tests kill connections on purpose; an idle admin connection dying must not end the run.
      this.admin.on('error', () => undefined);
    }
    return this.admin;
  }

  async drop(schema: string): Promise<void> {
    await this.pool().query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
  }

  /** Drops every schema this file made (even those a failed test left) and closes the pool. */
  async dropAll(): Promise<void> {
    const { rows } = await this.pool().query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1 || '_')",
      [this.prefix],
    );
    for (const { name } of rows) await this.drop(name);
    await this.admin?.end();
    this.admin = undefined;
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'QUIRE_TEST_DATABASE_URL (not a URL)';
  }
}

function isCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Why `url` cannot be queried, or `undefined` when it can. */
async function probe(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    if (error instanceof AggregateError && error.message === '') {
      return error.errors.map((inner: Error) => inner.message).join('; ');
    }
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
