import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocument } from './harness/api';
import { seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, newPerson, openDocument, waitForText, type Person } from './harness/browser';

describe('accessibility (axe-core)', () => {
  let browser: Browser;
  let ada: Person;
  let grace: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newPerson(browser, 'Ada');
    grace = await newPerson(browser, 'Grace');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds nothing serious on the home page', async () => {
    await createDocument(inject('serverUrl'), 'Accessibility notes');
    await ada.page.goto(`${inject('webUrl')}/`);
    await ada.page.getByRole('link', { name: 'Accessibility notes' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'home')).toEqual([]);
  });

  it('finds nothing serious on the editor page with two people and formatted text', async () => {
    const document = await createDocument(inject('serverUrl'));
    const url = `${inject('webUrl')}/d/${document.id}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
    await ada.page.keyboard.type('# Notes\nSome **bold** words and a list:\n- one\n');
    await waitForText(grace.page, { includes: 'one' });
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();
    expect(await seriousAccessibilityViolations(grace.page, 'editor')).toEqual([]);
  });

  it('finds nothing serious with the link dialog open', async () => {
    await ada.page.keyboard.press(process.platform === 'darwin' ? 'Meta+k' : 'Control+k');
    await ada.page.getByRole('textbox', { name: 'Link address' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'link dialog')).toEqual([]);
    await ada.page.keyboard.press('Escape');
  });
});
