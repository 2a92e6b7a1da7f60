import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { CloseCode } from '@quire/constants';
import { SCHEMA_VERSION } from '@quire/editor-schema';
import type { Logger } from 'pino';
import type { Grant } from '../auth/grant';
import { TicketsService } from '../auth/tickets-service';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { LOGGER } from '../logging/logger';
import { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { AddressRateLimiter } from './address-rate-limiter';
import { clientAddress } from './client-address';
import { ownString } from './own-string';
import { checkUpgrade } from './upgrade-check';

/** A connection the router let through: what the gateway hands the hub. */
export interface Admission {
  readonly connectionId: string;
  readonly documentId: string;
  readonly remoteAddress: string | undefined;
  /** What the socket's token allows; the access watcher re-checks it while the socket stays open. */
  readonly grant: Grant;
  /** Who the connection speaks for in awareness. */
  readonly user: { readonly id: string; readonly name: string };
  /** Whether it asked for stored acknowledgements (`?ack=1`). */
  readonly acknowledge: boolean;
}

/** Where one upgrade request goes. */
export type UpgradeRoute =
  /** Refused before the handshake, with an HTTP status. */
  | { readonly kind: 'refuse'; readonly status: number; readonly message: string }
  /** Accepted and closed at once with a close code, before any document byte, so a page can read why. */
  | { readonly kind: 'close'; readonly code: number; readonly message: string }
  | { readonly kind: 'admit'; readonly admission: Admission };

/**
 * Decides every WebSocket upgrade, in this order: the address's connection rate (429), the path
 * and the document id (404, 400), the browser's `Origin` (403), the `token` parameter (closes with
 * 4401, 4403 or 4404; 503 when the database cannot say), and the editor's schema version (4426).
 */
@Injectable()
export class UpgradeRouter implements OnModuleDestroy {
  private readonly connectLimiter: AddressRateLimiter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly tickets: TicketsService,
    private readonly metrics: PrometheusMetrics,
  ) {
    this.connectLimiter = new AddressRateLimiter(config.connectLimit.burst, config.connectLimit.perSecond);
  }

  /** Where `request` goes; never rejects. */
  async route(request: IncomingMessage): Promise<UpgradeRoute> {
    const remoteAddress = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.config.trustProxy);
    const checked = this.connectLimiter.allow(remoteAddress)
      ? checkUpgrade(request, this.config.allowedOrigins)
      : ({ ok: false, status: 429, message: 'Too many connection attempts from this address; wait a moment' } as const);
    if (!checked.ok) {
      // The query string is left out of the log: it may carry credentials.
      const where = { status: checked.status, path: request.url?.split('?')[0], origin: request.headers.origin, remoteAddress };
      this.logger.info(where, `Upgrade refused: ${checked.message}`);
      this.metrics.upgradeRefused(checked.status);
      return { kind: 'refuse', status: checked.status, message: checked.message };
    }
    const { documentId, schemaVersion, acknowledge } = checked;
    const token = new URL(request.url ?? '/', 'http://upgrade.invalid').searchParams.get('token');
    let access: Awaited<ReturnType<TicketsService['authorize']>>;
    try {
      access = await this.tickets.authorize(token, documentId);
    } catch (error) {
      this.logger.error({ err: error, documentId, remoteAddress }, 'Could not check socket access; refusing with 503');
      return { kind: 'refuse', status: 503, message: 'Cannot check access right now (is the database reachable?); try again shortly' };
    }
    if (!access.ok) {
      this.logger.info({ documentId, remoteAddress, code: access.code }, `Socket refused: ${access.message}`);
      this.metrics.upgradeRefused(access.code);
      return { kind: 'close', code: access.code, message: access.message };
    }
    const connectionId = ownString(randomUUID());
    // An older editor would silently delete content its schema cannot represent, for everyone.
    if (schemaVersion !== undefined && schemaVersion < SCHEMA_VERSION) {
      this.logger.info({ connectionId, documentId, schemaVersion, serverSchemaVersion: SCHEMA_VERSION }, 'Editor out of date; asked to reload');
      return { kind: 'close', code: CloseCode.EditorOutdated, message: 'editor out of date: reload the page' };
    }
    const admission = { connectionId, documentId: ownString(documentId), remoteAddress, grant: access.grant, user: access.user, acknowledge };
    return { kind: 'admit', admission };
  }

  onModuleDestroy(): void {
    this.connectLimiter.stop();
  }
}
