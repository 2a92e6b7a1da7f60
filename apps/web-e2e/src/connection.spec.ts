import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPerson } from './harness/browser';

describe('connection state', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('tells an outdated editor to reload, and stops reconnecting', async () => {
    const person = await newPerson(browser, 'Ada');
    let attempts = 0;
    // Stand in for a server with a newer schema: it closes every connection with 4426.
    await person.page.routeWebSocket(/\/collab\//, (socket) => {
      attempts++;
      socket.close({ code: 4426, reason: 'editor outdated' });
    });
    // A controllable clock, so "no retry within the backoff" is checked without waiting for it.
    await person.page.clock.install();
    await person.page.goto(`${inject('webUrl')}/d/outdated-editor-check`);
    const alert = person.page.getByRole('alert').filter({ hasText: 'This editor is out of date — reload the page.' });
    await alert.waitFor();
    await person.page.getByRole('button', { name: 'Reload' }).waitFor();
    expect(await person.editor.getAttribute('contenteditable')).toBe('false');
    // y-websocket retries within its 2.5 s maximum backoff; run a minute of timers.
    await person.page.clock.runFor(60_000);
    expect(attempts).toBe(1);
  });
});
