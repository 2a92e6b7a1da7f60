import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { parseMarkdown, schema } from '@quire/editor-schema';
import { seriousAccessibilityViolations } from './harness/axe';
import { documentText, launchBrowser, newMember, openDocument, waitForText, type Member } from './harness/browser';
import { expectNoSidewaysScroll, expectTappable, PHONE } from './harness/narrow';
import { openPair } from './harness/pair';
import { chartPng, showcaseMarkdown } from './harness/showcase';
import { startQuire, type RunningQuire } from './harness/start-quire';
import { writeDocument } from './harness/write-document';

/** The panel's version rows, newest first. */
function versionRows(page: Page): Locator {
  return page.locator('[data-history-panel] [data-version-id]');
}

/** Waits (the panel reads the list every 5 s) until it lists at least `count` versions. */
async function waitForVersions(page: Page, count: number): Promise<void> {
  await page.waitForFunction((want) => document.querySelectorAll('[data-history-panel] [data-version-id]').length >= want, count, { timeout: 45_000 });
}

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colour of `name`'s avatar in this page's presence bar: the colour their cursor has too. */
function presenceColour(page: Page, name: string): Promise<string> {
  return page.locator(`[data-participant="${name}"]`).evaluate((element) => getComputedStyle(element).backgroundColor);
}

/**
 * Version history in the browser, on a Quire of its own that records a version 1.5 s after edits go
 * quiet (VERSION_IDLE_MS), so the list grows while the test watches: Ada writes, Grace sees the
 * versions arrive in her open panel, opens one and sees Ada's insertion in Ada's colour, restores an
 * older one, and both editors show the restored text.
 */
