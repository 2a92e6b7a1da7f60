import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { seriousAccessibilityViolations } from './harness/axe';
import { boundEditor, DEFAULT_VIEWPORT, launchBrowser, newMember, openDocument, waitForText } from './harness/browser';
import { indexedDbNames, persistentProfile, type PersistentProfile } from './harness/persistent-profile';
import { connectRawClient } from './harness/raw-client';
import { startQuire, type RunningQuire } from './harness/start-quire';
import { createTestDatabase, type TestDatabase } from './harness/test-database';

const saveState = (page: Page) => page.locator('[role="status"][data-save]');
const saved = (page: Page) => page.locator('[role="status"][data-save="saved"]');

/**
 * Makes the collaboration server unreachable for one browser, or reachable again: its HTTP API
 * refused, its sockets closed (open ones too), while the web app itself still loads, as when the
 * server is down or the network in between is gone.
 */
async function serverSwitch(context: BrowserContext, serverUrl: string) {
  let cut = false;
  const open = new Set<{ close: (options?: { code?: number; reason?: string }) => Promise<void> }>();
  await context.route(`${serverUrl}/**`, (route) => (cut ? route.abort('connectionrefused') : route.continue()));
  await context.routeWebSocket(/\/collab\//, (socket) => {
    if (cut) {
      void socket.close({ code: 1001, reason: 'unreachable' });
      return;
    }
    socket.connectToServer();
    open.add(socket);
  });
  return {
    async cut() {
      cut = true;
      for (const socket of open) await socket.close({ code: 1001, reason: 'unreachable' }).catch(() => undefined);
      open.clear();
    },
    restore() {
      cut = false;
    },
  };
}

