import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusalOf, type AddressPolicy } from './address-policy';
import { OutboundError } from './outbound-request';

/**
 * Checks, when a URL is saved (a webhook's), that requests to it would be made: http or https, a
 * host that resolves, and an address the policy allows. Every request checks again when it is made
 * (the host may resolve elsewhere by then); this only refuses early, in words.
 */
export async function checkDestination(url: string, policy: AddressPolicy): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new OutboundError('url', `"${url.slice(0, 200)}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundError('url', `Only http and https addresses are allowed, not ${target.protocol}`);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch (error) {
      throw new OutboundError('dns', `${target.host} could not be found (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  const refusals = addresses.map((address) => refusalOf(address, policy));
  if (refusals.every((refusal) => refusal !== undefined)) throw new OutboundError('refused', `Refused to connect to ${target.host}: ${refusals[0] ?? 'it has no address'}`);
}