describe('version history', () => {
  let quire: RunningQuire;
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;
  let url: string;

  beforeAll(async () => {
    quire = await startQuire({ VERSION_IDLE_MS: '1500', VERSION_INTERVAL_MS: '600000' });
    const api = await QuireApi.standalone(quire);
    await api.setup(await quire.setupCode, 'Admin');
    await api.dispose();
    browser = await launchBrowser();
    ({ ada, grace, documentId, url } = await openPair(browser, quire, 'History'));
  });

  afterAll(async () => {
    await browser?.close();
    await quire?.stop();
  });

  it('opens from the header and with Ctrl+Alt+Shift+H, focus in the panel, and closes with Escape', async () => {
    const button = grace.page.getByRole('button', { name: 'History', exact: true });
    await button.click();
    const panel = grace.page.getByRole('complementary', { name: 'Version history' });
    await panel.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await grace.page.getByText('No versions yet.', { exact: false }).waitFor();
    expect(await grace.page.evaluate(() => document.activeElement?.textContent)).toBe('Version history');

    await grace.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await grace.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('History');

    await grace.page.keyboard.press('Control+Alt+Shift+KeyH');
    await panel.waitFor();
  });

  it("lists the versions Ada's edits make, newest first, with her name in her colour", async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('The first line.');
    await waitForVersions(grace.page, 1);

    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Ada adds a second line.');
    await waitForVersions(grace.page, 2);

    const rows = versionRows(grace.page);
    expect(await rows.count()).toBe(2);
    const newest = rows.first();
    expect(await newest.getAttribute('data-version-kind')).toBe('auto');
    const author = newest.locator('[data-author-color]');
    expect(await author.textContent()).toBe('Ada');
    // The colour of Ada's avatar and cursor.
    expect(hexToRgb((await author.getAttribute('data-author-color')) ?? '')).toBe(await presenceColour(grace.page, 'Ada'));
    expect(await grace.page.getByRole('heading', { name: 'Today' }).count()).toBe(1);
  });

  it('shows a version read-only with what it changed in the author’s colour', async () => {
    await versionRows(grace.page).first().locator('button[aria-pressed]').click();
    const preview = grace.page.locator('[data-version-preview]');
    await preview.waitFor();
    // Text typed into a kept block is an <ins>; a whole new paragraph is marked as a block.
    const inserted = preview.locator('.quire-diff-insert, .quire-diff-insert-block');
    await inserted.first().waitFor();
    expect(await inserted.allTextContents()).toEqual(['Ada adds a second line.']);
    // Ada's colour: that of her avatar (and cursor) in Grace's presence bar.
    const colour = await presenceColour(grace.page, 'Ada');
    expect(await inserted.first().evaluate((element) => getComputedStyle(element).textDecorationColor)).toBe(colour);
    expect(await preview.locator('.quire-version').getAttribute('contenteditable')).toBe('false');
    expect(await preview.getByText('1 insertion', { exact: false }).count()).toBe(1);

    // Compared with the document as it is now: nothing changed since.
    await grace.page.getByLabel('Compare with current').check();
    await preview.getByText('The document is the same as this version.').waitFor();
    expect(await preview.locator('.quire-diff-insert, .quire-diff-insert-block').count()).toBe(0);
  });

  it('has no serious accessibility violation, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await grace.page.emulateMedia({ colorScheme });
      expect(await seriousAccessibilityViolations(grace.page, `history panel and version, ${colorScheme}`)).toEqual([]);
    }
    await grace.page.emulateMedia({ colorScheme: 'light' });
  });

  it('names a version, renames it in place, and filters to named versions', async () => {
    await grace.page.getByRole('button', { name: 'Back to the document' }).click();
    await grace.page.getByRole('button', { name: 'Name this version' }).click();
    await grace.page.getByLabel('Name for this version').fill('Checkpoint');
    await grace.page.getByRole('button', { name: 'Save version' }).click();
    const named = grace.page.locator('[data-history-panel] [data-version-kind="named"]');
    await named.waitFor();
    expect(await named.textContent()).toContain('Checkpoint');

    await named.getByRole('button', { name: 'Rename “Checkpoint”' }).click();
    await grace.page.getByLabel('New name').fill('Reviewed draft');
    await grace.page.getByLabel('New name').press('Enter');
    await named.getByText('Reviewed draft').waitFor();

    await grace.page.getByRole('switch', { name: 'Only named versions' }).check();
    expect(await versionRows(grace.page).count()).toBe(1);
    await grace.page.getByRole('switch', { name: 'Only named versions' }).uncheck();
    expect(await versionRows(grace.page).count()).toBe(3);
  });

  it('restores an older version after confirming, and both editors show it', async () => {
    // The oldest: "The first line." alone.
    await versionRows(grace.page).last().locator('button[aria-pressed]').click();
    await grace.page.locator('[data-version-preview]').waitFor();
    await grace.page.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = grace.page.getByRole('dialog', { name: 'Restore this version?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'hidden' });

    for (const person of [ada, grace]) {
      await waitForText(person.page, { excludes: 'Ada adds a second line.' });
      expect(await documentText(person.page), person.name).toBe('The first line.');
    }
    // The live document is back in place of the version, the focus in the panel, and the history
    // tells what happened.
    expect(await grace.page.locator('[data-version-preview]').count()).toBe(0);
    await grace.page.waitForFunction(() => document.activeElement?.textContent === 'Version history');
    const restoreRow = grace.page.locator('[data-history-panel] [data-version-kind="restore"]');
    await restoreRow.waitFor();
    // It names what it restored: the first version, an automatic one.
    expect(await restoreRow.locator('[data-restored-from]').textContent()).toMatch(/^Restored “Edits” \(/);
    expect(await grace.page.locator('[data-history-panel] [data-version-kind="before-restore"]').count()).toBe(1);
  });

  it('is a full-width sheet on a phone, with nothing sticking out', async () => {
    await grace.page.setViewportSize(PHONE);
    const panel = grace.page.locator('[data-history-panel]');
    await grace.page.getByRole('button', { name: 'Close version history' }).click();
    // On a phone the header's History button is its clock alone, a 44 px target still named "History".
    await expectTappable(grace.page.getByRole('button', { name: 'History', exact: true }), 'History');
    await expectNoSidewaysScroll(grace.page, 'the editor with its History button');
    await grace.page.getByRole('button', { name: 'History', exact: true }).click();
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(PHONE.width);
    await expectNoSidewaysScroll(grace.page, 'the history sheet');
    // A version takes the screen; "Back to the document" brings the list back.
    await versionRows(grace.page).first().locator('button[aria-pressed]').click();
    await grace.page.locator('[data-version-preview]').waitFor();
    expect(await panel.isVisible()).toBe(false);
    await expectNoSidewaysScroll(grace.page, 'a version on a phone');
    await grace.page.getByRole('button', { name: 'Back to the document' }).click();
    await panel.waitFor();
  });

  it('draws every element of the schema in a version: callout, tasks, table, highlighted code, image, mention', async () => {
    await ada.page.setViewportSize({ width: 1280, height: 900 });
    const created = await ada.api.createDocument('Elements');
    await ada.api.addMember(created.id, grace.account.email, 'editor');
    const chart = await ada.api.uploadFile(created.id, { name: 'chart.png', mimeType: 'image/png', buffer: await chartPng(browser) });
    const content = parseMarkdown(showcaseMarkdown(chart.url));
    const mention = schema.node('paragraph', null, [schema.text('Ask '), schema.nodes['mention']!.create({ id: grace.account.id, label: 'Grace' })]);
    const client = await writeDocument(ada, quire.serverUrl, created.id, content.copy(content.content.addToEnd(mention)));
    await openDocument(ada, `${quire.webUrl}/d/${created.id}`);
    // Shown on the page, so stored: the named version holds it.
    await ada.editor.locator('.quire-mention').waitFor();
    client.destroy();
    await ada.api.call('POST', `/api/documents/${created.id}/versions`, { name: 'Every element' });

    await ada.page.getByRole('button', { name: 'History', exact: true }).click();
    await versionRows(ada.page).first().locator('button[aria-pressed]').click();
    const shown = ada.page.locator('[data-version-preview] .quire-version');
    // "This version" (or, if an automatic version came first, "Changes in this version"), then current.
    for (const mode of [/^(This version|Changes in this version)$/, 'Compare with current']) {
      await ada.page.getByRole('radio', { name: mode }).check();
      await shown.locator('pre .hljs-keyword').first().waitFor();
      const where = String(mode);
      expect(await shown.locator('[data-callout]').count(), where).toBe(1);
      expect(await shown.locator('[data-type="task_item"]').count(), where).toBe(4);
      expect(await shown.locator('[data-type="task_item"] input:checked').count(), where).toBe(2);
      expect(await shown.getByRole('row').count(), where).toBe(4);
      expect(await shown.locator('.quire-mention').textContent(), where).toBe('@Grace');
      await ada.page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-version-preview] figure img');
        return img !== null && img.complete && img.naturalWidth > 0;
      });
    }
  });

  it('offers no history to a viewer', async () => {
    const viewer = await newMember(browser, quire, 'Vera');
    await ada.api.addMember(documentId, viewer.account.email, 'viewer');
    await openDocument(viewer, url);
    await viewer.page.keyboard.press('Control+Alt+Shift+KeyH');
    expect(await viewer.page.getByRole('button', { name: 'History', exact: true }).count()).toBe(0);
    expect(await viewer.page.locator('[data-history-panel]').count()).toBe(0);
  });
});
