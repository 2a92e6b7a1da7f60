import { Inject, Injectable } from '@nestjs/common';
import type { Directory, SecurityEvent } from '@quire/storage';
import type { Logger } from 'pino';
import { DIRECTORY } from '../storage/storage.tokens';
import { LOGGER } from '../logging/logger';
import type { SecurityEventType } from './security-event-type';

export type { SecurityEventType } from './security-event-type';

/** At most this many events are kept; the minute purge removes older ones. */
export const SECURITY_EVENTS_KEPT = 10_000;
/** A longer `details` is cut: it is a note for a person, not a place for data. */
const MAX_DETAILS_LENGTH = 300;

/** What happened, who did it and from where; never a secret (no token, password, ticket or link token). */
export interface SecurityEventInput {
  readonly type: SecurityEventType;
  /** The account that acted; null or absent when nobody is signed in (a failed sign-in). */
  readonly actorId?: string | null;
  /** The request's address as limits see it (`RequestAuth.address`). */
  readonly address?: string;
  readonly documentId?: string;
  /** Whom or what it acted on: a user id, a token id, a link id. */
  readonly subjectId?: string;
  readonly details?: string;
}

/**
 * Records security events twice: as a structured log line (`{ event: 'security', type, … }`) for
 * whoever collects the logs, and in the database, where the administrator reads the recent ones
 * (`GET /api/admin/events`). Recording never throws and never makes the caller wait: a request
 * that changed something must not fail, or be slowed, because its audit line could not be stored.
 */
@Injectable()
export class SecurityEvents {
  constructor(
    @Inject(DIRECTORY) private readonly store: Directory,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  record(event: SecurityEventInput): void {
    try {
      const stored = {
        type: event.type,
        at: new Date(),
        actorId: event.actorId ?? null,
        address: event.address ?? null,
        documentId: event.documentId ?? null,
        subjectId: event.subjectId ?? null,
        details: event.details === undefined ? null : event.details.slice(0, MAX_DETAILS_LENGTH),
      };
      const { at: _at, ...fields } = stored;
      this.logger.info({ event: 'security', ...fields }, `Security event: ${event.type}`);
      this.store.recordSecurityEvent(stored).catch((error: unknown) => this.failed(error, event.type));
    } catch (error) {
      this.failed(error, event.type);
    }
  }

  /** The newest `limit` events, newest first. */
  list(limit: number): Promise<SecurityEvent[]> {
    return this.store.listSecurityEvents(limit);
  }

  /** Keeps the newest {@link SECURITY_EVENTS_KEPT}; resolves how many were removed. */
  purge(): Promise<number> {
    return this.store.purgeSecurityEvents(SECURITY_EVENTS_KEPT);
  }

  private failed(error: unknown, type: SecurityEventType): void {
    try {
      this.logger.error({ err: error, type }, `Could not store the security event "${type}"; it is only in this log`);
    } catch {
      // A logger that throws leaves nothing else to tell; the request goes on.
    }
  }
}
