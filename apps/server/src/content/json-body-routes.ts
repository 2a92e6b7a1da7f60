import type { IncomingMessage } from 'node:http';

/** The routes that read their JSON body themselves (a document of any size up to MAX_DOCUMENT_BYTES, an imported file). */
const READS_OWN_BODY = /^\/api\/documents\/(?:import|[^/?]+\/content)(?:[?#]|$)/;

/**
 * Which requests Express's JSON parser reads (its `type` option): JSON bodies, except on the
 * content routes, which read theirs whole up to their own limit instead of the parser's 100 KB.
 */
export function parsedAsJson(request: IncomingMessage): boolean {
  if (READS_OWN_BODY.test(request.url ?? '')) return false;
  return /^application\/json\s*(?:;|$)/i.test(request.headers['content-type'] ?? '');
}
