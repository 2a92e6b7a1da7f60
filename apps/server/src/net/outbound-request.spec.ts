import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundRequest, OutboundError, readBody, type Resolver } from './outbound-request';

const closed = { allowPrivateNetworks: false };
const open = { allowPrivateNetworks: true };

/** A local HTTP server whose answer each test chooses, counting the requests it received. */
let server: Server;
let port: number;
let received = 0;
let answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end('hello');

beforeAll(async () => {
  server = createServer((request, response) => {
    received++;
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('outboundRequest', () => {
  it('refuses loopback by address, by name and as an IPv4-mapped IPv6 address, without connecting', async () => {
    const before = received;
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`]) {
      const error = await refusal(outboundRequest(url, { policy: closed, maxResponseBytes: 1024 }));
      expect(error.failure, url).toBe('refused');
      expect(error.message, url).toMatch(/loopback/);
    }
    expect(received).toBe(before);
  });

  it('refuses the metadata address even when private networks are allowed', async () => {
    const error = await refusal(outboundRequest('http://169.254.169.254/latest/meta-data/', { policy: open, maxResponseBytes: 1024 }));
    expect(error.failure).toBe('refused');
    expect(error.message).toMatch(/metadata/);
  });

  it('connects to the one address it checked: the name is resolved once, and a refused answer is never connected to', async () => {
    const lookups: string[] = [];
    const resolve: Resolver = async (hostname) => {
      lookups.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    answer = (request, response) => response.end(`host ${request.headers.host}`);
    const ok = await outboundRequest(`http://images.example:${port}/a.png`, { policy: open, maxResponseBytes: 1024, resolve });
    expect(ok.status).toBe(200);
    expect((await readBody(ok.body)).toString()).toBe(`host images.example:${port}`);
    expect(lookups).toEqual(['images.example']);

    const before = received;
    const error = await refusal(outboundRequest(`http://rebound.example:${port}/`, { policy: closed, maxResponseBytes: 1024, resolve }));
    expect(error.message).toBe('Refused to connect to rebound.example:' + port + ': 127.0.0.1 is a loopback address');
    expect(received).toBe(before);
  });

  it('uses only the allowed addresses of a name that has several', async () => {
    const resolve: Resolver = async () => [
      { address: '10.0.0.1', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    answer = (_request, response) => response.end('ok');
    // With private networks closed neither passes; the refusal names the first.
    const error = await refusal(outboundRequest(`http://mixed.example:${port}/`, { policy: closed, maxResponseBytes: 1024, resolve }));
    expect(error.message).toMatch(/10\.0\.0\.1 is a private-network address/);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    let redirected = 0;
    answer = (request, response) => {
      if (request.url === '/elsewhere') redirected++;
      response.writeHead(302, { location: '/elsewhere' }).end();
    };
    const response = await outboundRequest(`http://127.0.0.1:${port}/start`, { policy: open, maxResponseBytes: 1024 });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/elsewhere');
    await readBody(response.body);
    expect(redirected).toBe(0);
  });

  it('stops reading past the cap, whether the length is declared or not', async () => {
    answer = (_request, response) => response.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
    const declared = await refusal(outboundRequest(`http://127.0.0.1:${port}/`, { policy: open, maxResponseBytes: 4096 }));
    expect(declared.failure).toBe('too-large');

    answer = (_request, response) => {
      response.writeHead(200);
      const chunk = 'y'.repeat(1024);
      let sent = 0;
      const more = () => {
        // An endless body, chunked: only the cap ends it.
        while (response.write(chunk)) if (++sent > 10_000) return response.end();
        response.once('drain', more);
      };
      response.on('error', () => undefined);
      more();
    };
    const streamed = await outboundRequest(`http://127.0.0.1:${port}/`, { policy: open, maxResponseBytes: 4096 });
    const error = await refusal(readBody(streamed.body));
    expect(error.failure).toBe('too-large');
  });

  it('gives up after its timeout, before or during the answer', async () => {
    answer = () => undefined;
    const started = Date.now();
    const silent = await refusal(outboundRequest(`http://127.0.0.1:${port}/`, { policy: open, maxResponseBytes: 1024, timeoutMs: 300 }));
    expect(silent.failure).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);

    answer = (_request, response) => response.writeHead(200).write('partial');
    const slow = await outboundRequest(`http://127.0.0.1:${port}/`, { policy: open, maxResponseBytes: 1024, timeoutMs: 300 });
    expect((await refusal(readBody(slow.body))).failure).toBe('timeout');
  });

  it('sends a POST with its headers and body', async () => {
    answer = (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => response.end(`${request.method} ${request.headers['x-test']} ${Buffer.concat(chunks).toString()}`));
    };
    const response = await outboundRequest(`http://127.0.0.1:${port}/hook`, { policy: open, method: 'POST', headers: { 'x-test': 'yes' }, body: '{"a":1}', maxResponseBytes: 1024 });
    expect((await readBody(response.body)).toString()).toBe('POST yes {"a":1}');
  });

  it('refuses other schemes, names that do not resolve, and ports where nothing listens, in words', async () => {
    expect((await refusal(outboundRequest('file:///etc/passwd', { policy: open, maxResponseBytes: 1024 }))).failure).toBe('url');
    expect((await refusal(outboundRequest('not a url', { policy: open, maxResponseBytes: 1024 }))).failure).toBe('url');
    expect((await refusal(outboundRequest('http://no-such-host.invalid/', { policy: open, maxResponseBytes: 1024 }))).failure).toBe('dns');
    const closedPort = await refusal(outboundRequest('http://127.0.0.1:1/', { policy: open, maxResponseBytes: 1024 }));
    expect(closedPort.failure).toBe('network');
    expect(closedPort.message).toMatch(/ECONNREFUSED/);
  });
});
