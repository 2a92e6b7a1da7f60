import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newMember, openDocument, signedInAs, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** Markup that would run script or add an element if it were ever treated as HTML. */
const HOSTILE_NAME = '<img src=x onerror=window.__x=1>Eve';
const HOSTILE_TITLE = '<script>window.__x=2</script><img src=x onerror=window.__x=3>Plan';

/** Nothing from the hostile text became an element or ran. */
async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => Array.from(document.scripts).some((script) => script.text.includes('window.__x')))).toBe(false);
  expect(await page.evaluate(() => (window as unknown as { __x?: unknown }).__x)).toBeUndefined();
}

/** Titles and names come from other people: every page shows them as text. */
describe('HTML in titles and names', () => {
  let browser: Browser;
  let eve: Member;
  let ada: Member;
  let documentId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    eve = await newMember(browser, sharedQuire(), HOSTILE_NAME);
    ada = await newMember(browser, sharedQuire(), 'Ada');
    for (const person of [eve, ada]) person.page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    const document = await eve.api.createDocument(HOSTILE_TITLE);
    documentId = document.id;
    await eve.api.addMember(documentId, ada.account.email, 'editor');
  });

  afterAll(async () => {
    await browser?.close();
    expect(dialogs).toEqual([]);
  });

  it('on the home page: the title and the owner are text', async () => {
    await ada.page.goto(`${sharedQuire().webUrl}/`);
    const row = ada.page
      .getByRole('list', { name: 'Shared with me' })
      .getByRole('listitem')
      .filter({ has: ada.page.getByRole('link', { name: HOSTILE_TITLE }) });
    await row.waitFor();
    expect(await row.getByRole('link').textContent()).toBe(HOSTILE_TITLE);
    expect(await row.textContent()).toContain(`Owner: ${HOSTILE_NAME}`);
    await expectNothingInjected(ada.page);
  });

  it('in the editor: the title, the presence bar and the cursor label are text', async () => {
    const url = `${sharedQuire().webUrl}/d/${documentId}`;
    await openDocument(eve, url);
    await openDocument(ada, url);
    await eve.editor.click();
    await eve.page.keyboard.type('Hello');
    const label = ada.page.locator('.quire-remote-cursor__label');
    await label.waitFor();
    expect(await label.textContent()).toBe(HOSTILE_NAME);
    await ada.page.getByRole('img', { name: HOSTILE_NAME }).waitFor();
    expect(await ada.page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE_TITLE);
    expect(await ada.page.title()).toBe(`${HOSTILE_TITLE} — Quire`);
    await expectNothingInjected(ada.page);
    expect(await eve.page.locator('header').textContent()).toContain(`${HOSTILE_NAME} (you)`);
    await expectNothingInjected(eve.page);
  });

  it('in the share dialog: the member names are text', async () => {
    await eve.page.getByRole('button', { name: 'Share' }).click();
    const people = eve.page.getByRole('dialog', { name: 'Share this document' }).getByRole('list', { name: 'People with access' });
    await people.getByRole('listitem').filter({ hasText: ada.account.email }).waitFor();
    expect(await people.textContent()).toContain(HOSTILE_NAME);
    await expectNothingInjected(eve.page);
  });

  it('on the administration page: user names are text', async () => {
    const admin = await signedInAs(browser, sharedQuire(), inject('admin'));
    admin.page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    await admin.page.goto(`${sharedQuire().webUrl}/admin`);
    await admin.page.getByRole('cell', { name: HOSTILE_NAME, exact: true }).waitFor();
    await expectNothingInjected(admin.page);
  });
});
