import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { HealthAnswer, LiveAnswer } from '@quire/api-contract';
import type { DocumentBus } from '@quire/bus';
import { DocumentHub } from '@quire/collab-core';
import type { Directory } from '@quire/storage';
import type { Response } from 'express';
import { DOCUMENT_BUS } from '../bus/document-bus.token';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { DIRECTORY } from '../storage/storage.tokens';
import { ReadinessService } from './readiness.service';

const STORE_CHECK_TIMEOUT_MS = 2_000;

/**
 * `GET /health` (readiness) and `GET /health/live` (liveness). Readiness is 503 while the
 * database is unreachable or the server stops. Redis down is reported (`redis: 'down'`, status
 * `degraded`) but stays 200: this instance's clients still edit together and every edit is
 * stored, the others catch up from the store once Redis is back, and since every instance shares
 * the one Redis, a 503 would take them all out of the load balancer at once (README, "Several
 * instances").
 */
@Controller('health')
@AllowAnonymous()
export class HealthController {
  constructor(
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(DOCUMENT_BUS) private readonly bus: DocumentBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readiness: ReadinessService,
    private readonly hub: DocumentHub,
  ) {}

  @Get()
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthAnswer> {
    const database = await this.checkStore();
    const redis = this.config.redisUrl === undefined ? 'disabled' : this.bus.status === 'ok' ? 'ok' : 'down';
    const status = this.readiness.isShuttingDown
      ? 'shutting-down'
      : database !== 'ok'
        ? 'unavailable'
        : redis === 'down'
          ? 'degraded'
          : 'ok';
    response.status(status === 'ok' || status === 'degraded' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database, redis };
  }

  @Get('live')
  live(): LiveAnswer {
    return { status: 'ok' };
  }

  private async checkStore(): Promise<'ok' | 'down'> {
    // Writes failing is what matters for edits, even when a read would still succeed.
    if (!this.hub.storeAvailable) return 'down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), STORE_CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.directory.getDocument('health-check').then(() => 'ok' as const), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
