import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { clientAddress } from '../collab/client-address';
import { isTrustedProxy } from '../http/origin-check';
import { AccountsService } from './accounts-service';
import { AuthError } from './auth-error';
import type { Principal } from './principal';
import { credentialsOf } from './request-credentials';

/**
 * Finds who made an HTTP request; controllers call it first thing. Cross-site requests are refused
 * before this, by the CrossSiteGuard that every state-changing route passes.
 */
@Injectable()
export class RequestAuth {
  // One lookup per request, however many guards and handlers ask: the guards that need the caller
  // (session-only routes, per-user rate limits) run before the handler asks again.
  private readonly known = new WeakMap<IncomingMessage, Promise<Principal | undefined>>();

  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The caller, or undefined when signed out. */
  optional(request: IncomingMessage): Promise<Principal | undefined> {
    let principal = this.known.get(request);
    if (!principal) {
      principal = this.accounts.principalFrom(credentialsOf(request.headers));
      this.known.set(request, principal);
    }
    return principal;
  }

  /** The caller; 401 when signed out. */
  async require(request: IncomingMessage): Promise<Principal> {
    const principal = await this.optional(request);
    if (!principal) throw new AuthError(401, 'Sign in first (or send an API token as "Authorization: Bearer qt_…")');
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
