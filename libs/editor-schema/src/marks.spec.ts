import type { TagParseRule, StyleParseRule } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from './schema';

/** The element type getAttrs receives, named without the DOM library. */
type ParsedElement = Parameters<NonNullable<TagParseRule['getAttrs']>>[0];

function element(attributes: Record<string, string>, style: Record<string, string> = {}) {
  return { getAttribute: (name: string) => attributes[name] ?? null, style: { fontWeight: '', ...style } };
}

function tagRule(mark: keyof typeof schema.marks, tag: string): TagParseRule {
  const rule = schema.marks[mark].spec.parseDOM?.find((r): r is TagParseRule => 'tag' in r && r.tag === tag);
  if (!rule) throw new Error(`no <${tag}> rule for ${mark}`);
  return rule;
}

function styleRules(mark: keyof typeof schema.marks): StyleParseRule[] {
  return (schema.marks[mark].spec.parseDOM ?? []).filter((r): r is StyleParseRule => 'style' in r);
}

/** What a style rule makes of a value: a match (null or attrs), or false for no match. */
function matchStyle(mark: keyof typeof schema.marks, property: string, value: string): 'match' | 'clear' | 'none' {
  for (const rule of styleRules(mark)) {
    const [prop, expected] = rule.style.split('=');
    if (prop !== property) continue;
    if (expected !== undefined) {
      if (expected === value) return rule.clearMark ? 'clear' : 'match';
      continue;
    }
    if (rule.getAttrs?.(value) !== false) return 'match';
  }
  return 'none';
}

describe('link mark', () => {
  const linkRule = () => tagRule('link', 'a[href]');
  const parse = (href: string) => linkRule().getAttrs?.(element({ href }) as unknown as ParsedElement);

  it('parses safe links, trimmed', () => {
    expect(parse('https://example.com')).toEqual({ href: 'https://example.com' });
    expect(parse('  mailto:ada@example.com ')).toEqual({ href: 'mailto:ada@example.com' });
  });

  it('does not parse unsafe or relative links as links', () => {
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:x', 'data:text/html,x', '/d/x', '#a']) {
      expect(parse(href), href).toBe(false);
    }
  });

  it('renders with rel noopener noreferrer and a new tab', () => {
    const mark = schema.marks.link.create({ href: 'https://example.com' });
    expect(schema.marks.link.spec.toDOM?.(mark, true)).toEqual([
      'a',
      { href: 'https://example.com', rel: 'noopener noreferrer', target: '_blank' },
      0,
    ]);
  });

  it('renders an unsafe href written by another client without the href', () => {
    const mark = schema.marks.link.create({ href: 'javascript:alert(1)' });
    expect(schema.marks.link.spec.toDOM?.(mark, true)).toEqual(['a', { rel: 'noopener noreferrer', target: '_blank' }, 0]);
  });

  it('requires an href string and does not extend when typing at its end', () => {
    expect(() => schema.marks.link.create({})).toThrow(RangeError);
    expect(() => schema.marks.link.create({ href: 5 })).toThrow(RangeError);
    expect(schema.marks.link.spec.inclusive).toBe(false);
  });
});

describe('formatting marks', () => {
  it('render to semantic elements', () => {
    const dom = (name: keyof typeof schema.marks) => schema.marks[name].spec.toDOM?.(schema.marks[name].create(), true);
    expect(dom('bold')).toEqual(['strong', 0]);
    expect(dom('italic')).toEqual(['em', 0]);
    expect(dom('underline')).toEqual(['u', 0]);
    expect(dom('strike')).toEqual(['s', 0]);
    expect(dom('code')).toEqual(['code', 0]);
  });

  it('parse the tags editors and browsers produce', () => {
    const tags = (name: keyof typeof schema.marks) =>
      (schema.marks[name].spec.parseDOM ?? []).flatMap((r) => ('tag' in r && r.tag ? [r.tag] : []));
    expect(tags('bold')).toEqual(['strong', 'b']);
    expect(tags('italic')).toEqual(['em', 'i']);
    expect(tags('underline')).toEqual(['u']);
    expect(tags('strike')).toEqual(['s', 'del', 'strike']);
    expect(tags('code')).toEqual(['code']);
  });

  it('ignores the <b style="font-weight: normal"> wrapper Google Docs puts around pasted content', () => {
    const rule = tagRule('bold', 'b');
    const asElement = (fontWeight: string) => element({}, { fontWeight }) as unknown as ParsedElement;
    expect(rule.getAttrs?.(asElement('normal'))).toBe(false);
    expect(rule.getAttrs?.(asElement(''))).toBe(null);
  });

  it('reads bold, italic, underline and strike from inline styles', () => {
    expect(matchStyle('bold', 'font-weight', 'bold')).toBe('match');
    expect(matchStyle('bold', 'font-weight', '700')).toBe('match');
    expect(matchStyle('bold', 'font-weight', '400')).toBe('clear');
    expect(matchStyle('bold', 'font-weight', '300')).toBe('none');
    expect(matchStyle('italic', 'font-style', 'italic')).toBe('match');
    expect(matchStyle('italic', 'font-style', 'normal')).toBe('clear');
    expect(matchStyle('underline', 'text-decoration', 'underline dotted')).toBe('match');
    expect(matchStyle('strike', 'text-decoration', 'line-through')).toBe('match');
    expect(matchStyle('strike', 'text-decoration', 'underline')).toBe('none');
  });

  it('marks inline code as code, so input rules leave it alone', () => {
    expect(schema.marks.code.spec.code).toBe(true);
  });
});

describe('the comment mark', () => {
  const comment = (threadId: string) => schema.marks.comment.create({ threadId });

  it('lets several threads cover the same text, and is not extended by typing at its ends', () => {
    const both = comment('t1').addToSet(comment('t2').addToSet([]));
    expect(both.map((mark) => mark.attrs['threadId']).sort()).toEqual(['t1', 't2']);
    expect(schema.marks.comment.spec.inclusive).toBe(false);
    // Another mark type is unaffected.
    expect(schema.marks.bold.create().addToSet(both)).toHaveLength(3);
  });

  it('renders its thread id and parses it back (cut and paste within a document keeps the thread)', () => {
    expect(schema.marks.comment.spec.toDOM?.(comment('t1'), true)).toEqual(['span', { class: 'quire-comment', 'data-thread-id': 't1' }, 0]);
    const rule = tagRule('comment', 'span[data-thread-id]');
    expect(rule.getAttrs?.(element({ 'data-thread-id': 't1' }) as unknown as ParsedElement)).toEqual({ threadId: 't1' });
    expect(rule.getAttrs?.(element({ 'data-thread-id': '' }) as unknown as ParsedElement)).toBe(false);
  });

  it('needs a thread id', () => {
    expect(() => schema.marks.comment.create({ threadId: 7 })).toThrow(RangeError);
  });
});
