import { decodeMessage } from '@quire/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocumentState, MAX_UNSETTLED, SETTLE_DELAY_MS } from './document-state';
import { RecordingLogger } from './testing/recording-logger';
import { textUpdate, twoConsecutiveUpdates } from './testing/updates';
import { busOrigin, settledBusOrigin } from './transaction-origin';

function stateOf(updates: readonly Uint8Array[] = []) {
  const emitted: { update: Uint8Array; origin: unknown }[] = [];
  const missing = vi.fn();
  const logger = new RecordingLogger();
  const state = new DocumentState('d', DocumentState.read('d', updates), logger, {
    onUpdate: (update, origin) => emitted.push({ update, origin }),
    onMissingUpdates: missing,
  });
  return { state, emitted, missing, logger };
}

const textOf = (doc: Y.Doc) => doc.getText('text').toString();

/** `count` consecutive one-character updates of one client. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) doc.getText('text').insert(index, 'x');
  doc.destroy();
  return updates;
}

describe('DocumentState', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads stored updates with the store origin, and refuses ones that leave a gap', () => {
    const doc = DocumentState.read('d', [textUpdate('stored')]);
    expect(textOf(doc)).toBe('stored');
    const [, second] = twoConsecutiveUpdates();
    expect(() => DocumentState.read('d', [second])).toThrow('Stored updates of document d depend on updates that are not stored');
  });

  it('applies the updates from the bus that wait before anyone reads the doc, with the settled origin', () => {
    const { state, emitted } = stateOf();
    state.deferBusUpdate(textUpdate('from the bus'));
    expect(emitted).toEqual([]);
    expect(textOf(state.doc)).toBe('from the bus');
    expect(emitted.map((entry) => entry.origin)).toEqual([settledBusOrigin]);
    state.destroy();
  });

  it('applies them after SETTLE_DELAY_MS when nothing reads the doc, and at once past MAX_UNSETTLED', () => {
    vi.useFakeTimers();
    const { state, emitted } = stateOf();
    state.deferBusUpdate(textUpdate('later'));
    vi.advanceTimersByTime(SETTLE_DELAY_MS - 1);
    expect(emitted).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(emitted).toHaveLength(1);
    for (const update of keystrokes(MAX_UNSETTLED)) state.deferBusUpdate(update);
    expect(emitted).toHaveLength(2);
    state.destroy();
  });

  it('a client update is applied after the waiting bus updates, so it may build on them', () => {
    const { state, emitted } = stateOf();
    const remote = new Y.Doc();
    const updates: Uint8Array[] = [];
    remote.on('update', (update: Uint8Array) => updates.push(update));
    remote.getText('text').insert(0, 'bus');
    remote.getText('text').insert(3, ' then client');
    state.deferBusUpdate(updates[0]);
    const origin = { kind: 'client', connection: { connectionId: 'c' } };
    expect(state.applyClientUpdate(updates[1], origin)).toBe(true);
    expect(emitted.map((entry) => entry.origin)).toEqual([settledBusOrigin, origin]);
    expect(textOf(state.doc)).toBe('bus then client');
    state.destroy();
  });

  it('keeps nothing pending of a client update with a gap, or of one Yjs cannot read', () => {
    const { state, emitted } = stateOf();
    const [, second] = twoConsecutiveUpdates();
    expect(state.applyClientUpdate(second, undefined)).toBe(false);
    expect(state.doc.store.pendingStructs).toBeNull();
    expect(() => state.applyClientUpdate(new Uint8Array([1, 2, 3, 250, 250]), undefined)).toThrow();
    expect(state.doc.store.pendingStructs).toBeNull();
    expect(state.doc.store.pendingDs).toBeNull();
    expect(emitted).toEqual([]);
    state.destroy();
  });

  it('asks for a catch-up when an update from the bus depends on one never received', () => {
    const { state, missing, logger } = stateOf();
    const [, second] = twoConsecutiveUpdates();
    state.deferBusUpdate(second);
    expect(textOf(state.doc)).toBe('');
    expect(missing).toHaveBeenCalledTimes(1);
    expect(state.doc.store.pendingStructs).toBeNull();
    expect(logger.lines.map((line) => line.message)).toContain('An update from the bus depends on one not received; catching up from the store');
    state.destroy();
  });

  it('applies stored rows with the bus origin, and snapshots them with the doc', () => {
    const { state, emitted } = stateOf([textUpdate('a')]);
    const snapshot = state.snapshotWith([textUpdate('b')]);
    expect(emitted.map((entry) => entry.origin)).toEqual([busOrigin]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, snapshot!);
    expect(textOf(copy)).toBe(textOf(state.doc));
    expect(textOf(copy)).toHaveLength(2);
    const [, second] = twoConsecutiveUpdates();
    expect(state.snapshotWith([second])).toBeUndefined();
    expect(state.doc.store.pendingStructs).toBeNull();
    state.destroy();
  });

  it('encodes the whole document for joiners that have nothing once per version, and what a client lacks otherwise', () => {
    const { state } = stateOf([textUpdate('shared')]);
    const empty = new Y.Doc();
    const first = state.syncStep2(Y.encodeStateVector(empty));
    expect(state.syncStep2(Y.encodeStateVector(empty))).toBe(first);
    state.deferBusUpdate(textUpdate('more'));
    const second = state.syncStep2(Y.encodeStateVector(empty));
    expect(second).not.toBe(first);
    const joiner = new Y.Doc();
    const message = decodeMessage(second);
    if (message.type !== 'sync-step-2') throw new Error(`expected a sync step 2, got ${message.type}`);
    Y.applyUpdate(joiner, message.update);
    expect(textOf(joiner)).toBe(textOf(state.doc));
    const upToDate = state.syncStep2(Y.encodeStateVector(joiner));
    const diff = decodeMessage(upToDate);
    if (diff.type !== 'sync-step-2') throw new Error(`expected a sync step 2, got ${diff.type}`);
    const probe = new Y.Doc();
    Y.applyUpdate(probe, diff.update);
    expect(textOf(probe)).toBe('');
    state.destroy();
  });
});
