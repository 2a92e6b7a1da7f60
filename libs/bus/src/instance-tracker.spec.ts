import { describe, expect, it } from 'vitest';
import { InstanceTracker } from './instance-tracker';

describe('InstanceTracker', () => {
  it('reports an instance gone once after the timeout, or at once on goodbye', () => {
    let now = 0;
    const gone: string[] = [];
    const tracker = new InstanceTracker(1_000, (id) => gone.push(id), () => now);
    tracker.seen('a');
    tracker.seen('b');
    now = 900;
    tracker.seen('b');
    tracker.check();
    expect(gone).toEqual([]);
    now = 1_000;
    tracker.check();
    tracker.check();
    expect(gone).toEqual(['a']);
    tracker.goodbye('b');
    expect(gone).toEqual(['a', 'b']);
    expect(tracker.alive).toEqual([]);
  });

  it('expires nobody while it cannot hear, and gives everyone a fresh timeout after', () => {
    let now = 0;
    const gone: string[] = [];
    const tracker = new InstanceTracker(1_000, (id) => gone.push(id), () => now);
    tracker.seen('a');
    tracker.pause();
    now = 5_000;
    tracker.check();
    expect(gone).toEqual([]);
    tracker.resume();
    now = 5_500;
    tracker.check();
    expect(gone).toEqual([]);
    now = 6_000;
    tracker.check();
    expect(gone).toEqual(['a']);
  });
});
