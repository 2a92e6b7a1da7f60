import { Client, escapeIdentifier } from 'pg';

/** The server the benchmark creates its database on (trust authentication, as in the test setup). */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A database made for this run alone, or why there is none. */
export type BenchDatabase =
  | { readonly available: true; readonly url: string; readonly name: string; readonly adminUrl: string }
  | { readonly available: false; readonly reason: string };

const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Creates `quire_bench_<pid>` on the server at `QUIRE_BENCH_DATABASE_URL` (default
 * {@link DEFAULT_ADMIN_URL}). A fresh database per run means numbers never include bloat, dead
 * rows or cached plans left by an earlier run. Never throws: an unreachable server is a reason.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const adminUrl = process.env['QUIRE_BENCH_DATABASE_URL'] ?? DEFAULT_ADMIN_URL;
  const name = `quire_bench_${process.pid}`;
  try {
    await withClient(adminUrl, async (client) => {
      // Left over from a crashed run that had the same pid: start clean.
      await client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${escapeIdentifier(name)}`);
    });
  } catch (error) {
    return { available: false, reason: `cannot create a database at ${withoutPassword(adminUrl)}: ${describe(error)}` };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { available: true, url: url.toString(), name, adminUrl };
}

/** Drops the run's database; FORCE ends any connection a failed benchmark left open. */
export async function dropBenchDatabase(database: BenchDatabase): Promise<void> {
  if (!database.available) return;
  await withClient(database.adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(database.name)} WITH (FORCE)`),
  );
}

/**
 * Gathers the planner's statistics for every table of the run's database, as autovacuum does
 * within a minute of a load as large as a benchmark's seeding: queries are then planned as they
 * would be on a server that has held its documents for a while, not on tables it has never seen.
 */
export async function analyzeDatabase(url: string): Promise<void> {
  await withClient(url, (client) => client.query('ANALYZE'));
}

/** Size on disk of a schema's tables, indexes and TOAST. */
export async function schemaBytes(url: string, schema: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid))::text AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An 'error' event without a listener would end the process; the query rejects anyway.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
