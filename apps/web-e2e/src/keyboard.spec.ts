import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, MOD, newMember, openDocument, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

describe('keyboard use', () => {
  let browser: Browser;
  let ada: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ada = await newMember(browser, sharedQuire(), 'Ada');
    const document = await ada.api.createDocument();
    await openDocument(ada, `${sharedQuire().webUrl}/d/${document.id}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('Escape leaves the editor for the toolbar, even inside a list where Tab indents', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('- first\nsecond');
    await ada.page.keyboard.press('Tab');
    expect(await ada.editor.locator('ul ul li').textContent()).toBe('second');
    await ada.page.keyboard.press('Escape');
    const focused = ada.page.locator(':focus');
    expect(await focused.getAttribute('data-action')).not.toBeNull();
    expect(await focused.evaluate((el) => el.closest('[role="toolbar"]') !== null)).toBe(true);
  });

  it('shows the marks at the cursor as pressed toolbar buttons', async () => {
    await ada.editor.focus();
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.press(`${MOD}+b`);
    await ada.page.keyboard.type('bold');
    const bold = ada.page.getByRole('button', { name: 'Bold', exact: true });
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    expect(await ada.page.getByRole('button', { name: 'Italic' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('refuses a javascript: link with a message', async () => {
    await ada.page.keyboard.press(`${MOD}+k`);
    const field = ada.page.getByRole('textbox', { name: 'Link address' });
    await field.fill('javascript:alert(1)');
    await field.press('Enter');
    await ada.page.getByRole('alert').filter({ hasText: 'Only web (http, https) and email (mailto) links are allowed.' }).waitFor();
    await field.fill('example.com');
    await field.press('Enter');
    await field.waitFor({ state: 'hidden' });
    expect(await ada.editor.locator('a').getAttribute('href')).toBe('https://example.com');
  });
});
