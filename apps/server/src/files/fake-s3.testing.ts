import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * The little of an S3-compatible service the S3 blob store uses (path-style PUT, GET and DELETE of
 * objects, `NoSuchKey` for a missing one), in process memory, for its spec. It checks only that
 * requests are signed, not the signatures.
 */
export class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  readonly requests: Array<{ method: string; path: string; signed: boolean }> = [];
  private server: Server | undefined;

  /** Starts listening on a free loopback port; resolves with the endpoint URL. */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, type }) => {
        response.writeHead(status, type ? { 'content-type': type } : {});
        response.end(body);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('the fake S3 has no address');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body?: Buffer | string; type?: string }> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://fake').pathname);
    const method = request.method ?? 'GET';
    this.requests.push({ method, path, signed: /^AWS4-HMAC-SHA256 Credential=/.test(request.headers.authorization ?? '') });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (method === 'PUT') {
      this.objects.set(path, Buffer.concat(chunks));
      return { status: 200 };
    }
    if (method === 'DELETE') {
      this.objects.delete(path);
      return { status: 204 };
    }
    const stored = this.objects.get(path);
    if (method === 'GET' && stored) return { status: 200, body: stored, type: 'application/octet-stream' };
    const missing = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
    return { status: 404, body: missing, type: 'application/xml' };
  }
}
