import { resolveServerUrl } from '@quire/editor';

/**
 * The collaboration server's public URL as the browser should use it: the one the page was
 * rendered with (QUIRE_SERVER_URL), or this host on port 4000.
 */
export function browserServerUrl(configured: string | null): string {
  return resolveServerUrl(configured, window.location);
}
