import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { selectInDocument, threadCard, writeComment } from './harness/comments';
import { sharedQuire } from './harness/urls';

/**
 * People who reach a document through a folder (issue 21): Ada's document sits in a folder she
 * shared with Grace. The share dialog lists Grace read-only, "via folder …", apart from the
 * document's own members; a comment's `@` offers her too, saying so, and the mention reaches her.
 */
describe('people with access through folders', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let url: string;
  const folderName = `Team ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    const documentId = (await ada.api.createDocument('Budget notes')).id;
    const folder = await ada.api.call<{ id: string }>('POST', '/api/folders', { name: folderName });
    await ada.api.call('PUT', `/api/documents/${documentId}/folder`, { folderId: folder.id });
    await ada.api.call('POST', `/api/folders/${folder.id}/members`, { email: grace.account.email, role: 'commenter' });
    url = `${sharedQuire().webUrl}/d/${documentId}`;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the share dialog lists a folder member read-only, with the folder they come through', async () => {
    await openDocument(ada, url);
    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    const inherited = dialog.getByRole('list', { name: 'People with access through folders' });
    const row = inherited.getByRole('listitem').filter({ hasText: 'Grace' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Can comment, via folder ${folderName}`);
    // Read-only: no role to pick, nothing to remove; and not among the document's own members.
    expect(await row.getByRole('combobox').count()).toBe(0);
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await dialog.getByRole('list', { name: 'People with access', exact: true }).getByText('Grace').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('@ offers the folder member, saying where their access comes from, and the mention reaches them', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('The budget grows by four percent.');
    await waitForText(ada.page, { includes: 'four percent' });
    await selectInDocument(ada.page, 'four percent');
    await ada.page.locator('[data-comment-button="bubble"]').click();
    const composer = ada.page.getByRole('textbox', { name: 'Comment on “four percent”' });
    await composer.focus();
    await composer.pressSequentially('Ask @Gra');
    const option = ada.page.getByRole('option', { name: /^Grace/ });
    await option.waitFor();
    expect(await option.textContent()).toContain(`via folder ${folderName}`);
    await composer.press('Enter');
    await writeComment(composer, [' about this']);
    await ada.page.locator('[data-new-thread]').getByRole('button', { name: 'Comment', exact: true }).click();
    const mention = threadCard(ada.page, 'about this').locator('[data-user-id]');
    await mention.waitFor();
    expect(await mention.getAttribute('data-user-id')).toBe(grace.account.id);

    // Grace hears of it: her activity has the mention.
    const activity = await grace.api.call<{ activity: { kind: string; author?: { name: string } }[] }>('GET', '/api/activity');
    expect(activity.activity.map((entry) => entry.kind)).toContain('mention');
  });
});
