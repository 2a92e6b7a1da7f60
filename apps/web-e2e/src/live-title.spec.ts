import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson, openAsGuest, type Member, type Person } from './harness/browser';
import { openPair } from './harness/pair';
import { sharedQuire } from './harness/urls';

/** How long a rename may take to reach the others: "within a second or two", with room for a slow machine. */
const ARRIVES_WITHIN_MS = 5_000;

/** Waits until the page's header and tab show `title`. */
async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.locator('header').getByRole('heading', { level: 1, name: title, exact: true }).waitFor({ timeout: ARRIVES_WITHIN_MS });
  await page.waitForFunction((expected) => document.title === expected, `${title} — Quire`, { timeout: ARRIVES_WITHIN_MS });
}

/** Marks the page's window: the mark is gone after a reload, which would bring any new title. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
}

async function wasReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => !('notReloaded' in window));
}

/** Everyone with the document open sees a rename at once, whether they may rename or not. */
describe('a document renamed while others have it open', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let vera: Person;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace, documentId } = await openPair(browser, sharedQuire(), 'Draft plan'));
    const link = await ada.api.createLink(documentId, 'viewer');
    vera = await newPerson(browser, 'Vera');
    await openAsGuest(vera, `${sharedQuire().webUrl}/s/${link.token}`);
    for (const page of [grace.page, vera.page]) {
      await waitForTitle(page, 'Draft plan');
      await markWindow(page);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a rename made in the header to an editor and to a guest viewer, without a reload', async () => {
    await ada.page.getByRole('button', { name: 'Rename document' }).click();
    const field = ada.page.getByRole('textbox', { name: 'Document title' });
    await field.fill('Quarterly plan');
    await field.press('Enter');
    await waitForTitle(ada.page, 'Quarterly plan');

    for (const person of [grace, vera]) {
      await waitForTitle(person.page, 'Quarterly plan');
      expect(await wasReloaded(person.page), person.name).toBe(false);
    }
  });

  it('shows a rename made elsewhere (the documents list, a script) to everyone, without a reload', async () => {
    // Through the API, as the documents list and scripts do: no open page makes it.
    await ada.api.call('PATCH', `/api/documents/${documentId}`, { title: 'Final plan' });
    for (const person of [ada, grace, vera]) {
      await waitForTitle(person.page, 'Final plan');
      if (person !== ada) expect(await wasReloaded(person.page), person.name).toBe(false);
    }
  });
});
