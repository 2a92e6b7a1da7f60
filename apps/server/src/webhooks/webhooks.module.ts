import { Inject, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Directory, WebhookStore } from '@quire/storage';
import type { Logger } from 'pino';
import { DocumentsService } from '../auth/documents-service';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { ObservedUpdateLog } from '../storage/observed-update-log';
import { DIRECTORY, WEBHOOK_STORE } from '../storage/storage.tokens';
import { DocumentEventsInterceptor } from './document-events.interceptor';
import { UpdateDebouncer } from './update-debouncer';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookEvents } from './webhook-events';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks-service';

/**
 * Webhooks (docs/api.md, "Webhooks"): the routes, the events (routes that create and delete
 * documents or change members, through an interceptor; stored edits, debounced, for
 * document.updated) and this instance's delivery worker. Its outbound requests go through the
 * guard, with WEBHOOK_ALLOW_PRIVATE_NETWORKS.
 */
@Module({
  controllers: [WebhooksController],
  providers: [
    {
      provide: WebhookDeliverer,
      inject: [WEBHOOK_STORE, APP_CONFIG, LOGGER],
      useFactory: (store: WebhookStore, config: AppConfig, logger: Logger) =>
        new WebhookDeliverer({ store, policy: { allowPrivateNetworks: config.webhooks.allowPrivateNetworks }, logger: logger.child({ component: 'webhooks' }) }),
    },
    {
      provide: WebhookEvents,
      inject: [WEBHOOK_STORE, DIRECTORY, WebhookDeliverer, LOGGER],
      useFactory: (store: WebhookStore, directory: Directory, deliverer: WebhookDeliverer, logger: Logger) =>
        new WebhookEvents({ store, directory, wake: () => deliverer.wake(), logger: logger.child({ component: 'webhooks' }) }),
    },
    {
      provide: UpdateDebouncer,
      inject: [WebhookEvents, APP_CONFIG, LOGGER],
      useFactory: (events: WebhookEvents, config: AppConfig, logger: Logger) =>
        new UpdateDebouncer(config.webhooks.debounceMs, (documentId, authors) =>
          events.documentUpdated(documentId, authors).catch((error: unknown) => logger.warn({ err: error, documentId }, 'Could not store a document.updated webhook event')),
        ),
    },
    {
      provide: WebhooksService,
      inject: [WEBHOOK_STORE, DocumentsService, APP_CONFIG],
      useFactory: (store: WebhookStore, documents: DocumentsService, config: AppConfig) =>
        new WebhooksService({ store, documents, policy: { allowPrivateNetworks: config.webhooks.allowPrivateNetworks } }),
    },
    {
      provide: APP_INTERCEPTOR,
      inject: [WebhookEvents, DIRECTORY],
      useFactory: (events: WebhookEvents, directory: Directory) => new DocumentEventsInterceptor(events, directory),
    },
  ],
})
export class WebhooksModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly log: ObservedUpdateLog,
    private readonly debouncer: UpdateDebouncer,
    private readonly deliverer: WebhookDeliverer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.stopWatching = this.log.onAppended((documentId, authors) => this.debouncer.note(documentId, authors));
    this.deliverer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopWatching?.();
    // Edits waiting for their quiet spell become deliveries now: stored, so the next start sends them.
    await this.debouncer.flushAll().catch((error: unknown) => this.logger.warn({ err: error }, 'Could not store the last document.updated webhook events'));
    await this.deliverer.stop();
  }
}
