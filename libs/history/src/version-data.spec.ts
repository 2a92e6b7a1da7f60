import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alongChain, encodeVersion, isUnchanged, KEYFRAME_FACTOR, rebuildVersion, type EncodedVersion } from './version-data';

/** A Y.Text edited by several clients, and its versions stored one after the other. */
class History {
  readonly doc = new Y.Doc();
  readonly stored: EncodedVersion[] = [];
  private chainBytes = 0;

  get text(): Y.Text {
    return this.doc.getText('t');
  }

  /** Edits as another client (a fresh Y.Doc synced both ways), as people on other browsers do. */
  editAs(edit: (text: Y.Text) => void): void {
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(this.doc));
    edit(other.getText('t'));
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(this.doc)));
    other.destroy();
  }

  record(documentBytes = Y.encodeStateAsUpdate(this.doc).byteLength, doc = this.doc): EncodedVersion {
    const previous = this.stored.at(-1);
    const version = encodeVersion(doc, previous && { state: previous.state, chainBytes: this.chainBytes }, documentBytes);
    this.chainBytes = version.keyframe ? version.data.byteLength : this.chainBytes + version.data.byteLength;
    this.stored.push(version);
    return version;
  }

  /** The data that rebuilds version `index`: its keyframe and every change after it. */
  chain(index: number): Uint8Array[] {
    let start = index;
    while (!this.stored[start].keyframe) start--;
    return this.stored.slice(start, index + 1).map((version) => version.data);
  }
}

describe('encodeVersion', () => {
  it('stores the first version whole, then changes that rebuild every version exactly', () => {
    const history = new History();
    const texts: string[] = [];
    history.text.insert(0, 'The quick brown fox');
    for (let round = 0; round < 12; round++) {
      history.editAs((text) => {
        text.insert(round % text.length, `[${round}]`);
        if (text.length > 10) text.delete((round * 7) % (text.length - 5), 3);
      });
      history.text.format(0, 3, { bold: round % 2 === 0 ? true : null });
      texts.push(history.text.toString());
      history.record();
    }

    expect(history.stored.map((version) => version.keyframe)).toEqual([true, ...Array(11).fill(false)]);
    history.stored.forEach((version, index) => {
      const rebuilt = rebuildVersion(history.chain(index));
      expect(rebuilt.getText('t').toString(), `version ${index}`).toBe(texts[index]);
      expect(Y.equalSnapshots(Y.snapshot(rebuilt), Y.decodeSnapshot(version.state)), `version ${index} snapshot`).toBe(true);
    });
  });

  it('carries only the deletions made since the previous version, not the whole delete set again', () => {
    const history = new History();
    for (let i = 0; i < 400; i++) {
      history.text.insert(history.text.length, `word${i} `);
      if (i % 2 === 1) history.text.delete(history.text.length - 4, 2);
    }
    history.record();
    history.text.insert(0, 'x');
    const previousVector = Y.decodeSnapshot(history.stored[0].state).sv;
    const withWholeDeleteSet = Y.encodeStateAsUpdate(history.doc, Y.encodeStateVector(previousVector));

    const change = history.record();

    expect(change.keyframe).toBe(false);
    // 200 separate deleted ranges: a few hundred bytes Yjs would repeat, and this does not.
    expect(withWholeDeleteSet.byteLength - change.data.byteLength).toBeGreaterThan(300);
    expect(rebuildVersion(history.chain(1)).getText('t').toString()).toBe(history.text.toString());
  });

  it('records a deletion alone as a change', () => {
    const history = new History();
    history.text.insert(0, 'keep this, drop that');
    history.record();
    history.editAs((text) => text.delete(10, 10));

    expect(isUnchanged(history.doc, history.stored[0].state)).toBe(false);
    history.record();
    expect(rebuildVersion(history.chain(1)).getText('t').toString()).toBe('keep this,');
  });

  it('stores a keyframe once the changes since the last one would outweigh the document', () => {
    const history = new History();
    history.text.insert(0, 'x'.repeat(100));
    history.record();
    const kinds: boolean[] = [];
    for (let i = 0; i < 40; i++) {
      history.text.delete(0, 50);
      history.text.insert(0, `${i}`.padEnd(50, 'y'));
      kinds.push(history.record().keyframe);
    }
    const firstKeyframe = kinds.indexOf(true);
    expect(firstKeyframe).toBeGreaterThan(0);
    // Every chain stays under the bound (plus the one change that crossed it).
    for (let index = 0; index < history.stored.length; index++) {
      const bytes = history.chain(index).reduce((sum, data) => sum + data.byteLength, 0);
      expect(bytes).toBeLessThanOrEqual((KEYFRAME_FACTOR + 1) * Y.encodeStateAsUpdate(history.doc).byteLength);
    }
    expect(rebuildVersion(history.chain(history.stored.length - 1)).getText('t').toString()).toBe(history.text.toString());
  });

  it('stores a keyframe for a state that does not contain the previous version’s', () => {
    const history = new History();
    history.text.insert(0, 'before');
    const older = new Y.Doc();
    Y.applyUpdate(older, Y.encodeStateAsUpdate(history.doc));
    history.text.insert(6, ' and after');
    history.record();

    const version = history.record(undefined, older);

    expect(version.keyframe).toBe(true);
    expect(rebuildVersion(history.chain(1)).getText('t').toString()).toBe('before');
  });
});

describe('isUnchanged', () => {
  it('is true for the same state, whichever doc holds it, and false after any edit', () => {
    const history = new History();
    history.text.insert(0, 'same');
    const { state } = history.record();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(history.doc));

    expect(isUnchanged(copy, state)).toBe(true);
    copy.getText('t').format(0, 1, { bold: true });
    expect(isUnchanged(copy, state)).toBe(false);
  });
});

describe('alongChain', () => {
  it('reads every version along one chain in one rebuild', () => {
    const history = new History();
    const texts: string[] = [];
    for (const word of ['a', 'b', 'c', 'd']) {
      history.editAs((text) => text.insert(text.length, word));
      texts.push(history.text.toString());
      history.record();
    }
    expect(alongChain(history.chain(3), [1, 2, 4], (doc) => doc.getText('t').toString())).toEqual([texts[0], texts[1], texts[3]]);
  });
});

describe('rebuildVersion', () => {
  it('refuses a chain with a change missing', () => {
    const history = new History();
    for (const word of ['a', 'b', 'c']) {
      history.editAs((text) => text.insert(text.length, word));
      history.record();
    }
    const [keyframe, , last] = history.chain(2);
    expect(() => rebuildVersion([keyframe, last])).toThrow('chain is broken');
  });
});
