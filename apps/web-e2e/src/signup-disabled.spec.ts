import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { launchBrowser, newPerson, type Person } from './harness/browser';
import { startQuire, type RunningQuire } from './harness/start-quire';

/** With ALLOW_SIGNUP=false, the pages say whom to ask instead of offering a form the server refuses. */
describe('sign-up turned off', () => {
  let quire: RunningQuire;
  let browser: Browser;
  let visitor: Person;

  beforeAll(async () => {
    quire = await startQuire({ ALLOW_SIGNUP: 'false' });
    const api = await QuireApi.standalone(quire);
    await api.setup(await quire.setupCode, 'Admin');
    await api.dispose();
    browser = await launchBrowser();
    visitor = await newPerson(browser, 'Visitor');
  });

  afterAll(async () => {
    await browser?.close();
    await quire?.stop();
  });

  it('says so on the sign-up page, with no form', async () => {
    await visitor.page.goto(`${quire.webUrl}/signup`);
    await visitor.page.getByRole('heading', { name: 'Sign-up is turned off' }).waitFor();
    expect(await visitor.page.getByRole('button', { name: 'Create account' }).count()).toBe(0);
  });

  it('does not offer sign-up from the sign-in page', async () => {
    await visitor.page.goto(`${quire.webUrl}/signin`);
    await visitor.page.getByText('No account? Ask the administrator of this Quire for one.').waitFor();
    expect(await visitor.page.getByRole('link', { name: 'Create one' }).count()).toBe(0);
  });
});
