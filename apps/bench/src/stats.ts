/** Percentiles of a set of samples (milliseconds unless said otherwise). */
export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The value below which `p` percent of the sorted samples lie, by nearest rank: always a value
 * that was measured, never an interpolation between two.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** p50, p99, max and mean of `samples` (not modified). NaN everywhere for no samples. */
export function distribution(samples: ArrayLike<number>): Distribution {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

/** The median of a few repeated timings. */
export function median(samples: readonly number[]): number {
  return percentile(Float64Array.from(samples).sort(), 50);
}
