import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, MOD, newMember, openDocument, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** The text of each top-level block, in order, without the other person's cursor label. */
function blocks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.quire-doc > *')].map((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.quire-remote-cursor').forEach((cursor) => cursor.remove());
      return clone.textContent ?? '';
    }),
  );
}

/** Waits until `page` draws these top-level blocks, in this order. */
async function waitForBlocks(page: Page, expected: string[]): Promise<void> {
  for (;;) {
    if (JSON.stringify(await blocks(page)) === JSON.stringify(expected)) return;
    await page.waitForTimeout(50);
  }
}

/** Block drag handles and Alt+Shift+ArrowUp/Down: one move, seen by the other person, one undo. */
describe('moving blocks', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
  });

  beforeEach(async () => {
    const document = await ada.api.createDocument('Moving blocks');
    await ada.api.addMember(document.id, grace.account.email, 'editor');
    const url = `${sharedQuire().webUrl}/d/${document.id}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
    await ada.editor.click();
    await ada.page.keyboard.type('One');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Two');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Three');
    await waitForBlocks(grace.page, ['One', 'Two', 'Three']);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('drags a block by its handle to another place; the other person sees it, and one undo puts it back', async () => {
    const three = ada.editor.locator('p', { hasText: 'Three' });
    await three.hover();
    const handle = ada.page.locator('.quire-block-handle');
    await handle.waitFor();
    const [handleBox, threeBox, oneBox] = await Promise.all([handle.boundingBox(), three.boundingBox(), ada.editor.locator('p', { hasText: 'One' }).boundingBox()]);
    if (!handleBox || !threeBox || !oneBox) throw new Error('nothing to drag');
    // The handle sits in the margin, level with the block it moves.
    expect(handleBox.x + handleBox.width).toBeLessThanOrEqual(threeBox.x);
    expect(handleBox.y).toBeGreaterThanOrEqual(threeBox.y - 4);
    expect(handleBox.y + handleBox.height).toBeLessThanOrEqual(threeBox.y + threeBox.height + 4);

    await ada.page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
    await ada.page.mouse.down();
    // Over the upper half of "One": the block lands before it, where the line shows.
    await ada.page.mouse.move(oneBox.x + 40, oneBox.y + oneBox.height / 4, { steps: 8 });
    await ada.page.locator('.quire-block-drop:not([hidden])').waitFor();
    await ada.page.mouse.up();

    await waitForBlocks(ada.page, ['Three', 'One', 'Two']);
    await waitForBlocks(grace.page, ['Three', 'One', 'Two']);
    expect(await ada.page.locator('.quire-block-drop:not([hidden])').count()).toBe(0);

    // One step: a single undo brings the order back, on both pages, with every word kept.
    await ada.page.keyboard.press(`${MOD}+z`);
    await waitForBlocks(ada.page, ['One', 'Two', 'Three']);
    await waitForBlocks(grace.page, ['One', 'Two', 'Three']);
  });

  it('moves the block the cursor is in with Alt+Shift+ArrowUp/ArrowDown, and one undo takes back one move', async () => {
    await ada.editor.locator('p', { hasText: 'One' }).click();
    await ada.page.keyboard.press('Alt+Shift+ArrowDown');
    await waitForBlocks(grace.page, ['Two', 'One', 'Three']);
    await ada.page.keyboard.press('Alt+Shift+ArrowDown');
    await waitForBlocks(grace.page, ['Two', 'Three', 'One']);
    // The cursor went along: typing lands in the moved block.
    await ada.page.keyboard.type('!');
    await waitForBlocks(grace.page, ['Two', 'Three', 'One!']);
    await ada.page.keyboard.press('Backspace');
    await waitForBlocks(grace.page, ['Two', 'Three', 'One']);
    await ada.page.keyboard.press('Alt+Shift+ArrowUp');
    await waitForBlocks(grace.page, ['Two', 'One', 'Three']);

    await ada.page.keyboard.press(`${MOD}+z`);
    await waitForBlocks(ada.page, ['Two', 'Three', 'One']);
    await waitForBlocks(grace.page, ['Two', 'Three', 'One']);
    expect(await blocks(grace.page)).toEqual(['Two', 'Three', 'One']);

    // The shortcuts list names the keys.
    const shortcuts = ada.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await ada.page.keyboard.press(`${MOD}+/`);
    expect(await shortcuts.getByRole('row', { name: /^Move the block up/ }).textContent()).toContain('Alt+Shift+↑');
    expect(await shortcuts.getByRole('row', { name: /^Move the block down/ }).textContent()).toContain('Alt+Shift+↓');
    await ada.page.keyboard.press('Escape');
  });
});
