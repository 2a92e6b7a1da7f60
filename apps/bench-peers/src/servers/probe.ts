// Preloaded (`node --expose-gc -r probe.js`) into every server the benchmark starts, the same for
// all: it answers the runner's IPC requests with the heap after a full collection, the resident
// set and the event-loop delay, which no server reports the same way on its own. Its cost is one
// 10 ms timer (the delay monitor) and nothing else until asked.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isProbeRequest, type ProbeReading } from '../ipc-messages';

// It records whole timer periods: the lag is what exceeds the 10 ms period.
const RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
const lagMs = (periodNs: number) => Math.max(0, periodNs / 1e6 - RESOLUTION_MS);
loopDelay.enable();

const collect = (globalThis as { gc?: () => void }).gc;

if (process.send) {
  process.on('message', (message: unknown) => {
    if (!isProbeRequest(message)) return;
    if (message.gc && collect) {
      // Twice: the first pass can leave objects only the second finds unreachable (weak maps, finalizers).
      collect();
      collect();
    }
    const memory = process.memoryUsage();
    const reading: ProbeReading = {
      type: 'probe-result',
      id: message.id,
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
      loopDelayP99Ms: loopDelay.count === 0 ? 0 : lagMs(loopDelay.percentile(99)),
      loopDelayMaxMs: loopDelay.count === 0 ? 0 : lagMs(loopDelay.max),
    };
    if (message.resetLoop) loopDelay.reset();
    process.send?.(reading);
  });
  // The channel must not keep a server alive once it is told to stop.
  process.channel?.unref();
}
