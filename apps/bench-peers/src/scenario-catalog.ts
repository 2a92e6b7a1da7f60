/** A scenario as the runner plans and prints it (the generator holds the code: load/scenarios). */
export interface ScenarioInfo {
  /** As given to `--only`. */
  readonly name: string;
  /** The numbering. */
  readonly number: string;
  readonly title: string;
  /** False when the relay cannot take part: it holds no document to sync or store. */
  readonly relay: boolean;
  /** Uses the editing trace (its credit is printed with the results). */
  readonly trace: boolean;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: 'multi-document-fan-out',
    number: '1c',
    title: 'Many documents, each a crowd: 10 × 100 full peers, 2 writers per document at 10 keys/s',
    relay: true,
    trace: false,
  },
  { name: 'fan-out', number: '1', title: 'Fan-out on one document: 10% typing 5 keys/s, a cursor update per key', relay: true, trace: false },
  { name: 'fan-out-ramp', number: '1b', title: 'Fan-out throughput: 100 clients, 10 writers typing faster until p99 passes 100 ms', relay: true, trace: false },
  { name: 'many-documents', number: '2', title: 'Many documents: 500 × 4 clients, one writer each at 2 keys/s', relay: true, trace: false },
  { name: 'join', number: '3', title: 'Joining the editing-trace document: a first client, then 100 at once', relay: false, trace: true },
  { name: 'storm', number: '4', title: 'Connection storm: 5,000 clients at 1,000/s across 50 documents', relay: true, trace: false },
  { name: 'memory-idle', number: '5a', title: 'Memory: 10,000 idle connections', relay: true, trace: false },
  { name: 'memory-trace', number: '5b', title: 'Memory: one loaded editing-trace document', relay: false, trace: true },
  { name: 'memory-churn', number: '5c', title: 'Memory: 20 cycles of 1,000 connects and disconnects', relay: true, trace: false },
  { name: 'awareness-storm', number: '6', title: 'Awareness storm: 200 clients moving cursors at 10 Hz', relay: true, trace: false },
  { name: 'replay', number: '7', title: 'Editing-trace replay: 259,778 operations as fast as the server accepts them', relay: true, trace: true },
];

export function findScenario(name: string): ScenarioInfo | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}
