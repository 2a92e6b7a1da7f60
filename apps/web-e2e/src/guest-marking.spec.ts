import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuireApi } from './harness/api';
import { launchBrowser, newMember, newPerson, openAsGuest, openDocument, type Member, type Person } from './harness/browser';
import { connectRawClient, type RawClient } from './harness/raw-client';
import { sharedQuire } from './harness/urls';

/**
 * A guest on a viewer link chooses their own name, so they may choose a member's: pages show them
 * as a guest (their id, made by the server, says so), in the presence bar and on their cursor.
 */
describe('guests who take a member’s name', () => {
  let browser: Browser;
  let owen: Member;
  let ada: Member;
  let fakeAda: Person;
  let script: RawClient | null = null;
  let documentId: string;
  let linkToken: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    owen = await newMember(browser, sharedQuire(), 'Owen');
    ada = await newMember(browser, sharedQuire(), 'Ada');
    const document = await owen.api.createDocument('Who is who');
    documentId = document.id;
    await owen.api.addMember(documentId, ada.account.email, 'editor');
    linkToken = (await owen.api.createLink(documentId, 'viewer')).token;
    const url = `${sharedQuire().webUrl}/d/${documentId}`;
    await openDocument(owen, url);
    await openDocument(ada, url);
    await owen.editor.click();
    await owen.page.keyboard.type('Some text to point at.');
  });

  afterAll(async () => {
    script?.destroy();
    await browser?.close();
  });

  it('shows the member and the guest apart in the presence bar', async () => {
    fakeAda = await newPerson(browser, 'Ada');
    await openAsGuest(fakeAda, `${sharedQuire().webUrl}/s/${linkToken}`);
    const people = owen.page.getByRole('list', { name: /^People in this document/ });
    await people.getByRole('img', { name: 'Ada (guest)', exact: true }).waitFor();
    await people.getByRole('img', { name: 'Ada', exact: true }).waitFor();
    expect(await people.locator('[data-guest="true"]').count()).toBe(1);
    // The member sees it too.
    await ada.page.getByRole('list', { name: /^People in this document/ }).getByRole('img', { name: 'Ada (guest)', exact: true }).waitFor();
  });

  it('labels a guest’s cursor as a guest’s, next to the member’s own', async () => {
    await ada.editor.click();
    await ada.page.keyboard.press('End');
    await owen.page.locator('.quire-remote-cursor__label', { hasText: /^Ada$/ }).waitFor();

    // A guest's script, as anyone with the link could write, puts "Ada"'s cursor in the text.
    const guest = await QuireApi.standalone(sharedQuire());
    const ticket = await guest.call<{ ticket: string; user: { id: string; name: string } }>('POST', `/api/links/${linkToken}/tickets`, { name: 'Ada' });
    await guest.dispose();
    script = await connectRawClient(sharedQuire().serverUrl, documentId, ticket.ticket);
    const paragraph = script.fragment.get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 4));
    script.provider.awareness.setLocalState({ user: { ...ticket.user, color: '#3f7d1c' }, cursor: { anchor: at, head: at } });

    await owen.page.locator('.quire-remote-cursor__label', { hasText: 'Ada (guest)' }).waitFor();
    expect((await owen.page.locator('.quire-remote-cursor__label').allTextContents()).sort()).toEqual(['Ada', 'Ada (guest)']);
  });
});
