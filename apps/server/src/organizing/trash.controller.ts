import type { IncomingMessage } from 'node:http';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import type { DocumentView, TrashList } from '@quire/api-contract';
import { SecurityEvents, type SecurityEventType } from '../audit/security-events';
import type { Principal } from '../auth/principal';
import { RequestAuth } from '../auth/request-auth';
import { toDocumentView } from '../documents/document-view';
import { Caller } from '../http/caller.decorator';
import { toTrashedView } from './organizing-views';
import { TrashService } from './trash-service';

/** `/api/trash`: the caller's trashed documents (docs/api.md, "Finding and organizing"). */
@Controller('api/trash')
export class TrashController {
  constructor(
    private readonly trash: TrashService,
    private readonly auth: RequestAuth,
    private readonly events: SecurityEvents,
  ) {}

  @Get()
  async list(@Caller() principal: Principal, @Query() query: unknown): Promise<TrashList> {
    const { entries, nextCursor } = await this.trash.list(principal, query);
    return { documents: entries.map(toTrashedView), nextCursor };
  }

  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  async restore(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<DocumentView> {
    const restored = await this.trash.restore(principal, id);
    this.record(request, principal, 'document-restored', id);
    return toDocumentView(restored);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async deleteForever(@Caller() principal: Principal, @Req() request: IncomingMessage, @Param('id') id: string): Promise<void> {
    await this.trash.deleteForever(principal, id);
    this.record(request, principal, 'document-deleted-forever', id);
  }

  private record(request: IncomingMessage, principal: Principal, type: SecurityEventType, documentId: string): void {
    this.events.record({ type, actorId: principal.user.id, address: this.auth.address(request), documentId });
  }
}
