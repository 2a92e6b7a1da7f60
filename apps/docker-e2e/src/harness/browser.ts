import type { Browser, BrowserContext, Page } from 'playwright-core';

/** One person in a browser profile of their own, calling the API as the web app does. */
export class Visitor {
  readonly sockets: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly origin: string,
  ) {
    page.on('websocket', (socket) => this.sockets.push(socket.url()));
  }

  static async open(browser: Browser, origin: string): Promise<Visitor> {
    const context = await browser.newContext();
    return new Visitor(context, await context.newPage(), origin);
  }

  /** A JSON API call with this profile's cookies, from the site's own origin. */
  async api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await this.context.request.fetch(`${this.origin}${path}`, {
      method,
      headers: { origin: this.origin, accept: 'application/json' },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    return { status: response.status(), body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Opens the editor for `documentId` and waits until it is connected. */
  async openDocument(documentId: string): Promise<void> {
    await this.page.goto(`${this.origin}/d/${documentId}`);
    await this.page.locator('[role="status"][data-state="connected"]').waitFor();
    await this.page.locator('.quire-doc').waitFor();
  }

  /** Types at the end of the document. */
  async type(text: string): Promise<void> {
    const editor = this.page.locator('.quire-doc');
    await editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Waits until the document (without other people's cursor labels) contains `text`. */
  async waitForText(text: string): Promise<void> {
    await this.page.waitForFunction((wanted) => {
      const root = document.querySelector('.quire-doc');
      if (!root) return false;
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.quire-remote-cursor').forEach((cursor) => cursor.remove());
      return (clone.textContent ?? '').includes(wanted);
    }, text);
  }
}
