import { PostgresDocumentStore, SqliteDocumentStore, type DocumentStoreWithAccounts } from '@quire/storage';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../config/config.schema';

/** Builds and opens the store `DATABASE_URL` names; rejects with the driver's reason when it cannot. */
export async function openDocumentStore(database: DatabaseConfig, logger: Logger): Promise<DocumentStoreWithAccounts> {
  if (database.kind === 'sqlite') {
    const store = new SqliteDocumentStore({ path: database.path });
    await store.open();
    logger.info({ database: 'sqlite', path: database.path }, 'Document store opened (SQLite)');
    return store;
  }
  const store = new PostgresDocumentStore({
    connectionString: database.url,
    // An idle pooled client dies when PostgreSQL restarts; the next query reconnects.
    onError: (error: Error) => logger.warn({ err: error }, 'PostgreSQL connection lost; it will be re-opened on next use'),
  });
  await store.open();
  logger.info({ database: 'postgres', host: redactedHost(database.url) }, 'Document store opened (PostgreSQL)');
  return store;
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
