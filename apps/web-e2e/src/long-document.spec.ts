import { parseMarkdown } from '@quire/editor-schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, openDocument, type Member, type Person } from './harness/browser';
import { sharedQuire } from './harness/urls';
import { writeDocument } from './harness/write-document';

/** Enough paragraphs that the first sync (about 40 KiB) is cut into parts. */
const PARAGRAPHS = 400;
const paragraph = (index: number) => `Paragraph ${index + 1} of the long document, which the committee read to the end.`;
const MARKDOWN = Array.from({ length: PARAGRAPHS }, (_, index) => paragraph(index)).join('\n\n');

/** Opens `url` as `person` (the harness's openDocument) and checks that every paragraph is there. */
async function openWhole(person: Person, url: string): Promise<void> {
  await openDocument(person, url);
  const { page } = person;
  await page.locator('.quire-doc p', { hasText: paragraph(PARAGRAPHS - 1) }).waitFor();
  expect(await page.locator('.quire-doc p').count()).toBe(PARAGRAPHS);
  expect(await page.locator('.quire-doc p').nth(PARAGRAPHS / 2).textContent()).toBe(paragraph(PARAGRAPHS / 2));
}

const workerPaths = (page: Page) => page.workers().map((worker) => new URL(worker.url()).pathname);

/**
 * A long document is decoded and cut into parts in the update worker (libs/editor's update-work),
 * not on the page: its first sync, and its copy on this device. Where the worker cannot load, the
 * same work runs on the page and the document still opens whole.
 */
describe('a long document', () => {
  let browser: Browser;
  let ada: Member;
  let url: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const urls = sharedQuire();
    ada = await newMember(browser, urls, 'Ada');
    const { id } = await ada.api.createDocument('Four hundred paragraphs');
    url = `${urls.webUrl}/d/${id}`;
    const client = await writeDocument(ada, urls.serverUrl, id, parseMarkdown(MARKDOWN));
    // Stored once a page shows it.
    await openWhole(ada, url);
    client.destroy();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens whole, its first sync cut into parts in the update worker', async () => {
    expect(workerPaths(ada.page)).toContain('/update-worker.js');
  });

  it('opens whole again in a new tab, from its copy on this device and the server', async () => {
    const page = await ada.context.newPage();
    try {
      await openWhole({ ...ada, page, editor: page.locator('.quire-doc') }, url);
      expect(workerPaths(page)).toContain('/update-worker.js');
    } finally {
      await page.close();
    }
  });

  it('opens whole when the update worker cannot load: the work is done on the page', async () => {
    const grace = await newMember(browser, sharedQuire(), 'Grace');
    try {
      await ada.api.addMember(url.split('/d/')[1] as string, grace.account.email, 'editor');
      let refused = 0;
      await grace.context.route('**/update-worker.js', (route) => {
        refused++;
        return route.abort();
      });
      await openWhole(grace, url);
      expect(refused).toBeGreaterThan(0);
    } finally {
      await grace.context.close();
    }
  });
});
