import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newMember, openDocument, type Member } from './harness/browser';
import { pasteHtml } from './harness/editor';
import { sharedQuire } from './harness/urls';

/** Clipboard HTML as Google Docs, Word, Notion and a browser put it there (libs/editor's paste fixtures). */
const fixture = (name: string) => readFileSync(path.join(inject('root'), 'libs/editor/src/paste/fixtures', name), 'utf8');

const texts = (locator: Locator) => locator.evaluateAll((elements) => elements.map((element) => (element.textContent ?? '').trim()));

/**
 * Real paste events with realistic clipboard HTML, in Chromium: what each source's structure becomes
 * in the page, and that the other person gets the same document.
 */
describe('pasting from other editors', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
  });

  beforeEach(async () => {
    const document = await ada.api.createDocument('Pasted');
    await ada.api.addMember(document.id, grace.account.email, 'viewer');
    const url = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps a Google Docs heading, marks, link, highlight, lists, checklist, table and image', async () => {
    await pasteHtml(ada.page, fixture('google-docs.html'));
    const doc = grace.editor;
    await doc.locator('table').waitFor();
    expect(await doc.locator('h1').textContent()).toBe('Launch plan');
    expect(await doc.locator('strong', { hasText: 'Bold start' }).count()).toBe(1);
    expect(await doc.locator('em', { hasText: 'italic' }).count()).toBe(1);
    expect(await doc.locator('a').first().getAttribute('href')).toMatch(/^https:\/\//);
    expect(await doc.locator('mark[data-color="yellow"]', { hasText: 'marked' }).count()).toBe(1);
    expect(await texts(doc.locator('ul:not([data-type]) > li'))).toEqual(['First point', 'Second point']);
    expect(await doc.locator('li[data-type="task_item"]').evaluateAll((items) => items.map((li) => [li.getAttribute('data-checked'), li.textContent]))).toEqual([
      ['true', 'Book venue'],
      ['false', 'Send invites'],
    ]);
    expect(await texts(doc.locator('table th, table td'))).toEqual(['Owner', 'Due', 'Ada', 'Friday']);
    // A remote image is not loaded from another site: it is kept as a link, with a note saying so.
    const note = doc.locator('.quire-image__remote');
    expect(await note.textContent()).toContain('Image from another site, not loaded');
    expect(await note.locator('a').getAttribute('href')).toBe('https://lh7-rt.googleusercontent.com/docsz/AD_4nXc9kPq2mN8vR4tY7uW1zX3bL6fH0jK5sD2gA9eQ');
  });

  it('keeps a Word heading, marks, link, alignment, subscript, nested lists and table, without its bullet characters', async () => {
    await pasteHtml(ada.page, fixture('word.html'));
    const doc = grace.editor;
    await doc.locator('table').waitFor();
    expect(await texts(doc.locator('h1, h2, h3, h4'))).toContain('Quarterly report');
    expect(await doc.locator('strong', { hasText: 'Revenue' }).count()).toBe(1);
    expect(await doc.locator('em', { hasText: 'mostly' }).count()).toBe(1);
    expect(await doc.locator('a', { hasText: 'Q3' }).count()).toBe(1);
    expect(await doc.locator('p', { hasText: 'Centred note' }).evaluate((p) => getComputedStyle(p).textAlign)).toBe('center');
    expect(await doc.locator('sub').textContent()).toBe('2');
    expect(await texts(doc.locator('ul ul > li'))).toEqual(['One in Berlin']);
    expect(await texts(doc.locator('ol > li'))).toEqual(['Plan', 'Do']);
    expect(await texts(doc.locator('table td, table th'))).toEqual(['Region', 'Sales', 'EMEA', '42']);
    expect(await doc.textContent()).not.toContain('·');
    expect(await doc.locator('figure').count()).toBe(0);
  });

  it('keeps a Notion heading, to-dos with ticks, numbered list, code with its language, quote, callout, table and image', async () => {
    await pasteHtml(ada.page, fixture('notion.html'));
    const doc = grace.editor;
    await doc.locator('table').waitFor();
    expect(await doc.locator('h2').count()).toBeGreaterThan(0);
    expect(await doc.locator('strong', { hasText: 'on Friday' }).count()).toBe(1);
    expect(await doc.locator('a', { hasText: 'the spec' }).count()).toBe(1);
    expect(await doc.locator('li[data-type="task_item"]').evaluateAll((items) => items.map((li) => [li.getAttribute('data-checked'), li.textContent?.trim()]))).toEqual([
      ['true', 'Write release notes'],
      ['false', 'Tag the build'],
    ]);
    expect(await texts(doc.locator('ol > li'))).toEqual(['Freeze', 'Test']);
    expect(await doc.locator('pre').getAttribute('data-language')).toBe('javascript');
    expect(await doc.locator('pre').textContent()).toBe('const ready = true;\nconsole.log(ready);');
    await doc.locator('pre .hljs-keyword', { hasText: 'const' }).waitFor();
    expect(await doc.locator('blockquote').textContent()).toBe('Ship small, ship often.');
    expect(await doc.locator('[data-callout]').textContent()).toContain('Remember the changelog');
    expect(await texts(doc.locator('table th'))).toEqual(['Task', 'Owner']);
    expect(await doc.locator('figure.quire-image figcaption').textContent()).toBe('Sprint board');
    expect(await doc.locator('.quire-image__remote a').getAttribute('href')).toBe('https://images.example.com/board.png');
  });

  it('keeps a web page’s headings, lists, emphasis, figure with caption and table, and refuses its script and javascript: link', async () => {
    await pasteHtml(ada.page, fixture('web-page.html'));
    const doc = grace.editor;
    await doc.locator('table').waitFor();
    expect(await texts(doc.locator('h1, h2, h3, h4'))).toEqual(['How we test', 'Tools', 'Fine print']);
    expect(await doc.locator('h4').textContent()).toBe('Fine print');
    expect(await doc.locator('em', { hasText: 'not' }).count()).toBe(1);
    expect(await doc.locator('a', { hasText: 'the guide' }).count()).toBe(1);
    expect(await doc.locator('a', { hasText: 'this' }).count()).toBe(0);
    expect(await doc.locator('ul ul').count()).toBe(1);
    expect(await doc.locator('figure.quire-image figcaption').textContent()).toBe('The test pyramid');
    expect(await doc.locator('span[data-text-color="red"]', { hasText: 'Red warning' }).count()).toBe(1);
    expect(await doc.locator('mark[data-color="yellow"]', { hasText: 'marked text' }).count()).toBe(1);
    expect(await doc.textContent()).toContain('Last line.');
    expect(await doc.textContent()).not.toContain('track()');
    expect(await doc.locator('table').textContent()).toContain('unit');
  });
});
