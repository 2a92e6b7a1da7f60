import { parseMarkdown } from '@quire/editor-schema';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { launchBrowser, newMember, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';
import { writeDocument } from './harness/write-document';

/** Threads on the document, one per paragraph (QUIRE_COMMENT_THREADS for a quick run). */
const THREADS = Number(process.env['QUIRE_COMMENT_THREADS'] ?? 500);
/** People starting them, each well under the server's 60 comment changes a minute. */
const WRITERS = 10;
/** Chromium's long-task threshold: the main thread busy this long makes input wait. */
const LONG_TASK_MS = 50;

const label = (index: number) => `item ${String(index + 1).padStart(3, '0')}`;
/** Paragraphs, one thread on each of the first THREADS (QUIRE_COMMENT_PARAGRAPHS: the same text with fewer threads, for comparison). */
const PARAGRAPHS = Math.max(THREADS, Number(process.env['QUIRE_COMMENT_PARAGRAPHS'] ?? 0), 1);
const MARKDOWN = Array.from({ length: PARAGRAPHS }, (_, index) => `Point ${index + 1}: the committee discussed ${label(index)} at length and agreed to revisit it next quarter.`).join('\n\n');

interface LongTask {
  start: number;
  duration: number;
}

/** A long animation frame, as far as it says what it was made of (scripts, then style, layout and paint). */
interface LongFrame extends LongTask {
  /** Style and layout forced by the scripts (reading sizes after changing the page). */
  forced: number;
  /** Style, layout and paint of the frame itself, after its scripts. */
  render: number;
  /** The longest scripts: what ran them (a timer, a message, a frame callback) and from which file. */
  scripts: string[];
}

interface Timeline {
  __longTasks: LongTask[];
  __longFrames: LongFrame[];
}

/**
 * Records the page's long tasks from its first script on (the DevTools protocol adds it, not the
 * page), and its long animation frames, which say what a long task was made of.
 */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const timeline = window as unknown as Timeline;
    timeline.__longTasks = [];
    timeline.__longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timeline.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    interface Script { duration: number; invoker: string; sourceURL: string; sourceFunctionName: string; sourceCharPosition: number; forcedStyleAndLayoutDuration: number }
    interface Frame { startTime: number; duration: number; renderStart: number; scripts: Script[] }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Frame[]) {
        const end = entry.startTime + entry.duration;
        timeline.__longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          forced: entry.scripts.reduce((sum, script) => sum + script.forcedStyleAndLayoutDuration, 0),
          render: entry.renderStart ? end - entry.renderStart : 0,
          scripts: [...entry.scripts]
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map((script) => `${script.invoker || '?'} ${script.sourceFunctionName || ''}@${script.sourceURL.split('/').pop() ?? ''}:${script.sourceCharPosition} ${script.duration.toFixed(0)} ms`),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** The long tasks recorded since `since` (performance.now() of the page). */
function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => (window as unknown as Timeline).__longTasks.filter((task) => task.start >= from), since);
}

/** The long animation frames recorded since `since` that hold a long task: what each was made of. */
function longFramesSince(page: Page, since: number): Promise<LongFrame[]> {
  return page.evaluate((from) => (window as unknown as Timeline).__longFrames.filter((frame) => frame.start >= from && frame.duration > 50), since);
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Waits until the main thread has been idle once (requestIdleCallback), after two frames. */
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 5000 })))),
  );

async function report(page: Page, since: number, document: string, what: string, elapsed: number): Promise<void> {
  const tasks = await longTasksSince(page, since);
  const longest = tasks.reduce((max, task) => Math.max(max, task.duration), 0);
  const total = tasks.reduce((sum, task) => sum + task.duration, 0);
  const frames = (await longFramesSince(page, since)).map(
    (frame) =>
      `\n  frame at ${frame.start.toFixed(0)} ms, ${frame.duration.toFixed(0)} ms: ${frame.scripts.join('; ') || 'no script'}` +
      `${frame.forced >= 1 ? `; style and layout forced by scripts ${frame.forced.toFixed(0)} ms` : ''}; style, layout and paint ${frame.render.toFixed(0)} ms`,
  );
  console.log(
    `${PARAGRAPHS} paragraphs, ${document}, ${what}: ${tasks.length} long tasks (> ${LONG_TASK_MS} ms), longest ${longest.toFixed(0)} ms, ` +
      `${total.toFixed(0)} ms in all, over ${elapsed.toFixed(0)} ms${frames.join('')}`,
  );
}

/**
 * With QUIRE_COMMENT_PROFILE=<directory>, records a CPU profile of the page's opening there
 * (opening-address.cpuprofile and opening-list.cpuprofile: open it in Chrome's DevTools, or summarize it with
 * apps/bench-peers/ab/profile-shares.cjs); a long task's cause in full, where the long animation
 * frames name only the outermost script.
 */
async function profileOpening(page: Page, how: Opening): Promise<(() => Promise<void>) | null> {
  const directory = process.env['QUIRE_COMMENT_PROFILE'];
  if (!directory) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `opening-${how}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU profile of the opening: ${file}`);
  };
}

/** How the document is opened: typing its address (a whole page load), or clicking it in the documents list. */
type Opening = 'address' | 'list';

const OPENING_WHAT: Record<Opening, string> = {
  address: 'opening by its address (a page load, to every card and highlight shown)',
  list: 'opening from the documents list (a click, to every card and highlight shown)',
};

