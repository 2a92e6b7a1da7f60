/** How a figure is printed. */
export type Unit = 'ms' | 'percent' | 'rate' | 'seconds' | 'us' | 'bytes' | 'count' | 'ratio';

/** A figure the table reports: how to print it, which way is better, how rounds combine. */
export interface FigureSpec {
  readonly label: string;
  readonly unit: Unit;
  /** 'none': context (the offered load, the generator's own CPU), no ratio is taken. */
  readonly better: 'lower' | 'higher' | 'none';
  /** Rounds combine by their median, except maxima (the largest) and delivery (the worst). */
  readonly aggregate: 'median' | 'max' | 'min';
  /** False where a ratio means nothing: signed drifts, counts that are usually zero. */
  readonly ratio?: boolean;
}

const lower = (label: string, unit: Unit, aggregate: FigureSpec['aggregate'] = 'median'): FigureSpec => ({ label, unit, better: 'lower', aggregate });
const higher = (label: string, unit: Unit, aggregate: FigureSpec['aggregate'] = 'median'): FigureSpec => ({ label, unit, better: 'higher', aggregate });
const context = (label: string, unit: Unit, aggregate: FigureSpec['aggregate'] = 'median'): FigureSpec => ({ label, unit, better: 'none', aggregate });

/** Every figure any scenario reports, by key, in the order the tables show them: headline figures first. */
export const FIGURES = {
  p99PassesAt: higher('deliveries/s where p99 passes 100 ms', 'rate'),
  bestUnder100: higher('most deliveries/s with p99 ≤ 100 ms', 'rate'),
  firstSyncedMs: lower('first client synced', 'ms'),
  allSyncedMs: lower('all synced', 'ms'),
  failures: { ...lower('failures', 'count', 'max'), ratio: false },
  opsPerSecond: higher('operations/s', 'rate'),
  replaySeconds: lower('replay time', 'seconds'),
  baselineOpsPerSecond: context('in-process apply: operations/s', 'rate'),
  overBaseline: higher('÷ in-process apply', 'ratio'),
  rssPerConnection: lower('RSS per connection', 'bytes'),
  heapPerConnection: lower('heap per connection', 'bytes'),
  heapDelta: lower('heap for the document (after GC)', 'bytes'),
  rssDelta: lower('RSS for the document', 'bytes'),
  yjsHeap: context('heap Yjs alone needs (in the generator)', 'bytes'),
  heapOverYjs: lower('heap ÷ Yjs alone', 'ratio'),
  heapDrift: { ...lower('heap drift, lows of the first → last fifth of cycles (after GC)', 'bytes'), ratio: false },
  rssDrift: { ...lower('RSS drift, lows of the first → last fifth of cycles', 'bytes'), ratio: false },
  p50: lower('latency p50', 'ms'),
  p99: lower('latency p99', 'ms'),
  max: lower('latency max', 'ms', 'max'),
  delivery: higher('delivered', 'percent', 'min'),
  deliveriesPerSecond: context('deliveries/s', 'rate'),
  serverCpuSeconds: lower('server CPU s', 'seconds'),
  cpuPerDelivery: lower('server CPU µs/delivery', 'us'),
  peakRss: lower('server peak RSS', 'bytes'),
  serverLoopMaxMs: lower('server event-loop max', 'ms', 'max'),
  serverLoopP99Ms: lower('server event-loop p99', 'ms', 'max'),
  syncBytes: context('sync step 2 bytes', 'bytes'),
  generatorCpu: context('generator CPU (of a core)', 'percent', 'max'),
  generatorLagP99: context('generator event-loop p99', 'ms', 'max'),
} as const satisfies Record<string, FigureSpec>;

export type FigureKey = keyof typeof FIGURES;
