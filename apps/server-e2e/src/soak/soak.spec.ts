import { describe, expect, it } from 'vitest';
import { runSoak } from './soak-run';

describe('a short soak', () => {
  it('returns to no documents, no connections and its starting descriptors once clients leave', { timeout: 90_000 }, async () => {
    const lines: string[] = [];
    const result = await runSoak({
      durationMs: 15_000,
      seed: 7,
      documents: 5,
      clientsPerCycle: 4,
      sampleEveryMs: 5_000,
      log: (line) => lines.push(line),
    });
    console.log(lines.join('\n'));
    expect(result.cycles).toBeGreaterThan(5);
    expect(result.end.documentsLoaded).toBe(0);
    expect(result.end.connections).toBe(0);
    expect(result.end.openFds).toBeLessThanOrEqual(result.start.openFds + 2);
    // Memory is measured, not asserted in CI (the CLI reports it); a leak of this size would be a bug.
    expect(result.heapRatio).toBeLessThan(2);
  });
});
