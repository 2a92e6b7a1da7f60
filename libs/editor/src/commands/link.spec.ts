import { schema } from '@quire/editor-schema';
import { describe, expect, it } from 'vitest';
import { apply, createState, doc, json, linked, p, pre, selectText } from '../testing/editor-test-kit';
import { LinkMessage, linkAtSelection, parseLinkInput, removeLink, setLink } from './link';

describe('parseLinkInput', () => {
  it('accepts full http, https and mailto addresses as typed', () => {
    expect(parseLinkInput('https://example.com/a?b#c')).toEqual({ ok: true, href: 'https://example.com/a?b#c' });
    expect(parseLinkInput(' http://example.com ')).toEqual({ ok: true, href: 'http://example.com' });
    expect(parseLinkInput('mailto:ada@example.com')).toEqual({ ok: true, href: 'mailto:ada@example.com' });
  });

  it('completes bare host names and e-mail addresses', () => {
    expect(parseLinkInput('example.com')).toEqual({ ok: true, href: 'https://example.com' });
    expect(parseLinkInput('www.example.com/path?q=1')).toEqual({ ok: true, href: 'https://www.example.com/path?q=1' });
    expect(parseLinkInput('example.com:8080/x')).toEqual({ ok: true, href: 'https://example.com:8080/x' });
    expect(parseLinkInput('//example.com')).toEqual({ ok: true, href: 'https://example.com' });
    expect(parseLinkInput('ada@example.com')).toEqual({ ok: true, href: 'mailto:ada@example.com' });
  });

  it('refuses script, data and other schemes with a message', () => {
    for (const input of ['javascript:alert(1)', 'JavaScript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x']) {
      expect(parseLinkInput(input), JSON.stringify(input)).toEqual({ ok: false, message: LinkMessage.UnsafeScheme });
    }
  });

  it('refuses empty input and things that are not addresses', () => {
    expect(parseLinkInput('  ')).toEqual({ ok: false, message: LinkMessage.Empty });
    for (const input of ['hello', '/d/abc', '#top', 'two words.com']) {
      expect(parseLinkInput(input), input).toEqual({ ok: false, message: LinkMessage.NotAnAddress });
    }
  });
});

describe('setLink', () => {
  it('links the selected text', () => {
    const state = apply(selectText(createState(doc(p('see the docs'))), 'docs'), setLink('https://example.com'));
    expect(json(state)).toEqual(doc(p('see the ', linked('docs', 'https://example.com'))).toJSON());
  });

  it('refuses unsafe addresses, whatever the selection', () => {
    const state = selectText(createState(doc(p('click'))), 'click');
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative']) {
      expect(setLink(href)(state), href).toBe(false);
      expect(setLink(href)(state, () => expect.fail('dispatched'))).toBe(false);
    }
  });

  it('inserts the address as linked text at an empty cursor', () => {
    const state = apply(createState(doc(p('mail '))), setLink('mailto:ada@example.com'));
    expect(json(state)).toEqual(doc(p('mail ', linked('ada@example.com', 'mailto:ada@example.com'))).toJSON());
  });

  it('changes the whole link around an empty cursor', () => {
    const start = selectText(createState(doc(p('a ', linked('link', 'https://old.example'), ' b'))), 'in', 'end');
    const state = apply(start, setLink('https://new.example'));
    expect(json(state)).toEqual(doc(p('a ', linked('link', 'https://new.example'), ' b')).toJSON());
  });

  it('is not available in a code block', () => {
    expect(setLink('https://example.com')(createState(doc(pre('x'))))).toBe(false);
  });
});

describe('linkAtSelection and removeLink', () => {
  const start = () => createState(doc(p('a ', linked('link', 'https://example.com'), ' b')));

  it('finds the link the cursor is in, including at its end', () => {
    expect(linkAtSelection(selectText(start(), 'in', 'end'))).toEqual({ href: 'https://example.com', from: 3, to: 7 });
    expect(linkAtSelection(selectText(start(), 'link', 'end'))).toEqual({ href: 'https://example.com', from: 3, to: 7 });
    expect(linkAtSelection(selectText(start(), 'a', 'end'))).toBeNull();
  });

  it('removes the whole link around the cursor', () => {
    const state = apply(selectText(start(), 'li', 'end'), removeLink);
    expect(json(state)).toEqual(doc(p('a link b')).toJSON());
    expect(state.doc.rangeHasMark(0, state.doc.content.size, schema.marks.link)).toBe(false);
  });

  it('does nothing where there is no link', () => {
    expect(removeLink(createState(doc(p('plain'))))).toBe(false);
  });
});
