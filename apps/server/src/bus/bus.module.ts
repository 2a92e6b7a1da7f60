import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { DocumentBus } from '@quire/bus';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { DOCUMENT_BUS } from './document-bus.token';
import { openDocumentBus } from './open-document-bus';

/** Provides the bus between instances and closes it after the hub has said goodbye to its clients. */
@Global()
@Module({
  providers: [
    {
      provide: DOCUMENT_BUS,
      inject: [APP_CONFIG, LOGGER, PrometheusMetrics],
      useFactory: async (config: AppConfig, logger: Logger, metrics: PrometheusMetrics) => {
        const bus = await openDocumentBus(config.redisUrl, logger);
        if (config.redisUrl !== undefined) metrics.observeBus(bus);
        return bus;
      },
    },
  ],
  exports: [DOCUMENT_BUS],
})
export class BusModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_BUS) private readonly bus: DocumentBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
