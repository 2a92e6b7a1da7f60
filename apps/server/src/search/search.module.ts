import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Directory, SearchIndex, UpdateLog } from '@quire/storage';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger';
import { ContentChanges } from '../storage/content-changes';
import { DIRECTORY, SEARCH_INDEX, UPDATE_LOG } from '../storage/storage.tokens';
import { SearchIndexer } from './search-indexer';
import { SearchController } from './search.controller';
import { SearchService } from './search-service';

/** Full-text search: the route, and the indexer that follows stored content (docs/api.md, "Finding and organizing"). */
@Module({
  controllers: [SearchController],
  providers: [
    {
      provide: SearchIndexer,
      inject: [SEARCH_INDEX, DIRECTORY, UPDATE_LOG, LOGGER],
      useFactory: (index: SearchIndex, directory: Directory, log: UpdateLog, logger: Logger) =>
        new SearchIndexer({ index, directory, log, logger: logger.child({ component: 'search' }) }),
    },
    { provide: SearchService, inject: [SEARCH_INDEX], useFactory: (index: SearchIndex) => new SearchService(index) },
  ],
  exports: [SearchIndexer],
})
export class SearchModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly changes: ContentChanges,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.changes.onChange((documentId) => this.indexer.changed(documentId));
    try {
      await this.indexer.start();
    } catch (error) {
      // Search is not worth refusing to start over: the next start tries again.
      this.logger.error({ err: error }, 'The search index could not be prepared');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.indexer.stop();
  }
}