/**
 * Opens the document in `page` (`how`), scrolls it down and up, types above everything and opens one
 * thread: prints each step's long tasks. From the list, the long tasks are counted from the click:
 * the list's own page load is not the document's opening.
 */
async function measure(page: Page, url: string, threads: number, how: Opening): Promise<void> {
  const what = threads ? `${threads} threads` : 'no threads';
  await recordLongTasks(page);
  let since = 0;
  if (how === 'list') {
    const listOpened = Date.now();
    await page.goto(new URL('/', url).href);
    await page.locator(`a[href="${new URL(url).pathname}"]`).first().waitFor();
    await settle(page);
    // The same framework's start without the editor: what a page load costs before any document.
    await report(page, 0, 'no document', 'the documents list by its address, for comparison (a page load without the editor)', Date.now() - listOpened);
    since = await now(page);
  }
  const stopProfile = await profileOpening(page, how);
  const opened = Date.now();
  if (how === 'list') await page.locator(`a[href="${new URL(url).pathname}"]`).first().click();
  else await page.goto(url);
  const counts = () =>
    page.evaluate(() => ({ cards: document.querySelectorAll('article[data-thread-id]').length, highlights: new Set(Array.from(document.querySelectorAll('.quire-doc .quire-comment'), (span) => span.getAttribute('data-thread-id'))).size }));
  await page
    .waitForFunction(
      (count) =>
        document.querySelectorAll('article[data-thread-id]').length === count &&
        new Set(Array.from(document.querySelectorAll('.quire-doc .quire-comment'), (span) => span.getAttribute('data-thread-id'))).size === count,
      threads,
      { timeout: 300_000 },
    )
    .catch(async (error: Error) => {
      throw new Error(`${error.message}; shown: ${JSON.stringify(await counts())} of ${threads}`);
    });
  await settle(page);
  await stopProfile?.();
  await report(page, since, what, OPENING_WHAT[how], Date.now() - opened);

  const scrollStart = await now(page);
  const scrollHeight = await page.evaluate(async () => {
    // A person scrolling: 300 px a frame down to the end, then back up.
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const end = document.documentElement.scrollHeight - window.innerHeight;
    for (let y = 0; y < end; y += 300) {
      window.scrollTo(0, y);
      await frame();
    }
    for (let y = end; y > 0; y -= 300) {
      window.scrollTo(0, y);
      await frame();
    }
    return document.documentElement.scrollHeight;
  });
  await settle(page);
  await report(page, scrollStart, what, `scrolling down and up (${scrollHeight} px)`, (await now(page)) - scrollStart);

  const typingStart = await now(page);
  await page.locator('.quire-doc p').first().click();
  await page.keyboard.type('Typed above every thread. ', { delay: 30 });
  await settle(page);
  await report(page, typingStart, what, 'typing 26 characters above them all', (await now(page)) - typingStart);

  if (!threads) return;
  const activeStart = await now(page);
  await page.locator('.quire-doc .quire-comment', { hasText: label(Math.floor(THREADS / 2)) }).click();
  await page.locator('article[data-thread-id][data-active]').waitFor();
  await settle(page);
  await report(page, activeStart, what, 'opening a thread by clicking its text', (await now(page)) - activeStart);
}

/**
 * A document with 500 comment threads, opened, scrolled and typed in, in Chromium: the long tasks
 * of its performance timeline are printed (not asserted: the machine may be busy), each step's long
 * animation frames after them (what ran: the script's invoker and file, minified names; and how long
 * style, layout and paint took). The threads are
 * anchored by quote through the API, as a script would, by ten people at once.
 */
describe('a document with 500 comment threads', () => {
  let browser: Browser;
  let ada: Member;
  let url: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const urls = sharedQuire();
    ada = await newMember(browser, urls, 'Ada');
    const { id } = await ada.api.createDocument('Five hundred threads');
    url = `${urls.webUrl}/d/${id}`;
    const client = await writeDocument(ada, urls.serverUrl, id, parseMarkdown(MARKDOWN));
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, index) => {
        const api = await QuireApi.standalone(urls);
        const account = await api.signUp(`Reviewer ${index + 1}`);
        await ada.api.addMember(id, account.email, 'commenter');
        return api;
      }),
    );
    await Promise.all(
      writers.map(async (api, writer) => {
        for (let index = writer; index < THREADS; index += WRITERS) {
          await api.call('POST', `/api/documents/${id}/threads`, { quote: label(index), body: `Comment on ${label(index)}: is this still the plan?` });
        }
      }),
    );
    client.destroy();
    await Promise.all(writers.map((api) => api.dispose()));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each<Opening>(['address', 'list'])('opened by %s, scrolled and typed in; prints the long tasks of each step', async (how) => {
    // A tab of its own each time: nothing of the document is loaded before the opening measured.
    const page = await ada.context.newPage();
    try {
      await measure(page, url, THREADS, how);
      // Correctness only: every thread is listed, and the one clicked is the active one.
      expect(await page.locator('article[data-thread-id]').count()).toBe(THREADS);
      expect(await page.locator('article[data-thread-id][data-active]').textContent()).toContain(label(Math.floor(THREADS / 2)));
    } finally {
      await page.close();
    }
  }, 900_000);
});
