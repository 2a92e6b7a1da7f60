import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, titleFromDocument } from './document-title';
import { doc, h, hr, li, p, ul } from './testing/editor-test-kit';

describe('titleFromDocument', () => {
  it('is the first line with text', () => {
    expect(titleFromDocument(doc(p(), hr(), h(1, '  Plans  for   2025 '), p('body')))).toBe('Plans for 2025');
    expect(titleFromDocument(doc(ul(li(p('first item')))))).toBe('first item');
  });

  it('is empty for an empty document', () => {
    expect(titleFromDocument(doc(p()))).toBe('');
  });

  it('is shortened with an ellipsis', () => {
    const title = titleFromDocument(doc(p('x'.repeat(200))));
    expect(Array.from(title)).toHaveLength(MAX_TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
  });
});
