import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectedIndicator, launchBrowser, newMember, newPerson, openDocument, signedInAs, type Member } from './harness/browser';
import { expectInside, expectNoSidewaysScroll, expectTappable, expectWhole, PHONE } from './harness/narrow';
import { sharedQuire } from './harness/urls';

// Long on purpose: what must stay whole, or be cut only where the page says so, at 390 px.
const LONG_TITLE = 'Minutes of the quarterly planning meeting of the documentation working group';
const LONG_NAME = 'Grace Brewster Murray Hopper-Vanderbilt';

describe('a phone, 390 px wide', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada', { viewport: PHONE });
    grace = await newMember(browser, sharedQuire(), LONG_NAME, { viewport: PHONE });
    documentId = (await ada.api.createDocument(LONG_TITLE)).id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    await ada.api.createLink(documentId, 'viewer');
    const shared = await grace.api.createDocument('Shared with Ada');
    await grace.api.addMember(shared.id, ada.account.email, 'viewer');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('home: the header, the lists and their actions fit', async () => {
    const { page } = ada;
    await page.goto(`${sharedQuire().webUrl}/`);
    const row = page.getByRole('list', { name: 'My documents' }).getByRole('listitem').filter({ hasText: LONG_TITLE });
    await row.waitFor();
    await expectNoSidewaysScroll(page, 'home');
    await expectTappable(page.getByRole('link', { name: 'Quire — all documents' }), 'the logo');
    await expectTappable(page.getByRole('button', { name: 'New document' }), 'New document');
    await expectTappable(page.getByRole('button', { name: /^Account:/ }), 'the account menu');
    await expectWhole(row.getByRole('link', { name: LONG_TITLE }).locator('span'), 'the document title');
    await expectTappable(row.getByRole('button', { name: /^Rename/ }), 'Rename');
    await expectTappable(row.getByRole('button', { name: /^Delete/ }), 'Delete');
    await expectTappable(row.getByRole('button', { name: /^Star/ }), 'Star');
    await expectTappable(page.getByRole('button', { name: /^Search/ }), 'Search');
    const shared = page.getByRole('list', { name: 'Shared with me' }).getByRole('listitem').filter({ hasText: 'Shared with Ada' });
    await expectWhole(shared.getByText(`Owner: ${LONG_NAME}`), "the shared document's owner");
    await expectTappable(shared.getByRole('button', { name: /^Leave/ }), 'Leave');
    await row.getByRole('button', { name: /^Delete/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this document?' });
    await expectWhole(confirm.getByText(LONG_TITLE), 'the title in the confirmation');
    await expectTappable(confirm.getByRole('button', { name: 'Delete document' }), 'Delete document');
    await expectTappable(confirm.getByRole('button', { name: 'Cancel' }), 'Cancel');
    await expectNoSidewaysScroll(page, 'home with a confirmation open');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
  });

  it('home: the account menu opens inside the screen, with every item tappable', async () => {
    const { page } = ada;
    await page.getByRole('button', { name: /^Account:/ }).click();
    const menu = page.getByRole('navigation', { name: 'Account' });
    await expectWhole(menu.getByText(ada.account.email), 'the email in the menu');
    await expectTappable(menu.getByRole('link', { name: 'Account settings' }), 'Account settings');
    for (const theme of ['System', 'Light', 'Dark']) {
      await expectTappable(menu.getByRole('radio', { name: theme }).locator('..'), `the ${theme} theme`);
    }
    await expectTappable(menu.getByRole('button', { name: 'Sign out' }), 'Sign out');
    await expectNoSidewaysScroll(page, 'home with the account menu open');
    await page.keyboard.press('Escape');
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
  });

  it('editor: the header shows the title, who is here, and sharing', async () => {
    const { page } = ada;
    await openDocument(grace, `${sharedQuire().webUrl}/d/${documentId}`);
    await openDocument(ada, `${sharedQuire().webUrl}/d/${documentId}`);
    await expectNoSidewaysScroll(page, 'editor');
    await expectInside(page.getByRole('heading', { name: LONG_TITLE }), 'the title');
    await expectInside(page.locator(`[data-participant="${LONG_NAME}"]`), "the other person's avatar");
    await expectInside(page.getByText('you', { exact: true }), 'your own chip');
    await expectTappable(page.getByRole('button', { name: /^Rename/ }), 'Rename');
    await expectTappable(page.getByRole('button', { name: 'Share' }), 'Share');
    await expectTappable(page.getByRole('button', { name: 'Copy link' }), 'Copy link');
    // The account menu, as on the other pages: its theme switch works from the editor too.
    const account = page.getByRole('button', { name: /^Account:/ });
    await expectTappable(account, 'the account menu');
    await account.click();
    const menu = page.getByRole('navigation', { name: 'Account' });
    await expectTappable(menu.getByRole('radio', { name: 'Dark' }).locator('..'), 'the Dark theme');
    await expectNoSidewaysScroll(page, 'editor with the account menu open');
    await menu.getByRole('radio', { name: 'Dark' }).check();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await menu.getByRole('radio', { name: 'System' }).check();
    await page.keyboard.press('Escape');
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
  });

  it('share dialog: names and addresses whole, every control tappable', async () => {
    const { page } = ada;
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this document' });
    const people = dialog.getByRole('list', { name: 'People with access' });
    const member = people.getByRole('listitem').filter({ hasText: grace.account.email });
    await member.waitFor();
    await expectNoSidewaysScroll(page, 'share dialog');
    // The first: "Remove <name>" says it again, out of sight.
    await expectWhole(member.getByText(LONG_NAME, { exact: true }).first(), "the member's name");
    await expectWhole(member.getByText(grace.account.email, { exact: true }), "the member's email");
    await expectWhole(people.getByRole('listitem').filter({ hasText: 'Owner' }).getByText(ada.account.email, { exact: true }), "the owner's email");
    await expectTappable(member.getByRole('combobox'), "the member's role");
    await expectTappable(member.getByRole('button', { name: /^Remove/ }), 'Remove');
    await expectTappable(dialog.getByRole('textbox', { name: 'Add people by email' }), 'the email field');
    await expectTappable(dialog.getByRole('button', { name: 'Add' }), 'Add');
    const link = dialog.getByRole('list', { name: 'Share links' }).getByRole('listitem').first();
    await expectWhole(link.locator('span span').first(), "the link's label");
    await expectTappable(link.getByRole('button', { name: /^Copy/ }), 'Copy');
    await expectTappable(link.getByRole('button', { name: /^Revoke/ }), 'Revoke');
    await expectTappable(dialog.getByRole('button', { name: 'Create link' }), 'Create link');
    await expectTappable(dialog.getByRole('button', { name: 'Done' }), 'Done');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  it('account page: fields, buttons and the checkbox row fit and are tappable', async () => {
    const { page } = grace;
    await page.goto(`${sharedQuire().webUrl}/account`);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await expectNoSidewaysScroll(page, 'account');
    await expectTappable(page.getByRole('textbox', { name: 'Your name' }), 'the name field');
    await expectTappable(page.getByRole('button', { name: 'Save name' }), 'Save name');
    await expectTappable(page.getByLabel('Current password'), 'the current password');
    await expectTappable(page.getByText('Also revoke my API tokens'), "the revoke checkbox's label");
    await expectTappable(page.getByRole('button', { name: 'Change password' }), 'Change password');
    await expectTappable(page.getByRole('textbox', { name: 'Token name' }), 'the token name');
    await expectTappable(page.getByRole('button', { name: 'Create token' }), 'Create token');
  });

  it("admin page: each person's row in sight, with its reset button", async () => {
    const admin = await signedInAs(browser, sharedQuire(), inject('admin'), { viewport: PHONE });
    const { page } = admin;
    await page.goto(`${sharedQuire().webUrl}/admin`);
    const row = page.getByRole('row').filter({ hasText: grace.account.email });
    await row.waitFor();
    await expectNoSidewaysScroll(page, 'admin');
    await expectWhole(row.getByRole('cell').filter({ hasText: grace.account.email }), 'the email');
    await expectWhole(row.getByRole('cell').nth(2), 'the date joined');
    await expectTappable(row.getByRole('button', { name: `Reset password of ${LONG_NAME}` }), 'Reset password');
    await expectTappable(page.getByRole('button', { name: 'Refresh' }), 'Refresh');
    await row.getByRole('button', { name: `Reset password of ${LONG_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reset ${LONG_NAME}’s password?` });
    await expectWhole(dialog.getByRole('heading'), "the dialog's title");
    await expectTappable(dialog.getByRole('button', { name: 'Cancel' }), 'Cancel');
    await expectNoSidewaysScroll(page, 'admin with the reset dialog open');
    await admin.context.close();
  });

  it('sign-in and sign-up pages fit, with tappable fields', async () => {
    const visitor = await newPerson(browser, 'Visitor', { viewport: PHONE });
    const { page } = visitor;
    await page.goto(`${sharedQuire().webUrl}/signin`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoSidewaysScroll(page, 'sign in');
    await expectTappable(page.getByRole('textbox', { name: 'Email' }), 'the email field');
    await expectTappable(page.getByRole('button', { name: 'Sign in' }), 'Sign in');
    await page.goto(`${sharedQuire().webUrl}/signup`);
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await expectNoSidewaysScroll(page, 'sign up');
    await expectTappable(page.getByRole('textbox', { name: 'Your name' }), 'the name field');
    await expectTappable(page.getByRole('button', { name: 'Create account' }), 'Create account');
    await visitor.context.close();
  });

  it('the page for a missing document fits', async () => {
    const visitor = await newPerson(browser, 'Visitor', { viewport: PHONE });
    const response = await visitor.page.goto(`${sharedQuire().webUrl}/d/not%20an%20id`);
    expect(response?.status()).toBe(404);
    await expectNoSidewaysScroll(visitor.page, 'not found');
    await visitor.page.getByRole('heading', { name: 'There is no document here' }).waitFor();
    await expectTappable(visitor.page.getByRole('link', { name: 'Quire — all documents' }), 'the logo');
    await expectTappable(visitor.page.getByRole('link', { name: 'Go to all documents' }), 'Go to all documents');
    await visitor.context.close();
  });

  it("a guest's share link: the name prompt fits", async () => {
    const link = await ada.api.createLink(documentId, 'viewer');
    const guest = await newPerson(browser, 'Guest', { viewport: PHONE });
    await guest.page.goto(`${sharedQuire().webUrl}/s/${link.token}`);
    const name = guest.page.getByRole('textbox', { name: 'Your name' });
    await expectTappable(name, 'the name field');
    await expectNoSidewaysScroll(guest.page, 'share link');
    await name.fill('Lin');
    await name.press('Enter');
    await connectedIndicator(guest.page).waitFor();
    await expectNoSidewaysScroll(guest.page, "the guest's editor");
    await guest.context.close();
  });
});
