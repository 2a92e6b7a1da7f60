import { join } from 'node:path';
import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Directory } from '@quire/storage';
import type { Logger } from 'pino';
import { AccessEvents } from '../auth/access-events';
import { DocumentsService } from '../auth/documents-service';
import { FileTokens } from '../auth/file-tokens';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { DIRECTORY } from '../storage/storage.tokens';
import { BLOB_STORE, type BlobStore } from './blob-store';
import { FilesController } from './files.controller';
import { FilesService } from './files-service';
import { openBlobStore } from './open-blob-store';
import { UploadSpool } from './upload-spool';

/** Files nothing refers to are looked for this often besides after every deletion (a crash, another instance without Redis). */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Documents' files: the blob store the configuration names, the upload spool in DATA_DIR, the
 * routes, and the removal of files whose document was deleted, at once after a deletion (here or,
 * through the bus, at another instance) and every ten minutes as a safety net.
 */
@Module({
  controllers: [FilesController],
  providers: [
    { provide: BLOB_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openBlobStore(config) },
    { provide: UploadSpool, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new UploadSpool(join(config.dataDir, 'files-incoming')) },
    {
      provide: FilesService,
      inject: [DIRECTORY, BLOB_STORE, DocumentsService, FileTokens, UploadSpool, APP_CONFIG, LOGGER],
      useFactory: (
        directory: Directory,
        blobs: BlobStore,
        documents: DocumentsService,
        fileTokens: FileTokens,
        spool: UploadSpool,
        config: AppConfig,
        logger: Logger,
      ) => new FilesService({ directory, blobs, documents, fileTokens, spool, maxUploadBytes: config.maxUploadBytes, remoteFetchPolicy: config.remoteFetch, logger: logger.child({ component: 'files' }) }),
    },
  ],
  // The content routes embed a document's images in its HTML export.
  exports: [FilesService],
})
export class FilesModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly files: FilesService,
    private readonly spool: UploadSpool,
    private readonly accessEvents: AccessEvents,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.info({ files: this.blobs.description }, `Files are kept in ${this.blobs.description}`);
    // Resolves once this instance has removed them, so a DELETE answers after its files are gone.
    this.accessEvents.onChange((change) => (change.documentDeleted ? this.sweep() : undefined));
    void this.spool.removeStale().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not clear old upload spool files'));
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    (this.blobs as { close?: () => void }).close?.();
  }

  private async sweep(): Promise<void> {
    try {
      await this.files.removeUnreferenced();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not remove the files of deleted documents; the next pass will retry');
    }
  }
}
