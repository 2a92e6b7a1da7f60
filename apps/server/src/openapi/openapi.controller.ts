import { Controller, Get } from '@nestjs/common';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { openApiDocument } from './openapi-document';

/** `GET /api/openapi.json`: every route, made from `@quire/api-contract` once at start. */
@Controller('api')
@AllowAnonymous()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  openApi(): ReturnType<typeof openApiDocument> {
    return this.document;
  }
}
