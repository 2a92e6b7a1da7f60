import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember } from './harness/browser';
import { sharedQuire } from './harness/urls';

describe('connection state', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('tells an outdated editor to reload, and stops reconnecting', async () => {
    const person = await newMember(browser, sharedQuire(), 'Ada');
    const document = await person.api.createDocument('Outdated editor');
    let attempts = 0;
    // Stand in for a server with a newer schema: it closes every connection with 4426.
    await person.page.routeWebSocket(/\/collab\//, (socket) => {
      attempts++;
      socket.close({ code: 4426, reason: 'editor outdated' });
    });
    // A controllable clock, so "no retry within the backoff" is checked without waiting for it.
    await person.page.clock.install();
    await person.page.goto(`${sharedQuire().webUrl}/d/${document.id}`);
    const alert = person.page.getByRole('alert').filter({ hasText: 'This editor is out of date — reload the page.' });
    await alert.waitFor();
    await person.page.getByRole('button', { name: 'Reload' }).waitFor();
    expect(await person.editor.getAttribute('contenteditable')).toBe('false');
    // Reconnect backoff is at most 10 s; run a minute of timers.
    await person.page.clock.runFor(60_000);
    expect(attempts).toBe(1);
  });

  it('says a document that does not exist does not exist', async () => {
    const person = await newMember(browser, sharedQuire(), 'Ada');
    await person.page.goto(`${sharedQuire().webUrl}/d/no-such-document-here`);
    await person.page.getByRole('alert').filter({ hasText: 'This document does not exist or was deleted.' }).waitFor();
    expect(await person.editor.getAttribute('contenteditable')).toBe('false');
  });

  it('asks to sign in again once the session has ended', async () => {
    const person = await newMember(browser, sharedQuire(), 'Ada');
    const document = await person.api.createDocument('Session ends');
    const sockets: WebSocketRoute[] = [];
    await person.page.routeWebSocket(/\/collab\//, (socket) => {
      socket.connectToServer();
      sockets.push(socket);
    });
    await person.page.goto(`${sharedQuire().webUrl}/d/${document.id}`);
    await person.page.locator('[role="status"][data-state="connected"]').waitFor();
    // Signed out elsewhere (the same cookie jar), then the connection drops: no ticket can be had.
    await person.api.call('POST', '/api/auth/signout');
    await sockets.at(-1)?.close({ code: 1001, reason: 'going away' });
    await person.page.getByRole('alert').filter({ hasText: 'You are signed out.' }).waitFor();
    const signIn = person.page.getByRole('link', { name: 'Sign in' });
    expect(await signIn.getAttribute('href')).toBe(`/signin?next=${encodeURIComponent(`/d/${document.id}`)}`);
  });

  it('asks for a fresh ticket for every connection, and reconnects by itself after the server closes it', async () => {
    const person = await newMember(browser, sharedQuire(), 'Ada');
    const document = await person.api.createDocument('Reconnecting');
    const tokens: string[] = [];
    // Pass connections through to the real server; close the first as a restarting server would (1001).
    await person.page.routeWebSocket(/\/collab\//, (socket) => {
      tokens.push(new URL(socket.url()).searchParams.get('token') ?? '');
      socket.connectToServer();
      if (tokens.length === 1) void socket.close({ code: 1001, reason: 'going away' });
    });
    await person.page.goto(`${sharedQuire().webUrl}/d/${document.id}`);
    await expect.poll(() => tokens.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await person.page.locator('[role="status"][data-state="connected"]').waitFor();
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((token) => token.length > 0)).toBe(true);
  });
});
