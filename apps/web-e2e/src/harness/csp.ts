import type { BrowserContext, Page } from 'playwright-core';

/** One `securitypolicyviolation` event: what the page's Content-Security-Policy blocked. */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

const RECORDER = '__quireCspViolations';

/**
 * Records every Content-Security-Policy violation of every page of `context` from the first byte
 * of each document (an init script runs before the page's own): read them with `cspViolations`.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript((key: string) => {
    const seen: unknown[] = [];
    (window as unknown as Record<string, unknown>)[key] = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  }, RECORDER);
}

/** The violations on the page's current document so far. */
export function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate((key) => ((window as unknown as Record<string, unknown>)[key] as CspViolation[] | undefined) ?? [], RECORDER);
}
