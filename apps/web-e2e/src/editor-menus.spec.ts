import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, openDocument, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

const EVERY_BLOCK = [
  'Text',
  'Heading 1',
  'Heading 2',
  'Heading 3',
  'Heading 4',
  'Bulleted list',
  'Numbered list',
  'Task list',
  'Quote',
  'Info callout',
  'Warning callout',
  'Success callout',
  'Error callout',
  'Code block',
  'Table',
  'Divider',
  'Image',
  'File',
];

/** The slash menu (blocks) and the `@` menu (people), drawn from the editor's suggestion state. */
describe('the slash and @ menus', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let url: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
  });

  beforeEach(async () => {
    const document = await ada.api.createDocument('Menus');
    await ada.api.addMember(document.id, grace.account.email, 'editor');
    url = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(ada, url);
    await ada.editor.click();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const blocks = () => ada.page.getByRole('listbox', { name: 'Insert a block' });

  it('offers every block at the start of a line, with the keyboard in the text', async () => {
    await ada.page.keyboard.type('/');
    await blocks().waitFor();
    expect(await blocks().getByRole('option').allTextContents()).toEqual(EVERY_BLOCK);
    // The editor points at the highlighted entry, as a combobox does, and keeps the focus.
    const listId = await blocks().getAttribute('id');
    expect(await ada.editor.getAttribute('aria-controls')).toBe(listId);
    const first = blocks().getByRole('option', { name: 'Text' });
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await ada.editor.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await ada.page.keyboard.press('ArrowDown');
    await ada.page.keyboard.press('ArrowDown');
    const third = blocks().getByRole('option', { name: 'Heading 2' });
    expect(await third.getAttribute('aria-selected')).toBe('true');
    expect(await ada.editor.getAttribute('aria-activedescendant')).toBe(await third.getAttribute('id'));
    expect(await ada.page.evaluate(() => document.activeElement?.classList.contains('quire-doc'))).toBe(true);
    await ada.page.keyboard.press('Enter');
    await blocks().waitFor({ state: 'detached' });
    await ada.page.keyboard.type('Chosen by keyboard');
    expect(await ada.editor.locator('h2').textContent()).toBe('Chosen by keyboard');
    expect(await ada.editor.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('searches as you type, and inserts a quote or a table from what was found', async () => {
    await ada.page.keyboard.type('/citation');
    await blocks().getByRole('option', { name: 'Quote' }).waitFor();
    expect(await blocks().getByRole('option').allTextContents()).toEqual(['Quote']);
    await blocks().getByRole('option', { name: 'Quote' }).click();
    await ada.page.keyboard.type('Quoted');
    expect(await ada.editor.locator('blockquote').textContent()).toBe('Quoted');
    // Enter twice leaves the quote; then a table.
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('/tab');
    await blocks().getByRole('option', { name: 'Table', selected: true }).waitFor();
    expect(await blocks().getByRole('option').allTextContents()).toEqual(['Table']);
    await ada.page.keyboard.press('Enter');
    await ada.editor.locator('table tr').nth(2).waitFor();
    expect(await ada.editor.locator('table tr').first().locator('th').count()).toBe(3);
    expect(await ada.editor.textContent()).toBe('Quoted');
  });

  it('closes on Escape leaving the slash as text, says when nothing matches, and is not offered mid-sentence', async () => {
    await ada.page.keyboard.type('/zzz');
    await ada.page.getByRole('status').filter({ hasText: 'Nothing matches' }).waitFor();
    await ada.page.keyboard.press('Escape');
    await ada.page.getByRole('status').filter({ hasText: 'Nothing matches' }).waitFor({ state: 'detached' });
    expect(await ada.editor.textContent()).toBe('/zzz');
    await ada.page.keyboard.type(' and a/b');
    expect(await blocks().count()).toBe(0);
  });

  it('opens the file picker for an image', async () => {
    // Asked for first: Playwright turns on catching file choosers only after a round trip.
    const chooser = ada.page.waitForEvent('filechooser');
    await ada.page.keyboard.type('/image');
    await blocks().getByRole('option', { name: 'Image', selected: true }).waitFor();
    await ada.page.keyboard.press('Enter');
    const picker = await chooser;
    expect(picker.isMultiple()).toBe(true);
    expect(await picker.element().getAttribute('accept')).toBe('image/*');
  });

  it('mentions a member with @, shown to everyone with their current name', async () => {
    await openDocument(grace, url);
    await ada.page.keyboard.type('Ask @gr');
    const people = ada.page.getByRole('listbox', { name: 'People' });
    const option = people.getByRole('option', { name: new RegExp(`^Grace ${grace.account.email}`) });
    await option.waitFor();
    expect(await people.getByRole('option').count()).toBe(1);
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('about it.');
    const mention = grace.editor.locator(`.quire-mention[data-mention="${grace.account.id}"]`);
    await mention.waitFor();
    expect(await mention.textContent()).toBe('@Grace');
    expect(await ada.editor.textContent()).toBe('Ask @Grace about it.');

    // Grace renames herself: Ada's page reads the members again when its tab comes back into view,
    // without a reload. (Names no other spec gives anyone: the admin page lists every account of
    // the shared instance.)
    await grace.api.call('PATCH', '/api/account', { name: 'Grace, mentioned' });
    await ada.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await ada.editor.locator('.quire-mention', { hasText: '@Grace, mentioned' }).waitFor();
    // Again, and her page reconnects with a ticket in her new name: Ada's presence bar shows it,
    // and that alone (no focus, no reload) makes Ada's page read the members and redraw the mention.
    await grace.api.call('PATCH', '/api/account', { name: 'Grace, renamed twice' });
    await grace.page.reload();
    await ada.page.locator('[data-participant="Grace, renamed twice"]').waitFor();
    await ada.editor.locator('.quire-mention', { hasText: '@Grace, renamed twice' }).waitFor();
  });
});
