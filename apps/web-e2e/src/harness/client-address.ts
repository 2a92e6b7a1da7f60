import { randomInt } from 'node:crypto';

/**
 * A made-up client address in 10.0.0.0/8, random so that spec files (separate processes) do not
 * share one. Sent as `X-Forwarded-For` (the server trusts the harness's 127.0.0.1 as a proxy), it
 * lets every person in the tests come from a network of their own, as people do: the server's
 * per-address limits (sign-ups, sign-ins, connections) would otherwise count the whole suite as
 * one network.
 */
export function newClientAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** The header that says a request came from `address`. */
export function fromAddress(address: string): Record<string, string> {
  return { 'x-forwarded-for': address };
}
