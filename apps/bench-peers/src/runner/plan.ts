import { SCENARIOS, type ScenarioInfo } from '../scenario-catalog';
import type { ServerName } from '../server-kinds';

/** One scenario against one server in one round: a fresh server process and a fresh generator. */
export interface PlannedRun {
  readonly round: number;
  readonly scenario: ScenarioInfo;
  readonly server: ServerName;
}

/**
 * Every run, in the order they happen: round by round, scenario by scenario, and within each the
 * servers in turn (A B C D, then A B C D in the next round), so that drifting load on the
 * machine weighs on every server alike. The relay sits out the scenarios it cannot serve.
 */
export function planRuns(only: readonly string[], servers: readonly ServerName[], rounds: number): PlannedRun[] {
  const unknown = only.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(`No scenario named ${unknown.join(', ')}; there are ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  }
  const scenarios = only.length === 0 ? SCENARIOS : SCENARIOS.filter((scenario) => only.includes(scenario.name));
  const runs: PlannedRun[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      for (const server of servers) {
        if (server === 'relay' && !scenario.relay) continue;
        runs.push({ round, scenario, server });
      }
    }
  }
  return runs;
}
