import { CloseCode, PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { encodeUpdate } from '@quire/protocol';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseUnsafeLinks } from './content-policy';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let f: HubFixture | undefined;
afterEach(async () => {
  await f?.cleanup();
  f = undefined;
});

/** An update with a paragraph whose text carries a link mark to `href`, as y-prosemirror writes it. */
function linkUpdate(href: string, markKey = 'link'): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment(PROSEMIRROR_FRAGMENT).insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, 'click me', { [markKey]: { href } });
  return Y.encodeStateAsUpdate(doc);
}

describe('refuseUnsafeLinks', () => {
  it('accepts http, https and mailto links, other marks and mark removal', () => {
    expect(refuseUnsafeLinks('link', { href: 'https://example.com' })).toBeUndefined();
    expect(refuseUnsafeLinks('link', { href: 'mailto:ada@example.com' })).toBeUndefined();
    expect(refuseUnsafeLinks('link', null)).toBeUndefined();
    expect(refuseUnsafeLinks('strong', true)).toBeUndefined();
  });

  it('refuses script and data addresses, also under an overlapping-mark key, and links without one', () => {
    expect(refuseUnsafeLinks('link', { href: 'javascript:alert(1)' })).toMatch(/http, https or mailto/);
    expect(refuseUnsafeLinks('link', { href: ' JavaScript:alert(1)' })).toBeDefined();
    expect(refuseUnsafeLinks('link--a1b2', { href: 'data:text/html,<script>' })).toBeDefined();
    expect(refuseUnsafeLinks('link', {})).toBeDefined();
  });
});

describe('DocumentHub content policy', () => {
  it('closes a client that sends a javascript: link (1003) and stores and relays nothing of it', async () => {
    const hub = (f = new HubFixture());
    const mallory = hub.client();
    const reader = hub.client();
    await settle();
    mallory.send(encodeUpdate(linkUpdate('javascript:alert(document.cookie)')));
    await settle();
    expect(mallory.socket.closeCode).toBe(CloseCode.UnsupportedData);
    expect(hub.storedXml()).toBe('');
    expect(reader.receivedOf('update')).toHaveLength(0);
  });

  it('stores and relays a safe link', async () => {
    const hub = (f = new HubFixture());
    const writer = hub.client();
    const reader = hub.client();
    await settle();
    writer.send(encodeUpdate(linkUpdate('https://example.com')));
    await settle();
    expect(hub.storedXml()).toContain('https://example.com');
    expect(reader.receivedOf('update')).toHaveLength(1);
  });
});
