import { CloseCode } from '@quire/constants';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { launchBrowser, waitForText, type Member } from './harness/browser';
import { openPair } from './harness/pair';
import { connectRawClient } from './harness/raw-client';
import { sharedQuire } from './harness/urls';

/** Addresses of every link in the document that a click would follow. */
function linkHrefs(page: Page): Promise<string[]> {
  return page.locator('.quire-doc a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Pastes HTML into the focused editor, as the clipboard would. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer();
      data.setData('text/html', html as string);
      data.setData('text/plain', text as string);
      document.querySelector('.quire-doc')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

/**
 * `javascript:` links never become links from the clipboard or from typing; one written into the
 * document by another client (a script, a modified editor) is refused by the server.
 */
describe('javascript: links in document content', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace, documentId } = await openPair(browser, sharedQuire(), 'Links'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('are pasted as plain text, while safe links stay links', async () => {
    await ada.editor.click();
    await pasteHtml(
      ada.page,
      '<p>Pasted <a href="javascript:window.__x=1">evil</a> and <a href="JaVaScRiPt:window.__x=2">evil2</a> and <a href="https://example.com/">good</a>.</p>',
      'Pasted evil and evil2 and good.',
    );
    await waitForText(grace.page, { includes: 'Pasted evil and evil2 and good.' });
    for (const page of [ada.page, grace.page]) expect(await linkHrefs(page)).toEqual(['https://example.com/']);
  });

  it('are not made from typed text', async () => {
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Typed javascript:window.__x=3 and [x](javascript:window.__x=4) ');
    await waitForText(grace.page, { includes: 'javascript:window.__x=4' });
    for (const page of [ada.page, grace.page]) expect(await linkHrefs(page)).toEqual(['https://example.com/']);
  });

  it('written into the document by another client, are refused by the server and reach no page', async () => {
    const { ticket } = await ada.api.ticket(documentId);
    const hostile = await connectRawClient(sharedQuire().serverUrl, documentId, ticket);
    try {
      hostile.doc.transact(() => {
        const text = new Y.XmlText();
        text.insert(0, 'hostile link', { link: { href: 'javascript:window.__x=5' } });
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [text]);
        hostile.fragment.insert(hostile.fragment.length, [paragraph]);
      });
      // The server refuses the update (1003): nothing of it is stored or reaches another page.
      expect(await hostile.closed).toBe(CloseCode.UnsupportedData);
      await grace.page.waitForTimeout(500);
      expect(await grace.page.locator('.quire-doc', { hasText: 'hostile link' }).count()).toBe(0);
      for (const page of [ada.page, grace.page]) {
        expect(await linkHrefs(page)).toEqual(['https://example.com/']);
        expect(await page.evaluate(() => (window as unknown as { __x?: unknown }).__x)).toBeUndefined();
      }
    } finally {
      hostile.destroy();
    }
  });
});
