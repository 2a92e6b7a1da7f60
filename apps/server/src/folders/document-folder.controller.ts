import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import type { DocumentFolder } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { toDocumentFolder } from './folder-views';
import { FoldersService } from './folders-service';

/** `/api/documents/:id/folder`: where a document is (breadcrumbs), and putting it in a folder. */
@Controller('api/documents')
export class DocumentFolderController {
  constructor(private readonly folders: FoldersService) {}

  @Get(':id/folder')
  async get(@Caller() principal: Principal, @Param('id') id: string): Promise<DocumentFolder> {
    return toDocumentFolder(await this.folders.documentFolder(principal, id));
  }

  @Put(':id/folder')
  async put(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<DocumentFolder> {
    return toDocumentFolder(await this.folders.putDocument(principal, id, body));
  }
}
