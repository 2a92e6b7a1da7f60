import { Module } from '@nestjs/common';
import { DocumentHub, VersionMaker } from '@quire/collab-core';
import { HistoryPool } from '@quire/history/pool';
import type { Directory, UpdateLog, VersionHistory } from '@quire/storage';
import { DocumentsService } from '../auth/documents-service';
import { CollabModule } from '../collab/collab.module';
import { newDocumentId } from '../documents/document-id';
import { DIRECTORY, UPDATE_LOG, VERSION_HISTORY } from '../storage/storage.tokens';
import { VersionContents } from './version-contents';
import { VersionsController } from './versions.controller';
import { VersionsService } from './versions-service';

/** Documents' version history: the routes, over the hub's version maker and the stored history. */
@Module({
  imports: [CollabModule],
  controllers: [VersionsController],
  providers: [
    {
      provide: VersionContents,
      inject: [VERSION_HISTORY, UPDATE_LOG, HistoryPool],
      useFactory: (history: VersionHistory, log: UpdateLog, pool: HistoryPool) => new VersionContents(history, log, pool),
    },
    {
      provide: VersionsService,
      inject: [DocumentsService, DIRECTORY, UPDATE_LOG, VERSION_HISTORY, VersionMaker, DocumentHub, VersionContents],
      useFactory: (documents: DocumentsService, directory: Directory, log: UpdateLog, history: VersionHistory, maker: VersionMaker, hub: DocumentHub, contents: VersionContents) =>
        new VersionsService({ documents, directory, log, history, maker, hub, contents, newDocumentId }),
    },
  ],
})
export class VersionsModule {}
