import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a local host answers one path with. */
export type LocalRoute = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * An HTTP server on 127.0.0.1 standing for a site on the internet (an image host, a webhook
 * receiver): the routes each test gives it, and every request it received, so a test can tell
 * that the server under test never reached it.
 */
export interface LocalHttpHost {
  readonly origin: string;
  readonly port: number;
  /** `METHOD /path` of every request received, in order. */
  readonly requests: string[];
  route(path: string, answer: LocalRoute): void;
  close(): Promise<void>;
}

export async function startLocalHttpHost(): Promise<LocalHttpHost> {
  const routes = new Map<string, LocalRoute>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    requests.push(`${request.method} ${path}`);
    const answer = routes.get(path);
    if (answer) answer(request, response);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('no such path');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (path, answer) => void routes.set(path, answer),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
