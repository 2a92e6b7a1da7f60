import { percentile } from '@quire/bench-support';

/** A list of numbers that grows without reallocating on every push (latencies: up to millions). */
export class Samples {
  private values = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** A sorted copy of the samples. */
  sorted(): Float64Array {
    return this.values.slice(0, this.size).sort();
  }
}

/** Latency percentiles in milliseconds, with a histogram for pooling rounds and drawing charts. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly histogram: readonly number[];
}

/**
 * Log-spaced buckets: {@link BUCKETS_PER_DECADE} per decade from {@link HISTOGRAM_MIN_MS} up, the
 * last bucket catching everything above. Bucket `i` holds values below `bucketUpperMs(i)`.
 */
export const HISTOGRAM_MIN_MS = 0.01;
export const BUCKETS_PER_DECADE = 20;
export const HISTOGRAM_BUCKETS = 7 * BUCKETS_PER_DECADE + 1; // 0.01 ms … 100 s, and above

export function bucketUpperMs(index: number): number {
  return HISTOGRAM_MIN_MS * 10 ** ((index + 1) / BUCKETS_PER_DECADE);
}

function bucketOf(valueMs: number): number {
  if (valueMs <= HISTOGRAM_MIN_MS) return 0;
  const index = Math.floor(Math.log10(valueMs / HISTOGRAM_MIN_MS) * BUCKETS_PER_DECADE);
  return Math.min(HISTOGRAM_BUCKETS - 1, index);
}

/** Exact percentiles from the samples, and their histogram. */
export function summarizeLatency(samples: Samples): LatencySummary {
  const sorted = samples.sorted();
  const histogram = new Array<number>(HISTOGRAM_BUCKETS).fill(0);
  for (const value of sorted) histogram[bucketOf(value)] += 1;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
    histogram,
  };
}

/** Adds histograms bucket by bucket (rounds of one server, pooled for a chart). */
export function addHistograms(histograms: readonly (readonly number[])[]): number[] {
  const total = new Array<number>(HISTOGRAM_BUCKETS).fill(0);
  for (const histogram of histograms) histogram.forEach((count, index) => (total[index] += count));
  return total;
}
