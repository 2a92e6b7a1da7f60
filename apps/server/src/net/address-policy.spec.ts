import { describe, expect, it } from 'vitest';
import { refusalOf } from './address-policy';

const closed = { allowPrivateNetworks: false };
const open = { allowPrivateNetworks: true };

describe('refusalOf', () => {
  it('lets public unicast addresses through, IPv4 and IPv6', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e']) {
      expect(refusalOf(address, closed), address).toBeUndefined();
    }
  });

  it('refuses loopback, private, link-local and carrier-grade NAT addresses unless private networks are allowed', () => {
    const cases: Array<[string, RegExp]> = [
      ['127.0.0.1', /loopback/],
      ['127.255.0.9', /loopback/],
      ['::1', /loopback/],
      ['10.1.2.3', /private/],
      ['172.16.0.1', /private/],
      ['172.31.255.254', /private/],
      ['192.168.1.1', /private/],
      ['fd12:3456::1', /unique local/],
      ['fc00::1', /unique local/],
      ['169.254.10.10', /link-local/],
      ['fe80::1', /link-local/],
      ['100.64.0.1', /carrier-grade NAT/],
      ['100.127.255.254', /carrier-grade NAT/],
    ];
    for (const [address, reason] of cases) {
      expect(refusalOf(address, closed), address).toMatch(reason);
      expect(refusalOf(address, open), address).toBeUndefined();
    }
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(refusalOf('::ffff:127.0.0.1', closed)).toBe('127.0.0.1 is a loopback address');
    expect(refusalOf('::ffff:7f00:1', closed)).toBe('127.0.0.1 is a loopback address');
    expect(refusalOf('::ffff:10.0.0.1', closed)).toMatch(/private/);
    expect(refusalOf('::ffff:169.254.169.254', open)).toMatch(/metadata/);
    expect(refusalOf('::ffff:8.8.8.8', closed)).toBeUndefined();
  });

  it('always refuses cloud metadata, multicast, broadcast, unspecified and other special-purpose addresses', () => {
    const cases: Array<[string, RegExp]> = [
      ['169.254.169.254', /cloud metadata/],
      ['fd00:ec2::254', /cloud metadata/],
      ['100.100.100.200', /cloud metadata/],
      ['192.0.0.192', /cloud metadata/],
      ['224.0.0.1', /multicast/],
      ['239.255.255.250', /multicast/],
      ['ff02::1', /multicast/],
      ['255.255.255.255', /broadcast/],
      ['0.0.0.0', /unspecified/],
      ['0.1.2.3', /unspecified/],
      ['::', /unspecified/],
      ['240.0.0.1', /special-purpose/],
      ['192.0.2.1', /special-purpose/],
      // IPv6 forms that carry an IPv4 address to a relay: 6to4, Teredo, NAT64.
      ['2002:7f00:1::1', /special-purpose/],
      ['2001:0:4136:e378::1', /special-purpose/],
      ['64:ff9b::7f00:1', /special-purpose/],
    ];
    for (const [address, reason] of cases) {
      expect(refusalOf(address, closed), address).toMatch(reason);
      expect(refusalOf(address, open), address).toMatch(reason);
    }
  });

  it('refuses what is not an address', () => {
    expect(refusalOf('example.com', open)).toMatch(/not an IP address/);
    expect(refusalOf('', open)).toMatch(/not an IP address/);
  });
});
