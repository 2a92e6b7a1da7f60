import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, type Member } from './harness/browser';
import { chooseFromMenu, mainToolbar, openNewDocument } from './harness/editor';
import { sharedQuire } from './harness/urls';

/** Every control of the toolbar, the bubble on a selection, the table and code controls, links. */
describe('the editing toolbar', () => {
  let browser: Browser;
  let ada: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
  });

  beforeEach(async () => {
    await openNewDocument(ada, sharedQuire());
  });

  afterAll(async () => {
    await browser?.close();
  });

  const button = (name: string) => mainToolbar(ada.page).getByRole('button', { name, exact: true });

  it('sets headings 1 to 4 and text again from the text style menu, which names the current style', async () => {
    await ada.page.keyboard.type('A title');
    for (const level of [1, 2, 3, 4]) {
      await chooseFromMenu(ada.page, 'Text style', `Heading ${level}`);
      expect(await ada.editor.locator(`h${level}`).textContent()).toBe('A title');
      await mainToolbar(ada.page).getByRole('button', { name: `Text style: Heading ${level}` }).waitFor();
    }
    await chooseFromMenu(ada.page, 'Text style', 'Text');
    expect(await ada.editor.locator('p').first().textContent()).toBe('A title');
    expect(await ada.editor.locator('h1, h2, h3, h4').count()).toBe(0);
  });

  it('applies and removes every mark, subscript and superscript excluding each other', async () => {
    await ada.page.keyboard.type('word');
    await ada.page.keyboard.press('Shift+Home');
    const marks: [string, string][] = [
      ['Bold', 'strong'],
      ['Italic', 'em'],
      ['Underline', 'u'],
      ['Strikethrough', 's'],
      ['Inline code', 'code'],
      ['Subscript', 'sub'],
      ['Superscript', 'sup'],
    ];
    for (const [name, tag] of marks) {
      await button(name).click();
      expect(await ada.editor.locator(tag).textContent(), name).toBe('word');
      expect(await button(name).getAttribute('aria-pressed'), name).toBe('true');
    }
    // Superscript replaced subscript.
    expect(await ada.editor.locator('sub').count()).toBe(0);
    for (const [name, tag] of marks.filter(([name]) => name !== 'Subscript')) {
      await button(name).click();
      expect(await ada.editor.locator(tag).count(), name).toBe(0);
    }
    expect(await ada.editor.locator('p').textContent()).toBe('word');
  });

  it('colours and highlights text from the palette, and takes the colour away again', async () => {
    await ada.page.keyboard.type('colourful');
    await ada.page.keyboard.press('Shift+Home');
    await chooseFromMenu(ada.page, 'Highlight', 'Green highlight');
    expect(await ada.editor.locator('mark[data-color="green"]').textContent()).toBe('colourful');
    await chooseFromMenu(ada.page, 'Text colour', 'Red text');
    expect(await ada.editor.locator('span[data-text-color="red"]').textContent()).toBe('colourful');
    // The menus mark the current colour.
    await mainToolbar(ada.page).getByRole('button', { name: 'Highlight' }).click();
    expect(await ada.page.getByRole('menuitemradio', { name: 'Green highlight' }).getAttribute('aria-checked')).toBe('true');
    await ada.page.getByRole('menuitemradio', { name: 'No highlight' }).click();
    await chooseFromMenu(ada.page, 'Text colour', 'Default colour');
    expect(await ada.editor.locator('mark, span[data-text-color]').count()).toBe(0);
  });

  it('aligns a paragraph, and the alignment button shows it', async () => {
    await ada.page.keyboard.type('In the middle');
    await chooseFromMenu(ada.page, 'Alignment', 'Centre');
    expect(await ada.editor.locator('p').evaluate((p) => getComputedStyle(p).textAlign)).toBe('center');
    await chooseFromMenu(ada.page, 'Alignment', 'Align right');
    expect(await ada.editor.locator('p').evaluate((p) => getComputedStyle(p).textAlign)).toBe('right');
    await chooseFromMenu(ada.page, 'Alignment', 'Align left');
    expect(await ada.editor.locator('p').evaluate((p) => getComputedStyle(p).textAlign)).toMatch(/^(left|start)$/);
  });

  it('makes lists, task lists, quotes, callouts, code blocks and dividers', async () => {
    await ada.page.keyboard.type('item');
    for (const [name, selector] of [
      ['Bulleted list', 'ul:not([data-type]) > li'],
      ['Numbered list', 'ol > li'],
      ['Task list', 'ul[data-type="task_list"] > li'],
    ] as const) {
      await button(name).click();
      expect(await ada.editor.locator(selector).textContent(), name).toBe('item');
      expect(await button(name).getAttribute('aria-pressed'), name).toBe('true');
      await button(name).click();
      expect(await ada.editor.locator('li').count(), `${name} lifted`).toBe(0);
    }
    await button('Quote').click();
    expect(await ada.editor.locator('blockquote').textContent()).toBe('item');
    await button('Quote').click();
    for (const kind of ['warning', 'success', 'error', 'info']) {
      await chooseFromMenu(ada.page, 'Callout', `${kind[0]?.toUpperCase()}${kind.slice(1)} callout`);
      expect(await ada.editor.locator(`div[data-callout="${kind}"]`).textContent(), kind).toBe('item');
    }
    await chooseFromMenu(ada.page, 'Callout', 'Info callout');
    expect(await ada.editor.locator('[data-callout]').count()).toBe(0);
    await button('Code block').click();
    expect(await ada.editor.locator('pre').textContent()).toBe('item');
    await button('Code block').click();
    await button('Divider').click();
    expect(await ada.editor.locator('hr').count()).toBe(1);
  });

  it('sets the language of a code block from its picker, and the code is highlighted as that language', async () => {
    await button('Code block').click();
    await ada.page.keyboard.type('def greet(name):\n    return "hi"');
    const picker = ada.page.getByRole('combobox', { name: 'Code language' });
    expect(await picker.inputValue()).toBe('');
    await picker.selectOption('python');
    expect(await ada.editor.locator('pre').getAttribute('data-language')).toBe('python');
    await ada.editor.locator('pre .hljs-keyword', { hasText: 'def' }).waitFor();
    await ada.editor.locator('pre .hljs-string', { hasText: '"hi"' }).waitFor();
    // The highlighting is drawn, not stored: the text is what was typed.
    expect(await ada.editor.locator('pre').textContent()).toBe('def greet(name):\n    return "hi"');
  });

  it('inserts a table of the size picked, and edits it with the table controls', async () => {
    await mainToolbar(ada.page).getByRole('button', { name: 'Table' }).click();
    await ada.page.getByRole('dialog', { name: 'Insert a table' }).getByRole('button', { name: '2 by 3 table' }).click();
    const rows = ada.editor.locator('table tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('th').count()).toBe(3);
    await ada.page.keyboard.type('A');
    const controls = ada.page.getByRole('toolbar', { name: 'Table' });
    await controls.getByRole('button', { name: 'Add row below' }).click();
    await controls.getByRole('button', { name: 'Add column after' }).click();
    expect(await rows.count()).toBe(3);
    expect(await rows.first().locator('th, td').count()).toBe(4);
    expect(await controls.getByRole('button', { name: 'Header row' }).getAttribute('aria-pressed')).toBe('true');
    await controls.getByRole('button', { name: 'Header row' }).click();
    expect(await ada.editor.locator('th').count()).toBe(0);
    await controls.getByRole('button', { name: 'Delete column' }).click();
    await controls.getByRole('button', { name: 'Delete row' }).click();
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator('td').count()).toBe(3);
    // Merge two cells selected with Shift and the arrow keys, then split them again.
    await ada.editor.locator('td').first().click();
    await ada.page.keyboard.press('Shift+ArrowRight');
    await ada.editor.locator('td.selectedCell').nth(1).waitFor();
    await controls.getByRole('button', { name: 'Merge cells' }).click();
    expect(await ada.editor.locator('td[colspan="2"]').count()).toBe(1);
    await ada.editor.locator('td[colspan="2"]').click();
    await controls.getByRole('button', { name: 'Split cell' }).click();
    expect(await ada.editor.locator('td[colspan="2"]').count()).toBe(0);
    expect(await rows.first().locator('td').count()).toBe(3);
    await controls.getByRole('button', { name: 'Delete table' }).click();
    expect(await ada.editor.locator('table').count()).toBe(0);
  });

  it('opens and works its menus with the keyboard alone', async () => {
    await ada.page.keyboard.type('keys');
    await ada.page.keyboard.press('Shift+Home');
    await ada.page.keyboard.press('Escape');
    // From Bold, right through Italic … Link to the highlight menu.
    const focused = ada.page.locator(':focus');
    expect(await focused.getAttribute('data-action')).toBe('bold');
    for (let i = 0; i < 8; i++) await ada.page.keyboard.press('ArrowRight');
    expect(await focused.getAttribute('data-action')).toBe('highlight');
    await ada.page.keyboard.press('ArrowDown');
    expect(await focused.getAttribute('role')).toBe('menuitemradio');
    expect(await focused.textContent()).toBe('No highlight');
    await ada.page.keyboard.press('ArrowRight');
    await ada.page.keyboard.press('ArrowRight');
    expect(await focused.textContent()).toBe('Brown highlight');
    await ada.page.keyboard.press('Enter');
    expect(await ada.editor.locator('mark[data-color="brown"]').textContent()).toBe('keys');
    // Chosen by keyboard, focus is back on the menu's button; Escape closes a menu there too.
    expect(await focused.getAttribute('data-action')).toBe('highlight');
    await ada.page.keyboard.press('Enter');
    await ada.page.getByRole('menu', { name: 'Highlight' }).waitFor();
    await ada.page.keyboard.press('Escape');
    await ada.page.getByRole('menu', { name: 'Highlight' }).waitFor({ state: 'detached' });
    expect(await focused.getAttribute('data-action')).toBe('highlight');
  });

  it('colours a selection made just before Escape, chosen by keyboard, on a slow machine', async () => {
    // A busy CPU delays the browser's selectionchange behind the keys: the selection made with
    // Shift+Home must still be what the text colour menu colours (it once went to the next text typed).
    const cdp = await ada.context.newCDPSession(ada.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    try {
      await ada.page.keyboard.type('slow');
      await ada.page.keyboard.press('Shift+Home');
      await ada.page.keyboard.press('Escape');
      const focused = ada.page.locator(':focus');
      for (let i = 0; i < 9; i++) await ada.page.keyboard.press('ArrowRight');
      expect(await focused.getAttribute('data-action')).toBe('text_color');
      await ada.page.keyboard.press('ArrowDown');
      await ada.page.keyboard.press('End');
      expect(await focused.getAttribute('data-entry')).toBe('text_color:pink');
      await ada.page.keyboard.press(' ');
      expect(await ada.editor.locator('span[data-text-color="pink"]').textContent()).toBe('slow');
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
  });

  it('shows a formatting bubble over selected text, and nothing without a selection', async () => {
    await ada.page.keyboard.type('bubble text');
    const bubble = ada.page.getByRole('toolbar', { name: 'Selection formatting' });
    expect(await bubble.count()).toBe(0);
    await ada.page.keyboard.press('Shift+Home');
    await bubble.waitFor();
    await bubble.getByRole('button', { name: 'Italic', exact: true }).click();
    expect(await ada.editor.locator('em').textContent()).toBe('bubble text');
    expect(await bubble.getByRole('button', { name: 'Italic', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await ada.page.keyboard.press('End');
    await bubble.waitFor({ state: 'detached' });
  });

  it('adds, edits and removes a link in a popover, and refuses javascript: there', async () => {
    await ada.page.keyboard.type('the docs');
    await ada.page.keyboard.press('Shift+Home');
    await button('Link').click();
    const field = ada.page.getByRole('textbox', { name: 'Link address' });
    await field.fill('javascript:alert(1)');
    await field.press('Enter');
    await ada.page.getByRole('alert').filter({ hasText: 'Only web (http, https) and email (mailto) links are allowed.' }).waitFor();
    expect(await ada.editor.locator('a').count()).toBe(0);
    await field.fill('example.com/docs');
    await field.press('Enter');
    await field.waitFor({ state: 'detached' });
    expect(await ada.editor.locator('a').getAttribute('href')).toBe('https://example.com/docs');

    // The cursor in the link shows its address, with Edit and Remove.
    await ada.editor.locator('a').click();
    const popover = ada.page.getByRole('group', { name: 'Link' });
    expect(await popover.getByRole('link').getAttribute('href')).toBe('https://example.com/docs');
    await popover.getByRole('button', { name: 'Edit link' }).click();
    expect(await field.inputValue()).toBe('https://example.com/docs');
    await field.fill('https://example.org/');
    await field.press('Enter');
    expect(await ada.editor.locator('a').getAttribute('href')).toBe('https://example.org/');
    await ada.editor.locator('a').click();
    await popover.getByRole('button', { name: 'Remove link' }).click();
    expect(await ada.editor.locator('a').count()).toBe(0);
    expect(await ada.editor.locator('p').textContent()).toBe('the docs');
  });
});
