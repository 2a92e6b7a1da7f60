/**
 * Which other instances are alive, from their heartbeats: an instance not heard from for
 * `timeoutMs` (or that said goodbye) is reported gone once. While this instance cannot hear
 * anyone (its own subscription is down) nobody expires; once it hears again, everyone known gets
 * a fresh timeout.
 */
export class InstanceTracker {
  private readonly lastSeen = new Map<string, number>();
  private deaf = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onGone: (instanceId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Instances currently believed alive. */
  get alive(): string[] {
    return [...this.lastSeen.keys()];
  }

  /** A heartbeat (or any message) from `instanceId`. */
  seen(instanceId: string): void {
    this.lastSeen.set(instanceId, this.now());
  }

  /** `instanceId` stopped on purpose. Reported even if never heard from: its states may still be around. */
  goodbye(instanceId: string): void {
    this.lastSeen.delete(instanceId);
    this.onGone(instanceId);
  }

  /** This instance stopped hearing the others (its subscription dropped). */
  pause(): void {
    this.deaf = true;
  }

  /** This instance hears again: silence so far says nothing about the others. */
  resume(): void {
    this.deaf = false;
    const now = this.now();
    for (const instanceId of this.lastSeen.keys()) this.lastSeen.set(instanceId, now);
  }

  /** Reports every instance silent for the timeout as gone. */
  check(): void {
    if (this.deaf) return;
    const cutoff = this.now() - this.timeoutMs;
    for (const [instanceId, seen] of [...this.lastSeen]) {
      if (seen > cutoff) continue;
      this.lastSeen.delete(instanceId);
      this.onGone(instanceId);
    }
  }
}
