import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, MOD, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/**
 * Finding and organizing (issue 21) in the browser: search finds a word another person typed a few
 * seconds ago, with the word marked, from the home page's box and the Ctrl/⌘+K dialog, and opening
 * it finds the word in the document; a removed member's search no longer finds it; delete → Trash →
 * restore brings back the content and history; starring.
 */
describe('search, trash, stars', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;
  const word = `zanzibar${Date.now().toString(36)}`;
  const home = () => `${sharedQuire().webUrl}/`;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    documentId = (await ada.api.createDocument('Travel plans')).id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
  const resultFor = (page: Page, title: string) => results(page).getByRole('link').filter({ hasText: title });

  it('finds, from the home page, a word another person typed a few seconds ago, marked in its snippet, and opens the document at it', async () => {
    await openDocument(grace, `${sharedQuire().webUrl}/d/${documentId}`);
    await grace.editor.click();
    await grace.page.keyboard.type(`We fly to ${word} in May.`);
    const typedAt = Date.now();

    await ada.page.goto(home());
    const box = ada.page.getByRole('search').getByRole('searchbox', { name: 'Search documents' });
    await box.fill(word);
    // The index follows stored content within about two seconds; the box searches as one types.
    for (;;) {
      if ((await resultFor(ada.page, 'Travel plans').count()) > 0) break;
      expect(Date.now() - typedAt, 'the typed word is found within 10 s').toBeLessThan(10_000);
      await box.fill(`${word} `);
      await box.fill(word);
      await ada.page.waitForTimeout(300);
    }
    const result = resultFor(ada.page, 'Travel plans');
    expect(await result.locator('mark').allTextContents()).toEqual([word]);
    expect(await result.textContent()).toContain(`We fly to ${word} in May.`);
    await ada.page.getByRole('status').filter({ hasText: '1 document found' }).waitFor();

    await result.click();
    await ada.page.waitForURL(new RegExp(`/d/${documentId}$`));
    const find = ada.page.getByRole('searchbox', { name: 'Find' });
    await find.waitFor();
    expect(await find.inputValue()).toBe(word);
    await ada.editor.locator('.ProseMirror-active-search-match').filter({ hasText: word }).waitFor();
  });

  it('opens the search dialog with Ctrl/⌘+K on any page, and it closes with Escape', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/account`);
    await ada.page.getByRole('heading', { level: 1 }).waitFor();
    await ada.page.keyboard.press(`${MOD}+k`);
    const dialog = ada.page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor();
    const field = dialog.getByRole('searchbox');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await field.fill(word.slice(0, -3));
    await resultFor(ada.page, 'Travel plans').waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'search dialog')).toEqual([]);
    await ada.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a member removed no longer finds the document, at once', async () => {
    // A page of its own: Grace's editor page is still open.
    const page = await grace.context.newPage();
    await page.goto(home());
    await page.getByRole('button', { name: /^Search/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('searchbox').fill(word);
    await resultFor(page, 'Travel plans').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await ada.api.removeMember(documentId, grace.account.id);
    await page.getByRole('button', { name: /^Search/ }).click();
    await dialog.getByRole('searchbox').fill(word);
    await dialog.getByRole('status').filter({ hasText: 'Nothing found' }).waitFor();
    expect(await results(page).count()).toBe(0);
    await page.close();
  });

  it('stars a document: the row says so and it is listed under Starred, until unstarred', async () => {
    await ada.page.goto(home());
    const star = ada.page.getByRole('list', { name: 'My documents' }).getByRole('button', { name: 'Star Travel plans' });
    await star.click();
    await ada.page.getByRole('list', { name: 'Starred' }).getByRole('link', { name: /Travel plans/ }).waitFor();
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    expect(await ada.page.getByRole('list', { name: 'Recent' }).getByRole('link', { name: /Travel plans/ }).count()).toBe(1);
    expect(await seriousAccessibilityViolations(ada.page, 'home with starred and recent')).toEqual([]);
    await star.click();
    await ada.page.getByRole('list', { name: 'Starred' }).waitFor({ state: 'detached' });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
  });

  it('delete moves the document to the Trash; restoring it brings back its content and its history', async () => {
    const named = await ada.api.call<{ id: string }>('POST', `/api/documents/${documentId}/versions`, { name: 'Before the trash' });
    await ada.page.goto(home());
    await ada.page.getByRole('list', { name: 'My documents' }).getByRole('button', { name: 'Delete Travel plans' }).click();
    const confirm = ada.page.getByRole('dialog', { name: 'Delete this document?' });
    expect(await confirm.textContent()).toContain('moves to your Trash');
    await confirm.getByRole('button', { name: 'Delete document' }).click();
    await ada.page.getByRole('list', { name: 'My documents' }).getByRole('link', { name: 'Travel plans' }).waitFor({ state: 'detached' });

    await ada.page.getByText('Trash', { exact: true }).click();
    const trash = ada.page.getByRole('list', { name: 'Trash' });
    await trash.getByRole('listitem').filter({ hasText: 'Travel plans' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'home with the trash open')).toEqual([]);
    await trash.getByRole('button', { name: 'Restore Travel plans' }).click();
    await ada.page.getByRole('list', { name: 'My documents' }).getByRole('link', { name: 'Travel plans' }).waitFor();
    expect(await trash.count()).toBe(0);

    await openDocument(ada, `${sharedQuire().webUrl}/d/${documentId}`);
    await waitForText(ada.page, { includes: `We fly to ${word} in May.` });
    const versions = await ada.api.call<{ versions: Array<{ id: string; name: string | null }> }>('GET', `/api/documents/${documentId}/versions`);
    expect(versions.versions.map((version) => version.id)).toContain(named.id);
  });

  it('deletes forever from the Trash, after confirming', async () => {
    const doomed = await ada.api.createDocument('Scratch pad');
    await ada.api.call('DELETE', `/api/documents/${doomed.id}`);
    await ada.page.goto(home());
    await ada.page.getByText('Trash', { exact: true }).click();
    const trash = ada.page.getByRole('list', { name: 'Trash' });
    await trash.getByRole('button', { name: 'Delete forever Scratch pad' }).click();
    await ada.page.getByRole('dialog', { name: 'Delete forever?' }).getByRole('button', { name: 'Delete forever' }).click();
    await trash.getByRole('listitem').filter({ hasText: 'Scratch pad' }).waitFor({ state: 'detached' });
  });
});
