import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from './update-guard';

/** The editing trace the benchmarks replay, in the repository (libs/bench-support/data/README.md). */
const TRACE = resolve(__dirname, '../../bench-support/data/automerge-paper.json.gz');

/** mulberry32: a seeded PRNG, so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fails with the update's bytes and what produced it, which a bare `not.toThrow` would not say. */
function expectAccepted(update: Uint8Array, what: string): void {
  try {
    checkUpdate(update);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}\n[${Array.from(update).join(',')}]`);
  }
}

const WORDS = ['a', 'hello ', 'é', '日本語', '👩‍💻', 'x\ny', '"[{', ''];

function randomValue(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * (depth > 3 ? 9 : 12));
  switch (pick) {
    case 0: return Math.floor(random() * 1000) - 500; // varInt
    case 1: return 0.5; // float32
    case 2: return Math.PI; // float64
    case 3: return 2 ** 40 + 1; // an integer past 31 bits: float64
    case 4: return [BigInt(-7) * BigInt(2 ** 40)]; // bigint64; a Y.Array takes it only inside a container
    case 5: return WORDS[Math.floor(random() * WORDS.length)];
    case 6: return random() < 0.5;
    case 7: return random() < 0.5 ? null : undefined;
    case 8: return Uint8Array.from([1, 2, 3, Math.floor(random() * 256)]);
    case 9: return [randomValue(random, depth + 1), randomValue(random, depth + 1)];
    case 10: return { k: randomValue(random, depth + 1), 'key with "quotes"': [] };
    default: return {};
  }
}

function randomText(random: () => number): string {
  return WORDS[Math.floor(random() * WORDS.length)] + String(Math.floor(random() * 100));
}

const at = (random: () => number, length: number) => Math.floor(random() * (length + 1));

/** One random edit of any shared type Yjs has, as an application would make it. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const text = doc.getText('text');
  const map = doc.getMap<unknown>('map');
  const array = doc.getArray<unknown>('array');
  const xml = doc.getXmlFragment('xml');
  const choice = Math.floor(random() * 16);
  switch (choice) {
    case 0: text.insert(at(random, text.length), randomText(random), random() < 0.5 ? { bold: true } : {}); break;
    case 1: if (text.length > 0) { const start = at(random, text.length - 1); text.delete(start, Math.min(4, text.length - start)); } break;
    case 2: text.format(at(random, text.length), 3, { italic: random() < 0.7 ? true : null, link: { href: 'https://x' } }); break;
    case 3: text.insertEmbed(at(random, text.length), { image: 'a.png', size: [1, { w: 2 }] }, { alt: 'x' }); break;
    case 4: text.applyDelta([{ retain: Math.min(1, text.length) }, { insert: 'Δ', attributes: { code: true } }]); break;
    case 5: map.set(`k${Math.floor(random() * 5)}`, randomValue(random)); break;
    case 6: map.set(`bin${Math.floor(random() * 2)}`, Uint8Array.from([9, 8, 7])); break; // ContentBinary
    case 7: {
      const nested = new Y.Map<unknown>();
      map.set(`nested${Math.floor(random() * 3)}`, nested);
      nested.set('inner', randomValue(random));
      nested.set('text', new Y.Text('inner text'));
      break;
    }
    case 8: map.set(`doc${Math.floor(random() * 2)}`, new Y.Doc({ meta: { title: 'sub' }, autoLoad: random() < 0.5 })); break;
    case 9: map.delete(`k${Math.floor(random() * 5)}`); break;
    case 10: array.insert(at(random, array.length), [randomValue(random) ?? null, randomValue(random) ?? null]); break; // no top-level undefined
    case 11: if (array.length > 0) { const start = at(random, array.length - 1); array.delete(start, Math.min(3, array.length - start)); } break;
    case 12: { const inner = new Y.Array<unknown>(); inner.push([1, 'two']); array.push([inner]); break; }
    case 13: {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('align', random() < 0.5 ? 'left' : 'center');
      const content = new Y.XmlText();
      content.insert(0, randomText(random), { strong: {} });
      // Yjs accepts hooks as children, though its types leave them out.
      paragraph.insert(0, [content, new Y.XmlHook('mention') as unknown as Y.XmlElement]);
      xml.insert(at(random, xml.length), [paragraph, new Y.XmlText('loose')]);
      break;
    }
    case 14: {
      const element = xml.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement);
      if (!element) break;
      if (random() < 0.3) element.removeAttribute('align');
      else element.setAttribute('data-n', String(Math.floor(random() * 9)));
      const child = element.get(0);
      if (child instanceof Y.XmlText) {
        child.format(0, Math.min(2, child.length), { em: true });
        if (child.length > 1) child.delete(0, 1);
      }
      break;
    }
    default: if (xml.length > 0) xml.delete(at(random, xml.length - 1), 1);
  }
}

/** Adds the kinds of struct and content in `update` to `seen`, to show what the edits covered. */
function collectKinds(update: Uint8Array, seen: Set<string>): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    seen.add(struct instanceof Y.Item ? struct.content.constructor.name : struct.constructor.name);
  }
}

/** A few clients editing at random and syncing at random, every update Yjs emits checked. */
function editTogether(seed: number, options: { gc: boolean; edits: number }, seen: Set<string>): Y.Doc[] {
  const random = seededRandom(seed);
  const docs = [0, 1, 2].map(() => new Y.Doc({ gc: options.gc }));
  const snapshots: Uint8Array[] = [];
  const emitted: Uint8Array[] = [];
  for (const [index, doc] of docs.entries()) {
    doc.on('update', (update: Uint8Array) => {
      expectAccepted(update, `seed ${seed}: update event of client ${index}`);
      if (index === 0) emitted.push(update);
    });
  }
  for (let i = 0; i < options.edits; i++) {
    const doc = docs[Math.floor(random() * docs.length)];
    if (random() < 0.3) doc.transact(() => { for (let n = 0; n < 4; n++) randomEdit(doc, random); });
    else randomEdit(doc, random);
    if (random() < 0.25) {
      // Sync two clients with diffs against each other's state vector: structs that start inside an item.
      const [a, b] = [docs[Math.floor(random() * 3)], docs[Math.floor(random() * 3)]];
      const diff = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
      expectAccepted(diff, `seed ${seed}: diff at edit ${i}`);
      Y.applyUpdate(b, diff);
    }
    if (i % 20 === 0) snapshots.push(Y.encodeStateAsUpdate(doc));
  }
  for (const doc of docs) {
    const state = Y.encodeStateAsUpdate(doc);
    expectAccepted(state, `seed ${seed}: whole state`);
    collectKinds(state, seen);
  }
  // Merging updates that are not consecutive leaves gaps, written as Skip structs.
  const skipping = Y.mergeUpdates(emitted.filter((_, index) => index % 2 === 0));
  expectAccepted(skipping, `seed ${seed}: merged diffs`);
  collectKinds(skipping, seen);
  expectAccepted(Y.mergeUpdates(snapshots), `seed ${seed}: merged snapshots`);
  expectAccepted(Y.diffUpdate(Y.mergeUpdates(snapshots), Y.encodeStateVector(docs[1])), `seed ${seed}: diffed snapshots`);
  expectAccepted(Y.convertUpdateFormatV2ToV1(Y.encodeStateAsUpdateV2(docs[0])), `seed ${seed}: from v2`);
  return docs;
}

describe('checkUpdate accepts what Yjs writes', () => {
  it('random edits of every shared type by three clients, with garbage collection', () => {
    const seen = new Set<string>();
    for (const seed of [1, 2, 3]) for (const doc of editTogether(seed, { gc: true, edits: 150 }, seen)) doc.destroy();
    // Every struct and content kind Yjs writes today (ContentJSON only in old documents, below).
    expect([...seen].sort()).toEqual([
      'ContentAny', 'ContentBinary', 'ContentDeleted', 'ContentDoc', 'ContentEmbed', 'ContentFormat',
      'ContentString', 'ContentType', 'GC', 'Skip',
    ]);
  });

  it('random edits with garbage collection off, so deleted content stays as it was', () => {
    const seen = new Set<string>();
    for (const seed of [4, 5]) for (const doc of editTogether(seed, { gc: false, edits: 150 }, seen)) doc.destroy();
    expect(seen.has('GC')).toBe(false);
  });

  it('GC structs and deleted content after whole types are deleted', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('map');
    const nested = new Y.Map<unknown>();
    map.set('gone', nested);
    nested.set('deep', new Y.Text('soon collected'));
    const before = Y.encodeStateVector(doc);
    map.delete('gone');
    doc.getText('t').insert(0, 'abcdef');
    doc.getText('t').delete(1, 4);
    expectAccepted(Y.encodeStateAsUpdate(doc), 'after deleting a type');
    expectAccepted(Y.encodeStateAsUpdate(doc, before), 'diff after deleting a type');
    const content = Y.decodeUpdate(Y.encodeStateAsUpdate(doc));
    expect(content.structs.some((struct) => struct instanceof Y.GC)).toBe(true);
  });

  it('legacy JSON content, which Yjs still reads', () => {
    const legacy = (() => {
      const encoder = encoding.createEncoder();
      for (const n of [1, 1, 5, 0]) encoding.writeVarUint(encoder, n); // one client, one struct
      encoding.writeUint8(encoder, 2); // ContentJSON
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, 'a');
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarString(encoder, '{"x":[1,2]}');
      encoding.writeVarString(encoder, 'undefined');
      encoding.writeVarUint(encoder, 0);
      return encoding.toUint8Array(encoder);
    })();
    expectAccepted(legacy, 'ContentJSON');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, legacy);
    expect(doc.getArray('a').toJSON()).toEqual([{ x: [1, 2] }, undefined]);
  });

  it('values nested 100 deep, the default limit', () => {
    const doc = new Y.Doc();
    let value: unknown = 'leaf';
    for (let i = 0; i < 100; i++) value = i % 2 === 0 ? [value] : { v: value };
    doc.getMap('m').set('deep', value);
    expectAccepted(Y.encodeStateAsUpdate(doc), 'a value nested 100 deep');
  });

  it('the first 5,000 operations of a real editing trace (automerge-paper)', { timeout: 30_000 }, () => {
    const { txns } = JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8')) as {
      txns: Array<{ patches: Array<[number, number, string]> }>;
    };
    const doc = new Y.Doc();
    const text = doc.getText('text');
    let updates = 0;
    doc.on('update', (update: Uint8Array) => {
      updates++;
      expectAccepted(update, `trace update ${updates}`);
    });
    let operations = 0;
    let halfway: Uint8Array = new Uint8Array();
    for (const txn of txns) {
      for (const [position, deleteCount, insert] of txn.patches) {
        if (operations++ >= 5_000) break;
        if (operations === 2_500) halfway = Y.encodeStateVector(doc);
        if (deleteCount > 0) text.delete(position, deleteCount);
        if (insert !== '') text.insert(position, insert);
      }
      if (operations >= 5_000) break;
    }
    expect(updates).toBeGreaterThan(4_000);
    expectAccepted(Y.encodeStateAsUpdate(doc), 'the trace document');
    expectAccepted(Y.encodeStateAsUpdate(doc, halfway), 'the second half of the trace');
  });
});
