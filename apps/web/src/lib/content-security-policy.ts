import { DEFAULT_SERVER_PORT } from '@quire/constants';

export interface PolicyInput {
  /** Fresh for every response: Next.js puts it on its own inline scripts, and no other inline script runs. */
  nonce: string;
  /** QUIRE_SERVER_URL, or null: the page then talks to its own host on DEFAULT_SERVER_PORT. */
  configuredServerUrl: string | null;
  /** The host name the browser asked for (the request's Host), for that fallback. */
  requestHostname: string;
  /** `next dev`: React rebuilds server error stacks with eval there, and only there. */
  development: boolean;
}

/**
 * The Content-Security-Policy of every page (README.md, "Page security headers"): inline scripts only
 * with this response's nonce (Next.js's own), script files only from this site (the build's
 * chunks), so an injected inline script, event handler or foreign script does not run; network
 * only to this site and the collaboration server; no plugins, no <base> elsewhere, no framing.
 *
 * Not 'strict-dynamic': Chromium then runs any inline script that a running script creates
 * (document.createElement), nonce or not, and a script of any origin; every script Quire loads is
 * its own, from this origin, so 'self' is the tighter rule. Images come from this site and the
 * collaboration server (uploaded files) only. Styles may be inline: the editor colors
 * cursors and avatars through style attributes, and a style cannot run code.
 */
export function contentSecurityPolicy({ nonce, configuredServerUrl, requestHostname, development }: PolicyInput): string {
  const server = collaborationServerSources(configuredServerUrl, requestHostname);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    // A document's images are the server's files (docs/api.md, "Files"): from there and nowhere else,
    // so a pasted image from another site cannot report who reads the document.
    ['img-src', "'self'", 'data:', 'blob:', ...server.filter((source) => source.startsWith('http'))],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...server],
    // The service worker (public/sw.js, docs/offline.md), and no other worker.
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/**
 * Where the page's API calls and WebSocket go, as CSP sources: the configured server's origin over
 * HTTP and WebSocket, or this host on port 4000 with either scheme (behind a TLS proxy the page is
 * https while this server sees http). Nothing for a host that is not a plain name or address: it
 * goes into a header, where a `;` would start a directive.
 */
export function collaborationServerSources(configuredServerUrl: string | null, requestHostname: string): string[] {
  if (configuredServerUrl) {
    let url: URL;
    try {
      url = new URL(configuredServerUrl);
    } catch {
      return [];
    }
    if (!isPlainHost(url.hostname) || (url.protocol !== 'http:' && url.protocol !== 'https:')) return [];
    const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return [url.origin, `${socketScheme}//${url.host}`];
  }
  if (!isPlainHost(requestHostname)) return [];
  const host = `${requestHostname}:${DEFAULT_SERVER_PORT}`;
  return [`http://${host}`, `https://${host}`, `ws://${host}`, `wss://${host}`];
}

/** A DNS name, an IPv4 address or a bracketed IPv6 address: nothing that could end a CSP source. */
function isPlainHost(hostname: string): boolean {
  return /^[a-z0-9.-]+$/i.test(hostname) || /^\[[0-9a-f:.]+\]$/i.test(hostname);
}

/** A nonce: 128 random bits, base64 (CSP's nonce grammar). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
