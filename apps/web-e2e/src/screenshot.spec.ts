import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMarkdown } from '@quire/editor-schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPair } from './harness/pair';
import type { Account } from './harness/api';
import { launchBrowser, MOD, newMember, openDocument, signedInAs, waitForText, type Member } from './harness/browser';
import { expectNoSidewaysScroll, PHONE } from './harness/narrow';
import { chartPng, showcaseMarkdown } from './harness/showcase';
import { PAGE_BACKGROUND, shownTheme } from './harness/theme';
import { sharedQuire } from './harness/urls';
import { writeDocument } from './harness/write-document';

/**
 * The screenshots are written into docs/ only when asked for (`QUIRE_SCREENSHOTS=1`): an ordinary
 * run checks what they would show and leaves the tracked files alone.
 */
const WRITE_SCREENSHOTS = process.env['QUIRE_SCREENSHOTS'] === '1';

/** Checks a screenshot is an image of something, and writes it to `relative` (in the repository) if asked. */
async function keep(png: Buffer, relative: string): Promise<void> {
  expect(png.length).toBeGreaterThan(10_000);
  if (!WRITE_SCREENSHOTS) return;
  const file = path.join(inject('root'), relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, png);
  console.log(`Wrote ${file}`);
}

/**
 * The page as it stays: no focus (no caret, no focus ring), animations finished. Everything else the
 * screenshots show is fixed by the test (text, image, window size, themes), but for the avatar's
 * colour, which comes from the account's id.
 */
async function still(page: Page, fullPage: boolean): Promise<Buffer> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  return page.screenshot({ fullPage, animations: 'disabled', caret: 'hide' });
}

/** A page showing two screenshots side by side, as two windows on one desk. */
function composition(left: Buffer, right: Buffer, names: [string, string]): string {
  const image = (png: Buffer, name: string) => `
    <figure>
      <div class="window"><div class="bar"><i></i><i></i><i></i><span>${name}'s browser</span></div>
      <img alt="${name}'s window" src="data:image/png;base64,${png.toString('base64')}"></div>
    </figure>`;
  return `<!doctype html><html><head><style>
    body { margin: 0; padding: 36px; background: linear-gradient(135deg, #dfe6f3, #efe9df); display: flex; gap: 28px;
           font-family: system-ui, sans-serif; }
    figure { margin: 0; flex: 1; }
    .window { border-radius: 12px; overflow: hidden; box-shadow: 0 18px 50px rgb(30 30 50 / 25%); background: #fff; }
    .bar { height: 30px; display: flex; align-items: center; gap: 7px; padding: 0 12px; background: #e9e6e1; color: #4a463f; font-size: 13px; }
    .bar i { width: 11px; height: 11px; border-radius: 50%; background: #cfcac2; }
    .bar span { margin-left: 10px; }
    img { display: block; width: 100%; }
  </style></head><body>${image(left, names[0])}${image(right, names[1])}</body></html>`;
}

describe('screenshot for the README', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, sharedQuire(), 'Launch plan'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows both windows co-editing (docs/screenshot.png)', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('# Launch plan\n');
    await ada.page.keyboard.type('We ship the **collaborative editor** on Friday. Everyone with the link edits live; ');
    await ada.page.keyboard.type('changes are *saved before they are shared*.\n');
    await ada.page.keyboard.type('## Before launch\n- Finish the `npm start` experience\nWrite the release notes\n');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('> Small, calm, and fast.');
    await waitForText(grace.page, { includes: 'Small, calm, and fast.' });

    await grace.editor.locator('li').last().click();
    await grace.page.keyboard.press('End');
    await grace.page.keyboard.press('Enter');
    await grace.page.keyboard.type('Check the screenshots');
    await waitForText(ada.page, { includes: 'Check the screenshots' });
    await ada.page.locator('.quire-remote-cursor__label', { hasText: 'Grace' }).waitFor();
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();

    for (const page of [ada.page, grace.page]) await page.locator('[data-count="words"]').filter({ hasText: /^[1-9]/ }).waitFor();
    const shots = [await ada.page.screenshot(), await grace.page.screenshot()] as const;
    // Wide enough for both windows at their own size: scaled-down text would blur.
    const compose = await browser.newPage({ viewport: { width: 2460, height: 900 }, deviceScaleFactor: 1 });
    await compose.setContent(composition(shots[0], shots[1], ['Ada', 'Grace']));
    await compose.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
    await keep(await compose.screenshot({ fullPage: true }), 'docs/screenshot.png');
  });
});

