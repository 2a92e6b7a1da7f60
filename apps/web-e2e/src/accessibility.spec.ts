import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, newMember, newPerson, openAsGuest, openDocument, signedInAs, waitForText, type Member } from './harness/browser';
import { PAGE_BACKGROUND, shownTheme } from './harness/theme';
import { sharedQuire } from './harness/urls';

// Every page in both themes: the system's light setting, and its dark one (contrast differs).
describe.each(['light', 'dark'] as const)('accessibility (axe-core), %s system theme', (colorScheme) => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada', { colorScheme });
    grace = await newMember(browser, sharedQuire(), 'Grace', { colorScheme });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds nothing serious on the sign-in and sign-up pages', async () => {
    const visitor = await newPerson(browser, 'Visitor', { colorScheme });
    await visitor.page.goto(`${sharedQuire().webUrl}/signin`);
    await visitor.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The scans below are of this theme, not of the other one.
    expect((await shownTheme(visitor.page)).background).toBe(PAGE_BACKGROUND[colorScheme]);
    expect(await seriousAccessibilityViolations(visitor.page, 'sign in')).toEqual([]);
    await visitor.page.getByRole('button', { name: 'Sign in' }).click();
    await visitor.page.getByRole('alert').filter({ hasText: /./ }).waitFor();
    expect(await seriousAccessibilityViolations(visitor.page, 'sign in, refused')).toEqual([]);
    await visitor.page.goto(`${sharedQuire().webUrl}/signup`);
    await visitor.page.getByRole('heading', { name: 'Create an account' }).waitFor();
    expect(await seriousAccessibilityViolations(visitor.page, 'sign up')).toEqual([]);
  });

  it('finds nothing serious on the home page with owned and shared documents', async () => {
    await ada.api.createDocument('Accessibility notes');
    const shared = await grace.api.createDocument('Shared with Ada');
    await grace.api.addMember(shared.id, ada.account.email, 'viewer');
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('link', { name: 'Accessibility notes' }).waitFor();
    await ada.page.getByRole('link', { name: 'Shared with Ada' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'home')).toEqual([]);
  });

  it('finds nothing serious with the account menu open', async () => {
    await ada.page.getByRole('button', { name: /^Account:/ }).click();
    await ada.page.getByRole('radiogroup', { name: 'Theme' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'account menu')).toEqual([]);
    await ada.page.keyboard.press('Escape');
  });

  it('finds nothing serious on the editor page with two people and formatted text', async () => {
    const document = await ada.api.createDocument();
    documentId = document.id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    const url = `${sharedQuire().webUrl}/d/${documentId}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
    await ada.page.keyboard.type('# Notes\nSome **bold** words and a list:\n- one\n');
    await waitForText(grace.page, { includes: 'one' });
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();
    expect(await seriousAccessibilityViolations(grace.page, 'editor')).toEqual([]);
  });

  it('finds nothing serious with the link dialog open', async () => {
    await ada.page.keyboard.press(process.platform === 'darwin' ? 'Meta+k' : 'Control+k');
    await ada.page.getByRole('textbox', { name: 'Link address' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'link dialog')).toEqual([]);
    await ada.page.keyboard.press('Escape');
  });

  it('finds nothing serious with the share dialog open, with a member and a link', async () => {
    await ada.api.createLink(documentId, 'viewer');
    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: grace.account.email }).waitFor();
    await dialog.getByRole('list', { name: 'Share links' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'share dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('finds nothing serious for a guest on a viewer link', async () => {
    const link = await ada.api.createLink(documentId, 'viewer');
    const guest = await newPerson(browser, 'Guest', { colorScheme });
    await guest.page.goto(`${sharedQuire().webUrl}/s/${link.token}`);
    await guest.page.getByRole('textbox', { name: 'Your name' }).waitFor();
    expect(await seriousAccessibilityViolations(guest.page, 'guest name')).toEqual([]);
    await openAsGuest(guest, `${sharedQuire().webUrl}/s/${link.token}`);
    expect(await seriousAccessibilityViolations(guest.page, 'guest editor')).toEqual([]);
  });

  it('finds nothing serious on the account page with a new token shown', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/account`);
    await ada.page.getByRole('textbox', { name: 'Token name' }).fill('backup script');
    await ada.page.getByRole('button', { name: 'Create token' }).click();
    await ada.page.getByRole('textbox', { name: 'The new token' }).waitFor();
    expect(await seriousAccessibilityViolations(ada.page, 'account')).toEqual([]);
  });

  it('finds nothing serious on the administration page', async () => {
    const admin = await signedInAs(browser, sharedQuire(), inject('admin'), { colorScheme });
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    await admin.page.getByRole('table').waitFor();
    expect(await seriousAccessibilityViolations(admin.page, 'admin')).toEqual([]);
  });
});
