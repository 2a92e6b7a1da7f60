/** A pair of equal elements, at `a` in the first sequence and `b` in the second. */
export type Match = readonly [a: number, b: number];

/**
 * The matched elements of a shortest edit script between two sequences of lengths `n` and `m`
 * (Myers' O((N+M)D) algorithm, after trimming the common prefix and suffix), in order; `undefined`
 * when it takes more than `maxCost` insertions and deletions, so that a caller can treat the two
 * as unrelated instead of paying O(D²) memory for a diff nobody could read.
 */
export function matchSequences(n: number, m: number, equal: (a: number, b: number) => boolean, maxCost: number): Match[] | undefined {
  let start = 0;
  while (start < n && start < m && equal(start, start)) start++;
  let endA = n;
  let endB = m;
  while (endA > start && endB > start && equal(endA - 1, endB - 1)) {
    endA--;
    endB--;
  }
  const middle = shortestEdit(start, endA, start, endB, equal, maxCost);
  if (!middle) return undefined;
  const matches: Match[] = [];
  for (let i = 0; i < start; i++) matches.push([i, i]);
  matches.push(...middle);
  for (let i = 0; endA + i < n; i++) matches.push([endA + i, endB + i]);
  return matches;
}

function shortestEdit(
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  equal: (a: number, b: number) => boolean,
  maxCost: number,
): Match[] | undefined {
  const n = endA - startA;
  const m = endB - startB;
  const max = Math.min(n + m, maxCost);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Each round's furthest reaching x per diagonal k, for the diagonals -d..d it could reach.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && equal(startA + x, startB + y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, startA, startB);
    }
  }
  return undefined;
}

function backtrack(trace: readonly Int32Array[], cost: number, n: number, m: number, startA: number, startB: number): Match[] {
  const matches: Match[] = [];
  let x = n;
  let y = m;
  for (let d = cost; d > 0; d--) {
    // trace[d] holds diagonals -d-1..d+1 as they were before round d.
    const before = (k: number) => trace[d][k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && before(k - 1) < before(k + 1)) ? k + 1 : k - 1;
    const previousX = before(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      matches.push([startA + x, startB + y]);
    }
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    matches.push([startA + x, startB + y]);
  }
  return matches.reverse();
}
