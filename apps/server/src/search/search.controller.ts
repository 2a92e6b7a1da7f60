import { Controller, Get, Query } from '@nestjs/common';
import type { SearchAnswer } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { SearchService } from './search-service';

/** `GET /api/search` (docs/api.md, "Finding and organizing"). */
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  find(@Caller() principal: Principal, @Query() query: unknown): Promise<SearchAnswer> {
    return this.search.search(principal, query);
  }
}
