import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText, launchBrowser, MOD, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** Find and replace, the word and character count, and the shortcuts panel. */
describe('find and replace, counts, shortcuts', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    const document = await ada.api.createDocument('Find');
    await ada.api.addMember(document.id, grace.account.email, 'editor');
    const url = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
    await ada.page.keyboard.type('The cat sat. A cat ran.\nCats nap; the CAT naps too.');
    await waitForText(grace.page, { includes: 'naps too.' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const search = () => ada.page.getByRole('searchbox', { name: 'Find' });
  const status = () => ada.page.getByRole('search', { name: 'Find in document' }).getByRole('status');

  it('opens with Mod-F in the text, counts the matches and steps through them', async () => {
    await ada.page.keyboard.press(`${MOD}+f`);
    await search().waitFor();
    expect(await ada.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await search().fill('cat');
    // Case-insensitive by default: cat, cat, Cat(s), CAT.
    await status().filter({ hasText: '1 of 4 matches' }).waitFor();
    expect(await ada.editor.locator('.ProseMirror-search-match, .ProseMirror-active-search-match').count()).toBe(4);
    expect(await ada.editor.locator('.ProseMirror-active-search-match').textContent()).toBe('cat');
    await search().press('Enter');
    await status().filter({ hasText: '2 of 4 matches' }).waitFor();
    await search().press('Shift+Enter');
    await search().press('Shift+Enter');
    await status().filter({ hasText: '4 of 4 matches' }).waitFor();
    await ada.page.getByRole('button', { name: 'Match case' }).click();
    await status().filter({ hasText: /^\d of 2 matches$/ }).waitFor();
    await ada.page.getByRole('button', { name: 'Match case' }).click();
    await status().filter({ hasText: /of 4 matches$/ }).waitFor();
    // Only this page sees the highlights.
    expect(await grace.editor.locator('.ProseMirror-search-match, .ProseMirror-active-search-match').count()).toBe(0);
  });

  it('replaces one match, then all of them, and one undo brings back all that Replace all changed', async () => {
    // Grace replaces the first match on her page; Ada's count follows the shared document.
    await grace.editor.locator('p').first().click({ position: { x: 2, y: 8 } });
    await grace.page.keyboard.press(`${MOD}+f`);
    await grace.page.getByRole('searchbox', { name: 'Find' }).fill('cat');
    await grace.page.getByRole('textbox', { name: 'Replace with' }).fill('dog');
    await grace.page.getByRole('button', { name: 'Replace', exact: true }).click();
    await waitForText(ada.page, { includes: 'The dog sat.' });
    await status().filter({ hasText: /\b3 matches$/ }).waitFor();

    await ada.page.getByRole('textbox', { name: 'Replace with' }).fill('dog');
    await ada.page.getByRole('button', { name: 'Replace all' }).click();
    await status().filter({ hasText: 'No matches' }).waitFor();
    await waitForText(grace.page, { includes: 'dogs nap; the dog naps too.' });
    expect(await documentText(grace.page)).toBe('The dog sat. A dog ran.dogs nap; the dog naps too.');

    await ada.page.keyboard.press('Escape');
    await search().waitFor({ state: 'detached' });
    expect(await ada.editor.locator('.ProseMirror-search-match, .ProseMirror-active-search-match').count()).toBe(0);
    expect(await ada.page.evaluate(() => document.activeElement?.classList.contains('quire-doc'))).toBe(true);
    await ada.page.keyboard.press(`${MOD}+z`);
    // Replace all was one step: its three come back at once; Grace's replacement is hers and stays.
    await waitForText(grace.page, { includes: 'Cats nap; the CAT naps too.' });
    expect(await documentText(grace.page)).toBe('The dog sat. A cat ran.Cats nap; the CAT naps too.');
    await grace.page.keyboard.press('Escape');
  });

  it('counts words and characters once the typing settles', async () => {
    const words = ada.page.locator('[data-count="words"]');
    const characters = ada.page.locator('[data-count="characters"]');
    const current = await documentText(ada.page);
    await ada.page.waitForFunction(
      (expected) => document.querySelector('[data-count="characters"]')?.textContent === `${expected} characters`,
      [...current].length,
    );
    await ada.editor.click();
    await ada.page.keyboard.press(`${MOD}+End`);
    await ada.page.keyboard.type(' Two more.');
    await ada.page.waitForFunction((expected) => document.querySelector('[data-count="characters"]')?.textContent === `${expected} characters`, [...current].length + 10);
    const wordCount = Number((await words.textContent())?.split(' ')[0]);
    expect(wordCount).toBe(current.split(/\W+/).filter(Boolean).length + 2);
    expect(await characters.isVisible()).toBe(true);
  });

  it('lists the shortcuts with ? outside the text and with Mod-/ inside it', async () => {
    const dialog = ada.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await ada.page.keyboard.press(`${MOD}+/`);
    await dialog.waitFor();
    expect(await dialog.getByRole('row', { name: /Find and replace/ }).textContent()).toMatch(/Find and replace(Ctrl\+F|⌘F)/);
    await ada.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // `?` typed in the text is text.
    await ada.editor.click();
    await ada.page.keyboard.press(`${MOD}+End`);
    await ada.page.keyboard.type('?');
    expect(await dialog.isVisible()).toBe(false);
    await waitForText(grace.page, { includes: 'Two more.?' });
    // Outside the text it opens the list.
    await ada.page.keyboard.press('Escape');
    await ada.page.keyboard.press('?');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
