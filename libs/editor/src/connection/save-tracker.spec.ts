import { describe, expect, it } from 'vitest';
import { SaveTracker } from './save-tracker';

describe('SaveTracker', () => {
  it('is saved once the frame carrying the latest change is acknowledged', () => {
    const tracker = new SaveTracker();
    tracker.frameSent('update');
    tracker.change(true);
    tracker.frameSent('update');
    tracker.change(true);
    expect(tracker.unsaved).toBe(2);
    tracker.acknowledged(1);
    expect(tracker.unsaved).toBe(2);
    tracker.acknowledged(2);
    expect(tracker.unsaved).toBe(0);
  });

  it('waits for the step 2 that carries changes made without a socket, even when a later frame is acknowledged first', () => {
    const tracker = new SaveTracker();
    tracker.change(false);
    tracker.newSocket();
    // Typed after the socket opened, before the server's step 1: sent as frame 1, acknowledged.
    tracker.frameSent('update');
    tracker.change(true);
    tracker.acknowledged(1);
    expect(tracker.unsaved).toBe(2);
    tracker.frameSent('sync-step-2');
    tracker.acknowledged(2);
    expect(tracker.unsaved).toBe(0);
  });

  it('sends what a lost socket left unacknowledged in the next one’s step 2', () => {
    const tracker = new SaveTracker();
    tracker.frameSent('sync-step-2');
    tracker.frameSent('update');
    tracker.change(true);
    tracker.newSocket();
    tracker.acknowledged(5);
    expect(tracker.unsaved).toBe(1);
    tracker.frameSent('sync-step-2');
    tracker.acknowledged(1);
    expect(tracker.unsaved).toBe(0);
  });

  it('counts restored changes from an earlier page until they are acknowledged', () => {
    const tracker = new SaveTracker();
    tracker.restore(12, false);
    expect(tracker.unsaved).toBe(12);
    tracker.newSocket();
    tracker.frameSent('sync-step-2');
    tracker.acknowledged(1);
    expect(tracker.unsaved).toBe(0);
  });
});
