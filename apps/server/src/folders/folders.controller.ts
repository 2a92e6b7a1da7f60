import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import type { DeletedFolder, FolderContents, FolderList, FolderMemberList, FolderView, MemberView } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { toListedDocumentView } from '../documents/document-view';
import { Caller } from '../http/caller.decorator';
import { toFolderMemberView, toFolderView } from './folder-views';
import { FoldersService } from './folders-service';

/** `/api/folders` (docs/api.md, "Folders"). */
@Controller('api/folders')
export class FoldersController {
  constructor(private readonly folders: FoldersService) {}

  @Get()
  async list(@Caller() principal: Principal): Promise<FolderList> {
    return { folders: (await this.folders.list(principal)).map(toFolderView) };
  }

  @Post()
  async create(@Caller() principal: Principal, @Body() body: unknown): Promise<FolderView> {
    return toFolderView(await this.folders.create(principal, body));
  }

  @Patch(':id')
  async rename(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<FolderView> {
    return toFolderView(await this.folders.rename(principal, id, body));
  }

  @Put(':id/parent')
  async move(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<FolderView> {
    return toFolderView(await this.folders.move(principal, id, body));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.OK)
  async delete(@Caller() principal: Principal, @Param('id') id: string): Promise<DeletedFolder> {
    return { movedToTopLevel: await this.folders.delete(principal, id) };
  }

  @Get(':id/documents')
  async contents(@Caller() principal: Principal, @Param('id') id: string): Promise<FolderContents> {
    const { folder, folders, documents } = await this.folders.contents(principal, id);
    return { folder: toFolderView(folder), folders: folders.map(toFolderView), documents: documents.map(toListedDocumentView) };
  }

  @Get(':id/members')
  async members(@Caller() principal: Principal, @Param('id') id: string): Promise<FolderMemberList> {
    return { members: (await this.folders.members(principal, id)).map(toFolderMemberView) };
  }

  @Post(':id/members')
  async addMember(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<MemberView> {
    return toFolderMemberView(await this.folders.addMember(principal, id, body));
  }

  @Patch(':id/members/:userId')
  async changeRole(@Caller() principal: Principal, @Param('id') id: string, @Param('userId') userId: string, @Body() body: unknown): Promise<MemberView> {
    return toFolderMemberView(await this.folders.changeRole(principal, id, userId, body));
  }

  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeMember(@Caller() principal: Principal, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    await this.folders.removeMember(principal, id, userId);
  }
}
