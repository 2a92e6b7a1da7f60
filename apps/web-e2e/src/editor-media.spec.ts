import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newMember, newPerson, openAsGuest, openDocument, type Member, type Person } from './harness/browser';
import { mainToolbar } from './harness/editor';
import { sharedQuire } from './harness/urls';

/** Pastes a PNG of random pixels (it does not compress: `width` × `height` × ~4 bytes) as a file. */
async function pasteNoisyImage(page: Page, name: string, width: number, height: number): Promise<void> {
  await page.locator('.quire-doc').evaluate(
    async (editor, image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const pixels = context.createImageData(image.width, image.height);
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      context.putImageData(pixels, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made as Blob), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], image.name, { type: 'image/png' }));
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, width, height },
  );
}

/** Whether the document's image on `page` has loaded (from the server, through the page's CSP). */
const imageLoaded = (page: Page) =>
  page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.quire-doc figure.quire-image img');
    return img !== null && img.complete && img.naturalWidth > 0;
  });

/** Images and files: uploads with progress, what collaborators and guests see, alt text, resizing. */
describe('images and files', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let guest: Person;
  let documentId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    grace = await newMember(browser, sharedQuire(), 'Grace');
    const document = await ada.api.createDocument('Media');
    documentId = document.id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    const url = `${sharedQuire().webUrl}/d/${documentId}`;
    await openDocument(ada, url);
    await openDocument(grace, url);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a pasted image with a progress bar; the other person sees a placeholder, then the image', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('Our board:');
    await ada.page.keyboard.press('Enter');
    // A slow uplink, so the upload is seen while it happens.
    const network = await ada.context.newCDPSession(ada.page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await pasteNoisyImage(ada.page, 'board.png', 700, 500);

    const progress = ada.editor.locator('.quire-upload progress');
    await progress.waitFor();
    expect(await progress.getAttribute('aria-label')).toBe('Uploading board.png');
    await ada.page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.quire-doc .quire-upload progress');
      return bar !== null && bar.value > 0 && bar.value < bar.max;
    });
    // Grace sees that an image is on its way (her page does not know how far it is).
    const placeholder = grace.editor.locator('.quire-upload');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain('An image is being uploaded');

    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // Uploaded: Ada is asked for alt text and a caption.
    const dialog = ada.page.getByRole('dialog', { name: 'Describe this image' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('Sticky notes on a board');
    await dialog.getByRole('textbox', { name: 'Caption' }).fill('The board on Monday');
    await dialog.getByRole('button', { name: 'Save' }).click();

    for (const page of [ada.page, grace.page]) {
      await imageLoaded(page);
      const img = page.locator('.quire-doc figure.quire-image img');
      expect(await img.getAttribute('src')).toMatch(/\/api\/files\/[A-Za-z0-9_-]+$/);
      await page.locator('.quire-doc img[alt="Sticky notes on a board"]').waitFor();
      expect(await page.locator('.quire-doc figcaption').textContent()).toBe('The board on Monday');
      expect(await page.locator('.quire-doc .quire-upload').count()).toBe(0);
    }
  });

  it('resizes the image by its corner for everyone, and by the size buttons', async () => {
    const frame = ada.editor.locator('.quire-image__frame');
    await frame.click();
    const box = await frame.boundingBox();
    const handle = ada.editor.locator('.quire-image__resize');
    const start = await handle.boundingBox();
    if (!box || !start) throw new Error('the image has no box');
    await ada.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await ada.page.mouse.down();
    await ada.page.mouse.move(start.x - 200, start.y + 10, { steps: 8 });
    await ada.page.mouse.up();
    const width = Math.round(box.width - 200 - start.width / 2);
    await grace.page.waitForFunction(
      (wanted) => {
        const frame = document.querySelector<HTMLElement>('.quire-doc .quire-image__frame');
        return frame !== null && Math.abs(Number.parseFloat(frame.style.width) - wanted) <= 4;
      },
      width,
    );
    // The image controls offer sizes for keyboards and fingers.
    await frame.click();
    await ada.page.getByRole('toolbar', { name: 'Image' }).getByRole('button', { name: 'Small' }).click();
    await grace.page.waitForFunction(() => document.querySelector<HTMLElement>('.quire-doc .quire-image__frame')?.style.width === '240px');
    // Its alt text stays editable.
    await ada.page.getByRole('toolbar', { name: 'Image' }).getByRole('button', { name: 'Alt text and caption' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'Alt text and caption' });
    expect(await dialog.getByRole('textbox', { name: 'Alt text' }).inputValue()).toBe('Sticky notes on a board');
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('Yellow sticky notes on a board');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await grace.editor.locator('img[alt="Yellow sticky notes on a board"]').waitFor();
  });

  it('attaches any other file as a block with its name, size and a download link', async () => {
    // Asked for first: Playwright turns on catching file choosers only after a round trip.
    const chooser = ada.page.waitForEvent('filechooser');
    await ada.editor.locator('p', { hasText: 'Our board:' }).click();
    await ada.page.keyboard.press('End');
    await mainToolbar(ada.page).getByRole('button', { name: 'File', exact: true }).click();
    const bytes = Buffer.from('minutes of the meeting\n'.repeat(200));
    await (await chooser).setFiles({ name: 'minutes.txt', mimeType: 'text/plain', buffer: bytes });

    const attachment = grace.editor.locator('.quire-attachment', { hasText: 'minutes.txt' });
    await attachment.locator('a').waitFor();
    expect(await attachment.locator('.quire-attachment__size').textContent()).toBe('4.6 KB');
    const download = attachment.getByRole('link', { name: 'Download minutes.txt, 4.6 KB' });
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/api\/files\/[A-Za-z0-9_-]+$/);
    // The link works for Grace (her session), as a download.
    const answer = await grace.context.request.get(href as string);
    expect(answer.status()).toBe(200);
    expect(await answer.text()).toBe(bytes.toString());
    expect(answer.headers()['content-disposition']).toMatch(/^attachment/);
  });

  it('shows a guest on a viewer link the image, through their file token', async () => {
    const link = await ada.api.createLink(documentId, 'viewer');
    guest = await newPerson(browser, 'Vera');
    await openAsGuest(guest, `${sharedQuire().webUrl}/s/${link.token}`);
    await imageLoaded(guest.page);
    expect(await guest.editor.locator('figure.quire-image img').getAttribute('src')).toMatch(/\/api\/files\/[A-Za-z0-9_-]+\?access=qf_/);
    expect(await guest.editor.locator('.quire-attachment a').getAttribute('href')).toContain('?access=qf_');
    // No resize handle or image controls for a reader.
    expect(await guest.editor.locator('.quire-image__resize').isVisible()).toBe(false);
  });

  it('uploads an image picked with the toolbar and one dropped on the text; an SVG is attached, never shown inline', async () => {
    const chooser = ada.page.waitForEvent('filechooser');
    await ada.editor.locator('p', { hasText: 'Our board:' }).click();
    const images = (page: Page) => page.locator('.quire-doc figure.quire-image img');
    const before = await images(grace.page).count();
    await mainToolbar(ada.page).getByRole('button', { name: 'Image', exact: true }).click();
    const png = await ada.page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 30;
      (canvas.getContext('2d') as CanvasRenderingContext2D).fillRect(0, 0, 20, 15);
      return canvas.toDataURL('image/png').split(',')[1] as string;
    });
    await (await chooser).setFiles({ name: 'picked.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await ada.page.getByRole('dialog', { name: 'Describe this image' }).getByRole('button', { name: 'Skip' }).click();
    await grace.page.waitForFunction((count) => document.querySelectorAll('.quire-doc figure.quire-image img').length === count, before + 1);

    // Dropped from the desktop onto the first paragraph.
    const target = await ada.editor.locator('p', { hasText: 'Our board:' }).boundingBox();
    if (!target) throw new Error('no paragraph to drop on');
    await ada.editor.evaluate(
      (editor, drop) => {
        const bytes = Uint8Array.from(atob(drop.png), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          editor.dispatchEvent(new DragEvent(type, { dataTransfer: data, clientX: drop.x, clientY: drop.y, bubbles: true, cancelable: true }));
        }
      },
      { png, x: target.x + 4, y: target.y + target.height / 2 },
    );
    await ada.page.getByRole('dialog', { name: 'Describe this image' }).getByRole('button', { name: 'Skip' }).click();
    await grace.page.waitForFunction((count) => document.querySelectorAll('.quire-doc figure.quire-image img').length === count, before + 2);
    await grace.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('.quire-doc figure img')).every((img) => img.complete && img.naturalWidth > 0));

    // An SVG can carry script: it becomes a file to download, not an image in the page.
    const svgChooser = ada.page.waitForEvent('filechooser');
    await ada.editor.locator('p', { hasText: 'Our board:' }).click();
    await mainToolbar(ada.page).getByRole('button', { name: 'File', exact: true }).click();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>window.__svgRan = true</script><rect width="10" height="10"/></svg>';
    await (await svgChooser).setFiles({ name: 'drawing.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    const attachment = grace.editor.locator('.quire-attachment', { hasText: 'drawing.svg' });
    await attachment.locator('a').waitFor();
    expect(await images(grace.page).count()).toBe(before + 2);
    const answer = await grace.context.request.get((await attachment.locator('a').getAttribute('href')) as string);
    expect(answer.headers()['content-disposition']).toMatch(/^attachment/);
    expect(await grace.page.evaluate(() => (window as unknown as { __svgRan?: boolean }).__svgRan ?? false)).toBe(false);
  });

  it('takes its placeholder away when the uploading page closes before the upload ends', async () => {
    const page = await ada.context.newPage();
    await page.goto(`${sharedQuire().webUrl}/d/${documentId}`);
    await page.locator('[role="status"][data-state="connected"]').waitFor();
    await page.locator('.quire-doc p', { hasText: 'Our board:' }).click();
    const network = await ada.context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 32 * 1024 });
    await pasteNoisyImage(page, 'never-finished.png', 700, 500);
    const placeholder = grace.editor.locator('.quire-upload');
    await placeholder.waitFor();
    await page.close();
    await placeholder.waitFor({ state: 'detached' });
  });

  it('removes the placeholder and says why when an upload is refused', async () => {
    const chooser = ada.page.waitForEvent('filechooser');
    await ada.editor.locator('p', { hasText: 'Our board:' }).click();
    await mainToolbar(ada.page).getByRole('button', { name: 'File', exact: true }).click();
    // An empty file is refused by the server (400).
    await (await chooser).setFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await ada.page.getByRole('alert').filter({ hasText: 'empty.txt could not be uploaded' }).waitFor();
    expect(await ada.editor.locator('.quire-upload').count()).toBe(0);
    expect(await grace.editor.locator('.quire-attachment', { hasText: 'empty.txt' }).count()).toBe(0);
  });
});
