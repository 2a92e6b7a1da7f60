import { COLLAB_PATH } from '@quire/constants';

/** Port of the collaboration server when the page is not told its address. */
export const DEFAULT_SERVER_PORT = 4000;

/**
 * The collaboration server's base URL without a trailing slash: the configured one, or the page's
 * own host on port 4000 (the development layout).
 */
export function resolveServerUrl(configured: string | null | undefined, location: Pick<Location, 'protocol' | 'hostname'>): string {
  const value = configured?.trim();
  if (value) return value.replace(/\/+$/, '');
  return `${location.protocol}//${location.hostname}:${DEFAULT_SERVER_PORT}`;
}

/** The WebSocket base for y-websocket: `http(s)://host` → `ws(s)://host/collab`. */
export function collabSocketUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = url.toString().replace(/\/+$/, '');
  return `${base}${COLLAB_PATH}`;
}
