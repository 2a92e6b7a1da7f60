import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText, launchBrowser, MOD, waitForText, type Member } from './harness/browser';
import { openPair } from './harness/pair';
import { sharedQuire } from './harness/urls';

describe('two people editing one document', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, sharedQuire(), 'Co-editing'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what one person types to the other', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('Hello from Ada.');
    await waitForText(grace.page, { includes: 'Hello from Ada.' });
    expect(await documentText(grace.page)).toBe('Hello from Ada.');
  });

  it("shows the other person's cursor, labelled with their account name", async () => {
    const label = grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' });
    await label.waitFor();
    expect(await label.textContent()).toBe('Ada');
    // Each person sees the other in the presence bar, and themselves marked as "you".
    await grace.page.getByRole('img', { name: 'Ada' }).waitFor();
    expect(await grace.page.locator('header').textContent()).toContain('Grace (you)');
  });

  it("undo takes back only one's own typing", async () => {
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Ada wrote this line.');
    await waitForText(grace.page, { includes: 'Ada wrote this line.' });

    await grace.editor.click();
    await grace.page.keyboard.press(`${MOD}+End`);
    await grace.page.keyboard.press('Enter');
    await grace.page.keyboard.type('Grace wrote this one.');
    await waitForText(ada.page, { includes: 'Grace wrote this one.' });

    await ada.editor.focus();
    await ada.page.keyboard.press(`${MOD}+z`);

    for (const person of [ada, grace]) {
      await waitForText(person.page, { excludes: 'Ada wrote this line.' });
      expect(await documentText(person.page), person.name).toContain('Grace wrote this one.');
    }
  });

  it('keeps the text after a reload', async () => {
    const before = await documentText(ada.page);
    expect(before).toContain('Grace wrote this one.');
    await grace.page.reload();
    await grace.page.locator('[role="status"][data-state="connected"]').waitFor();
    await waitForText(grace.page, { includes: 'Grace wrote this one.' });
    expect(await documentText(grace.page)).toBe(before);
  });
});
