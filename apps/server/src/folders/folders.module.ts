import { Module } from '@nestjs/common';
import type { Directory, FolderStore } from '@quire/storage';
import { AccessEvents } from '../auth/access-events';
import { DIRECTORY, FOLDER_STORE } from '../storage/storage.tokens';
import { DocumentFolderController } from './document-folder.controller';
import { FoldersController } from './folders.controller';
import { FoldersService } from './folders-service';

/** Folders and their members, and documents' places in them (docs/api.md, "Folders"). */
@Module({
  controllers: [FoldersController, DocumentFolderController],
  providers: [
    {
      provide: FoldersService,
      inject: [FOLDER_STORE, DIRECTORY, AccessEvents],
      useFactory: (folders: FolderStore, directory: Directory, access: AccessEvents) => new FoldersService(folders, directory, (change) => access.changed(change)),
    },
  ],
})
export class FoldersModule {}
