import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { QuireApi, type Account, type QuireUrls } from './api';
import { fromAddress, newClientAddress } from './client-address';

export { launchBrowser } from '@quire/testing/browser';

/** One person in their own browser profile (context): their own cookies and localStorage. */
export interface Person {
  name: string;
  /** The address the server sees this person's requests come from. */
  address: string;
  context: BrowserContext;
  page: Page;
  /** The editable document. */
  editor: Locator;
}

/** A person with an account, signed in in their browser; `api` calls the API with the same cookie. */
export interface Member extends Person {
  account: Account;
  api: QuireApi;
}

/** A person's window unless a spec says otherwise. */
export const DEFAULT_VIEWPORT = { width: 1180, height: 820 } as const;

/** How a person's browser looks: the system's colour scheme and the window's size. */
export interface Screen {
  /** The operating system's light or dark setting (prefers-color-scheme); light by default. */
  colorScheme?: 'light' | 'dark';
  /** `DEFAULT_VIEWPORT` unless given; a phone is 390 wide. */
  viewport?: { width: number; height: number };
}

/** Opens a new browser profile for `name`, signed out. */
export async function newPerson(browser: Browser, name: string, { colorScheme = 'light', viewport = DEFAULT_VIEWPORT }: Screen = {}): Promise<Person> {
  const address = newClientAddress();
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, extraHTTPHeaders: fromAddress(address) });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  return { name, address, context, page, editor: page.locator('.quire-doc') };
}

/**
 * Opens a new browser profile for `name` with a new account of that name, signed in (sign-up starts
 * a session in the profile's cookie jar, which the pages then use).
 */
export async function newMember(browser: Browser, urls: QuireUrls, name: string, screen: Screen = {}): Promise<Member> {
  const person = await newPerson(browser, name, screen);
  const api = new QuireApi(person.context.request, urls, person.address);
  const account = await api.signUp(name);
  return { ...person, account, api };
}

/** Opens a new browser profile signed in as an existing account. */
export async function signedInAs(browser: Browser, urls: QuireUrls, account: Account, screen: Screen = {}): Promise<Member> {
  const person = await newPerson(browser, account.name, screen);
  const api = new QuireApi(person.context.request, urls, person.address);
  await api.signIn(account);
  return { ...person, account, api };
}

/** The connection indicator once the editor is connected. */
export function connectedIndicator(page: Page): Locator {
  return page.locator('[role="status"][data-state="connected"]');
}

/**
 * The editor once bound to its document: until then it is `aria-busy` and not editable (a long
 * document renders a part at a time first, libs/editor's bindSharedDocument).
 */
export function boundEditor(page: Page): Locator {
  return page.locator('.quire-doc:not([aria-busy])');
}

/** Opens the document at `url` and waits until the editor is connected, has the server's copy and is bound to it. */
export async function openDocument(person: Person, url: string): Promise<void> {
  await person.page.goto(url);
  await connectedIndicator(person.page).waitFor();
  await boundEditor(person.page).waitFor();
}

/**
 * Opens a viewer share link as a guest: answers the name prompt (first visit) and waits until the
 * read-only editor is connected.
 */
export async function openAsGuest(person: Person, url: string): Promise<void> {
  const { page } = person;
  await page.goto(url);
  const nameField = page.getByRole('textbox', { name: 'Your name' });
  await Promise.race([nameField.waitFor({ state: 'visible' }), connectedIndicator(page).waitFor()]);
  if (await nameField.isVisible()) {
    await nameField.fill(person.name);
    await nameField.press('Enter');
    await nameField.waitFor({ state: 'hidden' });
  }
  await connectedIndicator(page).waitFor();
  await boundEditor(page).waitFor();
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
