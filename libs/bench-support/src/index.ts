export { loadTrace, applyPatch, replayOnString, TRACE_CREDIT, TRACE_PATH, type EditingTrace, type Patch } from './trace';
export { machineInfo, describeMachine, currentLoad, type MachineInfo } from './machine';
export * as format from './format';
export { renderTable, renderMarkdown, type Table } from './table';
export { readFlags, type FlagValue } from './flags';
export { runCli } from './run-cli';
export { percentile, median } from './percentile';
export { heapUsedAfterGc } from './heap';
export { Typist, keystrokeUpdates, LINE_LENGTH } from './typist';
