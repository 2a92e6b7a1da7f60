import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, type Member } from './harness/browser';
import { cspViolations, recordCspViolations } from './harness/csp';
import { PAGE_BACKGROUND, shownTheme } from './harness/theme';
import { sharedQuire } from './harness/urls';

/** Opens the account menu and picks a theme in its switch. */
async function chooseTheme(page: Page, label: 'System' | 'Light' | 'Dark'): Promise<void> {
  const trigger = page.getByRole('button', { name: /^Account:/ });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: label }).check();
}

function storedChoice(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('quire-theme'));
}

describe('theme', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('follows the system setting while nothing is chosen', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const member = await newMember(browser, sharedQuire(), 'Ada', { colorScheme });
      await member.page.goto(`${sharedQuire().webUrl}/`);
      await member.page.getByRole('heading', { name: 'My documents' }).waitFor();
      expect(await shownTheme(member.page)).toEqual({ background: PAGE_BACKGROUND[colorScheme], attribute: null });
      await member.page.getByRole('button', { name: /^Account:/ }).click();
      expect(await member.page.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
      await member.context.close();
    }
  });

  describe('chosen in the account menu, on a light system', () => {
    let ada: Member;

    beforeAll(async () => {
      ada = await newMember(browser, sharedQuire(), 'Ada', { colorScheme: 'light' });
      await recordCspViolations(ada.context);
    });

    it('applies Dark at once and remembers it in this browser', async () => {
      await ada.page.goto(`${sharedQuire().webUrl}/`);
      await ada.page.getByRole('heading', { name: 'My documents' }).waitFor();
      await chooseTheme(ada.page, 'Dark');
      expect(await shownTheme(ada.page)).toEqual({ background: PAGE_BACKGROUND.dark, attribute: 'dark' });
      expect(await storedChoice(ada.page)).toBe('dark');
    });

    it('is applied by the page itself before any of its scripts load, with the page nonce', async () => {
      // Without the app's script files (its styles still load), only the inline theme script in
      // <head> can set the theme: what shows here is what the first paint shows, before React.
      // The service worker would serve the scripts from its precache, where no route sees them.
      await ada.page.evaluate(async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      });
      const blocked: string[] = [];
      await ada.page.route(
        (url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'),
        (route) => {
          blocked.push(route.request().url());
          return route.abort();
        },
      );
      try {
        await ada.page.goto(`${sharedQuire().webUrl}/account`);
        expect(blocked.length).toBeGreaterThan(0);
        expect(await shownTheme(ada.page)).toEqual({ background: PAGE_BACKGROUND.dark, attribute: 'dark' });
        expect(await cspViolations(ada.page)).toEqual([]);
      } finally {
        await ada.page.unrouteAll();
      }
    });

    it('follows the choice in another tab of the same browser', async () => {
      await ada.page.goto(`${sharedQuire().webUrl}/account`);
      await ada.page.getByRole('heading', { name: 'Your account' }).waitFor();
      const other = await ada.context.newPage();
      await other.goto(`${sharedQuire().webUrl}/`);
      await other.getByRole('heading', { name: 'My documents' }).waitFor();
      expect((await shownTheme(other)).background).toBe(PAGE_BACKGROUND.dark);
      await chooseTheme(ada.page, 'Light');
      await other.waitForFunction((light) => getComputedStyle(document.body).backgroundColor === light, PAGE_BACKGROUND.light);
      expect(await shownTheme(other)).toEqual({ background: PAGE_BACKGROUND.light, attribute: 'light' });
      await other.close();
    });

    it('goes back to the system setting with System, and forgets the choice', async () => {
      await chooseTheme(ada.page, 'Dark');
      expect((await shownTheme(ada.page)).background).toBe(PAGE_BACKGROUND.dark);
      await chooseTheme(ada.page, 'System');
      expect(await shownTheme(ada.page)).toEqual({ background: PAGE_BACKGROUND.light, attribute: null });
      expect(await storedChoice(ada.page)).toBeNull();
      await ada.page.reload();
      await ada.page.getByRole('heading', { name: 'Your account' }).waitFor();
      expect(await shownTheme(ada.page)).toEqual({ background: PAGE_BACKGROUND.light, attribute: null });
    });
  });

  it('keeps Light on a dark system, on the editor too', async () => {
    const grace = await newMember(browser, sharedQuire(), 'Grace', { colorScheme: 'dark' });
    const document = await grace.api.createDocument('Bright notes');
    await grace.page.goto(`${sharedQuire().webUrl}/`);
    await chooseTheme(grace.page, 'Light');
    expect(await shownTheme(grace.page)).toEqual({ background: PAGE_BACKGROUND.light, attribute: 'light' });
    await grace.page.goto(`${sharedQuire().webUrl}/d/${document.id}`);
    await grace.editor.waitFor();
    expect(await shownTheme(grace.page)).toEqual({ background: PAGE_BACKGROUND.light, attribute: 'light' });
    await grace.context.close();
  });
});
