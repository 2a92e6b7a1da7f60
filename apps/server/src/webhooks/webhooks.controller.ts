import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import type { CreatedWebhook, WebhookDeliveryList, WebhookList } from '@quire/api-contract';
import type { Principal } from '../auth/principal';
import { Caller } from '../http/caller.decorator';
import { WebhooksService } from './webhooks-service';

/** `/api/webhooks`: a signed-in user's webhooks and their deliveries (docs/api.md, "Webhooks"). */
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Caller() principal: Principal, @Body() body: unknown): Promise<CreatedWebhook> {
    return this.webhooks.create(principal, body);
  }

  @Get()
  async list(@Caller() principal: Principal): Promise<WebhookList> {
    return { webhooks: await this.webhooks.list(principal) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Caller() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.webhooks.delete(principal, id);
  }

  @Get(':id/deliveries')
  async deliveries(@Caller() principal: Principal, @Param('id') id: string): Promise<WebhookDeliveryList> {
    return { deliveries: await this.webhooks.deliveries(principal, id) };
  }
}
