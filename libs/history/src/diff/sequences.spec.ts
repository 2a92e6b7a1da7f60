import { describe, expect, it } from 'vitest';
import { matchSequences } from './sequences';

/** Length of a longest common subsequence, by dynamic programming: what a shortest edit keeps. */
function lcsLength(a: readonly number[], b: readonly number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('matchSequences', () => {
  it('keeps a longest common subsequence, in order, of equal elements (500 random pairs)', () => {
    const next = random(7);
    for (let round = 0; round < 500; round++) {
      const a = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 4));
      const b = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 4));
      const matches = matchSequences(a.length, b.length, (i, j) => a[i] === b[j], 1_000)!;
      expect(matches.length, `${a} / ${b}`).toBe(lcsLength(a, b));
      matches.forEach(([i, j], index) => {
        expect(a[i]).toBe(b[j]);
        if (index > 0) {
          expect(i).toBeGreaterThan(matches[index - 1][0]);
          expect(j).toBeGreaterThan(matches[index - 1][1]);
        }
      });
    }
  });

  it('gives up past the cost it is allowed', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = Array.from({ length: 50 }, (_, i) => i + 100);
    expect(matchSequences(a.length, b.length, (i, j) => a[i] === b[j], 99)).toBeUndefined();
    expect(matchSequences(a.length, b.length, (i, j) => a[i] === b[j], 100)).toEqual([]);
  });
});
