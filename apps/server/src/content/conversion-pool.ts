import { CONVERSION_WORKER_FILE, type ConversionOutcome, type ConversionTask } from '@quire/content/dispatch';
import { Piscina } from 'piscina';
import { AuthError } from '../auth/auth-error';

/** How long one conversion may take before its worker is stopped and the request answered 422. */
export const CONVERSION_TIMEOUT_MS = 20_000;
/** The heap one worker may use; a file that needs more (a zip bomb inside a .docx) ends its worker, not the server. */
const WORKER_HEAP_MB = 512;

/**
 * Conversions of imported and written content (Markdown, HTML, Word) in worker threads (piscina),
 * so that a large or hostile file never blocks the event loop that relays keystrokes. Each task
 * has a time limit and each worker a heap limit; past either, the worker is ended and the request
 * gets a 422 saying so. The worker is the content library's built worker file.
 */
export class ConversionPool {
  private readonly pool = new Piscina<ConversionTask, ConversionOutcome>({
    filename: CONVERSION_WORKER_FILE,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 60_000,
    // Queued tasks wait; a burst of imports is served in turn rather than starting many threads.
    maxQueue: 64,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });

  constructor(private readonly timeoutMs = CONVERSION_TIMEOUT_MS) {}

  /** The task's outcome; a 422 for content that cannot be converted (with the reason), or past the time or memory limit. */
  async convert<K extends ConversionTask['kind']>(task: Extract<ConversionTask, { kind: K }>): Promise<Extract<ConversionOutcome, { ok: true; kind: K }>> {
    let outcome: ConversionOutcome;
    try {
      // The bytes are copied to the worker (not transferred): the caller may still hold them.
      outcome = await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      if ((error as Error).name === 'AbortError' || (error as Error).name === 'TimeoutError') {
        throw new AuthError(422, `Converting this content took longer than ${Math.round(this.timeoutMs / 1000)} seconds; Quire stopped it`);
      }
      if (/queue is at limit/i.test((error as Error).message)) throw new AuthError(429, 'Too many conversions at once: try again in a moment', 5);
      // The worker died: out of memory, most often.
      throw new AuthError(422, 'This content cannot be converted: it needs more memory than Quire gives one conversion');
    }
    if (!outcome.ok) throw new AuthError(422, outcome.message);
    return outcome as Extract<ConversionOutcome, { ok: true; kind: K }>;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
