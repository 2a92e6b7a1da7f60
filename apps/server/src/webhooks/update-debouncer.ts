/**
 * Gathers a document's stored edits into one document.updated per quiet spell: the first edit
 * starts a timer of `delayMs`, each later one starts it again, and when it runs out the authors
 * gathered meanwhile go out together. Per instance: two instances editing one document each send
 * their own.
 */
export class UpdateDebouncer {
  private readonly pending = new Map<string, { authors: Set<string>; timer: NodeJS.Timeout }>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly delayMs: number,
    private readonly flush: (documentId: string, authorIds: string[]) => Promise<void>,
  ) {}

  /** Edits to a document were stored, by these users (undefined: the server's own). */
  note(documentId: string, authors: readonly (string | undefined)[]): void {
    const entry = this.pending.get(documentId);
    if (entry) clearTimeout(entry.timer);
    const gathered = entry?.authors ?? new Set<string>();
    for (const author of authors) if (author) gathered.add(author);
    const timer = setTimeout(() => this.fire(documentId), this.delayMs);
    timer.unref();
    this.pending.set(documentId, { authors: gathered, timer });
  }

  /** Sends every gathered document.updated now (a graceful stop) and waits for them. */
  async flushAll(): Promise<void> {
    for (const documentId of [...this.pending.keys()]) this.fire(documentId);
    await Promise.all([...this.running]);
  }

  private fire(documentId: string): void {
    const entry = this.pending.get(documentId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(documentId);
    const done: Promise<void> = this.flush(documentId, [...entry.authors]).finally(() => this.running.delete(done));
    this.running.add(done);
  }
}
