import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Directory } from '@quire/storage';
import type { Logger } from 'pino';
import { AccessEvents } from '../auth/access-events';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { DIRECTORY } from '../storage/storage.tokens';
import { ShelfService } from './shelf-service';
import { TrashController } from './trash.controller';
import { TrashService } from './trash-service';

/** How often each instance deletes what has been in the trash longer than `TRASH_RETENTION_DAYS`. */
export const TRASH_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * The trash (its routes, and the purge), and each person's stars and recently opened documents;
 * ShelfController is registered by DocumentsModule, ahead of its `:id` routes.
 */
@Module({
  controllers: [TrashController],
  providers: [
    {
      provide: TrashService,
      inject: [DIRECTORY, AccessEvents, APP_CONFIG],
      useFactory: (directory: Directory, access: AccessEvents, config: AppConfig) =>
        new TrashService(directory, (change) => access.changed(change), config.trashRetentionDays),
    },
    {
      provide: ShelfService,
      inject: [DIRECTORY, LOGGER],
      useFactory: (directory: Directory, logger: Logger) => new ShelfService(directory, logger.child({ component: 'shelf' })),
    },
  ],
  exports: [TrashService, ShelfService],
})
export class OrganizingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private firstPurge: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly trash: TrashService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const purge = () =>
      void this.trash.purge(new Date()).then(
        (deleted) => deleted > 0 && this.logger.info({ deleted }, 'Deleted documents whose time in the trash ran out'),
        (error: unknown) => this.logger.error({ err: error }, 'Purging the trash failed; the next pass retries'),
      );
    // Once soon after start (a server down for a while catches up), then every hour.
    this.firstPurge = setTimeout(purge, 5_000);
    this.firstPurge.unref();
    this.purgeTimer = setInterval(purge, TRASH_PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.firstPurge);
    clearInterval(this.purgeTimer);
  }
}
