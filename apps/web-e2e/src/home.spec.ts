import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedIndicator, launchBrowser, newMember, newPerson, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

describe('home page', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const myDocuments = (member: Member) => member.page.getByRole('list', { name: 'My documents' });
  const sharedWithMe = (member: Member) => member.page.getByRole('list', { name: 'Shared with me' });

  it('sends a signed-out visitor to sign in', async () => {
    const visitor = await newPerson(browser, 'Visitor');
    await visitor.page.goto(`${sharedQuire().webUrl}/`);
    await visitor.page.waitForURL(/\/signin$/);
    await visitor.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await visitor.context.close();
  });

  it('lists my documents by title, with my role and when they last changed', async () => {
    const document = await ada.api.createDocument('Quarterly plan');
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    const row = myDocuments(ada).getByRole('listitem').filter({ has: ada.page.getByRole('link', { name: 'Quarterly plan' }) });
    const link = row.getByRole('link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/d/${document.id}`);
    expect(await row.textContent()).toMatch(/Owner.*Edited (just now|\d+ (second|minute)s? ago)/);
  });

  it('lists documents shared with me, with their owner and my role', async () => {
    const document = await ada.api.createDocument('Reading list');
    await ada.api.addMember(document.id, grace.account.email, 'viewer');
    await grace.page.goto(`${sharedQuire().webUrl}/`);
    const row = sharedWithMe(grace).getByRole('listitem').filter({ has: grace.page.getByRole('link', { name: 'Reading list' }) });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Owner: Ada');
    expect(text).toContain('View only');
  });

  it('renames a document', async () => {
    await ada.api.createDocument('Draft name');
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await myDocuments(ada).getByRole('button', { name: 'Rename Draft name' }).click();
    const field = ada.page.getByRole('dialog', { name: 'Rename document' }).getByRole('textbox', { name: 'Title' });
    await field.fill('Final name');
    await field.press('Enter');
    await myDocuments(ada).getByRole('link', { name: 'Final name' }).waitFor();
    expect(await myDocuments(ada).getByRole('link', { name: 'Draft name' }).count()).toBe(0);
  });

  it('reads the lists again when the tab comes back into view, with what others changed meanwhile', async () => {
    const created = await ada.api.createDocument('Before the weekend');
    await ada.api.addMember(created.id, grace.account.email, 'editor');
    await grace.page.goto(`${sharedQuire().webUrl}/`);
    await sharedWithMe(grace).getByRole('link', { name: 'Before the weekend' }).waitFor();
    await ada.api.call('PATCH', `/api/documents/${created.id}`, { title: 'After the weekend' });
    // A headless page never leaves view: say it came back, as the browser would.
    await grace.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await sharedWithMe(grace).getByRole('link', { name: 'After the weekend' }).waitFor({ timeout: 5_000 });
  });

  it('deletes a document only after confirming', async () => {
    await ada.api.createDocument('To be deleted');
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    const link = myDocuments(ada).getByRole('link', { name: 'To be deleted' });
    await myDocuments(ada).getByRole('button', { name: 'Delete To be deleted' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Delete this document?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await link.count()).toBe(1);
    await myDocuments(ada).getByRole('button', { name: 'Delete To be deleted' }).click();
    await dialog.getByRole('button', { name: 'Delete document' }).click();
    await link.waitFor({ state: 'detached' });
  });

  it('leaves a document shared with me', async () => {
    const document = await ada.api.createDocument('Borrowed notes');
    await ada.api.addMember(document.id, grace.account.email, 'editor');
    await grace.page.goto(`${sharedQuire().webUrl}/`);
    const link = sharedWithMe(grace).getByRole('link', { name: 'Borrowed notes' });
    await link.waitFor();
    await sharedWithMe(grace).getByRole('button', { name: 'Leave Borrowed notes' }).click();
    await grace.page.getByRole('dialog', { name: 'Leave this document?' }).getByRole('button', { name: 'Leave document' }).click();
    await link.waitFor({ state: 'detached' });
  });

  it('creates a document and opens it', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('button', { name: 'New document' }).first().click();
    await ada.page.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    await connectedIndicator(ada.page).waitFor();
  });

  it('answers a malformed document link with a page that says so', async () => {
    const response = await ada.page.goto(`${sharedQuire().webUrl}/d/not%20a%20valid%20id!`);
    expect(response?.status()).toBe(404);
    await ada.page.getByRole('heading', { name: 'There is no document here' }).waitFor();
  });
});
