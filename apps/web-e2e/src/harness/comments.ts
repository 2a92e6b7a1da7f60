import type { Locator, Page } from 'playwright-core';

/**
 * Selects the first occurrence of `text` in the document as a person would with the mouse: a DOM
 * selection, which ProseMirror reads (the editor is focused first when it takes the focus).
 */
export async function selectInDocument(page: Page, text: string): Promise<void> {
  const editor = page.locator('.quire-doc');
  if ((await editor.getAttribute('contenteditable')) === 'true') await editor.focus();
  await page.evaluate((wanted) => {
    const root = document.querySelector('.quire-doc');
    if (!root) throw new Error('no document on the page');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node of the document`);
  }, text);
}

/** The thread card (margin or sheet) holding `text`. */
export function threadCard(page: Page, text: string): Locator {
  return page.locator('article[data-thread-id]', { hasText: text });
}

/** The highlighted (commented) text in the document that reads `text`. */
export function commentedText(page: Page, text: string): Locator {
  return page.locator('.quire-doc .quire-comment', { hasText: text });
}

/** Writes a comment in the open composer: plain text, with `@Name` chosen from the `@` menu for each mention. */
export async function writeComment(field: Locator, parts: readonly (string | { mention: string })[]): Promise<void> {
  await field.focus();
  const page = field.page();
  for (const part of parts) {
    if (typeof part === 'string') {
      await field.pressSequentially(part);
      continue;
    }
    await field.pressSequentially(`@${part.mention.slice(0, 3)}`);
    await page.getByRole('option', { name: new RegExp(`^${part.mention}`) }).waitFor();
    await field.press('Enter');
  }
}
