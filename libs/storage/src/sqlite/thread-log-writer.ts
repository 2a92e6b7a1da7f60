import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CommitObserver } from '../commit-timing';
import { StorageError } from '../storage-error';
import type { SqliteSynchronous } from './connect';
import type { AppendOutcome, QueuedAppend } from './log-connection';
import { settleAppends, type LogWriter } from './log-writer';
import { fromWire, OPENED, type WriterAnswer, type WriterData, type WriterRequest } from './log-writer-messages';

/**
 * How long a call that must see the writes before it ({@link ThreadLogWriter.settleNow}) waits for
 * the writer thread before declaring it dead: well past SQLite's own busy timeout (5 s), so that
 * only a thread that stopped answering trips it.
 */
const ANSWER_TIMEOUT_MS = 30_000;

/** A request handed to the writer thread, until its answer. */
interface Pending {
  readonly settle: (answer: WriterAnswer) => void;
  readonly fail: (error: Error) => void;
  /** Time this thread spent on the request (handing over, settling, waiting for it in `settleNow`). */
  blockedMs: number;
}

/**
 * Writes on a worker thread with its own connection to the database file (WAL lets the storage's
 * connection read meanwhile): the event loop hands a turn's appends over (their buffers moved,
 * not copied) and goes on relaying while SQLite commits and waits for the fsync. Each append
 * resolves only when the thread answers that its transaction committed: resolved still means durable.
 *
 * The thread answers requests in order. A call of another store that must see the appends before
 * it waits for their answers synchronously (`settleNow`: the thread sleeps on a shared counter and
 * takes the answers off the port), because those stores run their statements as soon as they are
 * called. A writer thread that fails or exits fails every pending and later write with an error
 * that says so; none is reported stored.
 */
