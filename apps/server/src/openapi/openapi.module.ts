import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** The API's own description, for clients and tools that read OpenAPI. */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