describe("screenshots of the document's elements, in both themes, on a desktop and a phone", () => {
  let browser: Browser;
  let url: string;
  let account: Account;
  let release: () => void;

  beforeAll(async () => {
    browser = await launchBrowser();
    const ada = await newMember(browser, sharedQuire(), 'Ada');
    const document = await ada.api.createDocument('Launch plan');
    const chart = await ada.api.uploadFile(document.id, { name: 'weekly-writers.png', mimeType: 'image/png', buffer: await chartPng(browser) });
    // Written as a script would (the stock client), so it does not depend on the toolbar.
    const client = await writeDocument(ada, sharedQuire().serverUrl, document.id, parseMarkdown(showcaseMarkdown(chart.url)));
    release = () => client.destroy();
    url = `${sharedQuire().webUrl}/d/${document.id}`;
    account = ada.account;
    await ada.context.close();
  });

  afterAll(async () => {
    release?.();
    await browser?.close();
  });

  const screens = [
    { colorScheme: 'light', device: 'desktop', viewport: { width: 1280, height: 900 } },
    { colorScheme: 'dark', device: 'desktop', viewport: { width: 1280, height: 900 } },
    { colorScheme: 'light', device: 'phone', viewport: PHONE },
    { colorScheme: 'dark', device: 'phone', viewport: PHONE },
  ] as const;

  it.each(screens)('shows every element, $colorScheme on a $device', async ({ colorScheme, device, viewport }) => {
    // Ada again, signed in in a browser of this size and theme.
    const owner = await signedInAs(browser, sharedQuire(), account, { colorScheme, viewport });
    const { page } = owner;
    await openDocument(owner, url);
    const doc = owner.editor;
    await doc.getByRole('table').getByRole('row').nth(3).waitFor();
    expect(await doc.getByRole('row').count()).toBe(4);
    const tasks = doc.locator('[data-type="task_item"]');
    expect(await tasks.count()).toBe(4);
    expect(await doc.locator('[data-type="task_item"][data-checked="true"]').count()).toBe(2);
    expect(await doc.locator('[data-callout]').count()).toBe(1);
    // Highlighted as decorations: keywords and strings in spans of their own.
    await doc.locator('pre .hljs-keyword').first().waitFor();
    expect(await doc.locator('pre [class^="hljs-"]').count()).toBeGreaterThan(10);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.quire-doc figure img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    // Counted a moment after the content arrives.
    await page.locator('[data-count="words"]').filter({ hasText: /^[1-9]/ }).waitFor();
    expect(await shownTheme(page)).toEqual({ background: PAGE_BACKGROUND[colorScheme], attribute: null });
    if (device === 'phone') await expectNoSidewaysScroll(page, 'the document');
    await keep(await still(page, true), `docs/screenshots/elements-${device}-${colorScheme}.png`);
    await owner.context.close();
  });
});

/** What the comments screenshot's document says: threads stand beside three of its phrases. */
const COMMENTED_MARKDOWN = `# Quarterly plan

We ship the collaborative editor on Friday. Everyone with the link edits live, and every change is saved before it is shared.

## Budget

The budget grows by four percent, most of it for hosting. Support stays with the current team until the summer.

## Launch

A short post announces the launch, with a screenshot and the self-hosting guide. Nobody objected to the date at the last meeting.
`;

