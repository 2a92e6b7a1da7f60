import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { connectedIndicator, launchBrowser, newMember, type Member } from './harness/browser';
import { expectInside, PHONE } from './harness/narrow';
import { PAGE_BACKGROUND, shownTheme } from './harness/theme';
import { sharedQuire } from './harness/urls';

/**
 * Folders with inherited sharing (issue 21) in the browser: Ada makes a folder and a folder inside
 * it, drags a document onto the folder and moves another into the inner one with “Move to…” (the
 * keyboard's way), shares the folder with Grace in its share dialog; Grace finds the folder and its
 * documents on her home page, opens one inside the nested folder with the folder's role, and its
 * breadcrumbs lead back to the folder's view. Axe on the folder view, and the page at 390 px.
 */
describe('folders', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  const home = () => `${sharedQuire().webUrl}/`;
  const suffix = Date.now().toString(36);
  const folderName = `Handbook ${suffix}`;
  const innerName = `Drafts ${suffix}`;
  let welcome: string;
  let plan: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    welcome = (await ada.api.createDocument(`Welcome guide ${suffix}`)).id;
    plan = (await ada.api.createDocument(`Plan B ${suffix}`)).id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const tree = (page: Page) => page.getByRole('navigation', { name: 'Folders' });
  const folderLink = (page: Page, name: string) => tree(page).getByRole('link', { name: new RegExp(`^${name}`) });
  const panel = (page: Page) => page.locator('[aria-labelledby="folder-panel-title"]');

  it('Ada makes a folder and one inside it, drags a document onto it and moves another with Move to…', async () => {
    await ada.page.goto(home());
    await ada.page.getByRole('button', { name: 'New folder' }).click();
    await ada.page.getByRole('dialog', { name: 'New folder' }).getByRole('textbox', { name: 'Folder name' }).fill(folderName);
    await ada.page.getByRole('dialog', { name: 'New folder' }).getByRole('button', { name: 'Create' }).click();
    await folderLink(ada.page, folderName).waitFor();

    // Drag “Welcome guide” from My documents onto the folder in the tree.
    const row = ada.page.getByRole('list', { name: 'My documents' }).getByRole('listitem').filter({ hasText: `Welcome guide ${suffix}` });
    await row.dragTo(folderLink(ada.page, folderName));
    await ada.page.getByRole('status').filter({ hasText: `Moved the document to “${folderName}”.` }).waitFor();

    await folderLink(ada.page, folderName).click();
    await ada.page.waitForURL(/\?folder=/);
    await panel(ada.page).getByRole('list', { name: `Documents in ${folderName}` }).getByRole('link', { name: `Welcome guide ${suffix}` }).waitFor();

    await panel(ada.page).getByRole('button', { name: 'New folder inside' }).click();
    const inside = ada.page.getByRole('dialog', { name: `New folder in “${folderName}”` });
    await inside.getByRole('textbox', { name: 'Folder name' }).fill(innerName);
    await inside.getByRole('button', { name: 'Create' }).click();
    await panel(ada.page).getByRole('list', { name: `Folders in ${folderName}` }).getByRole('link', { name: innerName }).waitFor();

    // Move “Plan B” into the inner folder from the keyboard.
    const planRow = ada.page.getByRole('list', { name: 'My documents' }).getByRole('listitem').filter({ hasText: `Plan B ${suffix}` });
    await planRow.getByRole('button', { name: `Move to… Plan B ${suffix}` }).focus();
    await ada.page.keyboard.press('Enter');
    const move = ada.page.getByRole('dialog', { name: `Move “Plan B ${suffix}” to…` });
    const innerOption = await move.locator('option', { hasText: innerName }).getAttribute('value');
    await move.getByRole('combobox', { name: 'Folder' }).selectOption(innerOption as string);
    await move.getByRole('button', { name: 'Move' }).click();
    await move.waitFor({ state: 'hidden' });
    const placed = await ada.api.call<{ folderId: string | null; path: { name: string }[] }>('GET', `/api/documents/${plan}/folder`);
    expect(placed.path.map((folder) => folder.name)).toEqual([folderName, innerName]);
    const welcomePlaced = await ada.api.call<{ path: { name: string }[] }>('GET', `/api/documents/${welcome}/folder`);
    expect(welcomePlaced.path.map((folder) => folder.name)).toEqual([folderName]);

    expect(await seriousAccessibilityViolations(ada.page, 'home with a folder open')).toEqual([]);

    // A folder dragged onto another nests in it.
    const archive = await ada.api.call<{ id: string }>('POST', '/api/folders', { name: `Archive ${suffix}` });
    await ada.page.reload();
    await folderLink(ada.page, `Archive ${suffix}`).dragTo(folderLink(ada.page, folderName));
    await ada.page.getByRole('status').filter({ hasText: `Moved “Archive ${suffix}” to “${folderName}”.` }).waitFor();
    const moved = await ada.api.call<{ folders: { id: string; parentId: string | null; name: string }[] }>('GET', '/api/folders');
    const handbookId = moved.folders.find((folder) => folder.name === folderName)?.id;
    expect(moved.folders.find((folder) => folder.id === archive.id)?.parentId).toBe(handbookId);
  });

  it('Ada shares the folder with Grace, who sees it and opens a document in the nested folder with the folder’s role', async () => {
    await ada.page.goto(home());
    await folderLink(ada.page, folderName).click();
    await panel(ada.page).getByRole('button', { name: 'Share folder' }).click();
    const share = ada.page.getByRole('dialog', { name: `Share “${folderName}”` });
    await share.getByRole('textbox', { name: 'Add people by email' }).fill(grace.account.email);
    await share.getByRole('combobox', { name: 'Their role' }).selectOption('viewer');
    await share.getByRole('button', { name: 'Add' }).click();
    await share.getByRole('list', { name: 'People with access' }).getByText(grace.account.email).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'folder share dialog')).toEqual([]);
    await share.getByRole('button', { name: 'Done' }).click();

    await grace.page.goto(home());
    await folderLink(grace.page, folderName).waitFor();
    await grace.page.getByRole('list', { name: 'Shared with me' }).getByRole('link', { name: `Plan B ${suffix}` }).waitFor();
    await folderLink(grace.page, innerName).click();
    await panel(grace.page).getByText(`Shared with you by ${ada.account.name}`).waitFor();
    // A viewer of the folder: no renaming, moving or sharing it.
    expect(await panel(grace.page).getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await panel(grace.page).getByRole('link', { name: `Plan B ${suffix}` }).click();
    await grace.page.waitForURL(new RegExp(`/d/${plan}$`));
    await connectedIndicator(grace.page).waitFor();
    await grace.page.getByText('View only').first().waitFor();

    const crumbs = grace.page.getByRole('navigation', { name: 'Folder' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual([folderName, innerName]);
    await crumbs.getByRole('link', { name: folderName }).click();
    await grace.page.waitForURL(/\?folder=/);
    await panel(grace.page).getByRole('heading', { name: folderName }).waitFor();
    expect(await seriousAccessibilityViolations(grace.page, 'a shared folder')).toEqual([]);
    // And in the dark theme (the system's setting, which the page follows).
    await grace.page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await shownTheme(grace.page)).background).toBe(PAGE_BACKGROUND.dark);
    expect(await seriousAccessibilityViolations(grace.page, 'a shared folder, dark')).toEqual([]);
    await grace.page.emulateMedia({ colorScheme: 'light' });

    // At 390 px wide the folders and the open folder fit the screen.
    await grace.page.setViewportSize(PHONE);
    await panel(grace.page).getByRole('heading', { name: folderName }).waitFor();
    // (The app header's own width at 390 px is narrow-screens' to check: only the folders here.)
    await expectInside(tree(grace.page), 'the folder tree at 390 px');
    await expectInside(panel(grace.page), 'the open folder at 390 px');
    for (const link of await panel(grace.page).getByRole('link').all()) await expectInside(link, 'a link in the open folder at 390 px');

    // Taken back: Grace's lists lose the documents.
    const members = await ada.api.call<{ folders: { id: string; name: string }[] }>('GET', '/api/folders');
    const folderId = members.folders.find((folder) => folder.name === folderName)?.id as string;
    await ada.api.call('DELETE', `/api/folders/${folderId}/members/${grace.account.id}`);
    await grace.page.goto(home());
    await grace.page.getByRole('heading', { name: 'Shared with me' }).waitFor();
    expect(await grace.page.getByRole('list', { name: 'Shared with me' }).getByRole('link', { name: `Plan B ${suffix}` }).count()).toBe(0);
    expect(await tree(grace.page).getByRole('link', { name: new RegExp(folderName) }).count()).toBe(0);
  });
});
