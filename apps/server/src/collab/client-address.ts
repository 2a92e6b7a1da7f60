/**
 * The address a request came from. Behind trusted reverse proxies it is the nearest address in
 * `X-Forwarded-For` that is not itself a trusted proxy; a header from anyone else is ignored,
 * since a client can write whatever it likes there.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string | undefined {
  const remote = normalize(remoteAddress);
  if (remote === undefined || !trustedProxies.includes(remote) || forwardedFor === undefined) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => normalize(hop.trim()))
    .filter((hop): hop is string => Boolean(hop));
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i])) return hops[i];
  }
  return hops[0] ?? remote;
}

// Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
function normalize(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}
