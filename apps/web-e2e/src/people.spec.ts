import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from './harness/api';
import { seriousAccessibilityViolations } from './harness/axe';
import { boundEditor, connectedIndicator, launchBrowser, newMember, newPerson, openDocument, signedInAs, type Member } from './harness/browser';
import { expectInside, expectNoSidewaysScroll, PHONE } from './harness/narrow';
import { openPair } from './harness/pair';
import { sharedQuire } from './harness/urls';

/**
 * People (issue 21): an owner invites an email with no account and copies the link; a new person
 * signs up through it and opens the document. The administrator disables an account whose editor
 * page is open, and it loses access at once; a reset request from the sign-in page reaches the admin page.
 */
describe('people', () => {
  let browser: Browser;
  let admin: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signedInAs(browser, sharedQuire(), inject('admin'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('an owner invites an email with no account, copies the link, and the person signs up through it straight into the document', async () => {
    const owner = await newMember(browser, sharedQuire(), 'Olive Owner');
    const document = await owner.api.createDocument('Invitation plans');
    await openDocument(owner, `${sharedQuire().webUrl}/d/${document.id}`);
    const email = uniqueEmail('Ivan Invited');

    await owner.page.getByRole('button', { name: 'Share' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('textbox', { name: 'Add people by email' }).fill(email);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const linkField = dialog.getByRole('textbox', { name: 'Invitation link' });
    await linkField.waitFor();
    await dialog.getByText('Quire sends no email').waitFor();
    await dialog.getByRole('list', { name: 'Pending invitations' }).getByRole('listitem').filter({ hasText: email }).waitFor();
    expect(await seriousAccessibilityViolations(owner.page, 'share dialog with an invitation')).toEqual([]);
    await dialog.getByRole('button', { name: 'Copy the invitation link' }).click();
    await owner.page.getByText('Invitation link copied to the clipboard').first().waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/signup\?invite=qi_/);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const ivan = await newPerson(browser, 'Ivan');
    await ivan.page.goto(link);
    await ivan.page.getByRole('heading', { name: 'You are invited' }).waitFor();
    await ivan.page.getByText('Invitation plans').waitFor();
    expect(await ivan.page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(email);
    expect(await seriousAccessibilityViolations(ivan.page, 'sign-up through an invitation')).toEqual([]);
    await ivan.page.getByRole('textbox', { name: 'Your name' }).fill('Ivan');
    await ivan.page.getByRole('textbox', { name: 'Password' }).fill('correct horse battery');
    await ivan.page.getByRole('button', { name: 'Create account' }).click();
    await ivan.page.waitForURL(`**/d/${document.id}`);
    await connectedIndicator(ivan.page).waitFor();
    await boundEditor(ivan.page).waitFor();
    await ivan.editor.click();
    await ivan.page.keyboard.type('Ivan joined through the invitation.');
    await owner.page.locator('.quire-doc').getByText('Ivan joined through the invitation.').waitFor();

    // Used: no longer pending, and the link says so.
    await owner.page.getByRole('button', { name: 'Share' }).click();
    await dialog.getByRole('list', { name: 'People with access' }).getByRole('listitem').filter({ hasText: email }).waitFor();
    // The invitations are a query of their own, read again when the dialog opens: the list goes
    // once that answer is in, which can come after the members'.
    await dialog.getByRole('list', { name: 'Pending invitations' }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await dialog.getByRole('list', { name: 'Pending invitations' }).count()).toBe(0);
  });

  it('the administrator disables an account whose editor page is open: it loses access at once and cannot sign in', async () => {
    const { grace, url } = await openPair(browser, sharedQuire(), 'Disabled while open');
    const name = `Grace ${Math.random().toString(36).slice(2, 7)}`;
    await grace.api.call('PATCH', '/api/account', { name });
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    await admin.page.getByRole('button', { name: `Disable the account of ${name}` }).click();
    await admin.page.getByRole('button', { name: `Enable the account of ${name}` }).waitFor();
    await admin.page.getByRole('row').filter({ hasText: name }).getByText('Disabled').waitFor();

    await grace.page.getByRole('alert').filter({ hasText: 'You are signed out.' }).waitFor({ timeout: 5_000 });
    expect(await grace.editor.getAttribute('contenteditable')).toBe('false');
    // Signing in again is refused, in plain words.
    const again = await newPerson(browser, 'Grace again');
    await again.page.goto(`${sharedQuire().webUrl}/signin?next=${encodeURIComponent(new URL(url).pathname)}`);
    await again.page.getByRole('textbox', { name: 'Email' }).fill(grace.account.email);
    await again.page.getByRole('textbox', { name: 'Password' }).fill(grace.account.password);
    await again.page.getByRole('button', { name: 'Sign in' }).click();
    await again.page.getByText('This account is disabled.').waitFor();
    expect(await seriousAccessibilityViolations(admin.page, 'admin page with a disabled account')).toEqual([]);
  });

  it('a reset request from the sign-in page appears on the admin page, which resets the password and answers it', async () => {
    const forgetful = await newMember(browser, sharedQuire(), `Fern ${Math.random().toString(36).slice(2, 7)}`);
    const signedOut = await newPerson(browser, 'Fern signed out');
    await signedOut.page.goto(`${sharedQuire().webUrl}/signin`);
    await signedOut.page.getByRole('button', { name: 'Forgot your password?' }).click();
    await signedOut.page.getByRole('textbox', { name: 'Email of your account' }).fill(forgetful.account.email);
    await signedOut.page.getByRole('button', { name: 'Ask the administrator' }).click();
    await signedOut.page.getByRole('status').filter({ hasText: `Request sent for ${forgetful.account.email}` }).waitFor();
    expect(await seriousAccessibilityViolations(signedOut.page, 'forgot password')).toEqual([]);

    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    const requests = admin.page.getByRole('list', { name: 'Password reset requests' });
    const request = requests.getByRole('listitem').filter({ hasText: forgetful.account.email });
    await request.waitFor();
    await request.getByRole('button', { name: `Reset password of ${forgetful.account.name}` }).click();
    const dialog = admin.page.getByRole('dialog', { name: `Reset ${forgetful.account.name}’s password?` });
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const temporary = await admin.page.getByRole('textbox', { name: 'Temporary password' }).inputValue();
    expect(temporary.length).toBeGreaterThan(8);
    await admin.page.getByRole('button', { name: 'Done' }).click();
    await request.waitFor({ state: 'detached' });
  });

  it('fits a phone: the admin page’s account controls and the share dialog’s invitation link', async () => {
    const phoneAdmin = await signedInAs(browser, sharedQuire(), inject('admin'), { viewport: PHONE });
    const someone = await newMember(browser, sharedQuire(), `Pia ${Math.random().toString(36).slice(2, 7)}`);
    await phoneAdmin.page.goto(`${sharedQuire().webUrl}/admin`);
    await expectInside(phoneAdmin.page.getByRole('button', { name: `Delete… the account of ${someone.account.name}` }), 'the Delete button');
    await expectInside(phoneAdmin.page.getByRole('checkbox', { name: 'Anyone may create an account' }), 'the sign-up switch');
    await expectNoSidewaysScroll(phoneAdmin.page, 'the admin page');
    await phoneAdmin.page.getByRole('button', { name: `Delete… the account of ${someone.account.name}` }).click();
    const confirm = phoneAdmin.page.getByRole('dialog', { name: `Delete ${someone.account.name}’s account?` });
    await confirm.getByText(`${someone.account.name} owns no documents.`).waitFor();
    await expectInside(confirm.getByRole('button', { name: 'Delete the account' }), 'the confirmation');
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    const document = await phoneAdmin.api.createDocument('Phone invitation');
    await openDocument(phoneAdmin, `${sharedQuire().webUrl}/d/${document.id}`);
    await phoneAdmin.page.getByRole('button', { name: 'Share' }).click();
    const dialog = phoneAdmin.page.getByRole('dialog', { name: 'Share this document' });
    await dialog.getByRole('textbox', { name: 'Add people by email' }).fill(uniqueEmail('Phone invitee'));
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expectInside(dialog.getByRole('textbox', { name: 'Invitation link' }), 'the invitation link');
    await expectInside(dialog.getByRole('button', { name: 'Copy the invitation link' }), 'its Copy button');
    await expectNoSidewaysScroll(phoneAdmin.page, 'the share dialog');
  });
});
