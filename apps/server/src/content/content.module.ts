import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { DocumentHub } from '@quire/collab-core';
import type { Directory, UpdateLog } from '@quire/storage';
import { DocumentsService } from '../auth/documents-service';
import { CollabModule } from '../collab/collab.module';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { newDocumentId } from '../documents/document-id';
import { FilesModule } from '../files/files.module';
import { FilesService } from '../files/files-service';
import { DIRECTORY, UPDATE_LOG } from '../storage/storage.tokens';
import { ContentController } from './content.controller';
import { ContentService } from './content-service';
import { ConversionPool } from './conversion-pool';

/** A document's content in and out for programs, and imports: the routes over the hub, the store and the conversion pool. */
@Module({
  imports: [CollabModule, FilesModule],
  controllers: [ContentController],
  providers: [
    { provide: ConversionPool, useFactory: () => new ConversionPool() },
    {
      provide: ContentService,
      inject: [DocumentsService, DIRECTORY, UPDATE_LOG, DocumentHub, ConversionPool, FilesService, APP_CONFIG],
      useFactory: (documents: DocumentsService, directory: Directory, log: UpdateLog, hub: DocumentHub, pool: ConversionPool, files: FilesService, config: AppConfig) =>
        new ContentService({ documents, directory, log, hub, pool, files, newDocumentId, maxDocumentBytes: config.limits.maxDocumentBytes, maxImportBytes: config.maxImportBytes }),
    },
  ],
})
export class ContentModule implements OnApplicationShutdown {
  constructor(private readonly pool: ConversionPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
