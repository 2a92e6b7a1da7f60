import { Global, Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DocumentBus } from '@quire/bus';
import type { Directory, PeopleStore } from '@quire/storage';
import { DOCUMENT_BUS } from '../bus/document-bus.token';
import type { Logger } from 'pino';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { newDocumentId } from '../documents/document-id';
import { LOGGER } from '../logging/logger';
import { SECURITY_EVENTS_KEPT } from '../audit/security-events';
import { RateLimiters } from '../throttle/rate-limiters';
import { DIRECTORY, PEOPLE_STORE } from '../storage/storage.tokens';
import { AccountControlsService } from '../people/account-controls-service';
import { InvitationsService } from '../people/invitations-service';
import { SignupSetting } from '../people/signup-setting';
import { AccessEvents } from './access-events';
import { AccessWatcher } from './access-watcher';
import { AccountController } from './account.controller';
import { AccountsService } from './accounts-service';
import { AdminController } from './admin.controller';
import { AuthErrorFilter } from './auth-error.filter';
import { resolveAuthSecret } from './auth-secret';
import { DocumentsService } from './documents-service';
import { FileTokens } from './file-tokens';
import { RequestAuth } from './request-auth';
import { Secrets } from './secrets';
import { SessionController } from './session.controller';
import { SetupCode } from './setup-code';
import { TicketsService } from './tickets-service';

const EXPIRED_PURGE_INTERVAL_MS = 60_000;

/**
 * Accounts, sessions, documents' members and share links, socket tickets and the watcher that
 * closes sockets whose access was revoked. The services are plain TypeScript; this wires them.
 */
@Global()
@Module({
  controllers: [SessionController, AccountController, AdminController],
  providers: [
    {
      provide: Secrets,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => new Secrets(resolveAuthSecret(config.authSecret, config.dataDir, logger)),
    },
    { provide: SetupCode, inject: [DIRECTORY], useFactory: (directory: Directory) => new SetupCode(directory) },
    { provide: SignupSetting, inject: [DIRECTORY, APP_CONFIG], useFactory: (directory: Directory, config: AppConfig) => new SignupSetting(directory, config.allowSignup) },
    {
      provide: InvitationsService,
      inject: [PEOPLE_STORE, Secrets, AccessEvents],
      useFactory: (people: PeopleStore, secrets: Secrets, access: AccessEvents) => new InvitationsService(people, secrets, (change) => access.changed(change)),
    },
    {
      provide: AccountControlsService,
      inject: [DIRECTORY, PEOPLE_STORE, SignupSetting, AccessEvents],
      useFactory: (directory: Directory, people: PeopleStore, signup: SignupSetting, access: AccessEvents) =>
        new AccountControlsService(directory, people, signup, (change) => access.changed(change)),
    },
    {
      provide: AccountsService,
      inject: [DIRECTORY, Secrets, SetupCode, AccessEvents, RateLimiters, PEOPLE_STORE, SignupSetting, InvitationsService],
      useFactory: (directory: Directory, secrets: Secrets, setupCode: SetupCode, access: AccessEvents, limiters: RateLimiters, people: PeopleStore, signup: SignupSetting, invitations: InvitationsService) =>
        new AccountsService({
          store: directory,
          secrets,
          setupCode,
          signupAllowed: () => signup.allowed(),
          people,
          invitations,
          accessChanged: (change) => access.changed(change),
          limiters,
        }),
    },
    {
      provide: DocumentsService,
      inject: [DIRECTORY, Secrets, AccessEvents, InvitationsService],
      useFactory: (directory: Directory, secrets: Secrets, access: AccessEvents, invitations: InvitationsService) =>
        new DocumentsService(directory, secrets, newDocumentId, (change) => access.changed(change), (principal, documentId, email, role) =>
          invitations.invite(principal, documentId, email, role),
        ),
    },
    {
      provide: FileTokens,
      inject: [Secrets, APP_CONFIG],
      useFactory: (secrets: Secrets, config: AppConfig) => new FileTokens(secrets, config.fileTokenLifetimeMs),
    },
    {
      provide: TicketsService,
      inject: [DIRECTORY, Secrets, DocumentsService, FileTokens, APP_CONFIG, PEOPLE_STORE],
      useFactory: (directory: Directory, secrets: Secrets, documents: DocumentsService, fileTokens: FileTokens, config: AppConfig, people: PeopleStore) =>
        new TicketsService(
          directory,
          secrets,
          documents,
          async (id) => (await directory.getDocument(id)) !== undefined,
          fileTokens,
          Date.now,
          config.ticketLifetimeMs,
          (userId) => people.isDisabled(userId),
        ),
    },
    {
      provide: AccessWatcher,
      inject: [TicketsService, LOGGER, APP_CONFIG],
      useFactory: (tickets: TicketsService, logger: Logger, config: AppConfig) =>
        new AccessWatcher((grant) => tickets.recheck(grant), logger.child({ component: 'access' }), config.accessRecheckIntervalMs),
    },
    {
      provide: AccessEvents,
      inject: [DOCUMENT_BUS, LOGGER],
      useFactory: (bus: DocumentBus, logger: Logger) => new AccessEvents(bus, logger.child({ component: 'access' })),
    },
    RequestAuth,
    { provide: APP_FILTER, useClass: AuthErrorFilter },
  ],
  exports: [Secrets, FileTokens, AccountsService, DocumentsService, TicketsService, AccessWatcher, AccessEvents, RequestAuth, SignupSetting, InvitationsService, AccountControlsService],
})
export class AuthModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly setupCode: SetupCode,
    private readonly watcher: AccessWatcher,
    private readonly accessEvents: AccessEvents,
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const code = await this.setupCode.current();
    if (code) {
      const message = `No account exists yet. Setup code: ${code} — open the web app, go to /setup and enter it to create the administrator`;
      this.logger.warn({ setupCode: code }, message);
      // Whatever LOG_LEVEL says, the person installing Quire needs this line.
      if (!this.logger.isLevelEnabled('warn')) process.stderr.write(`${message}\n`);
    }
    this.watcher.start();
    // A deleted document's sockets are the hub's to close (CollabModule); the rest are re-checked.
    this.accessEvents.onChange((change) => (change.documentDeleted ? undefined : this.watcher.recheckAffected(change)));
    this.accessEvents.start();
    this.purgeTimer = setInterval(() => void this.purgeExpired(new Date()), EXPIRED_PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.purgeTimer);
    this.accessEvents.stop();
    await this.watcher.stop();
  }

  /**
   * Removes expired tickets and sessions, and security events past the newest SECURITY_EVENTS_KEPT;
   * one failing does not stop the others, and the next pass retries.
   */
  private async purgeExpired(now: Date): Promise<void> {
    const failed = (what: string) => (error: unknown) => {
      this.logger.warn({ err: error }, `Could not purge expired ${what}`);
      return 0;
    };
    const [tickets, sessions, events] = await Promise.all([
      this.directory.purgeExpiredTickets(now).catch(failed('tickets')),
      this.directory.purgeExpiredSessions(now).catch(failed('sessions')),
      this.directory.purgeSecurityEvents(SECURITY_EVENTS_KEPT).catch(failed('security events')),
    ]);
    if (tickets + sessions + events > 0) this.logger.debug({ tickets, sessions, events }, 'Purged expired tickets and sessions, and old security events');
  }
}
