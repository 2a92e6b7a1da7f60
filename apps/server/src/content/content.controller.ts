import { Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { CONTENT_MEDIA_TYPES, type ContentWritten, type ImportedDocument } from '@quire/api-contract';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { discardRest } from '../files/discard-rest';
import { Caller } from '../http/caller.decorator';
import { ContentService } from './content-service';

/**
 * Reads a body whole: when it is refused before the end (too large, not allowed), the rest is read
 * a little and the connection cut, as for uploads.
 */
async function readingBody<T>(request: Request, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!request.complete) discardRest(request);
    throw error;
  }
}

/** `/api/documents/:id/content` and `/api/documents/import` (docs/api.md, "Content"). */
@Controller('api/documents')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get(':id/content')
  async read(
    @Caller() principal: Principal,
    @Param('id') id: string,
    @Query() query: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.content.read(principal, id, query, accept);
    response.vary('Accept');
    // JSON too arrives serialized from the worker: sent as it is.
    response.type(`${CONTENT_MEDIA_TYPES[answer.format]}; charset=utf-8`);
    // An exported page is a file to save, never a page of this origin that runs anything.
    if (answer.format === 'html') response.setHeader('Content-Security-Policy', "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'; sandbox");
    response.send(answer.body);
    return undefined;
  }

  @Put(':id/content')
  @HttpCode(HttpStatus.OK)
  replace(@Caller() principal: Principal, @Param('id') id: string, @Req() request: Request): Promise<ContentWritten> {
    return readingBody(request, () => this.content.write(principal, id, request));
  }

  @Post(':id/content')
  @HttpCode(HttpStatus.OK)
  add(@Caller() principal: Principal, @Param('id') id: string, @Query() query: unknown, @Req() request: Request): Promise<ContentWritten> {
    return readingBody(request, () => this.content.write(principal, id, request, query));
  }

  @Post('import')
  @HttpCode(HttpStatus.CREATED)
  import(@Caller() principal: Principal, @Req() request: Request): Promise<ImportedDocument> {
    return readingBody(request, () => this.content.import(principal, request));
  }
}
