import { Module } from '@nestjs/common';
import { DocumentHub } from '@quire/collab-core';
import type { CommentStore, Directory } from '@quire/storage';
import type { Logger } from 'pino';
import { DocumentsService } from '../auth/documents-service';
import { FileTokens } from '../auth/file-tokens';
import { newId } from '../auth/secrets';
import { CollabModule } from '../collab/collab.module';
import { LOGGER } from '../logging/logger';
import { COMMENT_STORE, DIRECTORY } from '../storage/storage.tokens';
import { ActivityController } from './activity.controller';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments-service';

/** Comment threads and activity: the routes, over the comment store and the hub (which holds the anchors). */
@Module({
  imports: [CollabModule],
  controllers: [CommentsController, ActivityController],
  providers: [
    {
      provide: CommentsService,
      inject: [DocumentsService, DIRECTORY, COMMENT_STORE, DocumentHub, FileTokens, LOGGER],
      useFactory: (documents: DocumentsService, directory: Directory, comments: CommentStore, hub: DocumentHub, fileTokens: FileTokens, logger: Logger) =>
        new CommentsService({ documents, directory, fileTokens, comments, hub, newId, logger: logger.child({ component: 'comments' }) }),
    },
  ],
})
export class CommentsModule {}
