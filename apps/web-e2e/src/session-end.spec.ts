import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, newMember, signedInAs, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/**
 * A session that ends while a page is open (here: the password changed on another device, which
 * ends every other session) sends the person to sign in and back, instead of leaving errors on the
 * page.
 */
describe('a session ending under an open page', () => {
  let browser: Browser;
  let ada: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Ada changes her password on another device: every other session of hers ends. */
  async function changePasswordElsewhere(): Promise<void> {
    const elsewhere = await signedInAs(browser, sharedQuire(), ada.account);
    const newPassword = `${ada.account.password}!`;
    await elsewhere.api.call('POST', '/api/account/password', { currentPassword: ada.account.password, newPassword });
    ada.account.password = newPassword;
    await elsewhere.context.close();
  }

  async function signInAgain(): Promise<void> {
    await ada.page.getByRole('textbox', { name: 'Email' }).fill(ada.account.email);
    await ada.page.getByLabel('Password').fill(ada.account.password);
    await ada.page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('goes to sign-in when the tab comes back into view, and returns to the page', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await changePasswordElsewhere();

    // A headless page never leaves view: say it came back, as the browser would.
    await ada.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    // The home page is where sign-in leads anyway, so it carries no `next`.
    await ada.page.waitForURL(/\/signin$/, { timeout: 10_000 });
    await signInAgain();
    await ada.page.waitForURL(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
  });

  it('goes to sign-in when a form is refused with 401 because the session has ended', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/account`);
    await ada.page.getByRole('heading', { name: 'Your account' }).waitFor();
    await changePasswordElsewhere();

    await ada.page.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
    await ada.page.getByRole('button', { name: 'Save name' }).click();
    await ada.page.waitForURL(/\/signin\?next=%2Faccount$/, { timeout: 10_000 });
    await signInAgain();
    await ada.page.waitForURL(`${sharedQuire().webUrl}/account`);
  });

  it('goes to sign-in when any other call is refused with 401, such as starting a new document', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await changePasswordElsewhere();

    await ada.page.getByRole('button', { name: 'New document' }).first().click();
    await ada.page.waitForURL(/\/signin$/, { timeout: 10_000 });
    await signInAgain();
    await ada.page.waitForURL(`${sharedQuire().webUrl}/`);
  });
});