describe('saved state, and documents kept on this device', () => {
  let quire: RunningQuire;
  let database: TestDatabase;
  const profiles: PersistentProfile[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('offline');
    quire = await startQuire({ DATABASE_URL: database.url });
    const api = await QuireApi.standalone(quire);
    await api.setup(await quire.setupCode, 'Admin');
    await api.dispose();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const profile of profiles) await profile.remove();
    await quire?.stop();
    await database?.drop();
  });

  it('says Saving… while the store is held and Saved once it stores, and asks before leaving only meanwhile', async () => {
    const browser = await launchBrowser();
    try {
      const ada = await newMember(browser, quire, 'Ada');
      const document = await ada.api.createDocument('Held store');
      await openDocument(ada, `${quire.webUrl}/d/${document.id}`);
      await saved(ada.page).waitFor();

      const hold = await database.holdUpdates();
      await ada.editor.click();
      await ada.page.keyboard.type('Typed while the database is held.');
      await ada.page.locator('[role="status"][data-save="saving"]').waitFor();
      // The server has the text but has not stored it: no "Saved", however long it takes.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await saveState(ada.page).getAttribute('data-save')).toBe('saving');
      expect(await saveState(ada.page).textContent()).toBe('Saving…');

      const dialogs: string[] = [];
      ada.page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.dismiss();
      });
      // Leaving now asks; dismissing stays on the page.
      await ada.page.close({ runBeforeUnload: true });
      await expect.poll(() => dialogs, { timeout: 10_000 }).toEqual(['beforeunload']);
      expect(ada.page.isClosed()).toBe(false);

      await hold.release();
      await saved(ada.page).waitFor({ timeout: 20_000 });
      expect(await saveState(ada.page).textContent()).toBe('Saved');
      // Everything acknowledged: leaving asks nothing.
      await ada.page.close({ runBeforeUnload: true });
      await expect.poll(() => ada.page.isClosed(), { timeout: 10_000 }).toBe(true);
      expect(dialogs).toEqual(['beforeunload']);
    } finally {
      await browser.close();
    }
  });

  it('deletes the copy on this device once the server says access was lost (4403)', async () => {
    const browser = await launchBrowser();
    try {
      const ada = await newMember(browser, quire, 'Ada');
      const grace = await newMember(browser, quire, 'Grace');
      const document = await ada.api.createDocument('Shared, then not');
      await ada.api.addMember(document.id, grace.account.email, 'editor');
      await openDocument(grace, `${quire.webUrl}/d/${document.id}`);
      await grace.editor.click();
      await grace.page.keyboard.type('Grace kept this here.');
      await saved(grace.page).waitFor();
      const copy = `quire-doc:${grace.account.id}:${document.id}`;
      expect(await indexedDbNames(grace.page)).toContain(copy);

      await ada.api.removeMember(document.id, grace.account.id);
      await grace.page.getByRole('alert').filter({ hasText: 'Your access to this document was removed.' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => indexedDbNames(grace.page), { timeout: 10_000 }).not.toContain(copy);
    } finally {
      await browser.close();
    }
  });

  it('keeps what was typed without the server through a browser restart, and sends all of it once the server is back', async () => {
    const profile = await persistentProfile();
    profiles.push(profile);
    let { context, page } = await profile.launch();
    contexts.push(context);
    let api = new QuireApi(context.request, quire, profile.address);
    await api.signUp('Lin');
    const document = await api.createDocument('Kept on this device');
    const url = `${quire.webUrl}/d/${document.id}`;
    let server = await serverSwitch(context, quire.serverUrl);
    await page.goto(url);
    await saved(page).waitFor();
    // Saved can show before the editor is bound (it is made and shown in tasks of its own): typing
    // into it before then goes nowhere.
    await boundEditor(page).click();
    await page.keyboard.type('Typed online.');
    await saved(page).waitFor();

    await server.cut();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed with the server gone.');
    await page.locator('[role="status"][data-save="unreachable"]').waitFor();
    // The count shows once changes have waited SHOW_SAVING_AFTER_MS (500 ms): the status can say
    // "unreachable" sooner than that.
    await expect.poll(async () => Number(await saveState(page).getAttribute('data-unsaved'))).toBeGreaterThan(0);
    // y-indexeddb writes each change as it is made; give the last write a moment to land.
    await page.waitForTimeout(500);
    await context.close();

    ({ context, page } = await profile.launch());
    contexts.push(context);
    // The same cookie jar, reopened from the profile.
    api = new QuireApi(context.request, quire, profile.address);
    server = await serverSwitch(context, quire.serverUrl);
    await server.cut();
    // The documents page cannot list anything, but keeps its header, says so in plain words, and
    // offers what this device keeps.
    await page.goto(`${quire.webUrl}/`);
    await page.getByRole('alert').filter({ hasText: 'Can’t reach the server' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Lin');
    expect(await page.locator('body').textContent()).not.toContain('npm start');
    await page.getByRole('heading', { name: 'On this device' }).waitFor();
    expect(await seriousAccessibilityViolations(page, 'documents page, server unreachable')).toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => window.document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize(DEFAULT_VIEWPORT);
    await page.getByRole('link', { name: 'Typed online.' }).click();
    await page.waitForURL(url);
    // The copy on this device, with the server still unreachable: shown and editable.
    await waitForText(page, { includes: 'Typed with the server gone.' });
    await expect.poll(() => page.locator('.quire-doc').getAttribute('contenteditable')).toBe('true');
    expect(await page.getByRole('alert').filter({ hasText: 'npm start' }).count()).toBe(0);
    await page.locator('.quire-doc').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed after the restart.');
    await expect.poll(async () => saveState(page).getAttribute('data-save')).toBe('unreachable');
    expect(await seriousAccessibilityViolations(page, 'editor from the copy on this device')).toEqual([]);

    server.restore();
    // Reconnects by itself (no click), then everything is acknowledged.
    await saved(page).waitFor({ timeout: 30_000 });
    const { ticket } = await api.ticket(document.id);
    const stock = await connectRawClient(quire.serverUrl, document.id, ticket);
    try {
      const text = stock.fragment.toString();
      for (const line of ['Typed online.', 'Typed with the server gone.', 'Typed after the restart.']) expect(text).toContain(line);
    } finally {
      stock.destroy();
    }

    // Signing out deletes this account's copies from the browser; another account sees none.
    const names = await indexedDbNames(page);
    const lin = (await api.call<{ user: { id: string } }>('GET', '/api/session')).user.id;
    expect(names).toContain(`quire-doc:${lin}:${document.id}`);
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    expect((await indexedDbNames(page)).filter((name) => name.includes(`:${lin}:`))).toEqual([]);

    const other = await api.signUp('Max');
    const theirs = await api.createDocument('Max’s');
    await page.goto(`${quire.webUrl}/d/${theirs.id}`);
    await saved(page).waitFor();
    const left = await indexedDbNames(page);
    expect(left.filter((name) => name.startsWith('quire-doc'))).toEqual([`quire-doc:${other.id}:${theirs.id}`]);
  });

  it('loads the app with the network gone (service worker): the documents page offers the kept document, which opens and takes typing', async () => {
    const profile = await persistentProfile();
    profiles.push(profile);
    const { context, page } = await profile.launch();
    contexts.push(context);
    const api = new QuireApi(context.request, quire, profile.address);
    await api.signUp('Noor');
    const document = await api.createDocument('Opens with no network');
    const url = `${quire.webUrl}/d/${document.id}`;
    const server = await serverSwitch(context, quire.serverUrl);

    // Online once: the worker installs, takes the page over, and keeps the two pages.
    await page.goto(url);
    await saved(page).waitFor();
    await boundEditor(page).click();
    await page.keyboard.type('Typed online.');
    await saved(page).waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 20_000 }).toBe(
      `${quire.webUrl}/sw.js`,
    );
    const keptPages = () =>
      page.evaluate(async () => (await (await caches.open('quire-pages')).keys()).map((request) => new URL(request.url).pathname).sort());
    await expect.poll(keptPages, { timeout: 20_000 }).toEqual(['/', `/d/${document.id}`]);

    // Each page the server renders has a policy with a fresh nonce: the kept one's tells it apart.
    const keptPolicy = await page.evaluate(async () => (await caches.match('/', { cacheName: 'quire-pages' }))?.headers.get('content-security-policy'));
    expect(keptPolicy).toMatch(/worker-src 'self'/);

    // No network at all: neither the web app nor the collaboration server answers.
    await server.cut();
    await context.setOffline(true);
    const response = await page.goto(`${quire.webUrl}/`);
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await response?.headerValue('content-security-policy')).toBe(keptPolicy);
    expect(await page.getByRole('banner').textContent()).toContain('Noor');
    await page.getByRole('heading', { name: 'On this device' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('body').textContent()).not.toContain('npm start');
    await page.getByRole('link', { name: 'Typed online.' }).click();
    await page.waitForURL(url);
    await waitForText(page, { includes: 'Typed online.' });
    await expect.poll(() => page.locator('.quire-doc').getAttribute('contenteditable')).toBe('true');
    await page.locator('.quire-doc').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed with no network.');
    await expect.poll(() => saveState(page).getAttribute('data-save')).toBe('offline');
    // A reload with no network opens it again, from the page kept and the copy on this device.
    await page.waitForTimeout(500);
    await page.reload();
    await waitForText(page, { includes: 'Typed with no network.' });

    // Nothing of the API was kept by the worker: only the build's files and the two pages.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    expect(cached.filter((cachedUrl) => !cachedUrl.startsWith(`${quire.webUrl}/`) || cachedUrl.includes('/api/'))).toEqual([]);
    expect(cached.filter((cachedUrl) => cachedUrl.includes('/_next/static/')).length).toBeGreaterThan(0);

    // Online again: it syncs by itself, and a stock client reads both lines.
    await context.setOffline(false);
    server.restore();
    await saved(page).waitFor({ timeout: 30_000 });
    const { ticket } = await api.ticket(document.id);
    const stock = await connectRawClient(quire.serverUrl, document.id, ticket);
    try {
      const text = stock.fragment.toString();
      for (const line of ['Typed online.', 'Typed with no network.']) expect(text).toContain(line);
    } finally {
      stock.destroy();
    }
  });
});
