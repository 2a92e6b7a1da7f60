/**
 * The value below which `p` percent of the sorted samples lie, by nearest rank: always a value
 * that was measured, never an interpolation between two. NaN for no samples.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median of a few numbers, such as repeated timings or rounds (NaN for none); ignores NaN entries. */
export function median(values: readonly number[]): number {
  const finite = values.filter((value) => !Number.isNaN(value));
  return percentile(Float64Array.from(finite).sort(), 50);
}
