import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPair } from './harness/pair';
import { launchBrowser, waitForText, type Member } from './harness/browser';
import { percentile } from './harness/stats';
import { sharedQuire } from './harness/urls';

const KEYSTROKES = 50;

/** In `page`, records when each text first appears in the document (epoch ms, cursor labels left out). */
async function recordArrivals(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('.quire-doc') as HTMLElement;
    const arrivals: { at: number; text: string }[] = [];
    (window as unknown as { __arrivals: typeof arrivals }).__arrivals = arrivals;
    const text = () => {
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.quire-remote-cursor').forEach((cursor) => cursor.remove());
      return clone.textContent ?? '';
    };
    new MutationObserver(() => {
      arrivals.push({ at: performance.timeOrigin + performance.now(), text: text() });
    }).observe(root, { childList: true, subtree: true, characterData: true });
  });
}

describe('keystroke latency', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, sharedQuire(), 'Latency'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(`measures ${KEYSTROKES} keystrokes from one browser to the other`, async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('L:');
    await waitForText(grace.page, { includes: 'L:' });
    await recordArrivals(grace.page);

    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const latencies: number[] = [];
    let typed = 'L:';
    for (let i = 0; i < KEYSTROKES; i++) {
      const key = letters[i % letters.length] as string;
      typed += key;
      const sentAt = await ada.page.evaluate(() => performance.timeOrigin + performance.now());
      await ada.page.keyboard.type(key);
      const arrivedAt = await grace.page
        .waitForFunction((want) => {
          const arrivals = (window as unknown as { __arrivals: { at: number; text: string }[] }).__arrivals;
          return arrivals.find((arrival) => arrival.text.includes(want))?.at ?? false;
        }, typed)
        .then((handle) => handle.jsonValue() as Promise<number>);
      latencies.push(arrivedAt - sentAt);
    }

    const median = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(
      `Keystroke to remote appearance over ${KEYSTROKES} keystrokes: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ` +
        `(min ${Math.min(...latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms)`,
    );
    expect(latencies).toHaveLength(KEYSTROKES);
  });
});
