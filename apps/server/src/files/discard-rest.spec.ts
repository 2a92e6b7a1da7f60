import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCARD_BYTES, discardRest } from './discard-rest';

describe('discardRest', () => {
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    // Refuses every request at once, before reading its body, as an upload refused early is.
    server = createServer((request, response) => {
      discardRest(request);
      response.writeHead(403, { 'content-type': 'text/plain' }).end('refused');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Sends `bytes` of body as fast as the socket takes them; resolves the answer's status, whether the server cut the connection, and how much was sent. */
  function send(bytes: number): Promise<{ status: number; cut: boolean; sent: number }> {
    return new Promise((resolve) => {
      let sent = 0;
      let status = 0;
      let cut = false;
      const outgoing = httpRequest({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': String(bytes) } }, (response) => {
        status = response.statusCode ?? 0;
        response.resume();
      });
      outgoing.on('error', () => (cut = true));
      outgoing.on('close', () => resolve({ status, cut, sent }));
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (!cut && sent < bytes) {
          const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
          sent += part.length;
          if (!outgoing.write(part)) return void outgoing.once('drain', pump);
        }
        if (!cut) outgoing.end();
      };
      pump();
    });
  }

  it('reads a short rest, so that the client sends it all and reads the answer', async () => {
    expect(await send(200 * 1024)).toEqual({ status: 403, cut: false, sent: 200 * 1024 });
  });

  it('cuts a client that goes on sending past the bound', async () => {
    const answer = await send(64 * 1024 * 1024);
    expect(answer.status).toBe(403);
    expect(answer.cut).toBe(true);
    expect(answer.sent).toBeGreaterThan(DISCARD_BYTES);
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
  });
});
