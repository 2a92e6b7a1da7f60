import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** What a download started by `click` holds, with its suggested file name. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  // Asked for before the click that starts it (as for file choosers).
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const bytes = await readFile((await file.path()) ?? '');
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

describe('import and export', () => {
  let browser: Browser;
  let ivy: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ivy = await newMember(browser, sharedQuire(), 'Ivy Ingram');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports a Markdown file with the Import button and an HTML file dropped on the page, saying what changed', async () => {
    const { page } = ivy;
    await page.goto(`${sharedQuire().webUrl}/`);
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    await page.getByTestId('import-input').setInputFiles({ name: 'plan.md', mimeType: 'text/markdown', buffer: Buffer.from('# Launch plan\n\n- [ ] book the room\n- [x] pick a date\n') });
    const imported = page.getByRole('listitem').filter({ hasText: 'Imported plan.md' });
    await imported.waitFor();
    expect(await imported.textContent()).toContain('as it was');

    // Dropped anywhere on the page, as from a file manager.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<h2>Dropped notes</h2><p onclick="steal()">Hello<script>alert(1)</script></p><details>More</details>'], 'dropped.html', { type: 'text/html' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const dropped = page.getByRole('listitem').filter({ hasText: 'Imported dropped.html' });
    await dropped.waitFor();
    const changes = await dropped.getByRole('list').textContent();
    expect(changes).toMatch(/Removed 1 <script>/);
    expect(changes).toMatch(/event-handler/);
    expect(changes).toMatch(/<details>/);
    await page.getByRole('list', { name: 'My documents' }).getByRole('link', { name: 'Dropped notes' }).waitFor();
    expect(await seriousAccessibilityViolations(page, 'documents page with imports')).toEqual([]);

    // A file Quire cannot import: said in plain words.
    await page.getByTestId('import-input').setInputFiles({ name: 'fake.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
    await page.getByRole('alert').filter({ hasText: 'Could not import fake.docx: This file is not a Word document (.docx): it is not a zip archive' }).waitFor();

    await imported.getByRole('link', { name: 'Launch plan' }).click();
    await page.waitForURL(/\/d\//);
    await waitForText(page, { includes: 'book the room' });
  });

  it('exports Markdown, HTML and text from the editor, and prints the document without toolbars', async () => {
    const { page } = ivy;
    const created = await ivy.api.createDocument('Export me');
    const written = await ivy.context.request.fetch(`${sharedQuire().serverUrl}/api/documents/${created.id}/content`, {
      method: 'PUT',
      headers: { origin: sharedQuire().webUrl, 'content-type': 'text/markdown' },
      data: '# Export me\n\nSome **bold** words.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n',
    });
    expect(written.status()).toBe(200);
    await openDocument(ivy, `${sharedQuire().webUrl}/d/${created.id}`);
    await waitForText(page, { includes: 'bold words' });

    const exportAs = async (item: string) => {
      await page.getByRole('button', { name: 'Export' }).click();
      return downloaded(page, () => page.getByRole('button', { name: new RegExp(`^${item}`) }).click());
    };
    expect(await exportAs('Markdown')).toMatchObject({ name: 'Export me.md', text: '# Export me\n\nSome **bold** words.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n' });
    const html = await exportAs('HTML');
    expect(html.name).toBe('Export me.html');
    expect(html.text).toMatch(/^<!doctype html>[\s\S]*<strong>bold<\/strong>[\s\S]*<table/);
    expect(html.text).not.toMatch(/<script/);
    expect(await exportAs('Plain text')).toMatchObject({ name: 'Export me.txt', text: 'Export me\nSome bold words.\nA\nB\n1\n2\n' });

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('button', { name: /^Print or save as PDF/ }).waitFor();
    expect(await seriousAccessibilityViolations(page, 'editor with the Export menu open')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Print or save as PDF/ }).waitFor({ state: 'hidden' });

    // With an image of its own: Markdown comes as a zip, the image beside it; HTML embeds it.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const image = await ivy.api.uploadFile(created.id, { name: 'pixel.png', mimeType: 'image/png', buffer: png });
    const added = await ivy.context.request.fetch(`${sharedQuire().serverUrl}/api/documents/${created.id}/content?position=end`, {
      method: 'POST',
      headers: { origin: sharedQuire().webUrl, 'content-type': 'text/markdown' },
      data: `![a pixel](${image.url})`,
    });
    expect(added.status()).toBe(200);
    await page.locator('.ProseMirror img').waitFor();
    const zip = await exportAs('Markdown');
    expect(zip.name).toBe('Export me.zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    const imageName = `images/${image.id}.png`;
    expect(Object.keys(files).sort()).toEqual(['document.md', imageName]);
    expect(strFromU8(files['document.md'])).toContain(`![a pixel](${imageName})`);
    expect(Buffer.from(files[imageName]).equals(png)).toBe(true);
    expect((await exportAs('HTML')).text).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const heading = document.querySelector('.ProseMirror h1');
      return {
        header: getComputedStyle(document.querySelector('header') as Element).display,
        toolbar: [...document.querySelectorAll('[role="toolbar"]')].every((toolbar) => getComputedStyle(toolbar).display === 'none'),
        headingBreak: heading ? getComputedStyle(heading).breakAfter : 'no heading',
      };
    });
    await page.emulateMedia({ media: 'screen' });
    expect(printed).toEqual({ header: 'none', toolbar: true, headingBreak: 'avoid' });
  });
});
