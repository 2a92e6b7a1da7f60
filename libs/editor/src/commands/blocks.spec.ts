import { schema } from '@quire/editor-schema';
import { describe, expect, it } from 'vitest';
import { apply, createState, doc, h, hr, json, li, ol, p, pre, quote, selectText, ul } from '../testing/editor-test-kit';
import { insertHorizontalRule, toggleBlockquote, toggleCodeBlock, toggleHeading, toggleList } from './blocks';

describe('block commands', () => {
  it('toggles a paragraph to a heading and back', () => {
    const heading = apply(createState(doc(p('Title'))), toggleHeading(2));
    expect(json(heading)).toEqual(doc(h(2, 'Title')).toJSON());
    expect(json(apply(heading, toggleHeading(1)))).toEqual(doc(h(1, 'Title')).toJSON());
    expect(json(apply(heading, toggleHeading(2)))).toEqual(doc(p('Title')).toJSON());
  });

  it('toggles a code block', () => {
    const code = apply(createState(doc(p('x = 1'))), toggleCodeBlock);
    expect(json(code)).toEqual(doc(pre('x = 1')).toJSON());
    expect(json(apply(code, toggleCodeBlock))).toEqual(doc(p('x = 1')).toJSON());
  });

  it('wraps in a quote and lifts out of it', () => {
    const quoted = apply(createState(doc(p('wise'))), toggleBlockquote);
    expect(json(quoted)).toEqual(doc(quote(p('wise'))).toJSON());
    expect(json(apply(quoted, toggleBlockquote))).toEqual(doc(p('wise')).toJSON());
  });

  it('wraps in a list, switches its kind, and lifts out of it', () => {
    const bullets = apply(createState(doc(p('one'))), toggleList(schema.nodes.bullet_list));
    expect(json(bullets)).toEqual(doc(ul(li(p('one')))).toJSON());
    const numbers = apply(bullets, toggleList(schema.nodes.ordered_list));
    expect(json(numbers)).toEqual(doc(ol(li(p('one')))).toJSON());
    expect(json(apply(numbers, toggleList(schema.nodes.ordered_list)))).toEqual(doc(p('one')).toJSON());
  });

  it('inserts a rule and a paragraph for the cursor at the end of a document', () => {
    const state = apply(createState(doc(p('above'))), insertHorizontalRule);
    expect(json(state)).toEqual(doc(p('above'), hr(), p()).toJSON());
    expect(state.selection.$from.parent.type).toBe(schema.nodes.paragraph);
    expect(state.selection.from).toBe(state.doc.content.size - 1);
  });

  it('inserts a rule between the halves of a split paragraph, the cursor in the second', () => {
    const state = apply(selectText(createState(doc(p('beforeafter'))), 'before', 'end'), insertHorizontalRule);
    expect(json(state)).toEqual(doc(p('before'), hr(), p('after')).toJSON());
    expect(state.selection.$from.parent.textContent).toBe('after');
    expect(state.selection.$from.parentOffset).toBe(0);
  });
});
