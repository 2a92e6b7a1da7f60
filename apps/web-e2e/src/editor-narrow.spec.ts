import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, type Member } from './harness/browser';
import { mainToolbar, openNewDocument } from './harness/editor';
import { expectInside, expectNoSidewaysScroll, expectTappable, PHONE, TOUCH_TARGET } from './harness/narrow';
import { sharedQuire } from './harness/urls';

/**
 * `control` can be reached by a finger: brought into view (the toolbar scrolls sideways), inside the
 * screen, at least 44 by 44 px, and nothing covers its centre. Unlike `expectTappable` it also
 * accepts controls that do not apply now (aria-disabled), such as Undo with nothing to undo.
 */
async function expectReachable(control: Locator, name: string): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expectInside(control, name);
  const box = await control.boundingBox();
  if (!box) throw new Error(`${name} has no box`);
  expect(Math.round(box.width), `${name}'s width`).toBeGreaterThanOrEqual(TOUCH_TARGET);
  expect(Math.round(box.height), `${name}'s height`).toBeGreaterThanOrEqual(TOUCH_TARGET);
  const onTop = await control.evaluate((element, point) => element.contains(document.elementFromPoint(point.x, point.y)), {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  expect(onTop, `${name} is covered`).toBe(true);
}

/** Every button of a toolbar, each reachable; their names in order. */
async function expectEveryControlReachable(toolbar: Locator, where: string): Promise<string[]> {
  const controls = toolbar.getByRole('button');
  const names: string[] = [];
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? `#${i}`;
    await expectReachable(control, `${where}: ${name}`);
    names.push(name);
  }
  return names;
}

/** The editor on a phone: the toolbar scrolls with a cue, and every action is in reach of a finger. */
describe('the editor at 390 px', () => {
  let browser: Browser;
  let ada: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada', { viewport: PHONE });
    await openNewDocument(ada, sharedQuire(), 'On a phone');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('fits the page, and the toolbar scrolls sideways with shadows where there is more', async () => {
    await expectNoSidewaysScroll(ada.page, 'editor');
    const toolbar = mainToolbar(ada.page);
    await expectInside(toolbar, 'the toolbar');
    const shape = await toolbar.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      overflow: getComputedStyle(element).overflowX,
      cue: getComputedStyle(element).backgroundImage,
    }));
    expect(shape.scrollWidth).toBeGreaterThan(shape.clientWidth);
    expect(shape.overflow).toBe('auto');
    expect(shape.cue).toContain('radial-gradient');
  });

  it('brings every toolbar action within reach, each at least 44 by 44 px', async () => {
    const names = await expectEveryControlReachable(mainToolbar(ada.page), 'toolbar');
    expect(names).toEqual([
      'Undo',
      'Redo',
      'Text style: Text',
      'Bold',
      'Italic',
      'Underline',
      'Strikethrough',
      'Inline code',
      'Subscript',
      'Superscript',
      'Link',
      'Highlight',
      'Text colour',
      'Bulleted list',
      'Numbered list',
      'Task list',
      'Quote',
      'Callout',
      'Code block',
      'Table',
      'Image',
      'File',
      'Divider',
      'Alignment',
    ]);
    expect(await ada.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('opens the last menu of the toolbar inside the screen, with entries a finger can hit, and it works', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('Centred on a phone');
    const alignment = mainToolbar(ada.page).getByRole('button', { name: 'Alignment' });
    await alignment.scrollIntoViewIfNeeded();
    await alignment.click();
    const menu = ada.page.getByRole('menu', { name: 'Alignment' });
    await expectInside(menu, 'the alignment menu');
    const centre = menu.getByRole('menuitemradio', { name: 'Centre' });
    await expectTappable(centre, 'Centre');
    await centre.click();
    expect(await ada.editor.locator('p').evaluate((p) => getComputedStyle(p).textAlign)).toBe('center');
  });

  it('keeps the slash menu, the selection bubble and the table controls inside the screen', async () => {
    await ada.editor.click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('/');
    const blocks = ada.page.getByRole('listbox', { name: 'Insert a block' });
    await expectInside(blocks, 'the slash menu');
    await ada.page.keyboard.type('table');
    await ada.page.keyboard.press('Enter');
    const table = ada.page.getByRole('toolbar', { name: 'Table' });
    await expectInside(table, 'the table controls');
    await expectEveryControlReachable(table, 'table controls');
    await ada.page.keyboard.type('cell text');
    await ada.page.keyboard.press('Shift+Home');
    const bubble = ada.page.getByRole('toolbar', { name: 'Selection formatting' });
    await expectInside(bubble, 'the selection bubble');
    await expectEveryControlReachable(bubble, 'selection bubble');
    await expectNoSidewaysScroll(ada.page, 'editor with a table');
  });
});
