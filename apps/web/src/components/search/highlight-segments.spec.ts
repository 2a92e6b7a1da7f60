import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-segments';

describe('highlightSegments', () => {
  it('cuts a snippet at the marked ranges, in order', () => {
    expect(highlightSegments('We bought a xylophone for the band', [[12, 21]])).toEqual([
      { text: 'We bought a ', marked: false },
      { text: 'xylophone', marked: true },
      { text: ' for the band', marked: false },
    ]);
    expect(highlightSegments('a b a', [[4, 5], [0, 1]]).map((segment) => segment.marked)).toEqual([true, false, true]);
  });

  it('clamps and skips ranges it cannot trust, and keeps markup as text', () => {
    expect(highlightSegments('<b>x</b>', [[6, 99], [3, 4], [-5, 0], [3, 5]])).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '<', marked: true },
      { text: '/', marked: false },
      { text: 'b>', marked: true },
    ]);
    expect(highlightSegments('', [[0, 3]])).toEqual([]);
  });
});
