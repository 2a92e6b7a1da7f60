import { format, loadTrace, median, percentile, TRACE_CREDIT } from '@quire/bench-support';
import { CONVERSION_WORKER_FILE, exportDocument, importDocument, type ConversionOutcome, type ConversionTask, type ExportFormat } from '@quire/content';
import { Piscina } from 'piscina';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { LineReplay } from '../line-replay';

interface Row {
  readonly what: string;
  readonly where: 'in process' | 'worker thread';
  readonly bytes: number;
  readonly ms: number[];
}

const EXPORTS: readonly ExportFormat[] = ['markdown', 'html', 'text', 'json'];

/**
 * The repository's editing trace replayed into paragraphs (one per line, as the editor holds it),
 * then exported and imported as the content routes do (docs/api.md, "Content"): each export from
 * the stored state (Yjs → ProseMirror → the format), each import from the exported file (parse →
 * ProseMirror → the new document's Yjs state). In this process, and through the server's worker
 * pool (piscina, the built worker: what GET …/content and POST /api/documents/import wait for,
 * the thread hand-over included). p50 and p95 of 20 runs each (5 with `--quick`).
 */
export const contentConversion: Benchmark = {
  name: 'content-conversion',
  title: 'Content: exporting and importing the editing trace’s document (Markdown, HTML, text, JSON)',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const trace = loadTrace();
    const operations = context.quick ? 40_000 : trace.operations.length;
    const runs = context.quick ? 5 : 20;
    const replay = LineReplay.replay(trace, operations);
    const state = Y.encodeStateAsUpdate(replay.doc);
    const lines = replay.text().split('\n').length;
    const rows: Row[] = [];
    const time = (what: string, where: Row['where'], bytes: number, run: () => unknown | Promise<unknown>) => timed(runs, run).then((ms) => rows.push({ what, where, bytes, ms }));

    const exported = new Map<ExportFormat, string>();
    for (const kind of EXPORTS) {
      const body = exportDocument([state], kind, 'Editing trace');
      exported.set(kind, body);
      await time(`export ${kind}`, 'in process', body.length, () => exportDocument([state], kind, 'Editing trace'));
    }
    const markdown = new TextEncoder().encode(exported.get('markdown'));
    const html = new TextEncoder().encode(exported.get('html'));
    // The round trip is exact for the trace's paragraphs: checked, so the timings are of real work.
    const again = await importDocument('markdown', markdown, 'trace.md');
    if (exportDocument([again.update], 'markdown', '') !== exported.get('markdown')) throw new Error('ROUND TRIP MISMATCH: the imported Markdown exports differently');
    await time('import markdown', 'in process', markdown.length, () => importDocument('markdown', markdown, 'trace.md'));
    await time('import html', 'in process', html.length, () => importDocument('html', html, 'trace.html'));

    const pool = new Piscina<ConversionTask, ConversionOutcome>({ filename: CONVERSION_WORKER_FILE, minThreads: 1, maxThreads: 1 });
    try {
      const ok = async (task: ConversionTask) => {
        const outcome = await pool.run(task);
        if (!outcome.ok) throw new Error(`the worker refused: ${outcome.message}`);
      };
      await time('export markdown', 'worker thread', markdown.length, () => ok({ kind: 'export', format: 'markdown', updates: [state], title: 'Editing trace' }));
      await time('export html', 'worker thread', html.length, () => ok({ kind: 'export', format: 'html', updates: [state], title: 'Editing trace' }));
      await time('import markdown', 'worker thread', markdown.length, () => ok({ kind: 'import', format: 'markdown', bytes: markdown, fileName: 'trace.md' }));
      await time('import html', 'worker thread', html.length, () => ok({ kind: 'import', format: 'html', bytes: html, fileName: 'trace.html' }));
    } finally {
      await pool.destroy();
    }

    const p95 = (values: readonly number[]) => percentile(Float64Array.from(values).sort(), 95);
    return {
      summary: [
        ['trace', `${format.integer(operations)} operations replayed into ${format.integer(lines)} paragraphs; its Yjs state ${format.bytes(state.length)}. ${TRACE_CREDIT}`],
        ['runs', `${runs} of each, after one unmeasured run`],
      ],
      table: {
        headers: ['conversion', 'where', 'file', 'p50 ms', 'p95 ms', 'max ms'],
        rows: rows.map((row) => [row.what, row.where, format.bytes(row.bytes), format.ms(median(row.ms)), format.ms(p95(row.ms)), format.ms(Math.max(...row.ms))]),
      },
      notes: [
        'export: the stored state (one Yjs update) → ProseMirror (as the editor builds it) → the format; import: the file → ProseMirror → a new document’s Yjs state, encoded.',
        'worker thread: through a piscina pool on the built worker, as the server runs them (the state or file copied to the thread and the answer back).',
      ],
      skipped: [],
      data: { operations, lines, stateBytes: state.length, runs, rows },
    };
  },
};

/** Each run's milliseconds, after one run that warms up. */
async function timed(runs: number, run: () => unknown | Promise<unknown>): Promise<number[]> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  return ms;
}
