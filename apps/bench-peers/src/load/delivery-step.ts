import type { StepResult } from '../results';
import { summarizeLatency } from '../stats/samples';
import { waitUntil } from './connect-all';
import type { DeliveryLedger } from './delivery-ledger';
import type { ScenarioContext } from './scenario-context';
import { SelfMonitor } from './self-monitor';
import { ServerGauge } from './server-gauge';

/** How long to wait, after the load stops, for the last deliveries before counting them lost. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Measures one window of load: `drive` sends (the ledger records what it sends), then the
 * window stays open until every send has reached every other client of its document or the
 * drain timeout passes. The server's CPU and peak RSS and the generator's health cover the
 * whole window, drain included (the server's work for the last sends happens then).
 */
export async function measureDeliveries(
  step: string,
  context: ScenarioContext,
  ledger: DeliveryLedger,
  recipientsPerSend: number,
  drive: () => Promise<unknown>,
): Promise<StepResult> {
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  ledger.recording = true;
  gauge.start();
  monitor.start();
  const started = performance.now();
  await drive();
  const driveSeconds = (performance.now() - started) / 1000;
  ledger.recording = false;
  const expected = ledger.sent * recipientsPerSend;
  await waitUntil(() => ledger.delivered >= expected, DRAIN_TIMEOUT_MS);
  const health = monitor.stop();
  const usage = gauge.stop();
  const latency = summarizeLatency(ledger.latencies);
  const failures: string[] = [];
  if (ledger.delivered < expected) failures.push(`${expected - ledger.delivered} of ${expected} deliveries missing after ${DRAIN_TIMEOUT_MS / 1000} s`);
  return {
    step,
    latency,
    health,
    failures,
    values: {
      p50: latency.p50,
      p99: latency.p99,
      max: latency.max,
      delivery: expected === 0 ? Number.NaN : ledger.delivered / expected,
      deliveriesPerSecond: ledger.delivered / driveSeconds,
      serverCpuSeconds: usage.cpuSeconds,
      cpuPerDelivery: ledger.delivered === 0 ? Number.NaN : (usage.cpuSeconds * 1e6) / ledger.delivered,
      peakRss: usage.peakRssBytes,
      generatorCpu: health.cpuShare,
      generatorLagP99: health.loopDelayP99Ms,
    },
  };
}
