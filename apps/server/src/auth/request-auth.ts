import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/config.schema';
import { clientAddress } from '../collab/client-address';
import { AccountsService } from './accounts-service';
import { AuthError } from './auth-error';
import type { Principal } from './principal';
import { credentialsOf } from './request-credentials';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Finds who made an HTTP request; controllers call it first thing. */
@Injectable()
export class RequestAuth {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The caller, or undefined when signed out. */
  async optional(request: IncomingMessage): Promise<Principal | undefined> {
    const credentials = credentialsOf(request.headers);
    const principal = await this.accounts.principalFrom(credentials);
    if (principal?.kind === 'session') this.checkOrigin(request);
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
    const peer = request.socket.remoteAddress?.replace(/^::ffff:/, '');
    return peer !== undefined && this.config.trustProxy.includes(peer) && request.headers['x-forwarded-proto'] === 'https';
  }

  /**
   * A cookie rides along with any same-site request, including from a sibling site on this host:
   * a request that changes something must come from an allowed origin (or none, as scripts send).
   */
  checkOrigin(request: IncomingMessage): void {
    if (SAFE_METHODS.has(request.method ?? 'GET')) return;
    const origin = request.headers.origin;
    if (origin === undefined || this.config.allowedOrigins.includes(origin) || origin === ownOrigin(request)) return;
    throw new AuthError(403, `Requests from ${origin} may not act for a signed-in user; add it to ALLOWED_ORIGINS`);
  }
}

function ownOrigin(request: IncomingMessage): string | undefined {
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  return typeof host === 'string' ? `http://${host}` : undefined;
}
