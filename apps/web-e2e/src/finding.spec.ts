import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, MOD, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { PHONE } from './harness/narrow';
import { sharedQuire } from './harness/urls';

/**
 * Finding and organizing (issue 21) in the browser: search finds a word another person typed a few
 * seconds ago, with the word marked, from the home page's box and the Ctrl/⌘+K dialog, and opening
 * it finds the word in the document; a removed member's search no longer finds it; delete → Trash →
 * restore brings back the content and history; starring; the filters (owner, shared with me,
 * changed) on the home page at 390 px and in the dialog.
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

  it('narrows the search with filters (owner, shared with me, changed), on the home page at 390 px and in the dialog', async () => {
    const tag = `okapi${Date.now().toString(36)}`;
    const phone = await newMember(browser, sharedQuire(), 'Lin', { viewport: PHONE });
    const adas = (await ada.api.createDocument(`Ada ${tag} notes`)).id;
    await ada.api.addMember(adas, phone.account.email, 'viewer');
    await phone.api.createDocument(`Lin ${tag} list`);

    await phone.page.goto(home());
    const box = phone.page.getByRole('search').getByRole('searchbox', { name: 'Search documents' });
    const started = Date.now();
    // The titles are indexed within about two seconds of their creation.
    for (;;) {
      await box.fill(tag);
      await phone.page.waitForTimeout(400);
      if ((await resultFor(phone.page, `Ada ${tag} notes`).count()) > 0 && (await resultFor(phone.page, `Lin ${tag} list`).count()) > 0) break;
      expect(Date.now() - started, 'both documents are found within 10 s').toBeLessThan(10_000);
      await box.fill('');
    }
    const search = phone.page.getByRole('search');
    const shared = search.getByRole('checkbox', { name: 'Shared with me' });
    const owner = search.getByRole('combobox', { name: 'Owner' });
    const changed = search.getByRole('combobox', { name: 'Changed' });

    await shared.check();
    await resultFor(phone.page, `Lin ${tag} list`).waitFor({ state: 'detached' });
    expect(await resultFor(phone.page, `Ada ${tag} notes`).count()).toBe(1);
    await shared.uncheck();
    await owner.selectOption({ label: 'Me' });
    await resultFor(phone.page, `Ada ${tag} notes`).waitFor({ state: 'detached' });
    expect(await resultFor(phone.page, `Lin ${tag} list`).count()).toBe(1);
    await owner.selectOption({ label: 'Ada' });
    await resultFor(phone.page, `Ada ${tag} notes`).waitFor();
    await resultFor(phone.page, `Lin ${tag} list`).waitFor({ state: 'detached' });
    await changed.selectOption({ label: 'Last day' });
    await phone.page.waitForTimeout(400);
    expect(await resultFor(phone.page, `Ada ${tag} notes`).count()).toBe(1);
    await owner.selectOption({ label: 'Me' });
    await shared.check();
    await search.getByRole('status').filter({ hasText: 'Nothing found with these filters' }).waitFor();

    // The row fits the phone's width, its controls are tappable.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    for (const control of [owner, changed]) {
      const rect = await control.boundingBox();
      expect(rect && rect.x >= 0 && rect.x + rect.width <= PHONE.width && rect.height >= 32).toBe(true);
    }
    expect(await seriousAccessibilityViolations(phone.page, 'search filters 390 px')).toEqual([]);

    // The dialog has the same row, sent with the query.
    await phone.page.keyboard.press(`${MOD}+k`);
    const dialog = phone.page.getByRole('dialog', { name: 'Search' });
    await dialog.waitFor();
    const inDialog = (title: string) => dialog.getByRole('list', { name: 'Search results' }).getByRole('link').filter({ hasText: title });
    await dialog.getByRole('searchbox').fill(tag);
    await inDialog(`Lin ${tag} list`).waitFor();
    await dialog.getByRole('checkbox', { name: 'Shared with me' }).check();
    await inDialog(`Lin ${tag} list`).waitFor({ state: 'detached' });
    expect(await inDialog(`Ada ${tag} notes`).count()).toBe(1);
    expect(await seriousAccessibilityViolations(phone.page, 'search dialog with filters 390 px')).toEqual([]);
    await phone.context.close();
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
    // The list goes once the trash is refetched, which may come after the document list.
    await trash.waitFor({ state: 'detached' });
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
