import { Inject, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import type { DocumentBus } from '@quire/bus';
import { DocumentHub, VersionMaker } from '@quire/collab-core';
import { HistoryPool } from '@quire/history/pool';
import type { UpdateLog, VersionHistory } from '@quire/storage';
import type { Logger } from 'pino';
import { DOCUMENT_BUS } from '../bus/document-bus.token';
import { AccessEvents } from '../auth/access-events';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { ReadinessService } from '../health/readiness.service';
import { LOGGER } from '../logging/logger';
import { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { UPDATE_LOG, VERSION_HISTORY } from '../storage/storage.tokens';
import { CollabWsAdapter } from './collab-ws.adapter';
import { CollabGateway } from './collab.gateway';
import { UpgradeRouter } from './upgrade-router';

/**
 * The document hub (over the store and the bus, recording automatic versions), and in front of it
 * the upgrade router, the WebSocket adapter that main.ts installs, and the gateway; on shutdown the
 * hub flushes, records the versions edits wait for (computed on the history worker thread), and
 * says goodbye (1001).
 */
@Module({
  providers: [
    {
      provide: HistoryPool,
      inject: [LOGGER],
      useFactory: (logger: Logger) => new HistoryPool((error) => logger.error({ err: error }, 'The history worker thread failed; its task failed with it, the next one starts a new thread')),
    },
    {
      provide: VersionMaker,
      inject: [UPDATE_LOG, VERSION_HISTORY, LOGGER, HistoryPool],
      useFactory: (log: UpdateLog, history: VersionHistory, logger: Logger, pool: HistoryPool) =>
        new VersionMaker({
          log,
          history,
          logger: logger.child({ component: 'versions' }),
          compute: (input) => pool.computeVersion(input),
          refold: (input) => pool.refoldVersion(input),
        }),
    },
    {
      provide: DocumentHub,
      inject: [UPDATE_LOG, DOCUMENT_BUS, LOGGER, APP_CONFIG, PrometheusMetrics, AccessEvents, VersionMaker],
      useFactory: (store: UpdateLog, bus: DocumentBus, logger: Logger, config: AppConfig, metrics: PrometheusMetrics, access: AccessEvents, maker: VersionMaker) => {
        const hub = new DocumentHub({
          store,
          bus,
          logger: logger.child({ component: 'hub' }),
          metrics,
          unloadDelayMs: config.documentUnloadDelayMs,
          compaction: config.compaction,
          maxBacklogBytes: config.maxBacklogBytes,
          limits: config.limits,
          versions: { maker, idleMs: config.versions.idleMs, intervalMs: config.versions.intervalMs },
        });
        metrics.observe(() => hub.stats);
        access.onChange((change) => {
          if (change.documentDeleted && change.documentId !== undefined) hub.dropDocument(change.documentId);
        });
        return hub;
      },
    },
    UpgradeRouter,
    CollabWsAdapter,
    CollabGateway,
  ],
  exports: [DocumentHub, VersionMaker, HistoryPool],
})
export class CollabModule implements BeforeApplicationShutdown {
  constructor(
    private readonly hub: DocumentHub,
    private readonly historyPool: HistoryPool,
    private readonly readiness: ReadinessService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.readiness.beginShutdown();
    this.logger.info({ signal }, 'Shutting down: flushing documents and closing connections');
    await this.hub.close();
    await this.historyPool.close();
  }
}
