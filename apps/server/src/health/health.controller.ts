import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
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
  ) {}

  @Get()
  async ready(@Res({ passthrough: true }) response: Response) {
    const database = await this.checkStore();
    const status = !this.readiness.isShuttingDown && database === 'ok' ? 'ok' : this.readiness.isShuttingDown ? 'shutting-down' : 'unavailable';
    response.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, database, redis: 'disabled' };
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  private async checkStore(): Promise<'ok' | 'down'> {
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
