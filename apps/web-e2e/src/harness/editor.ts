import type { Locator, Page } from 'playwright-core';
import { openDocument, type Member } from './browser';
import type { QuireUrls } from './api';

/** The main formatting toolbar (people who may edit only). */
export const mainToolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Formatting', exact: true });

/** Opens a new document of `member`'s, empty, with the cursor in it. */
export async function openNewDocument(member: Member, urls: QuireUrls, title?: string): Promise<string> {
  const document = await member.api.createDocument(title);
  await openDocument(member, `${urls.webUrl}/d/${document.id}`);
  await member.editor.click();
  return document.id;
}

/** Chooses `entry` from the toolbar menu whose button is named `menu` (its name starts with it). */
export async function chooseFromMenu(page: Page, menu: string, entry: string): Promise<void> {
  await mainToolbar(page).getByRole('button', { name: new RegExp(`^${menu}`) }).click();
  await page.getByRole('menu', { name: menu }).getByRole('menuitemradio', { name: entry, exact: true }).click();
}

/** Pastes `html` (and `text`) into the focused editor as a real paste event with a clipboard. */
export async function pasteHtml(page: Page, html: string, text = ''): Promise<void> {
  await page.locator('.quire-doc').evaluate(
    (editor, clip) => {
      const data = new DataTransfer();
      data.setData('text/html', clip.html);
      data.setData('text/plain', clip.text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/**
 * Pastes a PNG of `width` × `height` drawn in the page (a canvas) as a file on the clipboard, as a
 * screenshot tool or an image copied from another app puts it there.
 */
export async function pasteImage(page: Page, name: string, width = 320, height = 180): Promise<void> {
  await page.locator('.quire-doc').evaluate(
    async (editor, image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#2651b3';
      context.fillRect(0, 0, image.width, image.height);
      context.fillStyle = '#f4b400';
      context.fillRect(image.width / 8, image.height / 4, image.width / 3, image.height / 2);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made as Blob), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], image.name, { type: 'image/png' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, width, height },
  );
}
