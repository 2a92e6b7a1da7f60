import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium as Quire's browser tests run it: Debian's (`/usr/bin/chromium`, or `CHROMIUM_PATH`;
 * `npm test` installs it, scripts/test-prerequisites.mjs), headless, no sandbox (containers), no
 * background traffic.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
