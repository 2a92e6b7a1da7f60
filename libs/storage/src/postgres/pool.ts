import { Pool, type PoolClient } from 'pg';

/** How the storage's connection pool is built; see {@link PostgresStorageOptions}. */
export interface PoolSettings {
  readonly connectionString: string;
  readonly max: number;
  readonly connectionTimeoutMs: number;
  readonly onError?: (error: Error) => void;
}

/**
 * A pool that cannot crash the process: an idle client whose connection dies (PostgreSQL restarts,
 * a proxy drops it) makes the pool emit 'error', which with no listener would be thrown. The pool
 * drops that client and opens a new one on next use; `onError` is told.
 */
export function createPool(settings: PoolSettings): Pool {
  const pool = new Pool({
    connectionString: settings.connectionString,
    max: settings.max,
    // Bounds both opening a connection and waiting for a free one: a call fails instead of hanging.
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    keepAlive: true,
    // A default: an application_name in the connection string wins.
    application_name: 'quire',
  });
  pool.on('error', (error) => settings.onError?.(error));
  return pool;
}

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection: commits if it resolves,
 * rolls back and rejects with its error if it rejects. READ COMMITTED is asked for explicitly
 * (a database may default to another level): the storage's locking relies on each statement seeing
 * everything committed before it, including what committed while it waited for a row lock.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out client has no pool listener: its connection dying would emit an unhandled
  // 'error' and end the process. The query in flight rejects with it anyway; keep it to close the client.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // The caller gets `error`; a failed ROLLBACK only means the connection is unusable.
    if (!broken) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.off('error', onError);
    // A broken connection is closed, not handed to the next caller.
    client.release(broken);
  }
}
