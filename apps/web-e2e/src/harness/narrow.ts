import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** A phone held upright (an iPhone 12 to 15): the width the layout must fit. */
export const PHONE = { width: 390, height: 844 } as const;

/** The smallest target a finger can hit reliably (WCAG 2.5.5). */
export const TOUCH_TARGET = 44;

/** The page does not scroll sideways: nothing sticks out of the phone's width. */
export async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: the page is ${scrollWidth} px wide`).toBeLessThanOrEqual(PHONE.width);
}

/** `element` is shown, all of it inside the phone's width. */
export async function expectInside(element: Locator, name: string): Promise<void> {
  await element.waitFor();
  const box = await element.boundingBox();
  expect(box, `${name} has no box`).not.toBeNull();
  if (!box) return;
  expect(box.x, `${name} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} ends right of the screen`).toBeLessThanOrEqual(PHONE.width);
}

/**
 * `target` can be tapped: shown, inside the phone's width, at least 44 by 44 px, and nothing covers
 * it (a trial click checks that it would receive the click).
 */
export async function expectTappable(target: Locator, name: string): Promise<void> {
  await expectInside(target, name);
  const box = await target.boundingBox();
  if (!box) return;
  expect(Math.round(box.height), `${name}'s height`).toBeGreaterThanOrEqual(TOUCH_TARGET);
  expect(Math.round(box.width), `${name}'s width`).toBeGreaterThanOrEqual(TOUCH_TARGET);
  await target.click({ trial: true });
}

/** `element`'s text is all shown: inside the phone's width, and not cut off with an ellipsis. */
export async function expectWhole(element: Locator, name: string): Promise<void> {
  await element.waitFor();
  const shape = await element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { left: rect.left, right: rect.right, scrollWidth: node.scrollWidth, clientWidth: node.clientWidth };
  });
  expect(shape.left, `${name} starts left of the screen`).toBeGreaterThanOrEqual(0);
  expect(shape.right, `${name} ends right of the screen`).toBeLessThanOrEqual(PHONE.width);
  expect(shape.scrollWidth, `${name} is cut`).toBeLessThanOrEqual(shape.clientWidth);
}
