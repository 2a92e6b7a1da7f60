import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './harness/axe';
import { documentText, launchBrowser, MOD, newMember, newPerson, openAsGuest, openDocument, waitForText, type Member } from './harness/browser';
import { commentedText, selectInDocument, threadCard, writeComment } from './harness/comments';
import { PHONE } from './harness/narrow';
import { sharedQuire } from './harness/urls';

const TEXT = 'The committee met on Tuesday. The budget grows by four percent. Nobody objected to the plan.';

/**
 * Three people on one document: Ada (the owner), Grace (an editor) and Linus (a commenter). They
 * comment, reply, mention and resolve, and each sees the others' threads without reloading; the
 * commenter's typing never reaches the document.
 */
describe('comments', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;
  let linus: Member;
  let documentId: string;
  let url: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const urls = sharedQuire();
    ada = await newMember(browser, urls, 'Ada');
    grace = await newMember(browser, urls, 'Grace');
    linus = await newMember(browser, urls, 'Linus');
    documentId = (await ada.api.createDocument('Minutes')).id;
    await ada.api.addMember(documentId, grace.account.email, 'editor');
    await ada.api.addMember(documentId, linus.account.email, 'commenter');
    url = `${urls.webUrl}/d/${documentId}`;
    for (const person of [ada, grace, linus]) await openDocument(person, url);
    await ada.editor.click();
    await ada.page.keyboard.type(TEXT);
    for (const person of [grace, linus]) await waitForText(person.page, { includes: TEXT });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts a thread from the keyboard shortcut; everyone sees it beside the highlighted text', async () => {
    await selectInDocument(ada.page, 'four percent');
    await ada.page.keyboard.press(`${MOD}+Alt+m`);
    const composer = ada.page.getByRole('textbox', { name: 'Comment on “four percent”' });
    await writeComment(composer, ['Is this after inflation?']);
    await ada.page.locator('[data-new-thread]').getByRole('button', { name: 'Comment', exact: true }).click();
    for (const person of [ada, grace, linus]) {
      await threadCard(person.page, 'Is this after inflation?').waitFor();
      await commentedText(person.page, 'four percent').waitFor();
    }
    // The margin stands beside the text: the card's top is level with its line.
    const card = await threadCard(grace.page, 'Is this after inflation?').boundingBox();
    const text = await commentedText(grace.page, 'four percent').boundingBox();
    expect(card && text ? Math.abs(card.y - text.y) : Infinity).toBeLessThan(40);
    expect(card && text ? card.x : 0).toBeGreaterThan(text ? text.x + text.width : Infinity);
    // The thread's card names its author, and the new thread was announced to the others.
    expect(await threadCard(linus.page, 'Is this after inflation?').textContent()).toContain('Ada');
    await linus.page.locator('[data-comments-announcer]', { hasText: 'New comment from Ada' }).waitFor();
  });

  it('refuses the commenter’s typing: the document does not change', async () => {
    expect(await linus.page.locator('[role="toolbar"][aria-label="Formatting"]').count()).toBe(0);
    expect(await linus.editor.getAttribute('aria-readonly')).toBe('true');
    await linus.editor.click();
    await linus.page.keyboard.type('XYZ');
    await linus.page.keyboard.press('Backspace');
    await linus.page.keyboard.press('Enter');
    // A change Ada makes afterwards arrives at Linus's page; his typing reached neither page.
    await ada.editor.focus();
    await ada.page.keyboard.press(`${MOD}+End`);
    await ada.page.keyboard.type(' Adjourned.');
    await waitForText(linus.page, { includes: 'Adjourned.' });
    for (const person of [ada, linus]) {
      const text = await documentText(person.page);
      expect(text, person.name).toBe(`${TEXT} Adjourned.`);
    }
  });

  it('lets the commenter comment from the selection bubble, with a mention, and the others see it', async () => {
    await selectInDocument(linus.page, 'Nobody objected');
    await linus.page.locator('[data-comment-button="bubble"]').click();
    const composer = linus.page.getByRole('textbox', { name: 'Comment on “Nobody objected”' });
    await writeComment(composer, ['I objected, ', { mention: 'Grace' }, ' remembers.']);
    await linus.page.locator('[data-new-thread]').getByRole('button', { name: 'Comment', exact: true }).click();
    for (const person of [ada, grace, linus]) await threadCard(person.page, 'I objected,').waitFor();
    const mention = threadCard(ada.page, 'I objected,').locator('[data-user-id]');
    expect(await mention.textContent()).toBe('@Grace');
    expect(await mention.getAttribute('data-user-id')).toBe(grace.account.id);
  });

  it('replies live, with bodies shown as text (never HTML)', async () => {
    const card = threadCard(grace.page, 'Is this after inflation?');
    // Only the open (active) thread shows its replies and buttons; a click opens it.
    await card.click();
    await card.getByRole('button', { name: 'Reply' }).click();
    const field = card.getByRole('textbox', { name: /^Reply to the thread/ });
    await writeComment(field, ['No, nominal. <img src=x onerror="window.__injected=1"> ', { mention: 'Linus' }]);
    await card.getByRole('button', { name: 'Reply', exact: true }).click();
    await threadCard(linus.page, 'Is this after inflation?').getByText('1 reply').waitFor();
    for (const person of [ada, grace, linus]) {
      await threadCard(person.page, 'Is this after inflation?').click();
      const reply = threadCard(person.page, 'Is this after inflation?').locator('li', { hasText: 'No, nominal.' });
      await reply.waitFor();
      expect(await reply.textContent()).toContain('<img src=x onerror="window.__injected=1">');
      expect(await reply.locator('img').count()).toBe(0);
    }
    expect(await ada.page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await ada.page.locator('[data-comments-announcer]', { hasText: 'Grace replied' }).waitFor();
  });

  it('edits and deletes one’s own comment; others’ comments offer neither', async () => {
    const card = threadCard(grace.page, 'I objected,');
    await card.click();
    await card.getByRole('button', { name: 'Resolve' }).waitFor();
    expect(await card.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Reply' }).click();
    await writeComment(card.getByRole('textbox', { name: /^Reply to the thread/ }), ['I do remember.']);
    await card.getByRole('button', { name: 'Reply', exact: true }).click();
    const mine = card.locator('li', { hasText: 'I do remember.' });
    await mine.getByRole('button', { name: /^Edit your comment/ }).click();
    // While editing, the comment's text is the field's value: the card holds the field.
    const edit = card.getByRole('textbox', { name: 'Edit comment' });
    await edit.fill('I do remember it well.');
    await card.getByRole('button', { name: 'Save' }).click();
    await threadCard(linus.page, 'I objected,').click();
    await threadCard(linus.page, 'I do remember it well.').waitFor();
    expect(await threadCard(linus.page, 'I do remember it well.').textContent()).toContain('(edited)');
    await card.locator('li', { hasText: 'I do remember it well.' }).getByRole('button', { name: /^Delete/ }).click();
    await threadCard(linus.page, 'I objected,').locator('li', { hasText: 'I do remember it well.' }).waitFor({ state: 'detached' });
  });

  it('resolves and reopens: a resolved thread leaves the margin until "Show resolved"', async () => {
    await threadCard(ada.page, 'I objected,').click();
    await threadCard(ada.page, 'I objected,').getByRole('button', { name: 'Resolve' }).click();
    for (const person of [ada, grace, linus]) await threadCard(person.page, 'I objected,').waitFor({ state: 'detached' });
    await linus.page.getByRole('checkbox', { name: /Show resolved/ }).check();
    const resolved = threadCard(linus.page, 'I objected,');
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain('Resolved');
    await resolved.click();
    await resolved.getByRole('button', { name: 'Reopen' }).click();
    await threadCard(ada.page, 'I objected,').waitFor();
  });

  it('clicking highlighted text makes its thread the active one (its text highlighted more strongly)', async () => {
    await commentedText(grace.page, 'Nobody objected').click();
    await threadCard(grace.page, 'I objected,').and(grace.page.locator('[data-active]')).waitFor();
    await grace.page.locator('.quire-doc .quire-comment--active', { hasText: 'Nobody objected' }).first().waitFor();
  });

  it('has no serious accessibility violations with comments shown, in light and dark', async () => {
    expect(await seriousAccessibilityViolations(grace.page, 'comments light')).toEqual([]);
    const dark = await newMember(browser, sharedQuire(), 'Dana', { colorScheme: 'dark' });
    await ada.api.addMember(documentId, dark.account.email, 'viewer');
    await openDocument(dark, url);
    await threadCard(dark.page, 'Is this after inflation?').waitFor();
    // Viewers read the threads but get no composer.
    expect(await dark.page.getByRole('button', { name: 'Reply' }).count()).toBe(0);
    expect(await dark.page.locator('[data-comment-button]').count()).toBe(0);
    expect(await seriousAccessibilityViolations(dark.page, 'comments dark (viewer)')).toEqual([]);
  });

  it('shows a guest on a viewer link the threads, without a composer', async () => {
    const link = await ada.api.createLink(documentId, 'viewer');
    const guest = await newPerson(browser, 'Visitor');
    await openAsGuest(guest, `${sharedQuire().webUrl}/s/${link.token}`);
    await threadCard(guest.page, 'Is this after inflation?').waitFor();
    await commentedText(guest.page, 'four percent').waitFor();
    expect(await guest.page.getByRole('button', { name: 'Reply' }).count()).toBe(0);
    expect(await guest.page.locator('[data-comment-button]').count()).toBe(0);
    await guest.context.close();
  });

  it('lists the threads in a sheet at 390 px', async () => {
    const phone = await newMember(browser, sharedQuire(), 'Pat', { viewport: PHONE });
    await ada.api.addMember(documentId, phone.account.email, 'commenter');
    await openDocument(phone, url);
    const toggle = phone.page.getByRole('button', { name: /^Comments \(/ });
    await toggle.click();
    const sheet = phone.page.locator('[data-comments-panel="sheet"]');
    await sheet.locator('article[data-thread-id]', { hasText: 'Is this after inflation?' }).waitFor();
    const box = await sheet.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(phone.page, 'comments sheet 390 px')).toEqual([]);
  });

  it('puts a mention in the mentioned person’s activity, which opens the document at the thread', async () => {
    await linus.page.goto(sharedQuire().webUrl);
    const entry = linus.page.locator('[data-activity-id]', { hasText: 'Grace mentioned you in' });
    await entry.waitFor();
    expect(await linus.page.locator('[data-unread-count]').textContent()).toMatch(/^\d+ unread$/);
    await entry.getByRole('link').click();
    await linus.page.waitForURL(new RegExp(`/d/${documentId}#thread-`));
    const card = threadCard(linus.page, 'Is this after inflation?');
    await card.and(linus.page.locator('[data-active]')).waitFor();
    await linus.page.waitForFunction(() => document.activeElement?.closest('article[data-thread-id]') !== null);
    const { activity } = await linus.api.call<{ activity: { id: string; kind: string; read: boolean }[] }>('GET', '/api/activity');
    expect(activity.find((item) => item.kind === 'mention')?.read).toBe(true);
  });
});
