import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

// The home page's lists read a page at a time (docs/api.md, "Pages"): the first 50, then "Show
// more" for the next, in the same list, until the last page.

describe('home page lists, a page at a time', () => {
  let browser: Browser;
  let lin: Member;
  let kay: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    lin = await newMember(browser, sharedQuire(), 'Lin Pager');
    kay = await newMember(browser, sharedQuire(), 'Kay Pager');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the first 50 of my documents, and the rest after Show more, each once', async () => {
    const titles = Array.from({ length: 53 }, (_, index) => `Paged note ${String(index).padStart(2, '0')}`);
    for (const title of titles) await lin.api.createDocument(title);
    const shared = await kay.api.createDocument('Kay’s paged note');
    await kay.api.addMember(shared.id, lin.account.email, 'viewer');

    await lin.page.goto(`${sharedQuire().webUrl}/`);
    const mine = lin.page.getByRole('list', { name: 'My documents' });
    const rows = mine.getByRole('listitem');
    // The newest first: the last one made is on the first page, the first one made is not.
    await mine.getByRole('link', { name: 'Paged note 52' }).waitFor();
    expect(await rows.count()).toBe(50);
    expect(await mine.getByRole('link', { name: 'Paged note 00' }).count()).toBe(0);
    await lin.page.getByText('50+ documents').waitFor();

    await lin.page.getByRole('button', { name: 'Show more of My documents' }).click();
    await mine.getByRole('link', { name: 'Paged note 00' }).waitFor();
    expect(await rows.count()).toBe(53);
    const shown = await mine.getByRole('link').allTextContents();
    expect(new Set(shown).size).toBe(53);
    await lin.page.getByText('53 documents').waitFor();
    expect(await lin.page.getByRole('button', { name: 'Show more of My documents' }).count()).toBe(0);

    // Shared with me: one page, no button.
    const sharedList = lin.page.getByRole('list', { name: 'Shared with me' });
    await sharedList.getByRole('link', { name: 'Kay’s paged note' }).waitFor();
    expect(await lin.page.getByRole('button', { name: 'Show more of Shared with me' }).count()).toBe(0);
  });

  it('shows a star beyond the first 50 starred documents on its row in My documents, after a reload too, and unstars it there', async () => {
    const ivy = await newMember(browser, sharedQuire(), 'Ivy Stars');
    const fillers = [];
    for (let index = 0; index < 50; index += 1) fillers.push(await ivy.api.createDocument(`Star filler ${String(index).padStart(2, '0')}`));
    // The newest document, so the first row of My documents.
    await ivy.api.createDocument('Starred long ago');

    await ivy.page.goto(`${sharedQuire().webUrl}/`);
    const mine = ivy.page.getByRole('list', { name: 'My documents' });
    const toggle = mine.getByRole('button', { name: 'Star Starred long ago' });
    await toggle.click();
    await mine.locator('[aria-label="Star Starred long ago"][aria-pressed="true"]').waitFor();
    const starredShelf = ivy.page.getByRole('list', { name: 'Starred' });
    await starredShelf.getByRole('link', { name: /Starred long ago/ }).waitFor();

    // Fifty newer stars: its own is now the 51st, beyond the Starred shelf's first page.
    for (const filler of fillers) await ivy.api.star(filler.id);
    await ivy.page.reload();
    await starredShelf.getByRole('link', { name: /Star filler 49/ }).waitFor();
    expect(await starredShelf.getByRole('listitem').count()).toBe(50);
    expect(await starredShelf.getByRole('link', { name: /Starred long ago/ }).count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // Unstarred from its row: the toggle says so at once, and after a reload.
    const unstarred = ivy.page.waitForResponse((response) => response.url().endsWith('/star') && response.request().method() === 'DELETE');
    await toggle.click();
    await mine.locator('[aria-label="Star Starred long ago"][aria-pressed="false"]').waitFor();
    expect((await unstarred).status()).toBe(204);
    await ivy.page.reload();
    await mine.getByRole('link', { name: 'Starred long ago' }).waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });
});
