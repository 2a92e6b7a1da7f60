import { runSoak } from './soak-run';

/**
 * `npm run soak -- --minutes N [--seed S]`: drives a fresh server for N minutes and prints heap,
 * RSS, file descriptors and documents loaded over time, then whether they came back.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: number) => {
    const index = args.indexOf(flag);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  const minutes = value('--minutes', 1);
  const seed = value('--seed', 1);
  if (!(minutes > 0) || !Number.isFinite(seed)) {
    console.error('usage: npm run soak -- --minutes N [--seed S]');
    process.exit(2);
  }
  console.log(`Soak: ${minutes} min, seed ${seed}`);
  const result = await runSoak({
    durationMs: minutes * 60_000,
    seed,
    documents: 20,
    clientsPerCycle: 6,
    sampleEveryMs: Math.max(5_000, (minutes * 60_000) / 20),
    log: (line) => console.log(line),
  });
  const heapOk = result.heapRatio <= 1.1;
  const fdsOk = result.end.openFds <= result.start.openFds + 2;
  const unloaded = result.end.documentsLoaded === 0 && result.end.connections === 0;
  console.log(
    `\n${result.cycles} cycles, ${result.connectionsOpened} connections opened and closed, ${result.edits} edits` +
      `\nheap after GC: ${(result.heapRatio * 100).toFixed(1)}% of its start (${heapOk ? 'ok' : 'GREW'}, bound 110%)` +
      `\nfile descriptors: ${result.start.openFds} -> ${result.end.openFds} (${fdsOk ? 'ok' : 'LEAKED'})` +
      `\ndocuments loaded / connections at the end: ${result.end.documentsLoaded} / ${result.end.connections} (${unloaded ? 'ok' : 'NOT RELEASED'})`,
  );
  process.exit(heapOk && fdsOk && unloaded ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
