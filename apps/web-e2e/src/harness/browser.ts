import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Chromium as the tests run it: headless, no sandbox (containers), no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person in their own browser profile (context): their own localStorage, so their own id. */
export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** The editable document. */
  editor: Locator;
}

/** Opens a new browser profile for `name`. */
export async function newPerson(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  return { name, context, page, editor: page.locator('.quire-doc') };
}

/**
 * Opens the document at `url` as `person`: answers the name prompt on the first visit and waits
 * until the editor is connected and has the server's copy.
 */
export async function openDocument(person: Person, url: string): Promise<void> {
  const { page } = person;
  await page.goto(url);
  const nameField = page.getByRole('textbox', { name: 'Your name' });
  const status = page.locator('[role="status"][data-state]');
  // Either the first-visit prompt appears, or (name remembered) the editor connects.
  await Promise.race([nameField.waitFor({ state: 'visible' }), status.and(page.locator('[data-state="connected"]')).waitFor()]);
  if (await nameField.isVisible()) {
    await nameField.fill(person.name);
    await nameField.press('Enter');
    await nameField.waitFor({ state: 'hidden' });
  }
  await page.locator('[role="status"][data-state="connected"]').waitFor();
  await person.editor.waitFor();
}

/** The document's text without other people's cursor labels. */
export function documentText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector('.quire-doc');
    if (!root) return '';
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.quire-remote-cursor').forEach((cursor) => cursor.remove());
    return clone.textContent ?? '';
  });
}

/** Waits until the document text (without cursor labels) satisfies `predicate` on `page`. */
export async function waitForText(page: Page, expected: { includes?: string; excludes?: string }): Promise<void> {
  await page.waitForFunction((want) => {
    const root = document.querySelector('.quire-doc');
    if (!root) return false;
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.quire-remote-cursor').forEach((cursor) => cursor.remove());
    const text = clone.textContent ?? '';
    return (want.includes === undefined || text.includes(want.includes)) && (want.excludes === undefined || !text.includes(want.excludes));
  }, expected);
}

/** The platform's undo modifier as Playwright names it. */
export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
