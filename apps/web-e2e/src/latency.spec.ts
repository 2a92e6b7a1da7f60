import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pasteHtml, pasteImage } from './harness/editor';
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

/**
 * Types KEYSTROKES letters on Ada's page after `prefix` (already in the document, cursor after it) and
 * times each from before the key press to its arrival in Grace's document.
 */
async function measure(ada: Member, grace: Member, prefix: string): Promise<number[]> {
  await recordArrivals(grace.page);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const latencies: number[] = [];
  let typed = prefix;
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
  return latencies;
}

function report(what: string, latencies: number[]): void {
  const median = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  console.log(
    `Keystroke to remote appearance over ${KEYSTROKES} keystrokes, ${what}: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ` +
      `(min ${Math.min(...latencies).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms)`,
  );
}

/** A long TypeScript listing, so the highlighter has work on every redraw. */
const CODE = Array.from({ length: 60 }, (_, i) => `const value${i}: number = compute(${i}, "row ${i}"); // step ${i}`).join('\n');

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
    const latencies = await measure(ada, grace, 'L:');
    report('a plain document', latencies);
    expect(latencies).toHaveLength(KEYSTROKES);
  });

  it(`measures ${KEYSTROKES} keystrokes on a document with tables, images and code`, async () => {
    const { ada: writer, grace: reader } = await openPair(browser, sharedQuire(), 'Latency, rich');
    await writer.editor.click();
    // Pasted documents bring tables, lists, figures and highlighted code; then an uploaded image
    // and a long code block.
    for (const name of ['google-docs.html', 'word.html', 'notion.html', 'web-page.html']) {
      await pasteHtml(writer.page, readFileSync(path.join(inject('root'), 'libs/editor/src/paste/fixtures', name), 'utf8'));
    }
    await writer.page.keyboard.press('Enter');
    await pasteImage(writer.page, 'figure.png', 800, 450);
    await writer.page.getByRole('dialog', { name: 'Describe this image' }).getByRole('button', { name: 'Skip' }).click();
    await writer.page.keyboard.press('Enter');
    await pasteHtml(writer.page, `<pre><code class="language-typescript">${CODE}</code></pre><p>R:</p>`);
    await reader.page.waitForFunction(() => document.querySelectorAll('.quire-doc table').length >= 4 && document.querySelector('.quire-doc figure img') !== null);
    await waitForText(reader.page, { includes: 'R:' });
    await writer.editor.locator('p', { hasText: /^R:$/ }).click();
    await writer.page.keyboard.press('End');
    const size = await reader.page.evaluate(() => ({
      tables: document.querySelectorAll('.quire-doc table').length,
      images: document.querySelectorAll('.quire-doc figure').length,
      code: document.querySelectorAll('.quire-doc pre').length,
      highlighted: document.querySelectorAll('.quire-doc pre [class^="hljs-"]').length,
    }));
    const latencies = await measure(writer, reader, 'R:');
    report(`a document with ${size.tables} tables, ${size.images} images and ${size.code} code blocks (${size.highlighted} highlighted tokens)`, latencies);
    expect(size.highlighted).toBeGreaterThan(100);
    expect(latencies).toHaveLength(KEYSTROKES);
  });
});
