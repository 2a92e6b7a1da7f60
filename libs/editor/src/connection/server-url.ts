import { COLLAB_PATH, DEFAULT_SERVER_PORT } from '@quire/constants';

export { DEFAULT_SERVER_PORT };

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
