import type { Scenario } from '../scenario-context';
import { awarenessStorm } from './awareness-storm';
import { fanOut } from './fan-out';
import { fanOutRamp } from './fan-out-ramp';
import { join } from './join';
import { manyDocuments } from './many-documents';
import { churn, idleConnections, traceHeap } from './memory';
import { multiDocumentFanOut } from './multi-document-fan-out';
import { replay } from './replay';
import { storm } from './storm';

/** The code of each scenario in scenario-catalog.ts, by name. */
export const SCENARIO_CODE: Readonly<Record<string, Scenario>> = {
  'fan-out': fanOut,
  'fan-out-ramp': fanOutRamp,
  'multi-document-fan-out': multiDocumentFanOut,
  'many-documents': manyDocuments,
  join,
  storm,
  'memory-idle': idleConnections,
  'memory-trace': traceHeap,
  'memory-churn': churn,
  'awareness-storm': awarenessStorm,
  replay,
};
