import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { DocumentHub } from '@quire/collab-core';
import type { DocumentStore } from '@quire/storage';
import type { Response } from 'express';
import { DOCUMENT_STORE } from '../storage/document-store.token';
import { ReadinessService } from './readiness.service';

const STORE_CHECK_TIMEOUT_MS = 2_000;

/** `GET /health` (readiness) and `GET /health/live` (liveness), as DESIGN.md describes them. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly readiness: ReadinessService,
    private readonly hub: DocumentHub,
  ) {}

  @Get()
  async ready(@Res({ passthrough: true }) response: Response) {
    const database = await this.checkStore();
    const status = this.readiness.isShuttingDown ? 'shutting-down' : database === 'ok' ? 'ok' : 'unavailable';
    response.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database, redis: 'disabled' };
  }

  @Get('live')
  live() {
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
      return await Promise.race([this.store.getDocument('health-check').then(() => 'ok' as const), timeout]);
    } catch {
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
