import { pipeline } from 'node:stream/promises';
import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { FILE_ACCESS_PARAM, type UploadedFile } from '@quire/api-contract';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { Caller } from '../http/caller.decorator';
import { RateLimit } from '../http/rate-limit.decorator';
import { LOGGER } from '../logging/logger';
import { discardRest } from './discard-rest';
import { fileHeaders, isCached } from './file-headers';
import { FilesService } from './files-service';

/** `POST /api/documents/:id/files`, `POST /api/documents/:id/files/remote` and `GET /api/files/:id`: a document's images and attachments (docs/api.md, "Files"). */
@Controller('api')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('documents/:id/files')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('file-upload')
  async upload(
    @Caller() principal: Principal,
    @Param('id') documentId: string,
    @Req() request: Request,
  ): Promise<UploadedFile> {
    try {
      return await this.files.upload(principal, documentId, request);
    } catch (error) {
      // Refused before the body was all read (too large, not allowed): Node would read all the rest
      // to keep the connection; read a little, then cut it.
      if (!request.complete) discardRest(request);
      throw error;
    }
  }

  @Post('documents/:id/files/remote')
  @HttpCode(HttpStatus.CREATED)
  @RateLimit('file-upload')
  fetchRemote(@Caller() principal: Principal, @Param('id') documentId: string, @Body() body: unknown): Promise<UploadedFile> {
    return this.files.fetchRemote(principal, documentId, body);
  }

  @Get('files/:id')
  @AllowAnonymous()
  async download(
    @Caller() principal: Principal | undefined,
    @Param('id') fileId: string,
    @Query(FILE_ACCESS_PARAM) access: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.files.readable(principal, fileId, typeof access === 'string' ? access : undefined);
    response.set(fileHeaders(file));
    if (isCached(request.headers['if-none-match'], file)) {
      response.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }
    const bytes = request.method === 'HEAD' ? undefined : await this.files.open(file);
    response.status(HttpStatus.OK).set({ 'Content-Type': file.contentType, 'Content-Length': String(file.bytes) });
    if (!bytes) {
      response.end();
      return;
    }
    try {
      await pipeline(bytes, response);
    } catch (error) {
      // Most often the browser went away mid-file; the answer has begun, so nothing more can be said.
      this.logger.debug({ err: error, fileId }, 'Sending a file stopped before its end');
    }
  }
}
