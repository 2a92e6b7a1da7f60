import { launchBrowser } from '@quire/testing/browser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, setUpAdmin, type Account } from './access';
import { fileForm, HTML_WITH_SCRIPT, PNG_PIXEL, SVG_WITH_SCRIPT, upload } from './file-requests';
import { startServer, temporaryDataDir, type ServerProcess } from './server-process';

/**
 * An uploaded SVG or HTML file, opened in Chromium straight from its URL on the server's own
 * origin (as a link in a document would open it), runs no script: it is downloaded, never shown,
 * and what it would fetch is never asked for. A raster image is shown.
 */
describe('uploaded files in a browser', () => {
  const data = temporaryDataDir();
  let server: ServerProcess;
  let admin: Account;
  let browser: Browser;
  let documentId: string;

  beforeAll(async () => {
    server = await startServer({ dataDir: data.dir });
    admin = await setUpAdmin(server);
    documentId = await admin.createDocument(undefined, 'Files');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  async function uploadedUrl(content: string | Uint8Array, name: string): Promise<string> {
    const answer = await upload(server, { bearer: admin.bearer }, documentId, fileForm(content, name));
    expect(answer.status, answer.text).toBe(201);
    return `${server.httpUrl}${answer.body.url}`;
  }

  /** Opens `url` signed in as the administrator; resolves whether it was downloaded, the title shown, and every URL the page asked for. */
  async function open(url: string): Promise<{ downloaded: boolean; title: string; requested: string[]; shownImageWidth: number | undefined }> {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      await context.addCookies([{ name: SESSION_COOKIE, value: admin.session!, url: server.httpUrl }]);
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const download = page.waitForEvent('download', { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      // A download ends the navigation with an error ("Download is starting"); a page shown ends it well.
      const navigation = await page.goto(url).then(
        () => undefined,
        (error: Error) => error,
      );
      const downloaded = navigation ? await download : false;
      if (navigation && !downloaded) throw navigation;
      // Give a script that would run (it cannot) the time to do so.
      await page.waitForTimeout(300);
      const shownImageWidth = downloaded ? undefined : await page.locator('img').first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
      return { downloaded, title: await page.title(), requested, shownImageWidth };
    } finally {
      await context.close();
    }
  }

  it('an SVG with script is downloaded, not shown, and its script never runs', async () => {
    const url = await uploadedUrl(SVG_WITH_SCRIPT, 'logo.svg');
    const opened = await open(url);
    expect(opened.downloaded).toBe(true);
    expect(opened.title).not.toMatch(/ran/);
    expect(opened.requested.filter((requested) => requested.includes('pwned'))).toEqual([]);
  });

  it('an HTML page uploaded under an image’s name is downloaded, not shown, and its script never runs', async () => {
    const url = await uploadedUrl(HTML_WITH_SCRIPT, 'cat.png');
    const opened = await open(url);
    expect(opened.downloaded).toBe(true);
    expect(opened.title).not.toMatch(/ran/);
    expect(opened.requested.filter((requested) => requested.includes('pwned'))).toEqual([]);
  });

  it('a PNG is shown inline, under the sandboxing policy', async () => {
    const url = await uploadedUrl(PNG_PIXEL, 'pixel.png');
    const opened = await open(url);
    expect(opened.downloaded).toBe(false);
    expect(opened.shownImageWidth).toBe(1);
  });
});
