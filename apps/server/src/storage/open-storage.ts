import { PostgresStorage, SqliteStorage, type CommitObserver, type Storage } from '@quire/storage';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../config/config.schema';

/**
 * Builds and opens the storage `DATABASE_URL` names; rejects with the driver's reason when it
 * cannot. `onCommit` is told of every commit of the update log's appends (the metrics).
 */
export async function openStorage(database: DatabaseConfig, logger: Logger, onCommit?: CommitObserver): Promise<Storage> {
  if (database.kind === 'sqlite') {
    // The update log commits on a writer thread of its own (libs/storage README, "Where SQLite writes").
    const storage = new SqliteStorage({ path: database.path, onCommit });
    await storage.open();
    logger.info({ database: 'sqlite', path: database.path }, 'Storage opened (SQLite)');
    return storage;
  }
  const storage = new PostgresStorage({
    connectionString: database.url,
    // An idle pooled client dies when PostgreSQL restarts; the next query reconnects.
    onError: (error: Error) => logger.warn({ err: error }, 'PostgreSQL connection lost; it will be re-opened on next use'),
    onCommit,
  });
  await storage.open();
  logger.info({ database: 'postgres', host: redactedHost(database.url) }, 'Storage opened (PostgreSQL)');
  return storage;
}

/** The host and database of a connection string, without user or password, for logs. */
function redactedHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'unparseable';
  }
}
