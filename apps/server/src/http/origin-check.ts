import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../collab/client-address';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the check needs to know: the configured origins and the proxies whose headers are believed. */
export interface OriginPolicy {
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: readonly string[];
}

/**
 * The `Origin` of a state-changing request that may not act here, or undefined when it may. A
 * browser sends `Origin` with every cross-site request; a cookie rides along with any same-site one,
 * including from a sibling site on this host. So a request that changes something must come from an
 * allowed origin (`ALLOWED_ORIGINS`), from this server's own origin, or from no browser at all
 * (scripts send no `Origin`). Reading (GET, HEAD, OPTIONS) changes nothing and is never refused here.
 */
export function refusedOrigin(request: IncomingMessage, policy: OriginPolicy): string | undefined {
  if (SAFE_METHODS.has(request.method ?? 'GET')) return undefined;
  const origin = request.headers.origin;
  if (origin === undefined || policy.allowedOrigins.includes(origin) || origin === ownOrigin(request, policy.trustProxy)) return undefined;
  return origin;
}

/**
 * The origin the browser reached this server at: its `Host`, or the `X-Forwarded-Host` and
 * `X-Forwarded-Proto` of a trusted proxy (`TRUST_PROXY`). Anyone else may write any header, so
 * from them the forwarded ones are ignored: believed, a page of evil.example could send
 * `X-Forwarded-Host: evil.example` and pass as this server's own origin.
 */
export function ownOrigin(request: IncomingMessage, trustProxy: readonly string[]): string | undefined {
  const viaProxy = isTrustedProxy(request, trustProxy);
  const host = (viaProxy ? firstValue(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host;
  if (typeof host !== 'string' || host === '') return undefined;
  const secure =
    (request.socket as { encrypted?: boolean }).encrypted === true || (viaProxy && firstValue(request.headers['x-forwarded-proto']) === 'https');
  return `${secure ? 'https' : 'http'}://${host}`;
}

/** Whether the peer itself (not what a header says) is one of the trusted proxies. */
export function isTrustedProxy(request: IncomingMessage, trustProxy: readonly string[]): boolean {
  const peer = clientAddress(request.socket.remoteAddress, undefined, trustProxy);
  return peer !== undefined && trustProxy.includes(peer);
}

/** The first value of a header a proxy chain may have written several times (`a, b`). */
function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
