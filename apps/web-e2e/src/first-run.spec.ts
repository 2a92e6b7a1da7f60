import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from './harness/api';
import { seriousAccessibilityViolations } from './harness/axe';
import { boundEditor, connectedIndicator, DEFAULT_VIEWPORT, launchBrowser, newPerson, waitForText, type Person } from './harness/browser';
import { expectNoSidewaysScroll, expectTappable, PHONE } from './harness/narrow';
import { startQuire, type RunningQuire } from './harness/start-quire';

/**
 * A fresh instance, walked the way its first people meet it: the administrator sets it up with the
 * code from the server's log, writes a document and shares it by email with a second person, who
 * signed up on their own; both edit and see each other's names on the cursors.
 */
describe('first run of a fresh instance', () => {
  let quire: RunningQuire;
  let browser: Browser;
  let ada: Person;
  let grace: Person;
  const password = 'first run password';
  const graceEmail = uniqueEmail('Grace');
  let documentUrl = '';

  beforeAll(async () => {
    quire = await startQuire();
    browser = await launchBrowser();
    ada = await newPerson(browser, 'Ada');
    grace = await newPerson(browser, 'Grace');
  });

  afterAll(async () => {
    await browser?.close();
    await quire?.stop();
  });

  it('sends the first visitor to setup, which asks for the code from the server log', async () => {
    await ada.page.goto(`${quire.webUrl}/`);
    await ada.page.waitForURL(/\/setup$/);
    await ada.page.getByRole('heading', { name: 'Set up Quire' }).waitFor();
    expect(await ada.page.getByRole('main').textContent()).toContain('Setup code: …');
    expect(await seriousAccessibilityViolations(ada.page, 'setup')).toEqual([]);
  });

  it('fits the setup page on a phone, 390 px wide, with tappable fields', async () => {
    await ada.page.setViewportSize(PHONE);
    try {
      await expectNoSidewaysScroll(ada.page, 'setup');
      await expectTappable(ada.page.getByRole('textbox', { name: 'Setup code' }), 'the setup code');
      await expectTappable(ada.page.getByRole('button', { name: 'Create administrator account' }), 'Create administrator account');
    } finally {
      await ada.page.setViewportSize(DEFAULT_VIEWPORT);
    }
  });

  it('refuses a wrong setup code', async () => {
    await ada.page.getByRole('textbox', { name: 'Setup code' }).fill('not-the-code');
    await ada.page.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await ada.page.getByRole('textbox', { name: 'Email' }).fill(uniqueEmail('Ada'));
    await ada.page.getByLabel('Password').fill(password);
    await ada.page.getByRole('button', { name: 'Create administrator account' }).click();
    await ada.page.getByRole('alert').filter({ hasText: 'That setup code is not right' }).waitFor();
  });

  it('creates the administrator with the code from the log, and opens the empty home page', async () => {
    await ada.page.getByRole('textbox', { name: 'Setup code' }).fill(await quire.setupCode);
    await ada.page.getByRole('button', { name: 'Create administrator account' }).click();
    await ada.page.waitForURL(`${quire.webUrl}/`);
    await ada.page.getByRole('heading', { name: 'My documents' }).waitFor();
    await ada.page.getByText('No documents yet').waitFor();
    await ada.page.getByRole('button', { name: /^Account:/ }).click();
    await ada.page.getByRole('link', { name: 'Admin' }).waitFor();
  });

  it('lets a second person sign up on their own', async () => {
    await grace.page.goto(`${quire.webUrl}/`);
    await grace.page.waitForURL(/\/signin$/);
    await grace.page.getByRole('link', { name: 'Create one' }).click();
    await grace.page.getByRole('textbox', { name: 'Your name' }).fill('Grace');
    await grace.page.getByRole('textbox', { name: 'Email' }).fill(graceEmail);
    await grace.page.getByLabel('Password').fill(password);
    await grace.page.getByRole('button', { name: 'Create account' }).click();
    await grace.page.waitForURL(`${quire.webUrl}/`);
    await grace.page.getByText('Documents others share with you appear here.').waitFor();
  });

  it('the administrator writes a document and shares it by email', async () => {
    await ada.page.getByRole('button', { name: 'New document' }).first().click();
    await ada.page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    documentUrl = ada.page.url();
    await connectedIndicator(ada.page).waitFor();
    await ada.page.getByRole('button', { name: 'Rename document' }).click();
    const title = ada.page.getByRole('textbox', { name: 'Document title' });
    await title.fill('Team notes');
    await title.press('Enter');
    await ada.page.getByRole('heading', { name: 'Team notes', level: 1 }).waitFor();
    await boundEditor(ada.page).click();
    await ada.page.keyboard.type('Ada started these notes.');

    await ada.page.getByRole('button', { name: 'Share' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('textbox', { name: 'Add people by email' }).fill(graceEmail);
    await dialog.getByRole('combobox', { name: 'Their role' }).selectOption('editor');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Grace can now edit this document.' }).waitFor();
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: graceEmail }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('the second person finds it under "Shared with me", edits it, and both see each other on the cursors', async () => {
    await grace.page.reload();
    const link = grace.page.getByRole('list', { name: 'Shared with me' }).getByRole('link', { name: 'Team notes' });
    await link.click();
    await grace.page.waitForURL(documentUrl);
    await connectedIndicator(grace.page).waitFor();
    await waitForText(grace.page, { includes: 'Ada started these notes.' });

    await boundEditor(grace.page).click();
    await grace.page.keyboard.press('Control+End');
    await grace.page.keyboard.type(' Grace added this.');
    await waitForText(ada.page, { includes: 'Grace added this.' });

    await ada.page.locator('.quire-doc').click();
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();
    await ada.page.locator('.quire-remote-cursor__label', { hasText: 'Grace' }).waitFor();
    expect(await ada.page.locator('.quire-remote-cursor__label').allTextContents()).toEqual(['Grace']);
    expect(await grace.page.locator('.quire-remote-cursor__label').allTextContents()).toEqual(['Ada']);
  });
});