export class ThreadLogWriter implements LogWriter {
  private readonly pending = new Map<number, Pending>();
  private readonly waiters: { through: number; resolve: () => void }[] = [];
  private nextRequest = OPENED + 1;
  private failure: Error | undefined;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly answered: Int32Array,
    private readonly observe: CommitObserver | undefined,
  ) {
    port.on('message', (answer: WriterAnswer) => this.handle(answer));
    worker.on('error', (error) => this.fail(new Error(`The SQLite writer thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`The SQLite writer thread exited (code ${code})`));
    });
  }

  /** Starts the thread from the compiled `file` and resolves once it has opened `path`. */
  static async start(options: {
    readonly file: string;
    readonly path: string;
    readonly synchronous: SqliteSynchronous;
    readonly observe?: CommitObserver;
  }): Promise<ThreadLogWriter> {
    const { port1, port2 } = new MessageChannel();
    const answered = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const data: WriterData = { path: options.path, synchronous: options.synchronous, port: port2, answered };
    // No Node flags: the thread runs compiled code and needs none (no `--conditions=@quire/source`),
    // and a process flag such as `--expose-gc` would make the Worker refuse to start.
    const worker = new Worker(options.file, { workerData: data, transferList: [port2], execArgv: [] });
    const writer = new ThreadLogWriter(worker, port1, answered, options.observe);
    await new Promise<void>((resolve, reject) => {
      writer.track(OPENED, {
        settle: (answer) => (answer.error ? reject(fromWire(answer.error)) : resolve()),
        fail: reject,
        blockedMs: 0,
      });
    }).catch(async (error: unknown) => {
      writer.closing = true;
      await worker.terminate();
      throw error;
    });
    return writer;
  }

  commit(batch: readonly QueuedAppend[]): void {
    const started = performance.now();
    if (this.failure) {
      for (const append of batch) append.reject(this.failure);
      return;
    }
    const report = (ok: boolean) =>
      this.observe?.({ appends: batch.length, latencySeconds: (performance.now() - started) / 1000, blockedSeconds: pending.blockedMs / 1000, ok });
    const pending: Pending = {
      settle: (answer) => {
        const settling = performance.now();
        if (answer.outcomes) {
          settleAppends(batch, answer.outcomes.map((outcome): AppendOutcome => ('error' in outcome ? { error: fromWire(outcome.error) } : outcome)));
        } else {
          const error = fromWire(answer.error ?? { name: 'Error', message: 'The SQLite writer thread gave no outcome', code: undefined });
          for (const append of batch) append.reject(error);
        }
        pending.blockedMs += performance.now() - settling;
        report(answer.outcomes !== undefined);
      },
      fail: (error) => {
        for (const append of batch) append.reject(error);
        report(false);
      },
      blockedMs: 0,
    };
    // The copies the log made are the thread's now: moved, not copied again.
    const buffers = batch.flatMap(({ updates }) => updates.map(({ buffer }) => buffer as ArrayBuffer));
    const appends = batch.map(({ id, updates, title, authors, clients }) => ({ id, updates, title, authors, clients }));
    this.send({ kind: 'append', request: this.nextRequest, appends }, pending, buffers);
    pending.blockedMs += performance.now() - started;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const copy = new Uint8Array(snapshot);
    return new Promise((resolve, reject) => {
      const settle = (answer: WriterAnswer) => (answer.error ? reject(fromWire(answer.error)) : resolve());
      this.send({ kind: 'compact', request: this.nextRequest, id, snapshot: copy, throughSeq }, { settle, fail: reject, blockedMs: 0 }, [copy.buffer]);
    });
  }

  settleNow(): void {
    const deadline = performance.now() + ANSWER_TIMEOUT_MS;
    while (this.pending.size > 0) {
      const seen = Atomics.load(this.answered, 0);
      const received = receiveMessageOnPort(this.port);
      if (received) {
        this.handle(received.message as WriterAnswer);
        continue;
      }
      const waiting = performance.now();
      if (waiting >= deadline) {
        this.fail(new Error(`The SQLite writer thread did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`));
        void this.worker.terminate();
        return;
      }
      Atomics.wait(this.answered, 0, seen, deadline - waiting);
      // The event loop was held for the oldest write still pending.
      const oldest = this.pending.values().next().value;
      if (oldest) oldest.blockedMs += performance.now() - waiting;
    }
  }

  settled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ through: this.nextRequest - 1, resolve }));
  }

  async close(): Promise<void> {
    await this.settled();
    // The thread ends once it has closed its connection: an exit from now on is no failure.
    this.closing = true;
    if (!this.failure) {
      await new Promise<void>((resolve, reject) => {
        const settle = (answer: WriterAnswer) => (answer.error ? reject(fromWire(answer.error)) : resolve());
        this.send({ kind: 'close', request: this.nextRequest }, { settle, fail: reject, blockedMs: 0 }, []);
      });
    }
    this.failure ??= new StorageError('closed', 'SqliteStorage is closed');
    await this.worker.terminate();
  }

  private send(request: WriterRequest, pending: Pending, transfer: ArrayBuffer[]): void {
    this.track(request.request, pending);
    this.nextRequest = request.request + 1;
    try {
      this.port.postMessage(request, transfer);
    } catch (error) {
      // Not handed over (a value that cannot be cloned): this request fails alone, nothing waits for it.
      this.pending.delete(request.request);
      pending.fail(error instanceof Error ? error : new Error(String(error)));
      this.idleIfDone();
      this.wakeSettled();
    }
  }

  private track(request: number, pending: Pending): void {
    this.pending.set(request, pending);
    // While a write is pending, the thread keeps the process alive; idle, it does not.
    this.worker.ref();
    this.port.ref();
  }

  private handle(answer: WriterAnswer): void {
    const pending = this.pending.get(answer.request);
    if (!pending) return;
    this.pending.delete(answer.request);
    pending.settle(answer);
    this.idleIfDone();
    this.wakeSettled();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.fail(error);
    this.idleIfDone();
    this.wakeSettled();
  }

  /** Resolves the waiters whose requests are all settled (pending ones are kept in request order). */
  private wakeSettled(): void {
    const oldest: number | undefined = this.pending.keys().next().value;
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      if (oldest === undefined || this.waiters[index].through < oldest) this.waiters.splice(index, 1)[0].resolve();
    }
  }

  private idleIfDone(): void {
    if (this.pending.size > 0) return;
    this.worker.unref();
    this.port.unref();
  }
}
