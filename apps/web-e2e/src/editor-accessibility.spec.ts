import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, seriousAccessibilityViolations } from './harness/axe';
import { launchBrowser, MOD, newMember, newPerson, openAsGuest, openDocument, waitForText, type Member } from './harness/browser';
import { mainToolbar, pasteImage } from './harness/editor';
import { sharedQuire } from './harness/urls';

// The editor's new elements and every menu, bubble and dialog, in both themes (contrast differs).
describe.each(['light', 'dark'] as const)('accessibility of the editor’s elements and menus (axe-core), %s theme', (colorScheme) => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let documentId: string;

  const noViolations = async (label: string) => {
    const violations = await accessibilityViolations(ada.page, `${label} (${colorScheme})`);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // Menus, bubbles and popovers are drawn inside the main landmark (FloatingRoot), so nothing is
    // outside one (a moderate finding, but one that once listed every menu).
    expect(violations.filter((v) => v.id === 'region').map((v) => v.nodes.map((node) => node.target))).toEqual([]);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada', { colorScheme });
    grace = await newMember(browser, sharedQuire(), 'Grace', { colorScheme });
    documentId = (await ada.api.createDocument('Every element')).id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    await openDocument(ada, `${sharedQuire().webUrl}/d/${documentId}`);
    await openDocument(grace, `${sharedQuire().webUrl}/d/${documentId}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds nothing serious in a document with a table, tasks, a callout, code, an image, a file and a mention', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('# Elements\n[ ] a task\nanother, done\n\n');
    await ada.page.keyboard.press('ArrowUp');
    await ada.page.keyboard.press(`${MOD}+Enter`);
    await ada.page.keyboard.press(`${MOD}+End`);
    await ada.page.keyboard.type('```typescript const x: number = 1;');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Ask @Gr');
    await ada.page.getByRole('listbox', { name: 'People' }).waitFor();
    await noViolations('the @ menu');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await mainToolbar(ada.page).getByRole('button', { name: 'Callout' }).click();
    await ada.page.getByRole('menuitemradio', { name: 'Warning callout' }).click();
    await ada.page.keyboard.type('Mind the gap');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await pasteImage(ada.page, 'chart.png');
    await ada.page.getByRole('dialog', { name: 'Describe this image' }).waitFor();
    await noViolations('the alt text dialog');
    await ada.page.getByRole('textbox', { name: 'Alt text' }).fill('A chart');
    await ada.page.getByRole('button', { name: 'Save' }).click();
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('/table');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('Cell');
    await waitForText(grace.page, { includes: 'Cell' });
    await ada.editor.locator('img[alt="A chart"]').waitFor();
    await noViolations('the document with its table controls');
    expect(await seriousAccessibilityViolations(grace.page, `the same document for Grace (${colorScheme})`)).toEqual([]);
  });

  it('finds nothing serious with each toolbar menu and the table picker open', async () => {
    for (const menu of ['Text style', 'Highlight', 'Text colour', 'Callout', 'Alignment']) {
      await mainToolbar(ada.page).getByRole('button', { name: new RegExp(`^${menu}`) }).click();
      await ada.page.getByRole('menu', { name: menu }).waitFor();
      await noViolations(`the ${menu} menu`);
      await ada.page.keyboard.press('Escape');
    }
    await mainToolbar(ada.page).getByRole('button', { name: 'Table' }).click();
    await ada.page.getByRole('dialog', { name: 'Insert a table' }).waitFor();
    await noViolations('the table picker');
    await ada.page.keyboard.press('Escape');
  });

  it('finds nothing serious with the slash menu, the selection bubble, the link popover, find and the shortcuts', async () => {
    await ada.editor.locator('h1').click();
    await ada.page.keyboard.press('End');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('/');
    await ada.page.getByRole('listbox', { name: 'Insert a block' }).waitFor();
    await noViolations('the slash menu');
    await ada.page.keyboard.press('Escape');
    await ada.page.keyboard.press('Backspace');
    await ada.page.keyboard.type('A link here');
    await ada.page.keyboard.press('Shift+Home');
    await ada.page.getByRole('toolbar', { name: 'Selection formatting' }).waitFor();
    await noViolations('the selection bubble');
    await ada.page.keyboard.press(`${MOD}+k`);
    await ada.page.getByRole('textbox', { name: 'Link address' }).fill('example.com');
    await ada.page.getByRole('textbox', { name: 'Link address' }).press('Enter');
    await ada.editor.locator('a').click();
    await ada.page.getByRole('group', { name: 'Link' }).waitFor();
    await noViolations('the link popover');
    await ada.page.keyboard.press(`${MOD}+f`);
    await ada.page.getByRole('searchbox', { name: 'Find' }).fill('a');
    await noViolations('the find bar');
    await ada.page.keyboard.press('Escape');
    await ada.page.keyboard.press(`${MOD}+/`);
    await ada.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await noViolations('the shortcuts');
    await ada.page.keyboard.press('Escape');
  });

  it('finds nothing serious for a guest reading the document', async () => {
    const link = await ada.api.createLink(documentId, 'viewer');
    const guest = await newPerson(browser, 'Vera', { colorScheme });
    await openAsGuest(guest, `${sharedQuire().webUrl}/s/${link.token}`);
    await guest.editor.locator('table').waitFor();
    expect(await seriousAccessibilityViolations(guest.page, `a guest reading the elements (${colorScheme})`)).toEqual([]);
  });
});
