import { describe, expect, it } from 'vitest';
import { layoutMargin, type MarginItem } from './margin-layout';

const items = (count: number, seed: number): MarginItem[] =>
  Array.from({ length: count }, (_, index) => ({
    anchorTop: index % 7 === 3 ? null : index * 40 + ((index * seed) % 13),
    height: 30 + ((index * seed * 7) % 90),
  }));

describe('layoutMargin from a changed card', () => {
  it('places the cards from the changed one down exactly as a full layout would', () => {
    const before = items(200, 3);
    const previous = layoutMargin(before, -1);
    for (const changed of [0, 1, 57, 198, 199]) {
      const after = before.map((item, index) => (index === changed ? { ...item, height: item.height + 45 } : item));
      const incremental = layoutMargin(after, -1, changed, previous);
      expect(incremental).toEqual(layoutMargin(after, -1));
      // The cards above the changed one were not moved.
      expect(incremental.slice(0, changed)).toEqual(previous.slice(0, changed));
    }
  });

  it('lays out everything again when a card is active (the cards above it may move up)', () => {
    const list = items(50, 5);
    const previous = layoutMargin(list, -1);
    expect(layoutMargin(list, 30, 40, previous)).toEqual(layoutMargin(list, 30));
  });

  it('ignores a start past the cards it knows', () => {
    const list = items(10, 2);
    expect(layoutMargin(list, -1, 8, layoutMargin(list.slice(0, 4), -1))).toEqual(layoutMargin(list, -1));
  });
});
