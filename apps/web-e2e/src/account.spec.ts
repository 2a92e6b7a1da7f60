import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiCallError, QuireApi } from './harness/api';
import { launchBrowser, newMember, signedInAs, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** The account page (name, password, API tokens), the administrator's password reset, signing out. */
describe('accounts', () => {
  let browser: Browser;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    grace = await newMember(browser, sharedQuire(), 'Grace');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('changes the name others see', async () => {
    await grace.page.goto(`${sharedQuire().webUrl}/account`);
    const field = grace.page.getByRole('textbox', { name: 'Your name' });
    await field.fill('Grace Hopper');
    await grace.page.getByRole('button', { name: 'Save name' }).click();
    await grace.page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    await grace.page.getByRole('navigation', { name: 'Account' }).getByText('Grace Hopper').waitFor();
    const { user } = await grace.api.call<{ user: { name: string } }>('GET', '/api/session');
    expect(user.name).toBe('Grace Hopper');
  });

  it('creates an API token, shown once, that scripts can use until it is revoked', async () => {
    await grace.page.getByRole('textbox', { name: 'Token name' }).fill('nightly export');
    await grace.page.getByRole('button', { name: 'Create token' }).click();
    const secret = await grace.page.getByRole('textbox', { name: 'The new token' }).inputValue();
    expect(secret).toMatch(/^qt_/);
    await grace.page.getByRole('button', { name: 'Copy the token' }).waitFor();
    const tokenRow = grace.page.getByRole('list', { name: 'Your API tokens' }).getByRole('listitem').filter({ hasText: 'nightly export' });
    await tokenRow.waitFor();

    const script = await QuireApi.standalone(sharedQuire());
    const asScript = (path: string) =>
      script.request.fetch(`${sharedQuire().serverUrl}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asScript('/api/documents')).status()).toBe(200);

    // Shown once: after a reload, only its name remains.
    await grace.page.reload();
    await tokenRow.waitFor();
    expect(await grace.page.getByRole('textbox', { name: 'The new token' }).count()).toBe(0);

    await grace.page.getByRole('button', { name: 'Revoke nightly export' }).click();
    await grace.page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await grace.page.getByRole('list', { name: 'Your API tokens' }).waitFor({ state: 'detached' });
    expect((await asScript('/api/documents')).status()).toBe(401);
    await script.dispose();
  });

  it('changes the password after checking the current one', async () => {
    await grace.page.getByRole('textbox', { name: 'Current password' }).fill('not my password');
    await grace.page.getByRole('textbox', { name: 'New password' }).fill('a brand new password');
    await grace.page.getByRole('button', { name: 'Change password' }).click();
    await grace.page.getByRole('alert').filter({ hasText: 'Your current password is not right.' }).waitFor();

    await grace.page.getByRole('textbox', { name: 'Current password' }).fill(grace.account.password);
    await grace.page.getByRole('button', { name: 'Change password' }).click();
    await grace.page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    grace.account.password = 'a brand new password';
    const check = await QuireApi.standalone(sharedQuire());
    await check.signIn(grace.account);
    await check.dispose();
  });

  it('lets the administrator reset a password, showing a temporary one', async () => {
    const admin = await signedInAs(browser, sharedQuire(), inject('admin'));
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    // Other specs make people named Grace Hopper too: Grace's row is the one with her email.
    const row = admin.page.getByRole('row').filter({ hasText: grace.account.email });
    await row.getByRole('button', { name: 'Reset password of Grace Hopper', exact: true }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Reset Grace Hopper’s password?' });
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const temporary = await admin.page.getByRole('textbox', { name: 'Temporary password' }).inputValue();
    expect(temporary.length).toBeGreaterThanOrEqual(8);

    const check = await QuireApi.standalone(sharedQuire());
    await expect(check.signIn(grace.account)).rejects.toBeInstanceOf(ApiCallError);
    await check.signIn({ email: grace.account.email, password: temporary });
    await check.dispose();
    grace.account.password = temporary;
  });

  it('hides the administration page from others', async () => {
    await grace.api.signIn(grace.account);
    await grace.page.goto(`${sharedQuire().webUrl}/admin`);
    await grace.page.getByRole('alert').filter({ hasText: 'Only the administrator can see this page.' }).waitFor();
    // In the open account menu, beside the account page's link, no link to the admin page.
    await grace.page.getByRole('button', { name: /^Account:/ }).click();
    await grace.page.getByRole('link', { name: 'Account settings' }).waitFor();
    expect(await grace.page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('signs out', async () => {
    await grace.page.goto(`${sharedQuire().webUrl}/account`);
    await grace.page.getByRole('button', { name: /^Account:/ }).click();
    await grace.page.getByRole('button', { name: 'Sign out' }).click();
    await grace.page.waitForURL(/\/signin$/);
    await grace.page.goto(`${sharedQuire().webUrl}/account`);
    await grace.page.waitForURL(/\/signin\?next=%2Faccount$/);
  });

  it('signs in again, and comes back to the page that asked', async () => {
    await grace.page.getByRole('textbox', { name: 'Email' }).fill(grace.account.email);
    await grace.page.getByLabel('Password').fill('wrong password');
    await grace.page.getByRole('button', { name: 'Sign in' }).click();
    await grace.page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await grace.page.getByLabel('Password').fill(grace.account.password);
    await grace.page.getByRole('button', { name: 'Sign in' }).click();
    await grace.page.waitForURL(`${sharedQuire().webUrl}/account`);
    await grace.page.getByRole('heading', { name: 'Your account' }).waitFor();
  });
});
