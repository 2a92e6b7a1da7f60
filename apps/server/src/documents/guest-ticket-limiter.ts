import { AddressRateLimiter } from '../collab/address-rate-limiter';

/** Guest tickets one address may ask for: a class behind one NAT opening a link together, then one a second. */
export const GUEST_TICKETS_PER_ADDRESS = { burst: 30, perSecond: 1 } as const;
/** Guest tickets one share link gives out, from all addresses together. */
export const GUEST_TICKETS_PER_LINK = { burst: 200, perSecond: 10 } as const;

/**
 * Bounds guest tickets per address and per link. The guest-ticket route needs no account and each
 * ticket is a database write: unbounded, a script could flood the database and slow every
 * document's store (and so its relay).
 */
export class GuestTicketLimiter {
  private readonly byAddress = new AddressRateLimiter(GUEST_TICKETS_PER_ADDRESS.burst, GUEST_TICKETS_PER_ADDRESS.perSecond);
  private readonly byLink = new AddressRateLimiter(GUEST_TICKETS_PER_LINK.burst, GUEST_TICKETS_PER_LINK.perSecond);

  /** True when another guest ticket may be issued now for this link to this address. */
  allow(linkToken: string, address: string | undefined): boolean {
    // The address is checked first, so one flooding address does not use up the link's budget.
    return this.byAddress.allow(address) && this.byLink.allow(`link:${linkToken}`);
  }

  stop(): void {
    this.byAddress.stop();
    this.byLink.stop();
  }
}
