import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuireApi } from './harness/api';
import { launchBrowser, MOD, waitForText, type Member } from './harness/browser';
import { openPair } from './harness/pair';
import { startQuire, type RunningQuire } from './harness/start-quire';

declare global {
  interface Window {
    /** Set by the web app's CommitCounter (apps/web/src/components/common/CommitCounter.tsx). */
    __quireCommits?: Record<string, number>;
    __remoteCaretOffset?: () => number;
  }
}

/** Each action is repeated this often; the counts printed are per action. */
const REPEATS = 20;

/** The parts of the editor screen the web app counts (CommitCounter ids in apps/web). */
const PARTS = ['editor', 'title', 'presence', 'toolbar'] as const;
type Part = (typeof PARTS)[number];
type Counts = Record<Part, number>;

async function resetCounts(...pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.evaluate(() => void (window.__quireCommits = {}))));
}

/**
 * The commits counted on `page` since the last reset, once the work React scheduled has run: its
 * updates are queued as tasks before the one this waits for.
 */
async function readCounts(page: Page): Promise<Counts> {
  const counted = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { ...window.__quireCommits };
  });
  return Object.fromEntries(PARTS.map((part) => [part, counted[part] ?? 0])) as Counts;
}

/**
 * Gives `page` `window.__remoteCaretOffset()`: how many characters of the text come before the
 * other person's caret, -1 without one.
 */
async function installCaretProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__remoteCaretOffset = () => {
      const root = document.querySelector('.quire-doc');
      const caret = root?.querySelector('.quire-remote-cursor');
      if (!root || !caret) return -1;
      const range = document.createRange();
      range.setStart(root, 0);
      range.setEndBefore(caret);
      const before = range.cloneContents();
      before.querySelectorAll('.quire-remote-cursor').forEach((other) => other.remove());
      return before.textContent?.length ?? 0;
    };
  });
}

async function waitForRemoteCaret(page: Page, offset: number): Promise<void> {
  await page.waitForFunction((want) => window.__remoteCaretOffset?.() === want, offset);
}

const perAction = (counts: Counts): Counts => Object.fromEntries(PARTS.map((part) => [part, counts[part] / REPEATS])) as Counts;

function table(rows: [string, Counts][]): string {
  const head = ['', ...PARTS].map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(9))).join('');
  const body = rows.map(([label, counts]) => label.padEnd(34) + PARTS.map((part) => counts[part].toFixed(2).padStart(9)).join(''));
  return [head, ...body].join('\n');
}

/**
 * React commits per keystroke and per cursor move on the editor screen, on the typist's page and
 * on the other person's, counted by the web app's Profilers in its profiling build (React calls
 * onRender nowhere else). Only the parts that show what changed may re-render: a cursor moving
 * changes no button of the toolbar, nobody in the presence bar and not the title.
 */
describe('React commits on the editor screen', () => {
  let quire: RunningQuire;
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    quire = await startQuire({}, { profiling: true });
    const api = await QuireApi.standalone(quire);
    await api.setup(await quire.setupCode, 'Admin');
    await api.dispose();
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, quire, 'Render counts'));
  });

  afterAll(async () => {
    await browser?.close();
    await quire?.stop();
  });

  it('counts commits (the profiling build reports them)', async () => {
    // Opening the editor commits at least once: zeros below mean "not re-rendered", not "not counted".
    const opened = await readCounts(ada.page);
    expect(opened.editor).toBeGreaterThan(0);
    expect(opened.toolbar).toBeGreaterThan(0);
  });

  it('re-renders only what a keystroke or a cursor move changes', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('Counting: ');
    await waitForText(grace.page, { includes: 'Counting: ' });

    await resetCounts(ada.page, grace.page);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let typed = 'Counting: ';
    for (let i = 0; i < REPEATS; i++) {
      const key = letters[i % letters.length] as string;
      typed += key;
      await ada.page.keyboard.type(key);
      await waitForText(grace.page, { includes: typed });
    }
    const typing = { typist: perAction(await readCounts(ada.page)), other: perAction(await readCounts(grace.page)) };

    await installCaretProbe(grace.page);
    await waitForRemoteCaret(grace.page, typed.length);
    await resetCounts(ada.page, grace.page);
    for (let i = 1; i <= REPEATS; i++) {
      await ada.page.keyboard.press('ArrowLeft');
      await waitForRemoteCaret(grace.page, typed.length - i);
    }
    const moving = { typist: perAction(await readCounts(ada.page)), other: perAction(await readCounts(grace.page)) };

    console.log(
      `React commits per action, ${REPEATS} of each (each part counts the commits that re-rendered it):\n` +
        table([
          ['keystroke, typist', typing.typist],
          ['keystroke, other screen', typing.other],
          ['cursor move, typist', moving.typist],
          ['cursor move, other screen', moving.other],
        ]),
    );

    expect(moving.other.editor, 'commits on the editor screen for a remote cursor move').toBe(0);
    expect(moving.other.toolbar, 'toolbar re-rendered by a remote cursor move').toBe(0);
    expect(moving.other.presence, 'presence bar re-rendered by a remote cursor move').toBe(0);
    expect(moving.other.title, 'title re-rendered by a remote cursor move').toBe(0);
    expect(typing.typist.toolbar, 'toolbar re-rendered by a keystroke that changes no button').toBe(0);
    expect(typing.typist.presence, 'presence bar re-rendered by a keystroke').toBe(0);
    expect(typing.other.presence, 'presence bar re-rendered by a remote keystroke').toBe(0);
    expect(typing.typist.title, 'title re-rendered by a keystroke (the document has a title of its own)').toBe(0);
  });

  it('re-renders the toolbar when its buttons change', async () => {
    await resetCounts(ada.page);
    await ada.page.keyboard.press(`${MOD}+b`);
    await ada.page.locator('[data-action="bold"][aria-pressed="true"]').waitFor();
    expect((await readCounts(ada.page)).toolbar).toBeGreaterThan(0);
  });
});
