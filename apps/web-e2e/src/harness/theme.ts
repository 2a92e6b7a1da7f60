import type { Page } from 'playwright-core';

/** --color-page of each theme (apps/web/src/app/globals.css), as getComputedStyle writes it. */
export const PAGE_BACKGROUND = { light: 'rgb(244, 242, 238)', dark: 'rgb(20, 19, 18)' } as const;

/** The theme the page shows now: its body's background, and the choice on <html> (null for the system's). */
export function shownTheme(page: Page): Promise<{ background: string; attribute: string | null }> {
  return page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    attribute: document.documentElement.getAttribute('data-theme'),
  }));
}
