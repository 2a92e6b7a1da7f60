import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundEditor, connectedIndicator, launchBrowser, newMember, newPerson, openDocument, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** An editor share link: signed-in people join as editors; others sign in first, then come back. */
describe('an editor share link', () => {
  let browser: Browser;
  let ada: Member;
  let documentId: string;
  let linkUrl: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    documentId = (await ada.api.createDocument('Open to editors')).id;
    linkUrl = `${sharedQuire().webUrl}/s/${(await ada.api.createLink(documentId, 'editor')).token}`;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('adds a signed-in person as an editor and opens the document', async () => {
    const grace = await newMember(browser, sharedQuire(), 'Grace');
    await grace.page.goto(linkUrl);
    await grace.page.waitForURL(`${sharedQuire().webUrl}/d/${documentId}`);
    await connectedIndicator(grace.page).waitFor();
    await boundEditor(grace.page).waitFor();
    expect(await grace.editor.getAttribute('contenteditable')).toBe('true');
    const { role } = await grace.api.call<{ role: string }>('GET', `/api/documents/${documentId}`);
    expect(role).toBe('editor');
  });

  it('asks a signed-out visitor to sign in, then brings them back to join', async () => {
    const visitor = await newPerson(browser, 'Hedy');
    const hedy = await newMember(browser, sharedQuire(), 'Hedy');
    await visitor.page.goto(linkUrl);
    await visitor.page.getByRole('heading', { name: 'You are invited to edit' }).waitFor();
    expect(await visitor.page.getByRole('main').textContent()).toContain('Open to editors');
    await visitor.page.getByRole('link', { name: 'Sign in' }).click();
    await visitor.page.getByRole('textbox', { name: 'Email' }).fill(hedy.account.email);
    await visitor.page.getByLabel('Password').fill(hedy.account.password);
    await visitor.page.getByRole('button', { name: 'Sign in' }).click();
    await visitor.page.waitForURL(`${sharedQuire().webUrl}/d/${documentId}`);
    await connectedIndicator(visitor.page).waitFor();
  });

  it('says so when the link was revoked', async () => {
    const { links } = await ada.api.call<{ links: { id: string }[] }>('GET', `/api/documents/${documentId}/links`);
    for (const link of links) await ada.api.call('DELETE', `/api/documents/${documentId}/links/${link.id}`);
    const visitor = await newPerson(browser, 'Late');
    await visitor.page.goto(linkUrl);
    await visitor.page.getByRole('heading', { name: 'This link does not work' }).waitFor();
  });
});

/** Changing a member's role reaches their open page: an editor made viewer gets a read-only editor. */
describe('changing a member’s role while their page is open', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('makes the editor read-only, with the "View only" badge', async () => {
    const ada = await newMember(browser, sharedQuire(), 'Ada');
    const grace = await newMember(browser, sharedQuire(), 'Grace');
    const document = await ada.api.createDocument('Changing roles');
    await ada.api.addMember(document.id, grace.account.email, 'editor');
    const url = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(grace, url);
    expect(await grace.editor.getAttribute('contenteditable')).toBe('true');

    await openDocument(ada, url);
    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('combobox', { name: 'Role of Grace' }).selectOption('viewer');

    // The server re-checks open connections within 5 s (docs/api.md); the page reconnects as a viewer.
    await grace.page.getByText('View only', { exact: true }).waitFor({ timeout: 15_000 });
    await grace.page.locator('.quire-doc[contenteditable="false"]').waitFor();
    await connectedIndicator(grace.page).waitFor();
  });
});
