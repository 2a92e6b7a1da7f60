import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import type { CommentView, ThreadList, ThreadView } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { CommentsService } from './comments-service';

/** `/api/documents/:id/threads`: a document's comment threads (docs/api.md, "Comments"). */
@Controller('api/documents/:id/threads')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  list(@Caller() principal: Principal, @Param('id') id: string): Promise<ThreadList> {
    return this.comments.list(principal, id);
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
