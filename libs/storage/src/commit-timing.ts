/**
 * One durable write of the update log, as the server's metrics see it: how long the appends waited
 * for it to be durable, and how much of that the event loop was held (the calling thread could do
 * nothing else, such as relaying another document's updates).
 */
export interface CommitTiming {
  /** Appends that shared this commit: a SQLite group commit holds every append of its turn. */
  readonly appends: number;
  /** From handing the write over to knowing it durable (or failed), in seconds. */
  readonly latencySeconds: number;
  /** Of that, the time the event loop was blocked, in seconds. */
  readonly blockedSeconds: number;
  /** Whether it committed; `false` when the transaction as a whole failed. */
  readonly ok: boolean;
}

/** Told of every commit of the update log's appends (see {@link CommitTiming}); must not throw. */
export type CommitObserver = (timing: CommitTiming) => void;
