import { SUMMARY_STEP, type RunResult, type StepResult } from '../../results';
import type { ScenarioContext } from '../scenario-context';
import { GENERATOR_CPU_LIMIT } from '../self-monitor';
import { fanOutStep } from './fan-out';

const CLIENTS = 100;
const WRITERS = 10;
const RATES = [5, 10, 20, 40, 80, 160, 320];
const P99_LIMIT_MS = 100;

/**
 * Scenario 1, throughput: 100 clients on one document, 10 of them typing (each key with its
 * cursor) ever faster, until the p99 latency passes 100 ms or the generator can no longer keep
 * up. Reports the deliveries per second at which p99 passed 100 ms, and the most with p99 under.
 */
export async function fanOutRamp(context: ScenarioContext): Promise<RunResult> {
  const windowMs = context.quick ? 2_000 : 3_000;
  const rates = context.quick ? RATES.slice(0, 3) : RATES;
  const steps: StepResult[] = [];
  let passedAt = Number.NaN;
  let bestUnder = Number.NaN;
  let stoppedBy = 'the last rate';
  for (const rate of rates) {
    const step = await fanOutStep(context, CLIENTS, rate, windowMs, `${rate} keys/s per writer`, WRITERS);
    steps.push(step);
    if (step.values['p99'] > P99_LIMIT_MS) {
      passedAt = step.values['deliveriesPerSecond'];
      stoppedBy = `p99 ${step.values['p99'].toFixed(0)} ms`;
      break;
    }
    if (step.health.cpuShare > GENERATOR_CPU_LIMIT) {
      stoppedBy = `the generator (${step.health.reason})`;
      break;
    }
    bestUnder = Math.max(Number.isNaN(bestUnder) ? 0 : bestUnder, step.values['deliveriesPerSecond']);
  }
  // The summary stands on the steps it comes from: the one where p99 passed, else valid ones.
  const passedStep = steps.find((step) => step.values['p99'] > P99_LIMIT_MS);
  const fromValidSteps = steps.filter((step) => step.health.valid);
  steps.push({
    step: SUMMARY_STEP,
    values: { p99PassesAt: passedAt, bestUnder100: bestUnder },
    health: passedStep?.health ?? fromValidSteps[fromValidSteps.length - 1]?.health ?? steps[0].health,
    failures: [],
  });
  return {
    steps,
    notes: [
      `${CLIENTS} clients, ${WRITERS} writers; each rate doubles the last; stopped by ${stoppedBy}`,
      `p99 passes 100 ms: deliveries/s of the first rate whose p99 exceeded 100 ms (– when none did before the generator passed ${GENERATOR_CPU_LIMIT * 100}% of a core)`,
    ],
  };
}
