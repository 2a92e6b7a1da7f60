import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPair } from './harness/pair';
import { launchBrowser, waitForText, type Member } from './harness/browser';
import { sharedQuire } from './harness/urls';

/** A page showing two screenshots side by side, as two windows on one desk. */
function composition(left: Buffer, right: Buffer, names: [string, string]): string {
  const image = (png: Buffer, name: string) => `
    <figure>
      <div class="window"><div class="bar"><i></i><i></i><i></i><span>${name}'s browser</span></div>
      <img alt="${name}'s window" src="data:image/png;base64,${png.toString('base64')}"></div>
    </figure>`;
  return `<!doctype html><html><head><style>
    body { margin: 0; padding: 36px; background: linear-gradient(135deg, #dfe6f3, #efe9df); display: flex; gap: 28px;
           font-family: system-ui, sans-serif; }
    figure { margin: 0; flex: 1; }
    .window { border-radius: 12px; overflow: hidden; box-shadow: 0 18px 50px rgb(30 30 50 / 25%); background: #fff; }
    .bar { height: 30px; display: flex; align-items: center; gap: 7px; padding: 0 12px; background: #e9e6e1; color: #4a463f; font-size: 13px; }
    .bar i { width: 11px; height: 11px; border-radius: 50%; background: #cfcac2; }
    .bar span { margin-left: 10px; }
    img { display: block; width: 100%; }
  </style></head><body>${image(left, names[0])}${image(right, names[1])}</body></html>`;
}

describe('screenshot for the README', () => {
  let browser: Browser;
  let ada: Member;
  let grace: Member;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ ada, grace } = await openPair(browser, sharedQuire(), 'Launch plan'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('writes docs/screenshot.png with both windows co-editing', async () => {
    await ada.editor.click();
    await ada.page.keyboard.type('# Launch plan\n');
    await ada.page.keyboard.type('We ship the **collaborative editor** on Friday. Everyone with the link edits live; ');
    await ada.page.keyboard.type('changes are *saved before they are shared*.\n');
    await ada.page.keyboard.type('## Before launch\n- Finish the `npm start` experience\nWrite the release notes\n');
    await ada.page.keyboard.press('Enter');
    await ada.page.keyboard.type('> Small, calm, and fast.');
    await waitForText(grace.page, { includes: 'Small, calm, and fast.' });

    await grace.editor.locator('li').last().click();
    await grace.page.keyboard.press('End');
    await grace.page.keyboard.press('Enter');
    await grace.page.keyboard.type('Check the screenshots');
    await waitForText(ada.page, { includes: 'Check the screenshots' });
    await ada.page.locator('.quire-remote-cursor__label', { hasText: 'Grace' }).waitFor();
    await grace.page.locator('.quire-remote-cursor__label', { hasText: 'Ada' }).waitFor();

    const shots = [await ada.page.screenshot(), await grace.page.screenshot()] as const;
    // Wide enough for both windows at their own size: scaled-down text would blur.
    const compose = await browser.newPage({ viewport: { width: 2460, height: 900 }, deviceScaleFactor: 1 });
    await compose.setContent(composition(shots[0], shots[1], ['Ada', 'Grace']));
    await compose.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
    const png = await compose.screenshot({ fullPage: true });
    const file = path.join(inject('root'), 'docs/screenshot.png');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, png);
    console.log(`Wrote ${file}`);
    expect(png.length).toBeGreaterThan(10_000);
  });
});
