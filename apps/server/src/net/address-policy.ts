import ipaddr from 'ipaddr.js';

/** What the guard may connect to besides public unicast addresses. */
export interface AddressPolicy {
  /**
   * Loopback, private (RFC 1918, IPv6 unique-local), link-local and carrier-grade NAT addresses:
   * refused unless a setting allows them (a server whose images or webhooks live on its own
   * network; the tests, where only loopback exists).
   */
  readonly allowPrivateNetworks: boolean;
}

/**
 * Cloud metadata services: refused even where private networks are allowed, since they hand out
 * the machine's credentials (AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS over IPv6:
 * fd00:ec2::254; Alibaba: 100.100.100.200; Oracle: 192.0.0.192).
 */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']);

/** ipaddr.js ranges that are "private networks": reachable when the setting allows them. */
const PRIVATE_RANGES: ReadonlySet<string> = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

/** Plain words for the ranges a refusal names. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  uniqueLocal: 'a private-network (unique local) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'an unspecified address',
};

/**
 * Why the guard refuses to connect to `address` (an IPv4 or IPv6 literal), or undefined when it
 * may. Only public unicast addresses pass by default: the ranges come from ipaddr.js (which tracks
 * the IANA special-purpose registries), so multicast, broadcast, unspecified, documentation,
 * benchmarking, reserved and the IPv6 ranges that embed an IPv4 address (6to4, Teredo, NAT64) are
 * refused along with the private ones. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged
 * as the IPv4 address it is.
 */
export function refusalOf(address: string, policy: AddressPolicy): string | undefined {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped address meets the IPv4 rules.
  const parsed = ipaddr.process(address);
  const canonical = parsed.toString();
  if (METADATA_ADDRESSES.has(canonical)) return `${canonical} is a cloud metadata address`;
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (PRIVATE_RANGES.has(range) && policy.allowPrivateNetworks) return undefined;
  return `${canonical} is ${RANGE_WORDS[range] ?? `a special-purpose address (${range})`}`;
}
