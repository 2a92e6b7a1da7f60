import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import type { ActivityList } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { CommentsService } from './comments-service';

/** `/api/activity`: the caller's mentions and replies (docs/api.md, "Comments"). */
@Controller('api/activity')
export class ActivityController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  list(@Caller() principal: Principal): Promise<ActivityList> {
    return this.comments.activity(principal);
  }

  @Post('read')
  @HttpCode(HttpStatus.NO_CONTENT)
  markRead(@Caller() principal: Principal, @Body() body: unknown): Promise<void> {
    return this.comments.markRead(principal, body);
  }
}
