import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForText, type Member } from './harness/browser';
import { openPair } from './harness/pair';
import { sharedQuire } from './harness/urls';

/** Access is enforced on open pages too: a member removed by the owner loses the document at once. */
describe('removing a member while their page is open', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, sharedQuire(), 'Revocation'));
    await grace.editor.click();
    await grace.page.keyboard.type('Grace was a member.');
    await waitForText(ada.page, { includes: 'Grace was a member.' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows "access removed" on their page, which can no longer edit', async () => {
    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('button', { name: 'Remove Grace' }).click();
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: grace.account.email }).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The server closes her connections within 5 s of the removal (docs/api.md); wait a little longer.
    const alert = grace.page.getByRole('alert').filter({ hasText: 'Your access to this document was removed.' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await grace.editor.getAttribute('contenteditable')).toBe('false');
    expect(await grace.page.locator('[role="status"][data-state]').getAttribute('data-state')).toBe('closed');
  });

  it('does not let what they type afterwards reach anyone', async () => {
    await grace.editor.click();
    await grace.page.keyboard.type('After removal.');
    await ada.page.locator('.quire-doc').click();
    await ada.page.keyboard.type(' Ada still edits.');
    await waitForText(ada.page, { includes: 'Ada still edits.' });
    expect(await ada.page.locator('.quire-doc').textContent()).not.toContain('After removal.');
  });

  it('tells a page open on a deleted document that it no longer exists', async () => {
    // The document stays open in Ada's first tab while she deletes it from the home page in another.
    const home = await ada.context.newPage();
    await home.goto(`${sharedQuire().webUrl}/`);
    await home.getByRole('button', { name: 'Delete Revocation' }).click();
    await home.getByRole('dialog', { name: 'Delete this document?' }).getByRole('button', { name: 'Delete document' }).click();
    // Every link to it goes: its row, and its Recent card once it was opened.
    await expect.poll(() => home.getByRole('link', { name: 'Revocation' }).count(), { timeout: 10_000 }).toBe(0);
    await ada.page.getByRole('alert').filter({ hasText: 'This document does not exist or was deleted.' }).waitFor();
    expect(await ada.editor.getAttribute('contenteditable')).toBe('false');
  });
});
