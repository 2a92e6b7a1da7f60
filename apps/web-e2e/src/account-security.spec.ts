import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { QuireApi } from './harness/api';
import { launchBrowser, newMember, openDocument, signedInAs, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** The status of `GET /api/documents` with `token` as a bearer token, as a script would call it. */
async function tokenStatus(request: APIRequestContext, token: string): Promise<number> {
  const response = await request.fetch(`${sharedQuire().serverUrl}/api/documents`, { headers: { authorization: `Bearer ${token}` } });
  return response.status();
}

/**
 * Until the admin page's "Recent security events" shows an item with all of `texts`, pressing
 * Refresh meanwhile: an event is stored a moment after the request that made it.
 */
async function waitForEvent(page: Page, texts: string[]): Promise<void> {
  const list = page.getByRole('list', { name: 'Recent security events' });
  await vi.waitFor(
    async () => {
      let item = list.getByRole('listitem');
      for (const text of texts) item = item.filter({ hasText: text });
      if ((await item.count()) > 0) return;
      await page.getByRole('button', { name: 'Refresh the security events' }).click();
      throw new Error(`No security event with ${JSON.stringify(texts)} in:\n${await page.locator('main').innerText()}`);
    },
    { timeout: 15_000, interval: 300 },
  );
}

/**
 * A password change that can revoke API tokens too, what an administrator's reset ends (said in
 * its dialog and done), and the security events the administrator reads.
 */
describe('account security', () => {
  let browser: Browser;
  let lin: Member;
  let script: QuireApi;

  beforeAll(async () => {
    browser = await launchBrowser();
    lin = await newMember(browser, sharedQuire(), 'Lin');
    script = await QuireApi.standalone(sharedQuire());
  });

  afterAll(async () => {
    await script?.dispose();
    await browser?.close();
  });

  it('says other devices are signed out, and keeps the API tokens unless asked', async () => {
    const { token } = await lin.api.call<{ token: string }>('POST', '/api/tokens', { name: 'backup script' });
    const otherDevice = await signedInAs(browser, sharedQuire(), lin.account);
    await lin.page.goto(`${sharedQuire().webUrl}/account`);
    await lin.page.getByText('Other devices will be signed out.').waitFor();
    const revoke = lin.page.getByRole('checkbox', { name: 'Also revoke my API tokens' });
    expect(await revoke.isChecked()).toBe(false);

    await lin.page.getByRole('textbox', { name: 'Current password' }).fill(lin.account.password);
    await lin.page.getByRole('textbox', { name: 'New password' }).fill('second password here');
    await lin.page.getByRole('button', { name: 'Change password' }).click();
    await lin.page.getByRole('status').filter({ hasText: 'Password changed. Other devices were signed out.' }).waitFor();
    lin.account.password = 'second password here';
    expect(await tokenStatus(script.request, token)).toBe(200);
    await expect(otherDevice.api.call('GET', '/api/tokens')).rejects.toMatchObject({ status: 401 });
  });

  it('revokes the API tokens with the password when asked', async () => {
    const { token } = await lin.api.call<{ token: string }>('POST', '/api/tokens', { name: 'nightly export' });
    await lin.page.reload();
    const tokens = lin.page.getByRole('list', { name: 'Your API tokens' });
    await tokens.getByRole('listitem').filter({ hasText: 'nightly export' }).waitFor();

    await lin.page.getByRole('textbox', { name: 'Current password' }).fill(lin.account.password);
    await lin.page.getByRole('textbox', { name: 'New password' }).fill('third password here');
    await lin.page.getByRole('checkbox', { name: 'Also revoke my API tokens' }).check();
    await lin.page.getByRole('button', { name: 'Change password' }).click();
    await lin.page.getByRole('status').filter({ hasText: 'your API tokens revoked' }).waitFor();
    lin.account.password = 'third password here';
    expect(await tokenStatus(script.request, token)).toBe(401);
    // The list on the page is read again: no token is left.
    await tokens.waitFor({ state: 'detached' });
    await lin.page.getByText('No tokens yet.').waitFor();
    expect(await lin.page.getByRole('checkbox', { name: 'Also revoke my API tokens' }).isChecked()).toBe(false);
  });

  it('says what an administrator’s reset does, and it does it', async () => {
    const { token } = await lin.api.call<{ token: string }>('POST', '/api/tokens', { name: 'sync job' });
    const document = await lin.api.createDocument('Lin’s notes');
    await openDocument(lin, `${sharedQuire().webUrl}/d/${document.id}`);

    const admin = await signedInAs(browser, sharedQuire(), inject('admin'));
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    // Other specs make people named Lin (and Linus) too: Lin's row is the one with her email.
    const row = admin.page.getByRole('row').filter({ hasText: lin.account.email });
    await row.getByRole('button', { name: 'Reset password of Lin', exact: true }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Reset Lin’s password?' });
    await dialog.getByText('This signs Lin out everywhere, closes their open documents and revokes their API tokens.').waitFor();
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    await admin.page.getByRole('textbox', { name: 'Temporary password' }).waitFor();

    expect(await tokenStatus(script.request, token)).toBe(401);
    await expect(lin.api.call('GET', '/api/tokens')).rejects.toMatchObject({ status: 401 });
    // The open document closes: the page says so, or goes to sign in.
    await Promise.race([
      lin.page.getByRole('alert').filter({ hasText: 'You are signed out.' }).waitFor(),
      lin.page.waitForURL(/\/signin/),
    ]);
    expect(await lin.page.locator('[role="status"][data-state="connected"]').count()).toBe(0);
  });

  it('lists recent security events on the admin page: what, who, from where', async () => {
    const stranger = await QuireApi.standalone(sharedQuire());
    await expect(stranger.signIn({ email: 'nobody-here@example.com', password: 'a wrong guess' })).rejects.toMatchObject({ status: 401 });
    await stranger.dispose();
    const revoker = await newMember(browser, sharedQuire(), 'Rita');
    const { id } = await revoker.api.call<{ id: string }>('POST', '/api/tokens', { name: 'to revoke' });
    await revoker.api.call('DELETE', `/api/tokens/${id}`);

    const admin = await signedInAs(browser, sharedQuire(), inject('admin'));
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    await admin.page.getByRole('heading', { name: 'Recent security events' }).waitFor();
    await waitForEvent(admin.page, ['Failed sign-in', 'not signed in', `from ${stranger.address}`, 'nobody-here@example.com']);
    await waitForEvent(admin.page, ['Token revoked', 'by Rita', `from ${revoker.address}`]);
    await waitForEvent(admin.page, ['Password reset by the administrator', 'by Admin']);
    // Newest first.
    const items = await admin.page.getByRole('list', { name: 'Recent security events' }).getByRole('listitem').allInnerTexts();
    const revoked = items.findIndex((text) => text.includes('Token revoked') && text.includes('Rita'));
    const failed = items.findIndex((text) => text.includes('nobody-here@example.com'));
    expect(revoked).toBeGreaterThanOrEqual(0);
    expect(revoked).toBeLessThan(failed);
  });
});
