import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { connectedIndicator, launchBrowser, newMember, newPerson, openAsGuest, openDocument, waitForText, type Member, type Person } from './harness/browser';
import { cspViolations, recordCspViolations } from './harness/csp';
import { sharedQuire } from './harness/urls';

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

/** Whether `window[flag]` was set, i.e. whether injected code ran. */
function ran(page: Page, flag: string): Promise<boolean> {
  return page.evaluate((name) => (window as unknown as Record<string, unknown>)[name] === true, flag);
}

/**
 * The pages' Content-Security-Policy (a nonce per response: Next.js's own scripts run, nothing
 * injected does), `X-Content-Type-Options` and a `Referrer-Policy` that never sends a share link's
 * token anywhere.
 */
describe('page security headers', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;
  let linkToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    for (const person of [ada, grace]) await recordCspViolations(person.context);
    const document = await ada.api.createDocument('Policy notes');
    documentId = document.id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    linkToken = (await ada.api.createLink(documentId, 'viewer')).token;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a nonce-based policy, nosniff and no-referrer with every page', async () => {
    const { webUrl, serverUrl } = sharedQuire();
    const visitor = await QuireApi.standalone(sharedQuire());
    const nonces = new Set<string>();
    for (const path of ['/', '/signin', '/signup', '/account', '/admin', `/d/${documentId}`, `/s/${linkToken}`, '/d/not%20an%20id', '/no-such-page']) {
      const response = await visitor.request.get(`${webUrl}${path}`, { maxRedirects: 0 });
      const headers = response.headers();
      const policy = directives(headers['content-security-policy']);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts, path).toContain("'self'");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      const nonce = scripts.find((source) => source.startsWith("'nonce-"));
      expect(nonce, path).toBeDefined();
      nonces.add(nonce as string);
      // Next.js put this response's nonce on its own inline scripts.
      expect(await response.text(), path).toContain(`nonce="${(nonce as string).slice(7, -1)}"`);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy.get('connect-src'), path).toEqual(expect.arrayContaining([serverUrl, serverUrl.replace(/^http/, 'ws')]));
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
    }
    // A fresh nonce for every response.
    expect(nonces.size).toBe(9);
    await visitor.dispose();
  });

  it('blocks an injected inline script and inline event handler, and reports them', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('link', { name: 'Policy notes' }).first().waitFor();
    await ada.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScriptRan = true;';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injectedHandlerRan = true">';
      document.body.append(holder);
    });
    await ada.page.waitForFunction(
      () => ((window as unknown as { __quireCspViolations?: unknown[] }).__quireCspViolations ?? []).length >= 2,
    );
    expect(await ran(ada.page, '__injectedScriptRan')).toBe(false);
    expect(await ran(ada.page, '__injectedHandlerRan')).toBe(false);
    const violations = await cspViolations(ada.page);
    expect(violations.map((violation) => violation.directive).sort()).toEqual(['script-src-attr', 'script-src-elem']);
  });

  it('lets the home page, the editor with two people and the 404 page work with no violation', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    await ada.page.getByRole('link', { name: 'Policy notes' }).first().waitFor();
    expect(await cspViolations(ada.page)).toEqual([]);

    const url = `${sharedQuire().webUrl}/d/${documentId}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
    await ada.page.keyboard.type('Written under a strict policy.');
    await waitForText(grace.page, { includes: 'Written under a strict policy.' });
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();
    await ada.page.getByRole('button', { name: 'Share' }).click();
    await ada.page.getByRole('dialog', { name: 'Share this document' }).getByRole('list', { name: 'Share links' }).waitFor();
    expect(await cspViolations(ada.page)).toEqual([]);
    expect(await cspViolations(grace.page)).toEqual([]);

    await grace.page.goto(`${sharedQuire().webUrl}/no-such-page`);
    await grace.page.getByRole('heading', { name: 'There is no document here' }).waitFor();
    // Hydrated (its scripts ran): the link navigates on the client.
    await grace.page.getByRole('link', { name: 'Go to all documents' }).click();
    await grace.page.getByRole('link', { name: 'Policy notes' }).first().waitFor();
    expect(await cspViolations(grace.page)).toEqual([]);
  });

  it('lets a signed-out visitor sign in with no violation', async () => {
    const visitor = await newPerson(browser, 'Visitor');
    await recordCspViolations(visitor.context);
    await visitor.page.goto(`${sharedQuire().webUrl}/signin`);
    await visitor.page.getByRole('textbox', { name: 'Email' }).fill(grace.account.email);
    await visitor.page.getByLabel('Password').fill(grace.account.password);
    await visitor.page.getByRole('button', { name: 'Sign in' }).click();
    await visitor.page.waitForURL(`${sharedQuire().webUrl}/`);
    await visitor.page.getByRole('link', { name: 'Policy notes' }).first().waitFor();
    expect(await cspViolations(visitor.page)).toEqual([]);
  });

  it('opens a share link for a guest with no violation, sending its token to no one', async () => {
    const guest: Person = await newPerson(browser, 'Vera');
    await recordCspViolations(guest.context);
    const referers: Promise<string | null>[] = [];
    guest.page.on('request', (request) => {
      referers.push(request.headerValue('referer').then((referer) => (referer ? `${request.url()} ← ${referer}` : null)));
    });
    await openAsGuest(guest, `${sharedQuire().webUrl}/s/${linkToken}`);
    await waitForText(guest.page, { includes: 'Written under a strict policy.' });
    await connectedIndicator(guest.page).waitFor();
    expect(await cspViolations(guest.page)).toEqual([]);
    expect(referers.length).toBeGreaterThan(0);
    expect((await Promise.all(referers)).filter(Boolean)).toEqual([]);
  });
});
