import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/** One POST a receiver got: its raw body, headers, and whether the signature checked out. */
export interface ReceivedDelivery {
  readonly body: string;
  readonly json: { id: string; event: string; occurredAt: string; document: { id: string; title: string; updatedAt?: string }; authors: Array<{ id: string; name: string }>; member?: { id: string; name: string } };
  readonly headers: Record<string, string | string[] | undefined>;
  readonly signatureValid: boolean;
  readonly answeredWith: number;
}

type Verify = (secret: string, rawBody: string, header: string, toleranceSeconds?: number) => boolean;

/**
 * The signature check exactly as docs/api.md ("Webhooks") tells receivers to write it: its first
 * ```js block is read and run, so the recipe people copy is the one the tests prove.
 */
export function documentedVerify(): Verify {
  const doc = readFileSync(resolve(__dirname, '../../../docs/api.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Webhooks'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('docs/api.md has no ```js block in "Webhooks"');
  return new Function('require', `${code}\nreturn verify;`)(require) as Verify;
}

/**
 * A webhook receiver on 127.0.0.1: records each delivery, checks its signature with the documented
 * recipe and the secret it is given, and answers what `answer` says (200 unless told otherwise).
 */
export interface WebhookReceiver {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedDelivery[];
  secret: string;
  answer: (delivery: { json: ReceivedDelivery['json']; attempt: number }) => number;
  /** Resolves once `count` deliveries (that answered 2xx, if `delivered`) match `filter`. */
  waitFor(filter: (delivery: ReceivedDelivery) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const verify = documentedVerify();
  const attempts = new Map<string, number>();
  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    received: [],
    secret: '',
    answer: () => 200,
    waitFor: async (filter, count = 1, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = receiver.received.filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`${matching.length} of ${count} deliveries arrived within ${timeoutMs} ms; received: ${receiver.received.map((d) => d.json.event).join(', ')}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 50));
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolveClose) => server.close(resolveClose));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: ReceivedDelivery['json'];
      try {
        json = JSON.parse(body) as ReceivedDelivery['json'];
      } catch {
        response.writeHead(400).end();
        return;
      }
      const attempt = (attempts.get(json.id) ?? 0) + 1;
      attempts.set(json.id, attempt);
      const status = receiver.answer({ json, attempt });
      const signature = request.headers['x-quire-signature'];
      receiver.received.push({ body, json, headers: request.headers, signatureValid: typeof signature === 'string' && verify(receiver.secret, body, signature), answeredWith: status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  const bound = (server.address() as AddressInfo).port;
  return Object.assign(receiver, { url: `http://127.0.0.1:${bound}/hooks`, port: bound });
}
