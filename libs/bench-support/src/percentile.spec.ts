import { describe, expect, it } from 'vitest';
import { median, percentile } from './percentile';

describe('percentile', () => {
  it('takes the nearest rank: always a measured value', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 0), percentile(sorted, 100)]).toEqual([5, 10, 1, 10]);
    expect(percentile([], 50)).toBeNaN();
  });

  it('gives the median of unsorted values, ignoring NaN', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([3, Number.NaN, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});
