import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { FILE_ACCESS_PARAM, type CommentView, type ThreadList, type ThreadView } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { Caller } from '../http/caller.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { CommentsService } from './comments-service';

/** `/api/documents/:id/threads`: a document's comment threads (docs/api.md, "Comments"). */
@Controller('api/documents/:id/threads')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  /** Members, and guests with the file token of their ticket (`?access=`: they have no session). */
  @Get()
  @AllowAnonymous()
  list(@Caller() principal: Principal | undefined, @Param('id') id: string, @Query(FILE_ACCESS_PARAM) access: unknown): Promise<ThreadList> {
    return this.comments.list(principal, id, typeof access === 'string' ? access : undefined);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('comment-write')
  create(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<ThreadView> {
    return this.comments.create(principal, id, body);
  }

  @Patch(':threadId')
  @RateLimit('comment-write')
  resolve(@Caller() principal: Principal, @Param('id') id: string, @Param('threadId') threadId: string, @Body() body: unknown): Promise<ThreadView> {
    return this.comments.resolve(principal, id, threadId, body);
  }

  @Post(':threadId/comments')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('comment-write')
  reply(@Caller() principal: Principal, @Param('id') id: string, @Param('threadId') threadId: string, @Body() body: unknown): Promise<CommentView> {
    return this.comments.reply(principal, id, threadId, body);
  }

  @Patch(':threadId/comments/:commentId')
  @RateLimit('comment-write')
  edit(
    @Caller() principal: Principal,
    @Param('id') id: string,
    @Param('threadId') threadId: string,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
  ): Promise<CommentView> {
    return this.comments.edit(principal, id, threadId, commentId, body);
  }

  @Delete(':threadId/comments/:commentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RateLimit('comment-write')
  delete(@Caller() principal: Principal, @Param('id') id: string, @Param('threadId') threadId: string, @Param('commentId') commentId: string): Promise<void> {
    return this.comments.delete(principal, id, threadId, commentId);
  }
}
