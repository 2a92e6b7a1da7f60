import type { Browser } from 'playwright-core';
import { createDocument } from './api';
import { newPerson, openDocument, type Person } from './browser';

/** Ada and Grace, each in a browser context of their own, with one new document open. */
export interface Pair {
  readonly ada: Person;
  readonly grace: Person;
  readonly url: string;
}

export async function openPair(browser: Browser, urls: { serverUrl: string; webUrl: string }, title: string): Promise<Pair> {
  const document = await createDocument(urls.serverUrl, title);
  const url = `${urls.webUrl}/d/${document.id}`;
  const ada = await newPerson(browser, 'Ada');
  const grace = await newPerson(browser, 'Grace');
  await openDocument(ada, url);
  await openDocument(grace, url);
  return { ada, grace, url };
}
