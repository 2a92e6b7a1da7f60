import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Headers on every response of the server: `X-Content-Type-Options: nosniff` (a browser never
 * guesses a type other than the one sent: a JSON answer echoing user text is never run as a page or
 * script), and on every `/api` answer `Cache-Control: no-store`. All of `/api`, not only the routes
 * that carry a secret today (tokens, temporary passwords, link tokens, tickets): a new route that
 * returns one is then covered without anyone remembering, and nothing under `/api` is worth caching.
 * Three lines by hand rather than helmet: its other headers are for pages, and the web app sets
 * its own.
 */
export function securityHeaders(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (isApi(request.url)) response.setHeader('Cache-Control', 'no-store');
  next();
}

function isApi(url: string | undefined): boolean {
  return url === '/api' || url?.startsWith('/api/') === true || url?.startsWith('/api?') === true;
}
