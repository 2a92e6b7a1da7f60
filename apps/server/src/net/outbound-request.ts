import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { refusalOf, type AddressPolicy } from './address-policy';

/** How long one request may take, from the first DNS query to the last byte of the answer. */
export const OUTBOUND_TIMEOUT_MS = 10_000;

/** Why an outbound request did not get an answer: each says so in plain words for the API. */
export type OutboundFailure = 'url' | 'refused' | 'dns' | 'timeout' | 'network' | 'too-large';

export class OutboundError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface OutboundRequestOptions {
  readonly policy: AddressPolicy;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** The most bytes of the answer's body read; past it the body fails with `too-large`. */
  readonly maxResponseBytes: number;
  readonly timeoutMs?: number;
  /** Resolves a host name to its addresses; the system resolver unless a test gives another. */
  readonly resolve?: Resolver;
}

/** All the addresses of a host name. */
export type Resolver = (hostname: string, family: number | undefined) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname, family) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, family: family ?? 0 }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** An answer whose body is still to be read (or dropped with `body.destroy()`). */
export interface OutboundResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body, failing with an OutboundError past `maxResponseBytes` or the timeout. */
  readonly body: Readable;
}

/**
 * One HTTP(S) request to a URL a user gave (a pasted image, a webhook), made so it cannot reach
 * what the server itself can (docs/api.md, "Outbound requests"): the host is resolved once, every
 * address checked by {@link refusalOf}, and the connection made to a checked address through a
 * `lookup` of our own, so a second DNS answer (rebinding) never picks where it goes. Redirects are
 * answers like any other, never followed; the whole exchange has a timeout and the body a cap.
 */
export async function outboundRequest(url: string, options: OutboundRequestOptions): Promise<OutboundResponse> {
  const target = parseTarget(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  // Node connects to an IP literal without calling `lookup`: check it here.
  if (isIP(literal)) {
    const refusal = refusalOf(literal, options.policy);
    if (refusal) throw new OutboundError('refused', `Refused to connect to ${target.host}: ${refusal}`);
  }
  const timeoutMs = options.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<OutboundResponse>((resolve, reject) => {
    let settled = false;
    let body: Transform | undefined;
    const fail = (error: Error) => {
      clearTimeout(timer);
      request.destroy();
      if (!settled) {
        settled = true;
        reject(error);
      } else body?.destroy(error);
    };
    const timer = setTimeout(() => fail(new OutboundError('timeout', `${target.host} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);

    const request = send(target, {
      method: options.method ?? 'GET',
      headers: { 'user-agent': 'Quire', ...options.headers },
      // A fresh connection each time: no socket of another request (to another address) is reused.
      agent: false,
      lookup: checkedLookup(options.policy, target.host, options.resolve ?? systemResolver),
    });
    request.on('error', (error) => fail(error instanceof OutboundError ? error : describeNetworkError(error, target.host)));
    request.on('response', (response: IncomingMessage) => {
      const declared = Number(response.headers['content-length']);
      if (declared > options.maxResponseBytes) {
        response.resume();
        return fail(new OutboundError('too-large', `The answer is larger than ${options.maxResponseBytes.toLocaleString('en')} bytes`));
      }
      body = new ByteCap(options.maxResponseBytes);
      pipeline(response, body, (error) => {
        clearTimeout(timer);
        if (error) request.destroy();
      });
      settled = true;
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
    });
    request.end(options.body);
  });
}

/** Reads a body to its end (at most its cap). */
export async function readBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new OutboundError('url', `"${url.slice(0, 200)}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundError('url', `Only http and https addresses are fetched, not ${target.protocol}`);
  return target;
}

/**
 * A `lookup` for http.request: resolves the host with the system resolver, keeps only the
 * addresses the policy allows, and hands those (and nothing else) to the socket.
 */
function checkedLookup(policy: AddressPolicy, host: string, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === 'number' && options.family !== 0 ? options.family : undefined;
    resolver(hostname, family).then(
      (addresses) => {
        const allowed = addresses.filter((address) => !refusalOf(address.address, policy));
        if (allowed.length === 0) {
          const refusal = addresses.length > 0 ? refusalOf(addresses[0].address, policy) : 'it has no address';
          return callback(new OutboundError('refused', `Refused to connect to ${host}: ${refusal}`), '', 4);
        }
        if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, allowed);
        callback(null, allowed[0].address, allowed[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(new OutboundError('dns', `${host} could not be found (${error.code ?? error.message})`), '', 4),
    );
  };
}

function describeNetworkError(error: Error, host: string): OutboundError {
  const code = (error as NodeJS.ErrnoException).code;
  return new OutboundError('network', `Could not reach ${host}${code ? ` (${code})` : `: ${error.message}`}`);
}

/** Passes at most `max` bytes on; one more fails the stream with `too-large`. */
class ByteCap extends Transform {
  private seen = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) return done(new OutboundError('too-large', `The answer is larger than ${this.max.toLocaleString('en')} bytes`));
    done(null, chunk);
  }
}
