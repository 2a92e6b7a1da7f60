import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DocumentStore } from '@quire/storage';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { DOCUMENT_STORE } from './document-store.token';
import { openDocumentStore } from './open-document-store';

/** Provides the document store and closes it last, after the hub has flushed into it. */
@Global()
@Module({
  providers: [
    {
      provide: DOCUMENT_STORE,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => openDocumentStore(config.database, logger),
    },
  ],
  exports: [DOCUMENT_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
