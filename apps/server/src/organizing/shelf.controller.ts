import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import type { DocumentPage, RecentList, StarredList } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { toListedDocumentView } from '../documents/document-view';
import { Caller } from '../http/caller.decorator';
import { toRecentView, toStarredView } from './organizing-views';
import { ShelfService } from './shelf-service';

/**
 * The home page's lists, `/api/documents/owned`, `/shared`, `/recent` and `/starred`, a page at a
 * time, and `/:id/star`. Registered before DocumentsController (in DocumentsModule), so that
 * `owned`, `shared`, `recent` and `starred` are not taken for document ids (a document with one of
 * those ids is still renamed, deleted and opened; only its GET is shadowed).
 */
@Controller('api/documents')
export class ShelfController {
  constructor(private readonly shelf: ShelfService) {}

  @Get('owned')
  async owned(@Caller() principal: Principal, @Query() query: unknown): Promise<DocumentPage> {
    const { entries, nextCursor } = await this.shelf.owned(principal, query);
    return { documents: entries.map(toListedDocumentView), nextCursor };
  }

  @Get('shared')
  async shared(@Caller() principal: Principal, @Query() query: unknown): Promise<DocumentPage> {
    const { entries, nextCursor } = await this.shelf.shared(principal, query);
    return { documents: entries.map(toListedDocumentView), nextCursor };
  }

  @Get('recent')
  async recent(@Caller() principal: Principal, @Query() query: unknown): Promise<RecentList> {
    const { entries, nextCursor } = await this.shelf.recent(principal, query);
    return { documents: entries.map(toRecentView), nextCursor };
  }

  @Get('starred')
  async starred(@Caller() principal: Principal, @Query() query: unknown): Promise<StarredList> {
    const { entries, nextCursor } = await this.shelf.starred(principal, query);
    return { documents: entries.map(toStarredView), nextCursor };
  }

  @Put(':id/star')
  @HttpCode(HttpStatus.NO_CONTENT)
  async star(@Caller() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.shelf.star(principal, id);
  }

  @Delete(':id/star')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unstar(@Caller() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.shelf.unstar(principal, id);
  }
}
