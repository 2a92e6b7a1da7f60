import type { Browser } from 'playwright-core';
import type { QuireUrls } from './api';
import { newMember, openDocument, type Member } from './browser';

/** Ada (the owner) and Grace (an editor), each signed in in a browser context of their own, on one new document. */
export interface Pair {
  readonly ada: Member;
  readonly grace: Member;
  readonly url: string;
  readonly documentId: string;
}

export async function openPair(browser: Browser, urls: QuireUrls, title: string): Promise<Pair> {
  const ada = await newMember(browser, urls, 'Ada');
  const grace = await newMember(browser, urls, 'Grace');
  const document = await ada.api.createDocument(title);
  await ada.api.addMember(document.id, grace.account.email, 'editor');
  const url = `${urls.webUrl}/d/${document.id}`;
  await openDocument(ada, url);
  await openDocument(grace, url);
  return { ada, grace, url, documentId: document.id };
}