describe('screenshot of comments in the margin (docs/screenshots/comments.png)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows threads beside their text, one of them active, with replies and a mention', async () => {
    const urls = sharedQuire();
    const ada = await newMember(browser, urls, 'Ada Lovelace');
    const grace = await newMember(browser, urls, 'Grace Hopper');
    const document = await ada.api.createDocument('Quarterly plan');
    await ada.api.addMember(document.id, grace.account.email, 'commenter');
    const client = await writeDocument(ada, urls.serverUrl, document.id, parseMarkdown(COMMENTED_MARKDOWN));
    const url = `${urls.webUrl}/d/${document.id}`;
    await openDocument(ada, url);
    await waitForText(ada.page, { includes: 'Nobody objected' });
    client.destroy();
    // Threads started as a script would (anchored to a quote), replies from the commenter.
    const path = `/api/documents/${document.id}/threads`;
    const budget = await ada.api.call<{ id: string }>('POST', path, { quote: 'four percent', body: 'Is this after inflation?' });
    await grace.api.call('POST', `${path}/${budget.id}/comments`, { body: `Nominal. @[Ada Lovelace](user:${ada.account.id}) has the real figure.` });
    await grace.api.call('POST', path, { quote: 'the self-hosting guide', body: 'Link the Docker section directly.' });
    await ada.api.call('POST', path, { quote: 'on Friday', body: 'Friday the 14th, after the review.' });
    for (const text of ['Is this after inflation?', 'Link the Docker section', 'Friday the 14th']) await ada.page.locator('article[data-thread-id]', { hasText: text }).waitFor();
    await ada.page.locator('.quire-doc .quire-comment', { hasText: 'four percent' }).click();
    await ada.page.locator('.quire-doc .quire-comment--active').first().waitFor();
    await ada.page.setViewportSize({ width: 1280, height: 820 });
    await ada.page.evaluate(() => window.scrollTo(0, 0));
    await keep(await still(ada.page, false), 'docs/screenshots/comments.png');
  });
});

describe('screenshot of the history panel with a diff', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a version with what Grace and Ada changed in their colours (docs/screenshots/history-panel.png)', async () => {
    const { ada, grace, documentId } = await openPair(browser, sharedQuire(), 'Release notes');
    await ada.editor.click();
    await ada.page.keyboard.type('# Release notes\n');
    await ada.page.keyboard.type('Quire 1.4 keeps every version of a document. Open the history to see who changed what, and when.\n');
    await ada.page.keyboard.type('Restoring a version is one change that everyone sees at once.');
    await waitForText(grace.page, { includes: 'everyone sees at once.' });
    // Named through the API, as a script would: the document as stored when the request arrives.
    await ada.api.call('POST', `/api/documents/${documentId}/versions`, { name: 'First draft' });

    // Grace adds to the first paragraph; Ada makes a word bold, deletes a phrase and extends the title.
    await grace.editor.locator('p').first().click();
    await grace.page.keyboard.press('End');
    await grace.page.keyboard.type(' Named versions are never thinned out.');
    await waitForText(ada.page, { includes: 'never thinned out.' });
    // By keys that do not depend on where lines wrap: the paragraph's first word, from the title's end.
    await ada.editor.locator('h1').click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.press('ArrowRight');
    await ada.page.keyboard.press(`Shift+${MOD}+ArrowRight`);
    await ada.page.keyboard.press(`${MOD}+b`);
    // "at once" goes: the characters before the final full stop, at the document's end.
    await ada.page.keyboard.press(`${MOD}+End`);
    await ada.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 8; i++) await ada.page.keyboard.press('Shift+ArrowLeft');
    // Backspace acts on the editor's selection, which learns of keys the browser handles (Mod+End,
    // Shift+arrows) from selectionchange: once Grace sees Ada's selection, Ada's editor has it.
    await grace.page.locator('.quire-doc .quire-remote-selection', { hasText: 'at once' }).first().waitFor();
    await ada.page.keyboard.press('Backspace');
    await ada.editor.locator('h1').click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.type(' for 1.4');
    await waitForText(grace.page, { includes: 'for 1.4' });
    await waitForText(grace.page, { excludes: 'at once' });
    await ada.api.call('POST', `/api/documents/${documentId}/versions`, { name: 'Reviewed' });

    await ada.page.setViewportSize({ width: 1280, height: 800 });
    await ada.page.getByRole('button', { name: 'History', exact: true }).click();
    const reviewed = ada.page.locator('[data-history-panel] [data-version-kind="named"]', { hasText: 'Reviewed' });
    await reviewed.locator('button[aria-pressed]').click();
    const preview = ada.page.locator('[data-version-preview]');
    await preview.locator('ins.quire-diff-insert').filter({ hasText: 'Named versions are never thinned out.' }).waitFor();
    await preview.locator('.quire-diff-format').first().waitFor();
    await preview.locator('del.quire-diff-delete').first().waitFor();
    expect(await preview.getByText('Since the version before', { exact: false }).count()).toBe(1);
    await keep(await still(ada.page, false), 'docs/screenshots/history-panel.png');
    await ada.context.close();
    await grace.context.close();
  });
});
