import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { clientAddress } from '../collab/client-address';
import { isTrustedProxy } from '../http/origin-check';
import { AccountsService } from './accounts-service';
import type { Principal } from './principal';
import { credentialsOf } from './request-credentials';

/**
 * Finds who made an HTTP request, and where from. The CallerGuard asks first, for every route, and
 * hands the answer to handlers as `@Caller()`; cross-site requests are refused before that, by the
 * CrossSiteGuard.
 */
@Injectable()
export class RequestAuth {
  // One lookup per request, however many ask: the CallerGuard, then per-user rate limits.
  private readonly known = new WeakMap<IncomingMessage, Promise<Principal | undefined>>();

  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Who made the request, or undefined when nobody is signed in (or the credentials are not valid). */
  callerOf(request: IncomingMessage): Promise<Principal | undefined> {
    let principal = this.known.get(request);
    if (!principal) {
      principal = this.accounts.principalFrom(credentialsOf(request.headers));
      this.known.set(request, principal);
    }
    return principal;
  }

  /** The address limits and logs use: the peer, or what a trusted proxy says. */
  address(request: IncomingMessage): string | undefined {
    return clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.config.trustProxy);
  }

  /** Whether the browser reached us over HTTPS (itself or through a trusted proxy). */
  isSecure(request: IncomingMessage): boolean {
    if ((request.socket as { encrypted?: boolean }).encrypted) return true;
    return isTrustedProxy(request, this.config.trustProxy) && request.headers['x-forwarded-proto'] === 'https';
  }
}
