import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocument } from './harness/api';
import { launchBrowser, newPerson, type Person } from './harness/browser';

describe('home page', () => {
  let browser: Browser;
  let visitor: Person;

  beforeAll(async () => {
    browser = await launchBrowser();
    visitor = await newPerson(browser, 'Ada');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists documents by title, with when they last changed', async () => {
    const document = await createDocument(inject('serverUrl'), 'Quarterly plan');
    await visitor.page.goto(`${inject('webUrl')}/`);
    const link = visitor.page.getByRole('link', { name: 'Quarterly plan' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/d/${document.id}`);
    const row = visitor.page.getByRole('listitem').filter({ has: link });
    expect(await row.textContent()).toMatch(/Edited (just now|\d+ (second|minute)s? ago)/);
  });

  it('creates a document and opens it', async () => {
    await visitor.page.goto(`${inject('webUrl')}/`);
    await visitor.page.getByRole('button', { name: 'New document' }).first().click();
    await visitor.page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    await visitor.page.getByRole('textbox', { name: 'Your name' }).waitFor();
  });

  it('answers a malformed document link with a page that says so', async () => {
    const response = await visitor.page.goto(`${inject('webUrl')}/d/not%20a%20valid%20id!`);
    expect(response?.status()).toBe(404);
    await visitor.page.getByRole('heading', { name: 'There is no document here' }).waitFor();
  });
});
