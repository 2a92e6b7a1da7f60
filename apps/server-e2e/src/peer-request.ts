import { request } from 'node:http';

/** An HTTP answer read in full. */
export interface PeerAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * A request sent from a chosen loopback address (e.g. 127.0.0.2), so that a server trusting
 * 127.0.0.1 as its proxy sees a peer it does not trust.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: unknown },
): Promise<PeerAnswer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: options.method,
        localAddress,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
