import { describe, expect, it } from 'vitest';
import { createState, doc, h, hr, json, li, marked, ol, p, pre, quote, type, ul } from './testing/editor-test-kit';

const typed = (text: string, start = doc(p())) => json(type(createState(start), text));

describe('Markdown input rules', () => {
  it('turns #, ##, ### and #### into headings of that level', () => {
    expect(typed('# Title')).toEqual(doc(h(1, 'Title')).toJSON());
    expect(typed('## Part')).toEqual(doc(h(2, 'Part')).toJSON());
    expect(typed('### Detail')).toEqual(doc(h(3, 'Detail')).toJSON());
    expect(typed('#### Fine')).toEqual(doc(h(4, 'Fine')).toJSON());
  });

  it('leaves ##### and a # without a space as text', () => {
    expect(typed('##### x')).toEqual(doc(p('##### x')).toJSON());
    expect(typed('#tag')).toEqual(doc(p('#tag')).toJSON());
  });

  it('starts bullet lists with - and *', () => {
    expect(typed('- item')).toEqual(doc(ul(li(p('item')))).toJSON());
    expect(typed('* item')).toEqual(doc(ul(li(p('item')))).toJSON());
  });

  it('starts numbered lists at the typed number', () => {
    expect(typed('1. first')).toEqual(doc(ol(li(p('first')))).toJSON());
    const state = type(createState(), '3. third');
    expect(state.doc.firstChild?.attrs['order']).toBe(3);
  });

  it('starts a quote with >', () => {
    expect(typed('> wise')).toEqual(doc(quote(p('wise'))).toJSON());
  });

  it('starts a code block with ```', () => {
    expect(typed('```const x')).toEqual(doc(pre('const x')).toJSON());
  });

  it('turns --- into a rule with the cursor on a new line after it', () => {
    const state = type(createState(), '---after');
    expect(json(state)).toEqual(doc(hr(), p('after')).toJSON());
  });

  it('does not turn --- into a rule after text or inside a list', () => {
    expect(typed('a---')).toEqual(doc(p('a---')).toJSON());
    expect(typed('- ---')).toEqual(doc(ul(li(p('---')))).toJSON());
  });

  it('makes **text** bold, *text* italic and `text` code, keeping the text before', () => {
    expect(typed('a **strong** b')).toEqual(doc(p('a ', marked('strong', 'bold'), ' b')).toJSON());
    expect(typed('an *aside* ok')).toEqual(doc(p('an ', marked('aside', 'italic'), ' ok')).toJSON());
    expect(typed('run `npm start` now')).toEqual(doc(p('run ', marked('npm start', 'code'), ' now')).toJSON());
  });

  it('stops the mark after the closing marker', () => {
    const state = type(createState(), '**b** x');
    expect(json(state)).toEqual(doc(p(marked('b', 'bold'), ' x')).toJSON());
  });

  it('leaves unbalanced or spaced markers alone', () => {
    expect(typed('2 * 3 * 4')).toEqual(doc(p('2 * 3 * 4')).toJSON());
    expect(typed('a** b**')).toEqual(doc(p('a** b**')).toJSON());
    expect(typed('snake_case*x*')).toEqual(doc(p('snake_case*x*')).toJSON());
  });

  it('does not apply Markdown inside code blocks or inline code', () => {
    expect(typed('# not a heading', doc(pre()))).toEqual(doc(pre('# not a heading')).toJSON());
    expect(typed('**x**', doc(pre()))).toEqual(doc(pre('**x**')).toJSON());
    expect(typed(' **b**', doc(p(marked('code', 'code'))))).toEqual(doc(p(marked('code **b**', 'code'))).toJSON());
  });
});
