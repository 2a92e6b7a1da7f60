import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_VIEWPORT } from './browser';
import { fromAddress, newClientAddress } from './client-address';

/**
 * A Chromium profile on disk, as a person's own browser: cookies, localStorage and IndexedDB
 * survive closing the browser and launching it again on the same directory.
 */
export interface PersistentProfile {
  readonly dir: string;
  /** The address the server sees this person's requests come from, the same across launches. */
  readonly address: string;
  /** Launches Chromium on the profile (close the previous launch first). */
  launch(): Promise<{ context: BrowserContext; page: Page }>;
  /** Deletes the profile's directory. */
  remove(): Promise<void>;
}

export async function persistentProfile(): Promise<PersistentProfile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quire-profile-'));
  const address = newClientAddress();
  return {
    dir,
    address,
    async launch() {
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        headless: true,
        viewport: DEFAULT_VIEWPORT,
        deviceScaleFactor: 1,
        extraHTTPHeaders: fromAddress(address),
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => console.error(`[profile] page error: ${error.message}`));
      return { context, page };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The names of the IndexedDB databases the page's origin holds. */
export function indexedDbNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''));
}
