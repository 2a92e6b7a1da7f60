import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedIndicator, documentText, launchBrowser, newMember, newPerson, openAsGuest, openDocument, waitForText, type Member, type Person } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** A guest without an account reads along through a viewer link, and cannot change anything. */
describe('a viewer share link', () => {
  let browser: Browser;
  let ada: Member;
  let vera: Person;
  let documentId: string;
  let documentUrl: string;
  let linkUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    const document = await ada.api.createDocument('Public notes');
    documentId = document.id;
    documentUrl = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(ada, documentUrl);
    await ada.editor.click();
    await ada.page.keyboard.type('Written by Ada.');
    vera = await newPerson(browser, 'Vera');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is created in the share dialog', async () => {
    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('combobox', { name: 'New link’s role' }).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    const links = dialog.getByRole('list', { name: 'Share links' });
    await links.getByRole('listitem').filter({ hasText: 'Can view link' }).waitFor();
    const { links: stored } = await ada.api.call<{ links: { token: string; role: string }[] }>('GET', `/api/documents/${documentId}/links`);
    const link = stored[0];
    expect(link?.role).toBe('viewer');
    linkUrl = `${sharedQuire().webUrl}/s/${link?.token}`;
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('opens read-only for a guest, under the name they choose', async () => {
    await openAsGuest(vera, linkUrl);
    await waitForText(vera.page, { includes: 'Written by Ada.' });
    expect(await vera.editor.getAttribute('contenteditable')).toBe('false');
    await vera.page.getByText('View only', { exact: true }).waitFor();
    // A viewer gets no editing toolbar at all, not a greyed one.
    expect(await vera.page.getByRole('toolbar').count()).toBe(0);
    expect(await vera.page.getByRole('button', { name: 'Bold', exact: true }).count()).toBe(0);
    await ada.page.getByRole('img', { name: 'Vera' }).waitFor();
  });

  it('shows the owner’s edits live', async () => {
    await ada.editor.click();
    await ada.page.keyboard.press('Control+End');
    await ada.page.keyboard.type(' More from Ada.');
    await waitForText(vera.page, { includes: 'More from Ada.' });
  });

  it('cannot type into the document, which stays unchanged on the server', async () => {
    const before = await documentText(ada.page);
    await vera.editor.click();
    await vera.page.keyboard.type('Vera was here');
    await vera.page.keyboard.press('Enter');
    // A marker edit from Ada, after Vera's keys: once it arrives on both sides, anything Vera's
    // page had sent would have arrived too.
    await ada.page.keyboard.type(' Marker.');
    await waitForText(vera.page, { includes: 'Marker.' });
    expect(await documentText(vera.page)).toBe(`${before} Marker.`);
    expect(await documentText(ada.page)).toBe(`${before} Marker.`);

    // A fresh page loads what the server stored.
    const check = await newPerson(browser, 'Check');
    await openAsGuest(check, linkUrl);
    await waitForText(check.page, { includes: 'Marker.' });
    expect(await documentText(check.page)).toBe(`${before} Marker.`);
  });

  it('lets the guest change their name, which the others see', async () => {
    await vera.page.getByRole('button', { name: /change your name$/ }).click();
    const field = vera.page.getByRole('textbox', { name: 'Your name' });
    await field.fill('Vera Rubin');
    await field.press('Enter');
    await ada.page.getByRole('img', { name: 'Vera Rubin' }).waitFor();
    await connectedIndicator(vera.page).waitFor();
    vera.name = 'Vera Rubin';
  });

  it('remembers the guest’s name in this browser', async () => {
    await vera.page.reload();
    await vera.page.locator('[role="status"][data-state="connected"]').waitFor();
    expect(await vera.page.getByRole('textbox', { name: 'Your name' }).isVisible()).toBe(false);
    expect(await vera.page.locator('header').textContent()).toContain('Vera Rubin (you)');
  });
});
