import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UPDATE_PART_BYTES } from './update-parts';
import type { NextTask } from '../next-task';
import { applyUpdatesInParts } from './apply-in-parts';
import { typedDocument } from '../testing/typed-document';

/** Tasks run only when the test says: how many parts waited, and each part's own task. */
function heldTasks() {
  const queue: (() => void)[] = [];
  const nextTask: NextTask = (next) => {
    queue.push(next);
    return () => undefined;
  };
  const runAll = async () => {
    let ran = 0;
    for (;;) {
      await Promise.resolve();
      const next = queue.shift();
      if (!next) {
        // The helper awaits before it queues again: give it a turn before deciding it is done.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (queue.length === 0) return ran;
        continue;
      }
      next();
      ran++;
    }
  };
  return { nextTask, runAll };
}

describe('applying a copy of a document a part at a time', () => {
  it('cuts one large update into tasks of its own and ends with the same document', async () => {
    const { doc: source } = typedDocument(500);
    const whole = Y.encodeStateAsUpdate(source);
    const target = new Y.Doc();
    const origins = new Set<unknown>();
    const local = new Set<boolean>();
    target.on('update', (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      origins.add(origin);
      local.add(transaction.local);
    });
    const origin = { test: true };
    const { nextTask, runAll } = heldTasks();
    const applied = applyUpdatesInParts(target, [whole], origin, () => false, nextTask);
    const tasks = await runAll();
    expect(await applied).toBe(true);
    expect(tasks).toBeGreaterThanOrEqual(Math.floor(whole.length / UPDATE_PART_BYTES) - 1);
    expect(target.getXmlFragment('prosemirror').toString()).toBe(source.getXmlFragment('prosemirror').toString());
    expect([...origins]).toEqual([origin]);
    // As Yjs applies any update: not typed here (undo and the keep-unread-selection plugin tell by it).
    expect([...local]).toEqual([false]);
  });

  it('puts many small updates together rather than a task each', async () => {
    const { doc: source, updates } = typedDocument(300);
    const target = new Y.Doc();
    const { nextTask, runAll } = heldTasks();
    const applied = applyUpdatesInParts(target, updates, null, () => false, nextTask);
    const tasks = await runAll();
    expect(await applied).toBe(true);
    expect(tasks).toBeLessThan(updates.length / 10);
    expect(target.getXmlFragment('prosemirror').toString()).toBe(source.getXmlFragment('prosemirror').toString());
  });

  it('stops between parts once told to, leaving the rest unapplied', async () => {
    const { doc: source } = typedDocument(500);
    const target = new Y.Doc();
    let parts = 0;
    target.on('update', () => parts++);
    const { nextTask, runAll } = heldTasks();
    const applied = applyUpdatesInParts(target, [Y.encodeStateAsUpdate(source)], null, () => parts >= 2, nextTask);
    await runAll();
    expect(await applied).toBe(false);
    expect(parts).toBe(2);
    expect(target.getXmlFragment('prosemirror').length).toBeLessThan(500);
  });
});
