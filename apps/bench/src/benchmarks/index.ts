import type { Benchmark } from '../benchmark';
import { contentConversion } from './content-conversion';
import { crossInstance } from './cross-instance';
import { guestFlood } from './guest-flood';
import { idleServer } from './idle-server';
import { relayLatency } from './relay-latency';
import { search } from './search';
import { storeThroughput } from './store-throughput';
import { storedAck } from './stored-ack';
import { traceLoad } from './trace-load';
import { versionHistory } from './version-history';
import { versionList } from './version-list';
import { writeAmplification } from './write-amplification';

/** Every benchmark, in the order a full run takes them. */
export const BENCHMARKS: readonly Benchmark[] = [storeThroughput, relayLatency, storedAck, writeAmplification, traceLoad, versionHistory, versionList, search, contentConversion, crossInstance, idleServer, guestFlood];
