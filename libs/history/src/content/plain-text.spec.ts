import { describe, expect, it } from 'vitest';
import { builder, testSchema } from '../documents.fixtures';
import { plainText } from './plain-text';

const n = builder(testSchema);

describe('plainText', () => {
  it('writes one line per textblock, nested ones in document order, leaf blocks none', () => {
    const doc = n(
      'doc',
      n('title', 'Plans'),
      n('grid', n('row', n('cell', n('para', 'a1'), n('para', 'a1 again')), n('cell', n('para', 'b1')))),
      n('divider'),
      n('checklist', n('check', { done: true }, n('para', 'ship it'))),
      n('para'),
      n('para', 'end'),
    );
    expect(plainText(doc)).toBe('Plans\na1\na1 again\nb1\nship it\n\nend\n');
  });

  it('reads inline nodes as their leaf text, or a space', () => {
    const doc = n('doc', n('para', 'ask ', n('tag', { name: 'ada' }), n('pause'), 'now'));
    expect(plainText(doc)).toBe('ask #ada now\n');
  });
});
