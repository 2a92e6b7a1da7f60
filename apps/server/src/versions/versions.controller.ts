import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { DocumentView, ProseMirrorNode, RestoreAnswer, Version, VersionComparison, VersionList } from '@quire/api-contract';
import type { Response } from 'express';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { VersionsService } from './versions-service';

/** `/api/documents/:id/versions`: a document's history (docs/api.md, "Versions"). */
@Controller('api/documents/:id/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  list(@Caller() principal: Principal, @Param('id') id: string): Promise<VersionList> {
    return this.versions.list(principal, id);
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Caller() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<Version> {
    return this.versions.create(principal, id, body);
  }

  @Patch(':versionId')
  rename(@Caller() principal: Principal, @Param('id') id: string, @Param('versionId') versionId: string, @Body() body: unknown): Promise<Version> {
    return this.versions.rename(principal, id, versionId, body);
  }

  /** JSON (the content, or a comparison), or text/plain with `format=text`. */
  @Get(':versionId')
  async content(
    @Caller() principal: Principal,
    @Param('id') id: string,
    @Param('versionId') versionId: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProseMirrorNode | VersionComparison | string> {
    const answer = await this.versions.content(principal, id, versionId, query);
    if ('comparison' in answer) return answer.comparison;
    if ('json' in answer) return answer.json as ProseMirrorNode;
    response.type('text/plain; charset=utf-8');
    return answer.text;
  }

  @Post(':versionId/restore')
  @HttpCode(HttpStatus.OK)
  restore(@Caller() principal: Principal, @Param('id') id: string, @Param('versionId') versionId: string): Promise<RestoreAnswer> {
    return this.versions.restore(principal, id, versionId);
  }

  @Post(':versionId/copy')
  @HttpCode(HttpStatus.CREATED)
  copy(@Caller() principal: Principal, @Param('id') id: string, @Param('versionId') versionId: string, @Body() body: unknown): Promise<DocumentView> {
    return this.versions.copy(principal, id, versionId, body);
  }
}
