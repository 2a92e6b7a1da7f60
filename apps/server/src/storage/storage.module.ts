import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Storage } from '@quire/storage';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { ContentChanges } from './content-changes';
import { ObservedUpdateLog } from './observed-update-log';
import { openStorage } from './open-storage';
import { COMMENT_STORE, DIRECTORY, FOLDER_STORE, PEOPLE_STORE, SEARCH_INDEX, STORAGE, UPDATE_LOG, VERSION_HISTORY, WEBHOOK_STORE } from './storage.tokens';

/**
 * Opens the storage once and provides its parts: the update log to the hub, the directory to the
 * API, the version history to both. Closes it last, after the hub has flushed into the log.
 */
@Global()
@Module({
  providers: [
    {
      provide: STORAGE,
      inject: [APP_CONFIG, LOGGER, PrometheusMetrics],
      useFactory: (config: AppConfig, logger: Logger, metrics: PrometheusMetrics) =>
        openStorage(config.database, logger, (timing) => metrics.storeCommit(timing)),
    },
    { provide: ContentChanges, useFactory: () => new ContentChanges() },
    // The hub's appends tell ContentChanges, which the search index follows off the relay path.
    // Observed too: webhooks hear of stored edits with their authors (document.updated).
    { provide: ObservedUpdateLog, inject: [STORAGE], useFactory: (storage: Storage) => new ObservedUpdateLog(storage.log) },
    { provide: UPDATE_LOG, inject: [ObservedUpdateLog, ContentChanges], useFactory: (observed: ObservedUpdateLog, changes: ContentChanges) => changes.watching(observed) },
    { provide: WEBHOOK_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.webhooks },
    { provide: SEARCH_INDEX, inject: [STORAGE], useFactory: (storage: Storage) => storage.search },
    { provide: DIRECTORY, inject: [STORAGE], useFactory: (storage: Storage) => storage.directory },
    { provide: VERSION_HISTORY, inject: [STORAGE], useFactory: (storage: Storage) => storage.versions },
    { provide: COMMENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.comments },
    { provide: FOLDER_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.folders },
    { provide: PEOPLE_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.people },
  ],
  exports: [ContentChanges, SEARCH_INDEX, UPDATE_LOG, DIRECTORY, VERSION_HISTORY, COMMENT_STORE, ObservedUpdateLog, WEBHOOK_STORE, FOLDER_STORE, PEOPLE_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
