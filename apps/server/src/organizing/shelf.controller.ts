import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import type { RecentList, StarredList } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { toRecentView, toStarredView } from './organizing-views';
import { ShelfService } from './shelf-service';

/**
 * `/api/documents/recent`, `/starred` and `/:id/star`. Registered before DocumentsController (in
 * DocumentsModule), so that `recent` and `starred` are not taken for document ids.
 */
@Controller('api/documents')
export class ShelfController {
  constructor(private readonly shelf: ShelfService) {}

  @Get('recent')
  async recent(@Caller() principal: Principal): Promise<RecentList> {
    return { documents: (await this.shelf.recent(principal)).map(toRecentView) };
  }

  @Get('starred')
  async starred(@Caller() principal: Principal): Promise<StarredList> {
    return { documents: (await this.shelf.starred(principal)).map(toStarredView) };
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
