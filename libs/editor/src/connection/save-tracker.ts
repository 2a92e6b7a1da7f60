/**
 * Which local changes the server has confirmed storing, from its stored acknowledgements
 * (libs/protocol/PROTOCOL.md, "Stored acknowledgements"). Pure bookkeeping: the session tells it
 * about local changes, the update frames its socket sends, acknowledgements and new sockets.
 *
 * An acknowledgement counts frames (`through`), which covers deletions too (they move no clock).
 * A change made while the socket is open goes out at once as one update frame; a change made
 * without an open socket goes out in the sync step 2 of the next one, which carries everything
 * the server lacks. Everything is saved once the frame that carries the latest change is
 * acknowledged, and no change waits for a step 2.
 */
export class SaveTracker {
  /** Local changes not yet acknowledged as stored. */
  private unsavedCount = 0;
  /** Update frames sent on the current socket, and the highest acknowledged. */
  private sent = 0;
  private through = 0;
  /** The frame whose acknowledgement means everything sent is stored. */
  private needed: number | undefined;
  /** Some change has not gone out yet: only the next sync step 2 carries it. */
  private awaitingStep2 = false;

  get unsaved(): number {
    return this.unsavedCount;
  }

  /** A local change; `sentNow` when it just went out as an update frame on an open socket. */
  change(sentNow: boolean): void {
    this.add(1, sentNow);
  }

  /**
   * `count` changes of an earlier page, restored from this device; `sentNow` when they just went
   * out on an open socket (the provider sends what the local copy applies).
   */
  restore(count: number, sentNow: boolean): void {
    this.add(count, sentNow);
  }

  /** The socket sent a sync step 2 or an update frame. */
  frameSent(kind: 'sync-step-2' | 'update'): void {
    this.sent += 1;
    // A step 2 carries everything the server lacks: every change so far.
    if (kind === 'sync-step-2' && this.unsavedCount > 0) {
      this.needed = this.sent;
      this.awaitingStep2 = false;
    }
  }

  /** The server stored the frames through `through` of the current socket. */
  acknowledged(through: number): void {
    this.through = Math.max(this.through, through);
    if (!this.awaitingStep2 && this.needed !== undefined && this.through >= this.needed) {
      this.unsavedCount = 0;
      this.needed = undefined;
    }
  }

  /** A new socket: the server numbers its frames from 1; what was not acknowledged goes in its step 2. */
  newSocket(): void {
    this.sent = 0;
    this.through = 0;
    this.needed = undefined;
    if (this.unsavedCount > 0) this.awaitingStep2 = true;
  }

  private add(count: number, sentNow: boolean): void {
    this.unsavedCount += count;
    if (sentNow) this.needed = this.sent;
    else this.awaitingStep2 = true;
  }
}
